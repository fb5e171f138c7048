/*
 * Applying a run folder's write-back plan to the org: work out the rows that change something,
 * confirm, hold the run lock, write Tier_Evaluation__c (upsert on Evaluation_Key__c) and then
 * Partner_Profile__c (update by Id) through Bulk API 2.0, record failures, notify partner managers,
 * release the lock. Every step is recorded in state.json, so `apply <run dir>` resumes a run that
 * was interrupted anywhere.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { applyObject, type RowSelection } from './apply-object.ts';
import { emptyState, readState, saveState, type ApplyState, type ObjectState } from './apply-state.ts';
import { writeFailures, type ObjectOutcomes } from './failures.ts';
import type { SalesforceClient } from './http.ts';
import { rowOutcomes } from './job-outcomes.ts';
import { acquireLock, releaseLock, runKey, type HeldLock } from './lock.ts';
import { partnerNotifications, sendNotifications, type NotificationResult } from './notifications.ts';
import { writePlanChanges } from './plan-changes.ts';
import type { PollOptions } from './poll.ts';
import { APPLY_DIR, PLAN_FILES, SNAPSHOT_DIR, type RunInfo } from './run-folder.ts';

/** The objects a plan writes, in the order they are written. */
export const WRITE_TARGETS = [
  {
    object: 'Tier_Evaluation__c',
    keyColumn: 'Evaluation_Key__c',
    operation: 'upsert',
    externalIdFieldName: 'Evaluation_Key__c'
  },
  { object: 'Partner_Profile__c', keyColumn: 'Id', operation: 'update' }
] as const;

export interface ApplyOptions {
  client: SalesforceClient;
  runDir: string;
  info: RunInfo;
  userId: string;
  retryFailed: boolean;
  /** The notification type's id, or null to send no notifications (--no-notify). */
  notificationTypeId: string | null;
  poll: PollOptions;
  now: () => Date;
  host?: string;
  /** A lock the caller already holds (evaluate --apply takes it before the snapshot). */
  lock?: HeldLock;
  /** Asked once the changes are known; false stops before anything is written. */
  confirm: (question: string) => Promise<boolean>;
  progress?: (text: string) => void;
}

export interface ObjectReport {
  object: string;
  planned: number;
  changed: number;
  written: number;
  failed: number;
  jobs: string[];
  jobFailures: string[];
}

export interface ApplyReport {
  status: 'applied' | 'nothing-to-do' | 'declined';
  objects: ObjectReport[];
  failures: number;
  notifications: (NotificationResult & { withoutManager: number }) | null;
}

/** Reads or starts the apply state; on the first apply, works out the rows that change something. */
export async function prepareState(runDir: string): Promise<ApplyState> {
  const existing = await readState(runDir);
  if (existing && existing.objects.length > 0) return existing;
  const state = existing ?? emptyState();
  await mkdir(path.join(runDir, APPLY_DIR), { recursive: true });
  for (const target of WRITE_TARGETS) {
    const changesFile = path.join(APPLY_DIR, `${target.object}-changes.csv`);
    const { planned, changed } = await writePlanChanges(
      path.join(runDir, PLAN_FILES[target.object]),
      path.join(runDir, SNAPSHOT_DIR, `${target.object}.csv`),
      target.keyColumn,
      path.join(runDir, changesFile)
    );
    const object: ObjectState = {
      object: target.object,
      keyColumn: target.keyColumn,
      operation: target.operation,
      ...('externalIdFieldName' in target ? { externalIdFieldName: target.externalIdFieldName } : {}),
      planned,
      changed,
      changesFile,
      jobs: []
    };
    state.objects.push(object);
  }
  await saveState(runDir, state);
  return state;
}

function question(options: ApplyOptions, state: ApplyState): string {
  const parts = state.objects.map((object) => `${object.object}: ${object.changed} of ${object.planned} rows change`);
  const what = options.retryFailed ? 'Retry the failed rows of' : 'Write';
  return `${what} ${options.info.quarter} to ${options.info.username} (${options.info.orgId})? ${parts.join('; ')}. [y/N] `;
}

export async function applyRun(options: ApplyOptions): Promise<ApplyReport> {
  const { client, runDir } = options;
  const state = await prepareState(runDir);
  const toWrite = state.objects.reduce((sum, object) => sum + object.changed, 0);
  if (toWrite === 0 && !options.retryFailed) {
    if (options.lock) await releaseLock(client, options.lock, 'Completed');
    state.completedAt = options.now().toISOString();
    await saveState(runDir, state);
    return { status: 'nothing-to-do', objects: await reports(runDir, state), failures: 0, notifications: null };
  }
  if (!(await options.confirm(question(options, state)))) {
    if (options.lock) await releaseLock(client, options.lock, 'Failed');
    return { status: 'declined', objects: await reports(runDir, state), failures: 0, notifications: null };
  }
  const lock =
    options.lock ??
    (await acquireLock(client, {
      runKey: runKey(options.info.orgId, options.info.quarter),
      lockId: options.info.lockId,
      userId: options.userId,
      quarter: options.info.quarter,
      now: options.now,
      host: options.host
    }));
  state.lockRecordId = lock.recordId;
  await saveState(runDir, state);

  const context = { client, runDir, state, poll: options.poll, progress: options.progress };
  const selection: RowSelection = options.retryFailed ? { kind: 'failed' } : { kind: 'pending' };
  const results: ObjectOutcomes[] = [];
  for (const object of state.objects) {
    await applyObject(context, object, selection);
    results.push({ object, outcomes: await rowOutcomes(runDir, object) });
  }
  const failures = await writeFailures(runDir, results);

  let notifications: ApplyReport['notifications'] = null;
  if (options.notificationTypeId) {
    const evaluations = results.find((result) => result.object.object === 'Tier_Evaluation__c')!;
    const { notifications: list, withoutManager } = await partnerNotifications(
      runDir,
      evaluations.object,
      evaluations.outcomes
    );
    options.progress?.(`  notifying partner managers: ${list.length} notification(s)\n`);
    const sent = await sendNotifications(client, runDir, options.notificationTypeId, list);
    notifications = { ...sent, withoutManager };
  }
  await releaseLock(client, lock, failures === 0 ? 'Completed' : 'Failed');
  state.completedAt = failures === 0 ? options.now().toISOString() : null;
  await saveState(runDir, state);
  return { status: 'applied', objects: await reports(runDir, state), failures, notifications };
}

async function reports(runDir: string, state: ApplyState): Promise<ObjectReport[]> {
  const list: ObjectReport[] = [];
  for (const object of state.objects) {
    const outcomes = await rowOutcomes(runDir, object);
    const values = [...outcomes.values()];
    list.push({
      object: object.object,
      planned: object.planned,
      changed: object.changed,
      written: values.filter((outcome) => outcome.ok).length,
      failed: values.filter((outcome) => !outcome.ok).length,
      jobs: object.jobs.map((job) => job.id),
      jobFailures: object.jobs
        .filter((job) => job.state === 'Failed')
        .map((job) => `Bulk job ${job.id} (${object.object}) failed: ${job.errorMessage ?? 'no reason given'}`)
    });
  }
  return list;
}
