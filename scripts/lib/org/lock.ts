/*
 * One run at a time per org and quarter: a lock the org holds, the Evaluation_Run__c record whose
 * unique external id Run_Key__c is `<orgId>-<quarter>`. Acquiring is insert-only: the first run
 * inserts the record (the unique key makes a concurrent second insert fail); a later run takes over a
 * record that is no longer Running with an update conditional on its LastModifiedDate (If-Unmodified-
 * Since), so two runs can never both believe they hold it. A run resumed from its own run folder (same
 * Run_Id__c) takes its lock back. Released as Completed or Failed when the run ends.
 */
import { hostname } from 'node:os';
import { UserError } from '../errors.ts';
import { dataPath } from './api-version.ts';
import { OrgApiError } from './errors.ts';
import type { SalesforceClient } from './http.ts';
import { queryAll, soqlString, type SObjectRecord } from './rest.ts';

export const LOCK_OBJECT = 'Evaluation_Run__c';
export const LOCK_FIELDS = [
  'Name',
  'Run_Key__c',
  'Status__c',
  'Started_By__c',
  'Started_On__c',
  'Run_Id__c',
  'Host__c'
];

export type LockStatus = 'Running' | 'Completed' | 'Failed';

export function runKey(orgId: string, quarter: string): string {
  return `${orgId}-${quarter}`;
}

export interface LockRequest {
  runKey: string;
  /** Identifies this run (its run folder): Run_Id__c. */
  lockId: string;
  userId: string;
  quarter: string;
  now: () => Date;
  host?: string;
}

export interface HeldLock {
  recordId: string;
}

interface SaveResult {
  id?: string;
  success: boolean;
  errors: { statusCode: string; message: string; fields?: string[] }[];
}

async function currentHolder(client: SalesforceClient, key: string): Promise<SObjectRecord | undefined> {
  const [record] = await queryAll(
    client,
    `SELECT Id, Status__c, Run_Id__c, Host__c, Started_On__c, Started_By__r.Name, Started_By__r.Username, LastModifiedDate FROM ${LOCK_OBJECT} WHERE Run_Key__c = ${soqlString(key)}`
  );
  return record;
}

function heldBy(record: SObjectRecord, key: string): UserError {
  const user = (record.Started_By__r ?? {}) as { Name?: string; Username?: string };
  const who = user.Name ? `${user.Name} (${user.Username ?? 'unknown user'})` : 'an unknown user';
  return new UserError(
    `Another evaluation run holds the lock ${key}: started by ${who} on ${String(record.Started_On__c ?? 'an unknown date')} from host ${String(record.Host__c ?? 'unknown')} (run ${String(record.Run_Id__c ?? '?')}, ${LOCK_OBJECT} ${String(record.Id)}).`,
    {
      hint: `Wait until that run has finished. If it was interrupted, resume it from its run folder (partner-program apply <run dir>) on that host; if it will never finish, set Status__c of ${LOCK_OBJECT} ${String(record.Id)} to Failed (npx sf data update record --sobject ${LOCK_OBJECT} --record-id ${String(record.Id)} --values "Status__c=Failed") and run again.`
    }
  );
}

/** `2026-10-05T06:00:00.000+0000` (as REST answers it) as an HTTP date. */
function httpDate(salesforceDateTime: string): string {
  return new Date(salesforceDateTime.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')).toUTCString();
}

function lockValues(request: LockRequest) {
  return {
    Name: `${request.quarter} evaluation`,
    Status__c: 'Running',
    Started_By__c: request.userId,
    Started_On__c: request.now().toISOString(),
    Run_Id__c: request.lockId,
    Host__c: (request.host ?? hostname()).slice(0, 255)
  };
}

/** Takes the lock for this run, or throws a UserError naming who holds it and since when. */
export async function acquireLock(client: SalesforceClient, request: LockRequest): Promise<HeldLock> {
  const existing = await currentHolder(client, request.runKey);
  if (!existing) {
    const [result] = await client.json<SaveResult[]>('POST', dataPath('composite/sobjects'), {
      json: {
        allOrNone: true,
        records: [{ attributes: { type: LOCK_OBJECT }, Run_Key__c: request.runKey, ...lockValues(request) }]
      }
    });
    if (result?.success && result.id) return { recordId: result.id };
    const duplicate = result?.errors.some((error) => error.statusCode === 'DUPLICATE_VALUE');
    if (duplicate) {
      const winner = await currentHolder(client, request.runKey);
      if (winner) throw heldBy(winner, request.runKey);
      throw new UserError(`The lock ${request.runKey} exists, but its ${LOCK_OBJECT} record is not visible to you.`, {
        hint: `Evaluation runs are private: the Partner_Program_Admin permission set grants View All and Modify All on ${LOCK_OBJECT}; assign it to ${client.session.username}.`
      });
    }
    throw new OrgApiError(
      `POST ${dataPath('composite/sobjects')}`,
      200,
      result?.errors[0]?.statusCode ?? 'UNKNOWN_ERROR',
      result?.errors[0]?.message ?? 'the lock record was not created'
    );
  }
  if (existing.Status__c === 'Running' && existing.Run_Id__c !== request.lockId) throw heldBy(existing, request.runKey);
  const response = await client.request('PATCH', dataPath(`sobjects/${LOCK_OBJECT}/${String(existing.Id)}`), {
    json: lockValues(request),
    headers: { 'If-Unmodified-Since': httpDate(String(existing.LastModifiedDate)) },
    allow: [412]
  });
  await response.body?.cancel();
  if (response.status === 412) {
    const winner = await currentHolder(client, request.runKey);
    throw heldBy(winner ?? existing, request.runKey);
  }
  return { recordId: String(existing.Id) };
}

/** Marks the run Completed or Failed, which frees the lock for the next run. */
export async function releaseLock(client: SalesforceClient, lock: HeldLock, status: Exclude<LockStatus, 'Running'>) {
  const [result] = await client.json<SaveResult[]>('PATCH', dataPath('composite/sobjects'), {
    json: { allOrNone: true, records: [{ attributes: { type: LOCK_OBJECT }, id: lock.recordId, Status__c: status }] }
  });
  if (!result?.success) {
    throw new OrgApiError(
      `PATCH ${dataPath('composite/sobjects')}`,
      200,
      result?.errors[0]?.statusCode ?? 'UNKNOWN_ERROR',
      result?.errors[0]?.message ?? 'the lock was not released'
    );
  }
}
