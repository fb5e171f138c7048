/*
 * The MDF report on files shaped as Bulk API 2.0 writes them (every value quoted, quotes doubled,
 * date-times with milliseconds and Z): sums in cents, budgets without region or tier, a campaign
 * linked to two requests counted once, references to records that are not in the files.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadMdf } from '../load-mdf.ts';
import { mdfQueries } from '../mdf-org.ts';
import { buildMdfReport, daysFrom } from '../mdf-report.ts';
import { mdfCsv, moneyText } from '../mdf-output.ts';

const FIXTURE = path.join(__dirname, 'data', 'bulk');

/** The fixture files as a snapshot folder, with the manifest `snapshot --target-org` would write. */
function bulkSnapshot(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pp-mdf-bulk-'));
  cpSync(FIXTURE, dir, { recursive: true });
  const files: Record<string, { rows: number; sha256: string }> = {};
  for (const name of readdirSync(dir)) {
    const bytes = readFileSync(path.join(dir, name));
    files[name] = {
      rows: bytes.toString('utf8').trimEnd().split('\n').length - 1,
      sha256: createHash('sha256').update(bytes).digest('hex')
    };
  }
  const manifest = {
    format: 'partner-program-snapshot/1',
    source: '00D000000000001EAA',
    exportedAt: '2027-02-10T08:00:00.000Z',
    corporateCurrency: 'EUR',
    files
  };
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

describe('MDF report on Bulk API 2.0 files', () => {
  it('sums in cents and groups budgets without region or tier', async () => {
    const data = await loadMdf(bulkSnapshot());
    const report = buildMdfReport(data, { quarter: null, waitingDays: 14, asOf: '2027-02-10' });
    expect(report.utilisation.rows).toEqual([
      {
        quarter: '2027-Q1',
        region: null,
        eligibleTier: null,
        budgets: 2,
        budgeted: 1000.4,
        committed: 500.3,
        pending: 0,
        claimed: 0.3,
        paid: 0.3,
        available: 500.1,
        committedPercent: 50,
        claimedPercent: 0,
        paidPercent: 0
      }
    ]);
    expect(mdfCsv(report, 'utilisation').split('\n')[1]).toBe('2027-Q1,,,2,1000.4,500.3,0,0.3,0.3,500.1,50');
  });

  it('counts a campaign once per group and says what it could not match', async () => {
    const data = await loadMdf(bulkSnapshot());
    const report = buildMdfReport(data, { quarter: null, waitingDays: 14, asOf: '2027-02-10' });
    expect(report.roi.byPartner).toEqual([
      {
        accountId: '001000000000001AAA',
        partner: 'Acme Partners',
        requests: 2,
        approved: 400.3,
        paid: 0.3,
        pipeline: 3,
        won: 0.9,
        pipelinePerUnit: 10,
        wonPerUnit: 3
      },
      {
        accountId: '001000000000002AAA',
        partner: 'Birch, Cole & Co',
        requests: 1,
        approved: 100,
        paid: 0,
        pipeline: 0,
        won: 0,
        pipelinePerUnit: null,
        wonPerUnit: null
      }
    ]);
    expect(report.roi.byActivityType.map((row) => [row.activityType, row.pipelinePerUnit])).toEqual([
      [null, 15],
      ['Event', 30],
      ['Webinar', null]
    ]);
    expect(report.warnings).toEqual([
      '1 request(s) draw on a budget that is not in MDF_Budget__c.csv (ignored).',
      '1 claim(s) belong to a request that is not in MDF_Request__c.csv (ignored).',
      '1 linked campaign(s) are not in Campaign.csv (counted as no pipeline).'
    ]);
    expect(mdfCsv(report, 'roi-partners').split('\n')[2]).toBe('001000000000002AAA,"Birch, Cole & Co",1,100,0,0,0,,');
  });

  it('ages submitted claims from Submitted_On__c; files without the column still read, with a warning', async () => {
    const data = await loadMdf(bulkSnapshot());
    // The fixture's MDF_Claim__c.csv has no Submitted_On__c column (data taken before the field).
    expect(data.claims.every((claim) => claim.submittedOn === null)).toBe(true);
    const submitted = (id: string, submittedOn: string | null) => ({
      ...data.claims[0],
      id,
      name: id,
      status: 'Submitted' as const,
      amount: 0.25,
      approvedOn: null,
      paidOn: null,
      submittedOn
    });
    data.claims.push(
      submitted('CLM-LATE', '2027-01-26T23:30:00.000Z'),
      submitted('CLM-OLD', '2027-01-20T08:00:00.000Z'),
      submitted('CLM-NEW', '2027-02-01T08:00:00.000Z'),
      submitted('CLM-UNDATED', null)
    );
    const report = buildMdfReport(data, { quarter: null, waitingDays: 14, asOf: '2027-02-10' });
    // 2027-01-20 → 2027-02-10: 21 days; 2027-01-26 (23:30 UTC, the UTC day counts): 15; 2027-02-01: 9.
    expect(report.waiting.claimsAwaitingApproval).toEqual([
      {
        claimId: 'CLM-OLD',
        claim: 'CLM-OLD',
        requestId: 'a08000000000001AAA',
        request: data.requests.find((request) => request.id === 'a08000000000001AAA')!.name,
        accountId: '001000000000001AAA',
        partner: 'Acme Partners',
        amount: 0.25,
        submittedOn: '2027-01-20T08:00:00.000Z',
        daysWaiting: 21
      },
      expect.objectContaining({ claimId: 'CLM-LATE', daysWaiting: 15 })
    ]);
    expect(report.warnings).toContain(
      '1 submitted claim(s) have no Submitted_On__c (submitted before the field existed): not aged, not listed.'
    );
    expect(mdfCsv(report, 'waiting-claim-approvals').split('\n')[1]).toMatch(
      /^CLM-OLD,CLM-OLD,a08000000000001AAA,[^,]*,001000000000001AAA,Acme Partners,0.25,2027-01-20T08:00:00.000Z,21$/
    );
  });

  it('counts waiting in whole days from the UTC day of the timestamp', () => {
    expect(daysFrom('2027-01-02T23:59:59.000Z', '2027-01-16')).toBe(14);
    expect(daysFrom('2026-09-02T15:30:00.000Z', '2026-10-05')).toBe(33);
    expect(daysFrom('2026-10-06T00:00:00.000Z', '2026-10-05')).toBe(-1);
  });

  it('formats money grouped, with cents only when there are any', () => {
    expect(moneyText(192_500)).toBe('192,500');
    expect(moneyText(1000.4)).toBe('1,000.40');
    expect(moneyText(0)).toBe('0');
  });
});

describe('mdfQueries', () => {
  const describeOf = (fields: string[]) => ({ name: 'x', fields: fields.map((name) => ({ name })) }) as never;

  it('leaves out optional columns the org lacks and names missing required ones', () => {
    const describes = new Map([
      ['Account', describeOf(['Id', 'Name'])],
      ['MDF_Budget__c', describeOf(['Id', 'Name', 'Fiscal_Quarter__c', 'Region__c', 'Eligible_Tier__c', 'Amount__c'])],
      ['MDF_Request__c', null],
      ['MDF_Claim__c', describeOf(['Id', 'MDF_Request__c', 'Status__c', 'Amount__c', 'Approved_On__c'])],
      ['Campaign', describeOf(['Id', 'Name', 'AmountAllOpportunities', 'AmountWonOpportunities'])]
    ]);
    const plan = mdfQueries(describes);
    expect(plan.missing).toEqual(['MDF_Request__c (the object)', 'MDF_Claim__c.Paid_On__c']);
    // An org without the claim's Submitted_On__c (optional) is read without it.
    expect(plan.queries.find((query) => query.object === 'MDF_Claim__c')?.soql).toBe(
      'SELECT Id, MDF_Request__c, Status__c, Amount__c, Approved_On__c FROM MDF_Claim__c'
    );
    const withField = mdfQueries(
      new Map([
        ...describes,
        [
          'MDF_Claim__c',
          describeOf([
            'Id',
            'MDF_Request__c',
            'Status__c',
            'Amount__c',
            'Submitted_On__c',
            'Approved_On__c',
            'Paid_On__c'
          ])
        ]
      ])
    );
    expect(withField.queries.find((query) => query.object === 'MDF_Claim__c')?.soql).toBe(
      'SELECT Id, MDF_Request__c, Status__c, Amount__c, Submitted_On__c, Approved_On__c, Paid_On__c FROM MDF_Claim__c'
    );
    expect(plan.queries.find((query) => query.object === 'MDF_Budget__c')?.soql).toBe(
      'SELECT Id, Name, Fiscal_Quarter__c, Region__c, Eligible_Tier__c, Amount__c FROM MDF_Budget__c'
    );
  });
});
