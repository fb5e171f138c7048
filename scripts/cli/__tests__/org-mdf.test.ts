/*
 * mdf --target-org against the fake org: the MDF objects are read with Bulk API 2.0 query jobs
 * (one per object, paged), the report is the one --snapshot gives on the same data, --run-dir keeps
 * a snapshot folder, and a missing field stops the run in the pre-flight check.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../main.ts';
import { captureIo } from '../../__tests__/helpers/snapshot-builder.ts';
import { seedMdf, type SeededMdf } from '../../fake-salesforce/seed.ts';
import { orgTestEnv, type OrgTestEnv } from '../../lib/org/__tests__/helpers/org-test-env.ts';

jest.setTimeout(30_000);

const querySoql = (env: OrgTestEnv) =>
  env.fake.org.calls(/\/jobs\/query$/, 'POST').map((request) => JSON.parse(request.body).query as string);

describe('mdf --target-org', () => {
  let env: OrgTestEnv;
  let mdf: SeededMdf;
  afterEach(() => env.close());

  async function start(fake = {}) {
    env = await orgTestEnv({ partners: 3, fake });
    mdf = seedMdf(env.fake.org, env.seeded.accountIds);
  }

  it('reads the MDF objects with Bulk query jobs and reports on them', async () => {
    await start();
    const result = await env.run(['mdf', '--target-org', 'fake', '--format', 'json']);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.out);
    expect(report.snapshot).toMatchObject({ source: env.fake.org.orgId, corporateCurrency: 'USD' });
    expect(report.asOf).toBe('2026-10-05');
    expect(report.utilisation.rows).toEqual([
      {
        quarter: '2026-Q3',
        region: 'North America',
        eligibleTier: 'Elite',
        budgets: 1,
        budgeted: 100_000,
        committed: 30_000,
        pending: 15_000,
        claimed: 25_000,
        paid: 12_000,
        available: 70_000,
        committedPercent: 30,
        claimedPercent: 25,
        paidPercent: 12
      }
    ]);
    // Submitted on 2026-09-01, as of 2026-10-05: 34 days; the claim approved on 2026-09-10: 25 days.
    expect(report.waiting.requests).toEqual([
      expect.objectContaining({
        requestId: mdf.requestIds[1],
        partner: 'Partner 00002',
        amount: 15_000,
        daysWaiting: 34
      })
    ]);
    expect(report.waiting.claims).toEqual([
      expect.objectContaining({ claim: 'CLM-00002', partner: 'Partner 00001', amount: 8_000, daysWaiting: 25 })
    ]);
    // The submitted claim (Submitted_On__c 2026-09-15): 20 days waiting for approval.
    expect(report.waiting.claimsAwaitingApproval).toEqual([
      expect.objectContaining({
        claim: 'CLM-00003',
        request: 'MDF-00001',
        partner: 'Partner 00001',
        amount: 5_000,
        submittedOn: '2026-09-15T12:00:00.000Z',
        daysWaiting: 20
      })
    ]);
    expect(report.warnings).toEqual([]);
    // 300,000 pipeline and 90,000 won for 12,000 paid.
    expect(report.roi.byPartner).toEqual([
      {
        accountId: env.seeded.accountIds[0],
        partner: 'Partner 00001',
        requests: 1,
        approved: 30_000,
        paid: 12_000,
        pipeline: 300_000,
        won: 90_000,
        pipelinePerUnit: 25,
        wonPerUnit: 7.5
      }
    ]);
    // One query job per object, paged (page size 5), only the campaigns and accounts requests name.
    const soql = querySoql(env);
    expect(soql).toHaveLength(5);
    expect(soql).toContain('SELECT Id, Name FROM Account WHERE Id IN (SELECT Account__c FROM MDF_Request__c)');
    expect(soql).toContain(
      'SELECT Id, Name, AmountAllOpportunities, AmountWonOpportunities FROM Campaign WHERE Id IN (SELECT Campaign__c FROM MDF_Request__c)'
    );
    expect(
      soql.find((text) => text.includes('FROM MDF_Request__c') && text.startsWith('SELECT Id, Name, Account__c'))
    ).toBe(
      'SELECT Id, Name, Account__c, Budget__c, Campaign__c, Status__c, Activity_Type__c, Requested_Amount__c, Approved_Amount__c, Submitted_On__c, Decided_On__c, Decision_Comment__c, Start_Date__c, End_Date__c, Expected_Pipeline__c, CurrencyIsoCode FROM MDF_Request__c'
    );
    expect(soql).toContain(
      'SELECT Id, Name, MDF_Request__c, Status__c, Amount__c, Submitted_On__c, Approved_On__c, Paid_On__c, Actual_Pipeline__c, Proof_Count__c, Payment_Reference__c, CurrencyIsoCode FROM MDF_Claim__c'
    );
    // Nothing written to the org.
    expect(env.fake.org.calls(/\/jobs\/ingest/, 'POST')).toHaveLength(0);
  });

  it('keeps what it read in --run-dir, a snapshot folder that mdf --snapshot reports on identically', async () => {
    await start();
    const runDir = env.runDir();
    const fromOrg = await env.run(['mdf', '--target-org', 'fake', '--run-dir', runDir]);
    expect(fromOrg.code).toBe(0);
    expect(fromOrg.err).toContain(`Read the org's MDF data into ${runDir}`);
    expect(readdirSync(runDir).sort()).toEqual([
      'Account.csv',
      'Campaign.csv',
      'MDF_Budget__c.csv',
      'MDF_Claim__c.csv',
      'MDF_Request__c.csv',
      'manifest.json'
    ]);
    const manifest = JSON.parse(readFileSync(path.join(runDir, 'manifest.json'), 'utf8'));
    expect(manifest.files['MDF_Claim__c.csv'].rows).toBe(3);
    const io = captureIo();
    expect(await main(['mdf', '--snapshot', runDir], io)).toBe(0);
    expect(io.out).toBe(fromOrg.out);
    expect(io.out).toContain('Partner 00001');
  });

  it('leaves no temporary folder behind without --run-dir', async () => {
    await start();
    const before = new Set(readdirSync(tmpdir()).filter((name) => name.startsWith('partner-program-mdf-')));
    const result = await env.run(['mdf', '--target-org', 'fake', '--format', 'csv', '--section', 'roi-partners']);
    expect(result.code).toBe(0);
    expect(result.out.split('\n')[0]).toBe(
      'accountId,partner,requests,approved,paid,pipeline,won,pipelinePerUnit,wonPerUnit'
    );
    const after = readdirSync(tmpdir()).filter((name) => name.startsWith('partner-program-mdf-') && !before.has(name));
    expect(after).toEqual([]);
  });

  it('stops in the pre-flight check when a field the report reads is hidden, before any query job', async () => {
    await start({ hiddenFields: ['MDF_Request__c.Submitted_On__c'] });
    const runDir = env.runDir();
    const result = await env.run(['mdf', '--target-org', 'fake', '--run-dir', runDir]);
    expect(result.code).toBe(2);
    expect(result.err).toContain('Pre-flight check of the org "fake" failed');
    expect(result.err).toContain('MDF_Request__c.Submitted_On__c does not exist or is not visible to you');
    expect(querySoql(env)).toHaveLength(0);
    expect(existsSync(runDir)).toBe(false);
  });

  it('reads an org without MDF_Claim__c.Submitted_On__c (optional): claims are not aged, a warning counts them', async () => {
    await start({ hiddenFields: ['MDF_Claim__c.Submitted_On__c'] });
    const result = await env.run(['mdf', '--target-org', 'fake', '--format', 'json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.out);
    expect(report.waiting.claimsAwaitingApproval).toEqual([]);
    expect(report.warnings).toEqual([
      '1 submitted claim(s) have no Submitted_On__c (submitted before the field existed): not aged, not listed.'
    ]);
    expect(querySoql(env).find((soql) => soql.includes('FROM MDF_Claim__c'))).not.toContain('Submitted_On__c');
  });

  it('refuses a --run-dir that is not empty', async () => {
    await start();
    const runDir = env.runDir();
    expect((await env.run(['mdf', '--target-org', 'fake', '--run-dir', runDir])).code).toBe(0);
    const again = await env.run(['mdf', '--target-org', 'fake', '--run-dir', runDir]);
    expect(again.code).toBe(2);
    expect(again.err).toContain('already exists and is not empty');
  });
});
