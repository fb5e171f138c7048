/*
 * apply <run dir> against the fake org: applying a reviewed plan later, row failures and
 * --retry-failed, automatic retry of locked rows, a failed Bulk job, a job that outlives the poll
 * timeout and is re-attached, transient errors with bounded backoff, notifications.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { fakeSession } from '../../fake-salesforce/fake-session.ts';
import { orgTestEnv, type OrgTestEnv } from '../../lib/org/__tests__/helpers/org-test-env.ts';
import { SalesforceClient } from '../../lib/org/http.ts';

const readCsv = (file: string): Record<string, string>[] => parse(readFileSync(file), { columns: true });
const ingestJobs = (env: OrgTestEnv) => env.fake.org.calls(/\/jobs\/ingest$/, 'POST');
const uploads = (env: OrgTestEnv) => env.fake.org.calls(/\/batches$/, 'PUT');

async function dryRun(env: OrgTestEnv): Promise<string> {
  const runDir = env.runDir();
  const result = await env.run(['evaluate', '--target-org', 'fake', '--run-dir', runDir]);
  expect(result.code).toBe(0);
  return runDir;
}

// Each test starts a fake org and runs whole commands: generous on a busy machine.
jest.setTimeout(30_000);

describe('apply <run dir>', () => {
  let env: OrgTestEnv;
  beforeEach(async () => {
    env = await orgTestEnv({ partners: 12 });
  });
  afterEach(() => env.close());

  it('applies a reviewed dry run later, notifies partner managers, and then has nothing left to do', async () => {
    const runDir = await dryRun(env);
    const result = await env.run(['apply', runDir, '--yes']);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/Tier_Evaluation__c: 12 of 12 rows change; 12 written, 0 failed \(Bulk job 750\w+\)/);
    expect(result.out).toMatch(/Partner_Profile__c: 12 of 12 rows change; 12 written, 0 failed/);
    expect(env.fake.org.store.rows('Tier_Evaluation__c')).toHaveLength(12);

    const sent = env.fake.org.notifications;
    expect(sent.length).toBeGreaterThan(0);
    expect(result.out).toContain(`Notifications: ${sent.length} sent to partner managers`);
    const managers = new Set(env.seeded.managerIds);
    expect(sent.every((notification) => notification.recipientIds.every((id) => managers.has(id)))).toBe(true);
    expect(sent.every((notification) => env.seeded.profileIds.includes(notification.targetId))).toBe(true);
    const action = env.fake.org.calls(/customNotificationAction$/)[0];
    expect(JSON.parse(action.body).inputs[0]).toEqual({
      customNotifTypeId: expect.stringMatching(/^0ML/),
      recipientIds: [expect.stringMatching(/^005/)],
      title: expect.any(String),
      body: expect.any(String),
      targetId: expect.any(String)
    });
    expect(readCsv(path.join(runDir, 'notifications.csv')).every((row) => row.Status === 'sent')).toBe(true);

    const again = await env.run(['apply', runDir, '--yes']);
    expect(again.code).toBe(0);
    expect(again.out).toContain('was applied completely');
    expect(ingestJobs(env)).toHaveLength(2);
  });

  it('--no-notify sends no notifications', async () => {
    const runDir = await dryRun(env);
    expect((await env.run(['apply', runDir, '--yes', '--no-notify'])).code).toBe(0);
    expect(env.fake.org.calls(/customNotificationAction$/)).toHaveLength(0);
    expect(env.fake.org.calls(/CustomNotificationType/)).toHaveLength(0);
  });

  it('partial row failures: failures.csv with the Salesforce error per row, exit 1; --retry-failed sends only those rows', async () => {
    const runDir = await dryRun(env);
    const rejected = new Set(env.seeded.accountIds.slice(0, 2).map((id) => `${id}-2026-Q3`));
    env.fake.org.rowFault = (object, row) =>
      object === 'Tier_Evaluation__c' && rejected.has(row.Evaluation_Key__c)
        ? 'FIELD_CUSTOM_VALIDATION_EXCEPTION:Quarter must match the window:Quarter__c'
        : null;
    const result = await env.run(['apply', runDir, '--yes']);
    expect(result.code).toBe(1);
    expect(result.out).toContain('Tier_Evaluation__c: 12 of 12 rows change; 10 written, 2 failed');
    expect(result.out).toContain(`${path.join(runDir, 'failures.csv')} lists each with Salesforce's error`);
    expect(result.out).toContain(`partner-program apply ${runDir} --retry-failed`);
    const failures = readCsv(path.join(runDir, 'failures.csv'));
    expect(failures.map((row) => row.Key).sort()).toEqual([...rejected].sort());
    expect(failures[0]).toMatchObject({
      Object: 'Tier_Evaluation__c',
      Error: 'FIELD_CUSTOM_VALIDATION_EXCEPTION:Quarter must match the window:Quarter__c',
      Bulk_Job_Id: expect.stringMatching(/^750/)
    });
    expect(env.fake.org.store.rows('Evaluation_Run__c')[0].Status__c).toBe('Failed');
    // No notification for a partner whose evaluation was not written.
    expect(
      env.fake.org.notifications.some((notification) =>
        [...rejected].some((key) => key.startsWith(notification.targetId))
      )
    ).toBe(false);

    env.fake.org.rowFault = null;
    const jobsBefore = ingestJobs(env).length;
    const retry = await env.run(['apply', runDir, '--retry-failed', '--yes']);
    expect(retry.code).toBe(0);
    expect(ingestJobs(env)).toHaveLength(jobsBefore + 1);
    const resent = parse(uploads(env).at(-1)!.body, { columns: true }) as Record<string, string>[];
    expect(resent.map((row) => row.Evaluation_Key__c).sort()).toEqual([...rejected].sort());
    expect(existsSync(path.join(runDir, 'failures.csv'))).toBe(false);
    expect(env.fake.org.store.rows('Tier_Evaluation__c')).toHaveLength(12);
    expect(env.fake.org.store.rows('Evaluation_Run__c')[0].Status__c).toBe('Completed');
  });

  it('rows locked by another update (UNABLE_TO_LOCK_ROW) are retried once in a second job, never more', async () => {
    const runDir = await dryRun(env);
    const locked = `${env.seeded.accountIds[3]}-2026-Q3`;
    let lockFailures = 0;
    env.fake.org.rowFault = (object, row) => {
      if (object !== 'Tier_Evaluation__c' || row.Evaluation_Key__c !== locked || lockFailures >= 1) return null;
      lockFailures++;
      return 'UNABLE_TO_LOCK_ROW:unable to obtain exclusive access to this record or 1 records: a05FK0000000001AAA:--';
    };
    const result = await env.run(['apply', runDir, '--yes']);
    expect(result.code).toBe(0);
    const evaluationJobs = ingestJobs(env).filter(
      (request) => JSON.parse(request.body).object === 'Tier_Evaluation__c'
    );
    expect(evaluationJobs).toHaveLength(2);
    expect(
      (parse(uploads(env)[1].body, { columns: true }) as Record<string, string>[]).map((row) => row.Evaluation_Key__c)
    ).toEqual([locked]);
    expect(env.delays).toContain(1000);

    // Still locked the second time: reported, not retried a third time.
    const other = await orgTestEnv({ partners: 3 });
    try {
      const otherRun = await dryRun(other);
      other.fake.org.rowFault = (object) =>
        object === 'Partner_Profile__c'
          ? 'UNABLE_TO_LOCK_ROW:unable to obtain exclusive access to this record:--'
          : null;
      const stuck = await other.run(['apply', otherRun, '--yes']);
      expect(stuck.code).toBe(1);
      const profileJobs = ingestJobs(other).filter(
        (request) => JSON.parse(request.body).object === 'Partner_Profile__c'
      );
      expect(profileJobs).toHaveLength(2);
      expect(readCsv(path.join(otherRun, 'failures.csv'))[0].Error).toMatch(/^UNABLE_TO_LOCK_ROW/);
    } finally {
      await other.close();
    }
  });

  it('a Bulk job that fails is reported by its id, its rows listed as not processed', async () => {
    const runDir = await dryRun(env);
    env.fake.org.jobFault = (job) =>
      job.object === 'Partner_Profile__c' ? 'InvalidBatch : Failed to process query' : null;
    const result = await env.run(['apply', runDir, '--yes']);
    expect(result.code).toBe(1);
    const jobId = JSON.parse(readFileSync(path.join(runDir, 'state.json'), 'utf8')).objects[1].jobs[0].id;
    expect(result.out).toContain(
      `Bulk job ${jobId} (Partner_Profile__c) failed: InvalidBatch : Failed to process query`
    );
    const failures = readCsv(path.join(runDir, 'failures.csv'));
    expect(failures).toHaveLength(12);
    expect(failures[0].Error).toBe(`not processed: Bulk job ${jobId} failed: InvalidBatch : Failed to process query`);
  });

  it('a job still running at the poll timeout is re-attached by its id on the next apply, without a new job', async () => {
    const runDir = await dryRun(env);
    env.fake.org.stuckObjects.add('Tier_Evaluation__c');
    let clock = 0;
    const poll = { intervalMs: 1000, timeoutMs: 5000, sleep: async () => undefined, now: () => (clock += 1000) };
    const first = await env.run(['apply', runDir, '--yes'], { poll });
    expect(first.code).toBe(1);
    const jobId = JSON.parse(readFileSync(path.join(runDir, 'state.json'), 'utf8')).objects[0].jobs[0].id;
    expect(first.err).toContain(
      `Bulk job ${jobId} (Tier_Evaluation__c) is still InProgress after 5 s; it keeps running in Salesforce.`
    );
    expect(first.err).toContain('resume with partner-program apply <run dir>');
    expect(env.fake.org.store.rows('Evaluation_Run__c')[0].Status__c).toBe('Running');

    env.fake.org.stuckObjects.clear();
    const second = await env.run(['apply', runDir, '--yes']);
    expect(second.code).toBe(0);
    const evaluationJobs = ingestJobs(env).filter(
      (request) => JSON.parse(request.body).object === 'Tier_Evaluation__c'
    );
    expect(evaluationJobs).toHaveLength(1);
    expect(env.fake.org.calls(new RegExp(`/jobs/ingest/${jobId}$`), 'GET').length).toBeGreaterThan(5);
    expect(env.fake.org.store.rows('Tier_Evaluation__c')).toHaveLength(12);
    expect(env.fake.org.store.rows('Evaluation_Run__c')[0].Status__c).toBe('Completed');
  });

  it('retries 5xx and timeouts with backoff, bounded: 1 s, 2 s, 4 s, then gives up', async () => {
    const runDir = await dryRun(env);
    env.fake.fault({
      method: 'POST',
      path: /\/jobs\/ingest$/,
      status: 503,
      times: 3,
      body: [{ errorCode: 'SERVER_UNAVAILABLE', message: 'down' }]
    });
    const ok = await env.run(['apply', runDir, '--yes']);
    expect(ok.code).toBe(0);
    expect(env.delays).toEqual([1000, 2000, 4000]);
    expect(ingestJobs(env).filter((request) => request.status === 503)).toHaveLength(3);

    const other = await orgTestEnv({ partners: 2 });
    try {
      const otherRun = await dryRun(other);
      other.fake.fault({ method: 'PUT', path: /\/batches$/, status: 500, times: 4 });
      const failed = await other.run(['apply', otherRun, '--yes']);
      expect(failed.code).toBe(1);
      expect(failed.err).toContain('Salesforce did not answer');
      expect(failed.err).toContain('(gave up after 4 attempts)');
      expect(other.fake.org.calls(/\/batches$/, 'PUT')).toHaveLength(4);
      // The upload never completed: resuming discards that job and sends the rows in a new one.
      const resumed = await other.run(['apply', otherRun, '--yes']);
      expect(resumed.code).toBe(0);
      expect(
        other.fake.org.calls(/\/jobs\/ingest\/\w+$/, 'PATCH').map((request) => JSON.parse(request.body).state)
      ).toContain('Aborted');
      expect(other.fake.org.store.rows('Tier_Evaluation__c')).toHaveLength(2);
    } finally {
      await other.close();
    }
  });

  it('a request that hangs times out and is retried', async () => {
    const runDir = await dryRun(env);
    env.fake.fault({ method: 'GET', path: /\/limits$/, hang: true });
    const client = new SalesforceClient(fakeSession(env.fake), {
      timeoutMs: 1500,
      retry: { attempts: 2, baseDelayMs: 0, maxDelayMs: 0, sleep: async () => undefined }
    });
    const limits = await client.json<Record<string, unknown>>('GET', '/services/data/v65.0/limits');
    expect(limits).toHaveProperty('DailyApiRequests');
    expect(client.calls).toBe(2);
    expect(existsSync(runDir)).toBe(true);
  });

  it('refuses to apply a run to another org', async () => {
    const runDir = await dryRun(env);
    const other = await orgTestEnv({ partners: 1, fake: { orgId: '00DFK0000000002AAA' } });
    try {
      const connect = async () => fakeSession(other.fake);
      const result = await env.run(['apply', runDir, '--yes', '--target-org', 'other'], { connect });
      expect(result.code).toBe(2);
      expect(result.err).toContain(`was taken from org ${env.fake.org.orgId}, but "other" is org 00DFK0000000002AAA`);
    } finally {
      await other.close();
    }
  });

  it('names a folder that is not a run folder, and needs exactly one', async () => {
    expect((await env.run(['apply', env.runDir(), '--yes'])).err).toContain('is not a run folder');
    expect((await env.run(['apply'])).code).toBe(2);
  });
});
