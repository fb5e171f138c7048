/*
 * evaluate --target-org against the fake org, at the HTTP level: the requests it sends (SOQL, job
 * bodies, headers), the run folder it writes, dry run versus --apply, idempotency, and the answers
 * to an expired session, a used-up limit, a failed pre-flight and a held lock.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { main } from '../main.ts';
import { captureIo } from '../../__tests__/helpers/snapshot-builder.ts';
import { NOW, orgTestEnv, type OrgTestEnv } from '../../lib/org/__tests__/helpers/org-test-env.ts';
import { folderText } from '../../lib/org/__tests__/helpers/run-folder-text.ts';
import { fakeSession } from '../../fake-salesforce/fake-session.ts';

const ingestJobs = (env: OrgTestEnv) => env.fake.org.calls(/\/jobs\/ingest$/, 'POST');
const table = (env: OrgTestEnv, object: string) => JSON.parse(JSON.stringify(env.fake.org.store.rows(object)));

// Each test starts a fake org and runs whole commands: generous on a busy machine.
jest.setTimeout(30_000);

describe('evaluate --target-org', () => {
  let env: OrgTestEnv;
  beforeEach(async () => {
    env = await orgTestEnv({ partners: 12 });
  });
  afterEach(() => env.close());

  it('dry run: snapshots the org into a run folder, prints the offline report, writes the plan, changes nothing', async () => {
    const runDir = env.runDir();
    const result = await env.run(['evaluate', '--target-org', 'fake', '--run-dir', runDir]);
    expect(result.code).toBe(0);
    expect(result.err).toContain('Dry run: nothing was written');
    expect(result.err).toContain(`partner-program apply ${runDir}`);
    expect(ingestJobs(env)).toHaveLength(0);
    expect(env.fake.org.calls(/composite\/sobjects/)).toHaveLength(0);
    for (const file of [
      'run.json',
      'results.json',
      'results.csv',
      'Tier_Evaluation__c.csv',
      'Partner_Profile__c.csv'
    ]) {
      expect(existsSync(path.join(runDir, file))).toBe(true);
    }
    // The same report as offline, from the stored inputs: snapshot and the org's program records.
    const offline = captureIo();
    const code = await main(
      ['evaluate', '--snapshot', path.join(runDir, 'snapshot'), '--criteria', path.join(runDir, 'criteria')],
      offline
    );
    expect(code).toBe(0);
    expect(offline.out.split('\n').slice(2)).toEqual(result.out.split('\n').slice(2));
    expect(result.out).toContain('Quarterly tier evaluation 2026-Q3');
    const info = JSON.parse(readFileSync(path.join(runDir, 'run.json'), 'utf8'));
    expect(info).toMatchObject({ target: 'fake', orgId: env.fake.org.orgId, quarter: '2026-Q3', apiVersion: '65.0' });
  });

  it('sends one SOQL per object built from the snapshot schema, through Bulk API 2.0 query jobs', async () => {
    await env.run(['evaluate', '--target-org', 'fake', '--run-dir', env.runDir()]);
    const bodies = env.fake.org.calls(/\/jobs\/query$/, 'POST').map((request) => JSON.parse(request.body));
    expect(bodies.every((body) => body.operation === 'query' && body.contentType === 'CSV')).toBe(true);
    const soql = bodies.map((body) => body.query as string);
    expect(soql).toContainEqual(
      'SELECT Id, Name, BillingCountry FROM Account WHERE Id IN (SELECT Account__c FROM Partner_Profile__c)'
    );
    expect(soql.find((text) => text.includes('FROM Opportunity'))).toBe(
      'SELECT Id, Name, AccountId, Partner_Account__c, Partner_Involvement__c, Type, StageName, IsClosed, IsWon, CloseDate, Amount, CurrencyIsoCode, OwnerId, NextStep, Deal_Registered__c, Registered_On__c FROM Opportunity WHERE Partner_Account__c != null'
    );
    expect(soql).toContainEqual(
      'SELECT Id, IsoCode, ConversionRate, StartDate, NextStartDate FROM DatedConversionRate'
    );
    // Results are paged by the CLI itself (maxRecords, then the Sforce-Locator of the previous page).
    const pages = env.fake.org.calls(/\/jobs\/query\/\w+\/results$/);
    expect(pages.every((request) => request.query.maxRecords === '5')).toBe(true);
    expect(pages.some((request) => request.query.locator)).toBe(true);
    // Custom metadata through REST SOQL, relationship fields by DeveloperName.
    const rest = env.fake.org.soqlQueries();
    expect(rest).toContainEqual(
      expect.stringMatching(/^SELECT DeveloperName, MasterLabel, Tier__r\.DeveloperName, .* FROM Tier_Criterion__mdt/)
    );
    for (const request of env.fake.org.requests) {
      expect(request.path).toMatch(/^\/services\/data\/v65\.0\//);
      expect(request.headers.authorization).toMatch(/^Bearer /);
    }
  });

  it('--apply writes through Bulk API 2.0 ingest: upsert on Evaluation_Key__c, update profiles by Id', async () => {
    const runDir = env.runDir();
    const result = await env.run(['evaluate', '--target-org', 'fake', '--run-dir', runDir, '--apply', '--yes']);
    expect(result.code).toBe(0);
    const jobs = ingestJobs(env).map((request) => JSON.parse(request.body));
    expect(jobs).toEqual([
      {
        object: 'Tier_Evaluation__c',
        operation: 'upsert',
        externalIdFieldName: 'Evaluation_Key__c',
        contentType: 'CSV',
        columnDelimiter: 'COMMA',
        lineEnding: 'LF'
      },
      {
        object: 'Partner_Profile__c',
        operation: 'update',
        contentType: 'CSV',
        columnDelimiter: 'COMMA',
        lineEnding: 'LF'
      }
    ]);
    expect(ingestJobs(env).map((request) => request.headers['content-type'])).toEqual([
      'application/json',
      'application/json'
    ]);
    const uploads = env.fake.org.calls(/\/batches$/, 'PUT');
    expect(uploads.map((request) => request.headers['content-type'])).toEqual(['text/csv', 'text/csv']);
    const evaluations = parse(uploads[0].body, { columns: true }) as Record<string, string>[];
    expect(evaluations[0].Evaluation_Key__c).toBe(`${evaluations[0].Evaluation_Key__c.split('-')[0]}-2026-Q3`);
    expect(env.fake.org.store.rows('Tier_Evaluation__c')).toHaveLength(evaluations.length);
    expect(result.err).toContain('Tier_Evaluation__c: ');
    expect(env.fake.org.store.rows('Evaluation_Run__c')[0]).toMatchObject({
      Run_Key__c: `${env.fake.org.orgId}-2026-Q3`,
      Status__c: 'Completed',
      Host__c: 'test-host'
    });
  });

  it('applying the same quarter twice changes nothing the second time and creates no duplicates', async () => {
    expect(
      (await env.run(['evaluate', '--target-org', 'fake', '--run-dir', env.runDir(), '--apply', '--yes'])).code
    ).toBe(0);
    const evaluations = table(env, 'Tier_Evaluation__c');
    const profiles = table(env, 'Partner_Profile__c');
    const jobsBefore = ingestJobs(env).length;
    const notificationsBefore = env.fake.org.notifications.length;
    const second = await env.run(['evaluate', '--target-org', 'fake', '--run-dir', env.runDir(), '--apply', '--yes']);
    expect(second.code).toBe(0);
    expect(second.err).toContain('Nothing to write: every row of the plan is already in');
    expect(ingestJobs(env)).toHaveLength(jobsBefore);
    expect(env.fake.org.notifications).toHaveLength(notificationsBefore);
    expect(table(env, 'Tier_Evaluation__c')).toEqual(evaluations);
    expect(table(env, 'Partner_Profile__c')).toEqual(profiles);
  });

  it('never prints or stores the access token', async () => {
    const runDir = env.runDir();
    const result = await env.run(['evaluate', '--target-org', 'fake', '--run-dir', runDir, '--apply', '--yes'], {
      interactive: true
    });
    expect(result.code).toBe(0);
    const token = env.fake.org.token;
    expect(result.out + result.err).not.toContain(token);
    expect(folderText(runDir)).not.toContain(token);
    expect(folderText(runDir)).not.toContain(token.split('!')[1]);
  });

  it('shows progress on a terminal only', async () => {
    const quiet = await env.run(['evaluate', '--target-org', 'fake', '--run-dir', env.runDir()]);
    expect(quiet.err).not.toContain('Taking a snapshot');
    const shown = await env.run(['evaluate', '--target-org', 'fake', '--run-dir', env.runDir()], { interactive: true });
    expect(shown.err).toContain('Taking a snapshot of admin@partner-program.test');
    expect(shown.err).toMatch(/Opportunity: 2\d rows \(job 750\w+, \d pages\)/);
    const json = await env.run(['evaluate', '--target-org', 'fake', '--run-dir', env.runDir(), '--format', 'json'], {
      interactive: true
    });
    expect(json.err).not.toContain('Taking a snapshot');
    expect(JSON.parse(json.out).quarter).toBe('2026-Q3');
  });

  it('refuses --apply without a terminal to confirm on, unless --yes', async () => {
    const result = await env.run(['evaluate', '--target-org', 'fake', '--apply']);
    expect(result.code).toBe(2);
    expect(result.err).toContain('add --yes');
    expect(env.fake.org.requests).toHaveLength(0);
  });

  it('asks before writing and writes nothing when the answer is no', async () => {
    const questions: string[] = [];
    const result = await env.run(['evaluate', '--target-org', 'fake', '--run-dir', env.runDir(), '--apply'], {
      canConfirm: true,
      confirm: async (question) => {
        questions.push(question);
        return false;
      }
    });
    expect(result.code).toBe(0);
    expect(questions[0]).toMatch(
      /^Write 2026-Q3 to admin@partner-program\.test \(00D\w+\)\? Tier_Evaluation__c: 12 of 12 rows change; Partner_Profile__c: 12 of 12 rows change\. \[y\/N\] $/
    );
    expect(ingestJobs(env)).toHaveLength(0);
    expect(result.err).toContain('Nothing was written');
    expect(env.fake.org.store.rows('Evaluation_Run__c')[0].Status__c).toBe('Failed');
  });

  it('an expired session asks to log in again (exit 2)', async () => {
    const stale = env.fake.org.token;
    env.fake.org.expireSession();
    const connect = async (target: string) => fakeSession(env.fake, { target, token: stale });
    const result = await env.run(['evaluate', '--target-org', 'prod-alias'], { connect });
    expect(result.code).toBe(2);
    expect(result.err).toContain('The Salesforce session for "prod-alias" has expired or was revoked.');
    expect(result.err).toContain('log in again: npx sf org login web --alias prod-alias');
    expect(env.fake.org.requests[0].status).toBe(401);
    expect(result.err).not.toContain(stale);
  });

  it('a session the auth store can refresh is refreshed once and the run goes on', async () => {
    const stale = env.fake.org.token;
    env.fake.org.expireSession();
    const connect = async (target: string) => fakeSession(env.fake, { target, token: stale, refreshable: true });
    const result = await env.run(['evaluate', '--target-org', 'fake', '--run-dir', env.runDir()], { connect });
    expect(result.code).toBe(0);
    expect(env.fake.org.requests.filter((request) => request.status === 401)).toHaveLength(1);
  });

  it('REQUEST_LIMIT_EXCEEDED stops the run with what to do (exit 2)', async () => {
    env.fake.fault({
      path: /\/jobs\/query$/,
      status: 403,
      body: [{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }]
    });
    const result = await env.run(['evaluate', '--target-org', 'fake', '--run-dir', env.runDir()]);
    expect(result.code).toBe(2);
    expect(result.err).toContain('TotalRequests Limit exceeded. (REQUEST_LIMIT_EXCEEDED)');
    expect(result.err).toContain('24-hour usage');
  });

  it('pre-flight: too few API requests or Bulk jobs left, missing or read-only fields, each with what to do', async () => {
    env.fake.org.limits.DailyApiRequests = { Max: 15_000, Remaining: 701 };
    env.fake.org.limits.DailyBulkV2QueryJobs = { Max: 10_000, Remaining: 400 };
    const result = await env.run(['evaluate', '--target-org', 'fake', '--apply', '--yes']);
    expect(result.code).toBe(2);
    expect(result.err).toContain('Pre-flight check of the org "fake" failed (2 problem(s)); nothing was changed.');
    expect(result.err).toContain('DailyApiRequests: 700 of 15,000 daily API requests left');
    expect(result.err).toContain('DailyBulkV2QueryJobs: 400 of 10,000');
    expect(ingestJobs(env)).toHaveLength(0);

    const hidden = await orgTestEnv({
      partners: 2,
      fake: { hiddenFields: ['Partner_Profile__c.Next_Tier__c'], readOnlyFields: ['Tier_Evaluation__c.Outcome__c'] }
    });
    try {
      const denied = await hidden.run(['evaluate', '--target-org', 'fake', '--apply', '--yes']);
      expect(denied.code).toBe(2);
      expect(denied.err).toContain('Partner_Profile__c.Next_Tier__c does not exist or is not visible to you');
      expect(denied.err).toContain('Tier_Evaluation__c.Outcome__c is not editable for you (field-level security)');
      expect(denied.err).toContain('Partner_Program_Admin');
      expect(hidden.fake.org.calls(/\/jobs\//)).toHaveLength(0);
    } finally {
      await hidden.close();
    }
  });

  it('one run at a time: a Running lock of another run is refused, naming who holds it and since when', async () => {
    const user = env.fake.org.store.insert('User', { Username: 'grace@partner-program.test', Name: 'Grace Hopper' });
    env.fake.org.store.insert('Evaluation_Run__c', {
      Name: '2026-Q3 evaluation',
      Run_Key__c: `${env.fake.org.orgId}-2026-Q3`,
      Status__c: 'Running',
      Started_By__c: String(user.Id),
      Started_On__c: '2026-10-05T05:12:00.000Z',
      Run_Id__c: 'other-run',
      Host__c: 'laptop-7'
    });
    const result = await env.run(['evaluate', '--target-org', 'fake', '--run-dir', env.runDir(), '--apply', '--yes']);
    expect(result.code).toBe(2);
    expect(result.err).toContain(
      'Another evaluation run holds the lock 00DFK0000000001AAA-2026-Q3: started by Grace Hopper (grace@partner-program.test) on 2026-10-05T05:12:00.000+0000 from host laptop-7'
    );
    expect(ingestJobs(env)).toHaveLength(0);
    expect(env.fake.org.calls(/\/jobs\/query$/)).toHaveLength(0);
  });

  it('a lock record the user cannot see (private sharing) is named with the permission that is missing', async () => {
    const rows = env.fake.org.store.rows('Evaluation_Run__c');
    env.fake.org.store.insert('Evaluation_Run__c', {
      Run_Key__c: `${env.fake.org.orgId}-2026-Q3`,
      Status__c: 'Running'
    });
    // Hidden from the running user's queries, but the unique key still holds.
    const hidden = rows.splice(0);
    env.fake.fault({
      method: 'POST',
      path: /composite\/sobjects$/,
      status: 200,
      body: [
        {
          success: false,
          errors: [{ statusCode: 'DUPLICATE_VALUE', message: 'duplicate value found', fields: ['Run_Key__c'] }]
        }
      ]
    });
    const result = await env.run(['evaluate', '--target-org', 'fake', '--run-dir', env.runDir(), '--apply', '--yes']);
    expect(result.code).toBe(2);
    expect(result.err).toContain('is not visible to you');
    expect(result.err).toContain('View All and Modify All on Evaluation_Run__c');
    rows.push(...hidden);
  });

  it('takes over a lock record of a finished run only if nobody changed it meanwhile (If-Unmodified-Since)', async () => {
    env.fake.org.store.insert('Evaluation_Run__c', {
      Name: '2026-Q3 evaluation',
      Run_Key__c: `${env.fake.org.orgId}-2026-Q3`,
      Status__c: 'Completed',
      Run_Id__c: 'earlier-run'
    });
    env.fake.fault({
      method: 'PATCH',
      path: /\/sobjects\/Evaluation_Run__c\//,
      status: 412,
      body: [{ errorCode: 'PRECONDITION_FAILED', message: 'modified' }]
    });
    const result = await env.run(['evaluate', '--target-org', 'fake', '--run-dir', env.runDir(), '--apply', '--yes']);
    expect(result.code).toBe(2);
    expect(result.err).toContain('Another evaluation run holds the lock');
    const patch = env.fake.org.calls(/\/sobjects\/Evaluation_Run__c\//, 'PATCH')[0];
    expect(patch.headers['if-unmodified-since']).toMatch(/GMT$/);
    const retried = await env.run(['evaluate', '--target-org', 'fake', '--run-dir', env.runDir(), '--apply', '--yes']);
    expect(retried.code).toBe(0);
  });

  it('keeps org-mode and snapshot flags apart', async () => {
    const mixed = await env.run(['evaluate', '--target-org', 'fake', '--snapshot', 'data/sample']);
    expect(mixed.code).toBe(2);
    expect(mixed.err).toContain('--snapshot does not go with --target-org.');
    const offlineApply = await env.run(['evaluate', '--snapshot', 'data/sample', '--apply']);
    expect(offlineApply.code).toBe(2);
    expect(offlineApply.err).toContain('--apply goes with --target-org only.');
    expect(env.fake.org.requests).toHaveLength(0);
  });

  it('evaluates the quarter asked for, and refuses one that has not ended', async () => {
    const result = await env.run([
      'evaluate',
      '--target-org',
      'fake',
      '--quarter',
      '2026-Q4',
      '--run-dir',
      env.runDir()
    ]);
    expect(result.code).toBe(2);
    expect(result.err).toContain(`2026-Q4 had not ended when the snapshot was taken (${NOW.toISOString()})`);
  });
});
