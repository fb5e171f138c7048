/*
 * `apply <run dir>`: applies a run folder's reviewed write-back plan, resumes a run that was
 * interrupted (re-attaching to its Bulk jobs) or, with --retry-failed, sends the rows that failed.
 * Only to the org the run was taken from.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.ts';
import { EVALUATION_COLUMNS, PROFILE_COLUMNS } from '../report/write-back-plan.ts';
import { applyReportText } from './apply-report.ts';
import { applyRun, WRITE_TARGETS } from './apply-run.ts';
import { readState } from './apply-state.ts';
import { LOCK_FIELDS, LOCK_OBJECT } from './lock.ts';
import { notificationTypeId, NOTIFICATION_TYPE } from './notifications.ts';
import { openOrg, orgDeps, orgProgress, requireConfirmation, type OrgCliIo } from './org-cli.ts';
import { describeAll } from './org-context.ts';
import { assertPreflight, limitProblems, writeProblems } from './preflight.ts';
import { limits } from './rest.ts';
import { FAILURES_FILE, readRunInfo } from './run-folder.ts';
import { runningUserId } from './running-user.ts';

export interface OrgApplyOptions {
  runDir: string;
  retryFailed: boolean;
  yes: boolean;
  notify: boolean;
  /** Another alias or username for the same org (default: the one the run was taken with). */
  target?: string;
}

export async function applyInOrg(options: OrgApplyOptions, io: OrgCliIo): Promise<number> {
  const deps = orgDeps(io);
  const runDir = path.resolve(options.runDir);
  const info = await readRunInfo(runDir);
  const state = await readState(runDir);
  if (state?.completedAt && !options.retryFailed) {
    io.stdout(`${options.runDir} was applied completely on ${state.completedAt}; nothing to do.\n`);
    return 0;
  }
  if (options.retryFailed && !existsSync(path.join(runDir, FAILURES_FILE))) {
    io.stdout(`${options.runDir} has no failed rows to retry (no ${FAILURES_FILE}).\n`);
    return 0;
  }
  requireConfirmation(options.yes, deps, `apply ${options.runDir}`);
  const target = options.target ?? info.target;
  const { session, client } = await openOrg(target, deps);
  if (session.orgId.slice(0, 15) !== info.orgId.slice(0, 15)) {
    throw new UserError(
      `${options.runDir} was taken from org ${info.orgId}, but "${target}" is org ${session.orgId}; nothing was written.`,
      {
        hint: `Apply it to the org it was evaluated in: partner-program apply ${options.runDir} --target-org <alias of ${info.orgId}>`
      }
    );
  }
  const orgLimits = await limits(client);
  const describes = await describeAll(client, [...WRITE_TARGETS.map((target) => target.object), LOCK_OBJECT]);
  const problems = [
    ...limitProblems(orgLimits, { apiRequests: 60, bulkQueryJobs: 0, bulkBatches: 2 * WRITE_TARGETS.length }),
    ...writeProblems(describes.get('Tier_Evaluation__c'), {
      object: 'Tier_Evaluation__c',
      columns: EVALUATION_COLUMNS,
      operation: 'upsert',
      externalIdFieldName: 'Evaluation_Key__c'
    }),
    ...writeProblems(describes.get('Partner_Profile__c'), {
      object: 'Partner_Profile__c',
      columns: PROFILE_COLUMNS,
      operation: 'update'
    }),
    ...writeProblems(describes.get(LOCK_OBJECT), {
      object: LOCK_OBJECT,
      columns: ['Run_Key__c', ...LOCK_FIELDS],
      operation: 'upsert'
    })
  ];
  let typeId: string | null = null;
  if (options.notify) {
    typeId = await notificationTypeId(client);
    if (!typeId) {
      problems.push(
        `The custom notification type ${NOTIFICATION_TYPE} is not in the org: deploy force-app (notificationtypes/), or add --no-notify.`
      );
    }
  }
  assertPreflight(problems, target);
  const report = await applyRun({
    client,
    runDir,
    info,
    userId: await runningUserId(client),
    retryFailed: options.retryFailed,
    notificationTypeId: typeId,
    poll: deps.poll,
    now: deps.now,
    host: deps.host,
    confirm: options.yes ? async () => true : deps.confirm,
    progress: orgProgress(io, true)
  });
  io.stdout(applyReportText(report, options.runDir, `${session.username} (${session.orgId})`));
  return report.failures > 0 || report.objects.some((object) => object.jobFailures.length > 0) ? 1 : 0;
}
