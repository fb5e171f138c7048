/*
 * `evaluate --target-org`: pre-flight, (with --apply) the run lock, a snapshot into a new run folder,
 * the same evaluation and report as offline, the write-back plan, and (with --apply, after a
 * confirmation) the write. Dry run by default: nothing is written to the org without --apply.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { progressReporter } from '../../cli/command.ts';
import { UserError } from '../errors.ts';
import { evaluationTable } from '../report/evaluation-table.ts';
import { writeEvaluationFiles } from '../report/evaluation-files.ts';
import { EVALUATION_COLUMNS, PROFILE_COLUMNS } from '../report/write-back-plan.ts';
import { evaluateLoaded, readSnapshotFor, resolveQuarter } from '../run-evaluation.ts';
import { readManifest, SNAPSHOT_FORMAT } from '../snapshot/manifest.ts';
import { copyFileTo } from '../write-outputs.ts';
import { applyReportText } from './apply-report.ts';
import { applyRun, WRITE_TARGETS } from './apply-run.ts';
import { writeMetadataRecords } from './metadata-xml.ts';
import { acquireLock, LOCK_FIELDS, LOCK_OBJECT, releaseLock, runKey, type HeldLock } from './lock.ts';
import { NOTIFICATION_TYPE } from './notifications.ts';
import { newLockId, openOrg, orgDeps, orgProgress, requireConfirmation, type OrgCliIo } from './org-cli.ts';
import { readOrgContext } from './org-context.ts';
import { assertPreflight, limitProblems, readProblems, writeProblems } from './preflight.ts';
import {
  CRITERIA_DIR,
  defaultRunDir,
  newRunInfo,
  RUN_FILE,
  SNAPSHOT_DIR,
  writeJsonAtomically,
  type RunInfo
} from './run-folder.ts';
import { snapshotQueries } from './snapshot-queries.ts';
import { takeSnapshot } from './take-snapshot.ts';

export interface OrgEvaluateOptions {
  target: string;
  quarter?: string;
  apply: boolean;
  yes: boolean;
  notify: boolean;
  runDir?: string;
  format: 'table' | 'json' | 'csv';
}

async function assertNewFolder(dir: string): Promise<void> {
  const entries = await readdir(dir).catch(() => [] as string[]);
  if (entries.length > 0) {
    throw new UserError(`${dir} already exists and is not empty.`, {
      hint: 'Each run gets a new folder: leave out --run-dir for runs/<orgId>-<quarter>-<time>, or name a new one.'
    });
  }
}

export async function evaluateInOrg(options: OrgEvaluateOptions, io: OrgCliIo): Promise<number> {
  const deps = orgDeps(io);
  const command = `evaluate --target-org ${options.target} --apply`;
  if (options.apply) requireConfirmation(options.yes, deps, command);
  const progress = orgProgress(io, options.format === 'table');
  const { session, client } = await openOrg(options.target, deps);
  const context = await readOrgContext(client, options.apply, `org ${session.username} (${session.orgId})`, {
    notificationType: options.apply && options.notify,
    user: options.apply
  });
  const config = context.program.config;
  const now = deps.now();
  const quarter = resolveQuarter(
    options.quarter,
    {
      format: SNAPSHOT_FORMAT,
      source: session.orgId,
      exportedAt: now.toISOString(),
      corporateCurrency: 'USD',
      files: {}
    },
    config.settings
  );

  const plan = snapshotQueries(context.describes, config.criteria);
  const problems = [
    ...readProblems(plan.missing),
    ...limitProblems(context.limits, {
      apiRequests: 150 + (options.apply ? 60 : 0),
      bulkQueryJobs: plan.queries.length,
      bulkBatches: options.apply ? 2 * WRITE_TARGETS.length : 0
    })
  ];
  let typeId: string | null = null;
  if (options.apply) {
    problems.push(
      ...writeProblems(context.describes.get('Tier_Evaluation__c'), {
        object: 'Tier_Evaluation__c',
        columns: EVALUATION_COLUMNS,
        operation: 'upsert',
        externalIdFieldName: 'Evaluation_Key__c'
      }),
      ...writeProblems(context.describes.get('Partner_Profile__c'), {
        object: 'Partner_Profile__c',
        columns: PROFILE_COLUMNS,
        operation: 'update'
      }),
      ...writeProblems(context.describes.get(LOCK_OBJECT), {
        object: LOCK_OBJECT,
        columns: ['Run_Key__c', ...LOCK_FIELDS],
        operation: 'upsert'
      })
    );
    if (options.notify) {
      typeId = context.notificationTypeId ?? null;
      if (!typeId) {
        problems.push(
          `The custom notification type ${NOTIFICATION_TYPE} is not in the org: deploy force-app (notificationtypes/), or add --no-notify.`
        );
      }
    }
  }
  assertPreflight(problems, options.target);

  const runDir = path.resolve(options.runDir ?? defaultRunDir(session.orgId, quarter.label, now));
  await assertNewFolder(runDir);
  const lockId = newLockId(session.orgId, quarter.label, now);
  let lock: HeldLock | undefined;
  const userId = options.apply ? context.userId! : '';
  if (options.apply) {
    lock = await acquireLock(client, {
      runKey: runKey(session.orgId, quarter.label),
      lockId,
      userId,
      quarter: quarter.label,
      now: deps.now,
      host: deps.host
    });
  }

  let info: RunInfo;
  try {
    progress?.(`Taking a snapshot of ${session.username} (${session.orgId}) into ${runDir}\n`);
    const snapshotDir = path.join(runDir, SNAPSHOT_DIR);
    await takeSnapshot({
      client,
      dir: snapshotDir,
      queries: plan.queries,
      orgId: session.orgId,
      currency: context.currency,
      exportedAt: now.toISOString(),
      pageSize: deps.pageSize,
      poll: deps.poll,
      concurrency: 4,
      progress
    });
    await writeMetadataRecords(path.join(runDir, CRITERIA_DIR), context.program.records);
    const manifest = await readManifest(snapshotDir);
    const { period, snapshot } = await readSnapshotFor(
      { snapshotDir, quarter: quarter.label, progress: progressReporter(io, options.format === 'table') },
      manifest,
      config
    );
    const run = evaluateLoaded(manifest, config, period, snapshot);
    const written = await writeEvaluationFiles(run, runDir, { tableRows: options.format === 'table' });
    info = newRunInfo({
      target: options.target,
      orgId: session.orgId,
      username: session.username,
      quarter: quarter.label,
      runId: run.runId,
      lockId,
      createdAt: now.toISOString()
    });
    await writeJsonAtomically(path.join(runDir, RUN_FILE), info);
    if (options.format === 'json') await copyFileTo(path.join(runDir, 'results.json'), io);
    else if (options.format === 'csv') await copyFileTo(path.join(runDir, 'results.csv'), io);
    else io.stdout(evaluationTable(run, { summary: written.summary, rows: written.tableRows! }));
  } catch (error) {
    // Nothing was written to the org yet: free the lock for the next run.
    if (lock) await releaseLock(client, lock, 'Failed').catch(() => undefined);
    throw error;
  }

  io.stderr(`Run folder: ${runDir} (snapshot, criteria, results, write-back plan).\n`);
  if (!options.apply) {
    io.stderr(
      `Dry run: nothing was written to ${session.username} (${session.orgId}). Review the plan, then apply it: partner-program apply ${runDir}\n`
    );
    return 0;
  }
  const report = await applyRun({
    client,
    runDir,
    info,
    userId,
    retryFailed: false,
    notificationTypeId: typeId,
    poll: deps.poll,
    now: deps.now,
    host: deps.host,
    lock,
    confirm: options.yes ? async () => true : deps.confirm,
    progress
  });
  io.stderr(applyReportText(report, runDir, `${session.username} (${session.orgId})`));
  return report.failures > 0 || report.objects.some((object) => object.jobFailures.length > 0) ? 1 : 0;
}
