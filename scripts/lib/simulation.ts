import { tiersByRank, type Criterion, type Decision } from '../../force-app/main/default/lwc/tierEngine/tierEngine.ts';
import type { ProgramConfig } from './program/load-program.ts';
import {
  evaluateLoaded,
  loadProgramConfig,
  readSnapshotFor,
  type EvaluationRun,
  type RunOptions
} from './run-evaluation.ts';
import { readManifest } from './snapshot/manifest.ts';

export interface Movement {
  accountId: string;
  name: string;
  deployed: { tier: string; outcome: string };
  proposed: { tier: string; outcome: string; summary: string };
}

export interface Simulation {
  quarter: string;
  deployed: EvaluationRun;
  proposed: EvaluationRun;
  ruleChanges: string[];
  /** Rows: tier with the deployed rules; columns: tier with the proposed rules. */
  matrix: { tiers: string[]; counts: number[][] };
  movements: Movement[];
}

function describeCriterion(criterion: Criterion): string {
  const types = criterion.partnerType === 'All' ? '' : ` (${criterion.partnerType} only)`;
  return `${criterion.tier}: ${criterion.metric} ${criterion.operator} ${criterion.threshold}${types}${criterion.active ? '' : ' (inactive)'}`;
}

/** What the proposal changes, rule by rule, in words an admin reviews before deploying. */
export function ruleChanges(deployed: ProgramConfig, proposed: ProgramConfig): string[] {
  const changes: string[] = [];
  const before = new Map(deployed.criteria.map((criterion) => [criterion.name, criterion]));
  const after = new Map(proposed.criteria.map((criterion) => [criterion.name, criterion]));
  for (const [name, criterion] of after) {
    const old = before.get(name);
    if (!old) changes.push(`added ${name}: ${describeCriterion(criterion)}`);
    else if (describeCriterion(old) !== describeCriterion(criterion)) {
      changes.push(`changed ${name}: ${describeCriterion(old)} -> ${describeCriterion(criterion)}`);
    }
  }
  for (const [name, criterion] of before) {
    if (!after.has(name)) changes.push(`removed ${name}: ${describeCriterion(criterion)}`);
  }
  for (const key of Object.keys(deployed.settings) as (keyof ProgramConfig['settings'])[]) {
    if (deployed.settings[key] !== proposed.settings[key]) {
      changes.push(`setting ${key}: ${String(deployed.settings[key])} -> ${String(proposed.settings[key])}`);
    }
  }
  const tiersBefore = deployed.tiers.map((tier) => `${tier.name}=${tier.rank}`).join(', ');
  const tiersAfter = proposed.tiers.map((tier) => `${tier.name}=${tier.rank}`).join(', ');
  if (tiersBefore !== tiersAfter) changes.push(`tiers: ${tiersBefore} -> ${tiersAfter}`);
  return changes;
}

function resultOf(decision: Decision | undefined, skipped: boolean): { tier: string; outcome: string } {
  if (!decision) return { tier: '—', outcome: skipped ? 'Skipped' : '—' };
  return { tier: decision.resultingTier, outcome: decision.outcome };
}

/**
 * Evaluates the same snapshot and quarter with the deployed rules and with a proposal, reading the
 * snapshot once when both use the same window, and lists every partner whose result would differ.
 */
export async function simulate(options: RunOptions & { criteriaDir: string }): Promise<Simulation> {
  const deployedConfig = await loadProgramConfig();
  const proposedConfig = await loadProgramConfig(options.criteriaDir);
  const manifest = await readManifest(options.snapshotDir);
  const base = { ...options, criteriaDir: undefined };
  const first = await readSnapshotFor(base, manifest, deployedConfig, [proposedConfig]);
  const samePeriod = (() => {
    const settingsA = deployedConfig.settings;
    const settingsB = proposedConfig.settings;
    return (
      settingsA.windowQuarters === settingsB.windowQuarters &&
      settingsA.fiscalYearStartMonth === settingsB.fiscalYearStartMonth &&
      settingsA.fiscalYearBasedOn === settingsB.fiscalYearBasedOn
    );
  })();
  const second = samePeriod ? first : await readSnapshotFor(base, manifest, proposedConfig);
  const deployed = evaluateLoaded(manifest, deployedConfig, first.period, first.snapshot);
  const proposed = evaluateLoaded(manifest, proposedConfig, second.period, second.snapshot);

  const tiers = tiersByRank([
    ...deployedConfig.tiers,
    ...proposedConfig.tiers.filter((tier) => !deployedConfig.tiers.some((other) => other.name === tier.name))
  ]).map((tier) => tier.name);
  const counts = tiers.map(() => tiers.map(() => 0));
  const movements: Movement[] = [];
  const proposedById = new Map(proposed.evaluation.decisions.map((decision) => [decision.accountId, decision]));
  const skippedIds = new Set(deployed.evaluation.skipped.map((entry) => entry.accountId));
  const ids = [
    ...new Set([...deployed.evaluation.decisions.map((decision) => decision.accountId), ...proposedById.keys()])
  ].sort();
  const deployedById = new Map(deployed.evaluation.decisions.map((decision) => [decision.accountId, decision]));
  for (const accountId of ids) {
    const before = deployedById.get(accountId);
    const after = proposedById.get(accountId);
    if (before && after) counts[tiers.indexOf(before.resultingTier)][tiers.indexOf(after.resultingTier)]++;
    const deployedResult = resultOf(before, skippedIds.has(accountId));
    const proposedResult = resultOf(after, skippedIds.has(accountId));
    if (deployedResult.tier !== proposedResult.tier || deployedResult.outcome !== proposedResult.outcome) {
      movements.push({
        accountId,
        name: (before ?? after)!.name,
        deployed: deployedResult,
        proposed: { ...proposedResult, summary: after?.summary ?? '' }
      });
    }
  }
  return {
    quarter: deployed.period.quarter.label,
    deployed,
    proposed,
    ruleChanges: ruleChanges(deployedConfig, proposedConfig),
    matrix: { tiers, counts },
    movements
  };
}
