/*
 * mdf --snapshot data/sample: figures checked by hand against the sample's MDF table
 * (scripts/sample/mdf.ts), the JSON and CSV shapes, --out, --quarter, --waiting-days and --as-of.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { captureIo } from '../../__tests__/helpers/snapshot-builder.ts';
import { main } from '../main.ts';

const SAMPLE = 'data/sample';

async function mdf(...args: string[]) {
  const io = captureIo();
  const code = await main(['mdf', '--snapshot', SAMPLE, ...args], io);
  return { code, out: io.out, err: io.err };
}

async function mdfJson(...args: string[]) {
  const result = await mdf('--format', 'json', ...args);
  expect(result.err).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.out);
}

describe('mdf --snapshot data/sample', () => {
  it('utilisation of 2026-Q3 North America / Elite, the nearly fully committed budget', async () => {
    const report = await mdfJson();
    const row = report.utilisation.rows.find(
      (entry: { quarter: string; region: string; eligibleTier: string }) =>
        entry.quarter === '2026-Q3' && entry.region === 'North America' && entry.eligibleTier === 'Elite'
    );
    // Committed: approved amounts of Brackenridge (55,000, completed), Copperleaf (25,000, completed),
    // Corvid (62,500) and Fernhollow (50,000): 192,500. Pending: Glenmoor's submitted 20,000 (the
    // rejected and cancelled requests hold nothing). Claimed: 55,000 + 18,000 (the rejected 7,000 is
    // not claimed) + 40,000 (the draft 10,000 is not) + 12,000 + 30,000 = 155,000; paid 55,000 +
    // 18,000 + 12,000 = 85,000.
    expect(row).toEqual({
      quarter: '2026-Q3',
      region: 'North America',
      eligibleTier: 'Elite',
      budgets: 1,
      budgeted: 200_000,
      committed: 192_500,
      pending: 20_000,
      claimed: 155_000,
      paid: 85_000,
      available: 7_500,
      committedPercent: 96.3,
      claimedPercent: 77.5,
      paidPercent: 42.5
    });
    expect(report.utilisation.rows).toHaveLength(9);
    expect(report.utilisation.total).toMatchObject({ budgets: 9, budgeted: 805_000, committed: 362_000 });
  });

  it('the oldest waiting request first, with partner, amount and days waiting', async () => {
    const report = await mdfJson();
    // Glenmoor submitted on 2026-09-02; the snapshot was exported on 2026-10-05: 33 days.
    expect(report.waiting.requests[0]).toEqual({
      requestId: 'a088d0000t0KJjUAAW',
      request: 'MDF-00005',
      accountId: '0018d0000h0GVRXAA4',
      partner: 'Glenmoor Implementation Co.',
      quarter: '2026-Q3',
      region: 'North America',
      activityType: 'Event',
      amount: 20_000,
      submittedOn: '2026-09-02T15:30:00.000Z',
      daysWaiting: 33
    });
    expect(report.waiting.requests.map((entry: { request: string }) => entry.request)).toEqual([
      'MDF-00005',
      'MDF-00015',
      'MDF-00022'
    ]);
    // Approved claims waiting for payment: Corvid's since 2026-09-08, Ironbark's since 2026-09-15;
    // Cobalt Prairie's (approved 2026-09-29, 6 days) is within the threshold.
    expect(
      report.waiting.claims.map((entry: { partner: string; daysWaiting: number }) => [entry.partner, entry.daysWaiting])
    ).toEqual([
      ['Corvid Workflow Inc.', 27],
      ['Ironbark Systems', 20]
    ]);
  });

  it('submitted claims waiting for approval longer than the threshold, from their Submitted On', async () => {
    const report = await mdfJson();
    // Rheinbrück's claim submitted on 2026-09-14, as of 2026-10-05: 21 days. Fernhollow's claim
    // submitted on 2026-10-01 (4 days) is within the 14 days.
    expect(report.waiting.claimsAwaitingApproval).toEqual([
      {
        claimId: 'a098d0000t0mWdbAAE',
        claim: 'CLM-00012',
        requestId: 'a088d0000t0KJmsAAG',
        request: 'MDF-00016',
        accountId: '0018d0000h0GVXGAA4',
        partner: 'Rheinbrück Systemhaus GmbH',
        amount: 35_000,
        submittedOn: '2026-09-14T07:45:00.000Z',
        daysWaiting: 21
      }
    ]);
    const all = await mdfJson('--waiting-days', '3');
    expect(
      all.waiting.claimsAwaitingApproval.map((entry: { claim: string; partner: string; daysWaiting: number }) => [
        entry.claim,
        entry.partner,
        entry.daysWaiting
      ])
    ).toEqual([
      ['CLM-00012', 'Rheinbrück Systemhaus GmbH', 21],
      ['CLM-00007', 'Fernhollow Consulting', 4]
    ]);
    expect(all.waiting.claimsAwaitingApproval[1]).toMatchObject({ amount: 30_000, request: 'MDF-00004' });
    const table = await mdf();
    expect(table.out).toContain(
      'Claims waiting for approval (Submitted, counted from Submitted On) more than 14 days (1)\n'
    );
    expect(table.out).toMatch(
      /\n {2}CLM-00012 {2}MDF-00016 {2}Rheinbrück Systemhaus GmbH {2}35,000 {2}2026-09-14 {4}21\n/
    );
  });

  it('ROI of one partner, a partner with nothing paid yet, and a request without campaign', async () => {
    const report = await mdfJson();
    const byName = (name: string) => report.roi.byPartner.find((entry: { partner: string }) => entry.partner === name);
    // Brackenridge: 55,000 paid; its campaign has 1,240,000 pipeline and 385,000 won:
    // 1,240,000 / 55,000 = 22.545… → 22.55; 385,000 / 55,000 = 7.
    expect(byName('Brackenridge Software')).toEqual({
      accountId: '0018d0000h0GVbjAAG',
      partner: 'Brackenridge Software',
      requests: 1,
      approved: 55_000,
      paid: 55_000,
      pipeline: 1_240_000,
      won: 385_000,
      pipelinePerUnit: 22.55,
      wonPerUnit: 7
    });
    expect(byName('Corvid Workflow Inc.')).toMatchObject({ paid: 0, pipelinePerUnit: null, wonPerUnit: null });
    expect(byName('Driftwood CRM Services')).toMatchObject({ paid: 8_000, pipeline: 0, pipelinePerUnit: 0 });
    // Only Select and Elite partners hold approved MDF.
    expect(byName('Kelpie Analytics Ltd')).toBeUndefined();
    const events = report.roi.byActivityType.find((entry: { activityType: string }) => entry.activityType === 'Event');
    // Events: Brackenridge (55,000 paid) and Fathom (30,000); Cobalt, Ironbark and Stonebridge paid
    // nothing yet. Pipeline 1,240,000 + 320,000 + 150,000 (Cobalt) + 0 + 0.
    expect(events).toMatchObject({ requests: 5, paid: 85_000, pipeline: 1_710_000, pipelinePerUnit: 20.12 });
  });

  it('prints the table in the style of evaluate', async () => {
    const result = await mdf();
    expect(result.code).toBe(0);
    expect(result.out).toContain('MDF report, all fiscal quarters: waiting counted to 2026-10-05, threshold 14 days');
    expect(result.out).toContain(
      '  2026-Q3  North America       Elite    200,000    192,500   20,000  155,000   85,000      7,500       96.3 %'
    );
    expect(result.out).toMatch(/MDF-00005 {2}Glenmoor Implementation Co\. .* 20,000 {2}2026-09-02 {4}33/);
    expect(result.out).toMatch(/Corvid Workflow Inc\. .*no ROI yet/);
  });

  it('--quarter keeps the budgets of one quarter and what draws on them', async () => {
    const report = await mdfJson('--quarter', '2026-Q4');
    expect(report.quarter).toBe('2026-Q4');
    expect(
      report.utilisation.rows.map(
        (row: { region: string; eligibleTier: string }) => `${row.region}/${row.eligibleTier}`
      )
    ).toEqual(['North America/Elite', 'North America/Select', 'UK & Ireland/Elite']);
    expect(report.utilisation.total).toMatchObject({ budgeted: 310_000, committed: 40_000, pending: 57_000 });
    expect(report.waiting.requests.map((entry: { partner: string }) => entry.partner)).toEqual(['Boreal Signal Inc.']);
    expect(report.roi.byPartner.map((entry: { partner: string }) => entry.partner)).toEqual([
      'Stonebridge Commerce Cloud'
    ]);
  });

  it('--waiting-days and --as-of move the threshold and the day waiting is counted to', async () => {
    const longer = await mdfJson('--waiting-days', '30');
    expect(longer.waiting.requests.map((entry: { request: string }) => entry.request)).toEqual(['MDF-00005']);
    expect(longer.waiting.claims).toEqual([]);
    expect(longer.waiting.claimsAwaitingApproval).toEqual([]);
    const later = await mdfJson('--as-of', '2026-10-20', '--waiting-days', '0');
    expect(later.asOf).toBe('2026-10-20');
    expect(later.waiting.requests[0].daysWaiting).toBe(48);
    expect(later.waiting.requests).toHaveLength(5);
    // Every submitted claim: 2026-09-14 and 2026-10-01 to 2026-10-20.
    expect(later.waiting.claimsAwaitingApproval.map((entry: { daysWaiting: number }) => entry.daysWaiting)).toEqual([
      36, 19
    ]);
  });

  it('CSV: one section on stdout, every section and the JSON with --out', async () => {
    const csv = await mdf('--format', 'csv', '--section', 'waiting-requests');
    expect(csv.code).toBe(0);
    const rows = parse(csv.out, { columns: true }) as Record<string, string>[];
    expect(rows[0]).toEqual({
      requestId: 'a088d0000t0KJjUAAW',
      request: 'MDF-00005',
      accountId: '0018d0000h0GVRXAA4',
      partner: 'Glenmoor Implementation Co.',
      quarter: '2026-Q3',
      region: 'North America',
      activityType: 'Event',
      amount: '20000',
      submittedOn: '2026-09-02T15:30:00.000Z',
      daysWaiting: '33'
    });
    const approvals = await mdf('--format', 'csv', '--section', 'waiting-claim-approvals');
    expect(approvals.code).toBe(0);
    expect(approvals.out.split('\n')[0]).toBe(
      'claimId,claim,requestId,request,accountId,partner,amount,submittedOn,daysWaiting'
    );
    expect(parse(approvals.out, { columns: true })).toEqual([
      expect.objectContaining({
        claim: 'CLM-00012',
        request: 'MDF-00016',
        partner: 'Rheinbrück Systemhaus GmbH',
        amount: '35000',
        submittedOn: '2026-09-14T07:45:00.000Z',
        daysWaiting: '21'
      })
    ]);
    const utilisation = await mdf('--format', 'csv');
    expect(utilisation.out.split('\n')[0]).toBe(
      'quarter,region,eligibleTier,budgets,budgeted,committed,pending,claimed,paid,available,committedPercent'
    );
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'pp-mdf-')), 'report');
    const written = await mdf('--out', out);
    expect(written.code).toBe(0);
    expect(written.err).toContain(`Wrote 7 files to ${out}`);
    expect(readdirSync(out).sort()).toEqual([
      'mdf-roi-activities.csv',
      'mdf-roi-partners.csv',
      'mdf-utilisation.csv',
      'mdf-waiting-claim-approvals.csv',
      'mdf-waiting-claims.csv',
      'mdf-waiting-requests.csv',
      'mdf.json'
    ]);
    expect(JSON.parse(readFileSync(path.join(out, 'mdf.json'), 'utf8'))).toEqual(await mdfJson());
    const roi = parse(readFileSync(path.join(out, 'mdf-roi-partners.csv')), { columns: true }) as Record<
      string,
      string
    >[];
    expect(roi.find((row) => row.partner === 'Corvid Workflow Inc.')).toMatchObject({
      paid: '0',
      pipelinePerUnit: '',
      wonPerUnit: ''
    });
  });

  it('the JSON document has the documented top-level shape', async () => {
    const report = await mdfJson();
    expect(Object.keys(report)).toEqual([
      'snapshot',
      'quarter',
      'asOf',
      'waitingDays',
      'utilisation',
      'waiting',
      'roi',
      'warnings'
    ]);
    expect(report.snapshot).toEqual({
      source: 'sample',
      exportedAt: '2026-10-05T06:00:00.000Z',
      corporateCurrency: 'USD'
    });
    expect(Object.keys(report.waiting)).toEqual(['requests', 'claims', 'claimsAwaitingApproval']);
    expect(Object.keys(report.roi)).toEqual(['byPartner', 'byActivityType']);
    expect(Array.isArray(report.waiting.claimsAwaitingApproval)).toBe(true);
    expect(report.warnings).toEqual([]);
  });

  it('is listed in the general help, and has its own help with examples', async () => {
    const io = captureIo();
    expect(await main(['--help'], io)).toBe(0);
    expect(io.out).toMatch(/\n {2}mdf {6,}Market development funds/);
    const help = captureIo();
    expect(await main(['mdf', '--help'], help)).toBe(0);
    expect(help.out).toContain('Usage: partner-program mdf --snapshot <dir>');
    expect(help.out).toContain('partner-program mdf --snapshot data/sample --format csv --section roi-partners');
    expect(help.out).toContain('Exit codes:');
  });

  it('README shows output that mdf --snapshot data/sample --quarter 2026-Q3 really prints', async () => {
    const readme = readFileSync('README.md', 'utf8');
    const excerpt =
      /```\n\$ npm exec partner-program -- mdf --snapshot data\/sample --quarter 2026-Q3\n([\s\S]*?)```/.exec(
        readme
      )![1];
    const result = await mdf('--quarter', '2026-Q3');
    const output = result.out.split('\n');
    let position = 0;
    for (const line of excerpt.split('\n').filter((text) => text.trim() !== '' && text.trim() !== '…')) {
      const found = output.indexOf(line, position);
      expect({ line, found: found >= 0 }).toEqual({ line, found: true });
      position = found + 1;
    }
  });
});
