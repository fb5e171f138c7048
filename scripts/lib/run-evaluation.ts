import { createHash } from 'node:crypto';
import path from 'node:path';
import {
  eachDecision,
  ENGINE_VERSION,
  evaluateProgram,
  partnersInOrder,
  skippedPartner,
  type Decision,
  evaluationPeriod,
  parseQuarter,
  quarterContaining,
  shiftQuarter,
  type EvaluationPeriod,
  type MetricValues,
  type Program,
  type ProgramEvaluation,
  type ProgramSettings,
  type Quarter,
  type Skipped
} from '../../force-app/main/default/lwc/tierEngine/tierEngine.ts';
import { UserError } from './errors.ts';
import { bindProgram, loadProgram, programHash, type ProgramConfig } from './program/load-program.ts';
import { deployedCustomMetadataDir, findProjectRoot } from './project.ts';
import { loadSnapshot, type Partner, type SnapshotData } from './snapshot/load-snapshot.ts';
import { readManifest, type Manifest } from './snapshot/manifest.ts';
import { MDF_SNAPSHOT_FILES } from './snapshot/schema.ts';

const isMdfFile = (name: string) => name.slice(0, -'.csv'.length) in MDF_SNAPSHOT_FILES;
import type { ReadProgress } from './snapshot/read-csv.ts';

export interface EvaluationRun {
  manifest: Manifest;
  config: ProgramConfig;
  program: Program;
  period: EvaluationPeriod;
  engineVersion: string;
  /** Partners that are not Active, in Account Id order (rule 1). */
  skipped: Skipped[];
  /**
   * Every decision at once, computed on first use. Large outputs use `decisions()` instead, which
   * decides partner by partner so no more than one decision is held.
   */
  readonly evaluation: ProgramEvaluation;
  /** The decisions one at a time, in Account Id order (the held ones once `evaluation` was used). */
  decisions: () => Iterable<Decision>;
  partners: Map<string, Partner>;
  metrics: Map<string, MetricValues>;
  /** Same inputs, same id: a fingerprint of snapshot, quarter, rules and engine version. */
  runId: string;
  criteriaHash: string;
  warnings: string[];
  snapshot: SnapshotData;
}

export interface RunOptions {
  snapshotDir: string;
  quarter?: string;
  /** A folder of custom metadata records that replaces the deployed records of the same types. */
  criteriaDir?: string;
  /** Collect the records behind one partner's metrics (explain). */
  detailFor?: (partner: Partner) => boolean;
  progress?: ReadProgress;
}

export function requireProjectRoot(): string {
  const root = findProjectRoot();
  if (!root) {
    throw new UserError(
      'Run this command inside the Partner Program project (no sfdx-project.json found above this folder).',
      {
        hint: 'cd into the project folder, where force-app/ holds the deployed program configuration.'
      }
    );
  }
  return root;
}

export async function loadProgramConfig(criteriaDir?: string): Promise<ProgramConfig> {
  return loadProgram(
    deployedCustomMetadataDir(requireProjectRoot()),
    criteriaDir ? path.resolve(criteriaDir) : undefined
  );
}

/** The requested quarter, or by default the last quarter that ended before the snapshot was taken. */
export function resolveQuarter(label: string | undefined, manifest: Manifest, settings: ProgramSettings): Quarter {
  const exportDate = manifest.exportedAt.slice(0, 10);
  const lastComplete = shiftQuarter(quarterContaining(exportDate, settings), -1, settings);
  if (label === undefined) return lastComplete;
  const quarter = parseQuarter(label, settings);
  if (!quarter) {
    throw new UserError(`--quarter "${label}" is not a quarter.`, {
      hint: 'Write the fiscal quarter as YYYY-Qn, e.g. 2026-Q3.'
    });
  }
  if (quarter.end >= exportDate) {
    throw new UserError(`${quarter.label} had not ended when the snapshot was taken (${manifest.exportedAt}).`, {
      hint: `Evaluate ${lastComplete.label} or an earlier quarter, or take a newer snapshot.`
    });
  }
  return quarter;
}

/** Covers only the files evaluate reads: adding the optional MDF files does not change a run's id. */
function runFingerprint(manifest: Manifest, quarter: Quarter, criteriaHash: string): string {
  const files = Object.entries(manifest.files)
    .filter(([name]) => !isMdfFile(name))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, file]) => `${name}:${file.sha256}`);
  const text = [manifest.source, manifest.exportedAt, ...files, quarter.label, criteriaHash, ENGINE_VERSION].join('\n');
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** Decides every partner with one program on data already loaded for its period. */
export function evaluateLoaded(
  manifest: Manifest,
  config: ProgramConfig,
  period: EvaluationPeriod,
  snapshot: SnapshotData
): EvaluationRun {
  const program = bindProgram(config, manifest.corporateCurrency);
  const metricsFor = (accountId: string) => snapshot.metrics.get(accountId) ?? {};
  const criteriaHash = programHash(config);
  let evaluation: ProgramEvaluation | undefined;
  return {
    manifest,
    config,
    program,
    period,
    engineVersion: ENGINE_VERSION,
    skipped: partnersInOrder(snapshot.partners)
      .map(skippedPartner)
      .filter((entry): entry is Skipped => entry !== null),
    get evaluation() {
      evaluation ??= evaluateProgram(snapshot.partners, metricsFor, program, period);
      return evaluation;
    },
    decisions: () => evaluation?.decisions ?? eachDecision(snapshot.partners, metricsFor, program, period),
    partners: new Map(snapshot.partners.map((partner) => [partner.accountId, partner])),
    metrics: snapshot.metrics,
    runId: runFingerprint(manifest, period.quarter, criteriaHash),
    criteriaHash,
    warnings: snapshot.warnings,
    snapshot
  };
}

/** Reads the snapshot for `config`'s evaluation window; `extraConfigs` add the FIELD: columns they need. */
export async function readSnapshotFor(
  options: RunOptions,
  manifest: Manifest,
  config: ProgramConfig,
  extraConfigs: ProgramConfig[] = []
): Promise<{ period: EvaluationPeriod; snapshot: SnapshotData }> {
  const quarter = resolveQuarter(options.quarter, manifest, config.settings);
  const period = evaluationPeriod(quarter, config.settings);
  const snapshot = await loadSnapshot({
    snapshotDir: options.snapshotDir,
    manifest,
    period,
    tiers: config.tiers,
    criteria: [...config.criteria, ...extraConfigs.flatMap((extra) => extra.criteria)],
    detailFor: options.detailFor,
    progress: options.progress
  });
  return { period, snapshot };
}

/** The quarterly evaluation of a snapshot with the deployed (or given) program. */
export async function runEvaluation(options: RunOptions): Promise<EvaluationRun> {
  const config = await loadProgramConfig(options.criteriaDir);
  const manifest = await readManifest(options.snapshotDir);
  const { period, snapshot } = await readSnapshotFor(options, manifest, config);
  return evaluateLoaded(manifest, config, period, snapshot);
}
