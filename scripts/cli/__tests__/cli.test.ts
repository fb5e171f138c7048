import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { captureIo, writeSnapshot } from '../../__tests__/helpers/snapshot-builder.ts';
import { onePartner, wonDeal } from '../../__tests__/helpers/fixtures.ts';
import { COMMANDS, main } from '../main.ts';

const readCsv = (file: string): Record<string, string>[] => parse(readFileSync(file), { columns: true });

const review = (id: string, csat: number) => ({
  Id: id,
  Partner_Profile__c: 'a01A',
  CSAT__c: csat,
  Reviewed_On__c: '2026-06-01',
  Escalated__c: false
});
const cert = (id: string, contact: string) => ({
  Id: id,
  Partner_Profile__c: 'a01A',
  Contact__c: contact,
  Issued_On__c: '2025-01-01',
  Expires_On__c: '2027-12-31',
  Verified__c: true
});

/** A Registered reseller that meets every Select criterion: promoted. */
function promotable() {
  return onePartner({
    tables: {
      Opportunity: [
        wonDeal('006a', '2026-02-01', 120000),
        wonDeal('006open', '2026-12-01', 5000, {
          IsClosed: false,
          IsWon: false,
          Deal_Registered__c: true,
          NextStep: 'Proposal'
        })
      ],
      Delivery_Review__c: [review('r1', 82)],
      Partner_Certification__c: [cert('c1', '003a'), cert('c2', '003b')],
      Partner_Evidence__c: [
        {
          Id: 'e1',
          Partner_Profile__c: 'a01A',
          Type__c: 'Case Study',
          Evidence_Date__c: '2026-05-01',
          Verified__c: true
        }
      ]
    }
  });
}

describe('partner-program CLI', () => {
  it.each(COMMANDS.map((command) => command.name))(
    'prints help with usage, examples and exit codes for %s',
    async (name) => {
      const io = captureIo();
      expect(await main([name, '--help'], io)).toBe(0);
      expect(io.out).toContain(`Usage: partner-program ${name}`);
      expect(io.out).toContain('Examples:');
      expect(io.out).toContain('2  bad input');
    }
  );

  it('prints an overview of all commands', async () => {
    const io = captureIo();
    expect(await main(['--help'], io)).toBe(0);
    for (const command of COMMANDS) expect(io.out).toContain(`  ${command.name}`);
  });

  it('evaluate --format json prints one document with every partner field the API promises', async () => {
    const io = captureIo();
    expect(await main(['evaluate', '--snapshot', writeSnapshot(promotable()), '--format', 'json'], io)).toBe(0);
    const document = JSON.parse(io.out);
    expect(document.quarter).toBe('2026-Q3');
    expect(document.summary.outcomes.Promoted).toBe(1);
    const [partner] = document.partners;
    expect(partner).toMatchObject({
      accountId: '001A',
      name: 'Acme Reselling',
      previousTier: 'Registered',
      qualifiedTier: 'Select',
      resultingTier: 'Select',
      outcome: 'Promoted',
      nextTier: 'Elite',
      nearUpgrade: false
    });
    expect(partner.progress).toBeGreaterThan(0);
    const revenue = partner.criteria.find(
      (criterion: { criterion: string }) => criterion.criterion === 'Select_Revenue_4Q'
    );
    expect(revenue).toMatchObject({
      metric: 'REVENUE_4Q',
      value: 120000,
      threshold: 100000,
      operator: '>=',
      met: true,
      gap: null
    });
    const eliteRevenue = partner.criteria.find(
      (criterion: { criterion: string }) => criterion.criterion === 'Elite_Revenue_4Q'
    );
    expect(eliteRevenue).toMatchObject({ met: false, gap: 'USD 380,000.00 more' });
    expect(eliteRevenue.reason).toBe('Not met: USD 120,000.00 (required: at least USD 500,000.00).');
  });

  it('evaluate --out writes results and a Bulk API 2.0 write-back plan keyed by Evaluation_Key__c', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'pp-out-')), 'q3');
    const io = captureIo();
    expect(
      await main(['evaluate', '--snapshot', writeSnapshot(promotable()), '--out', out, '--format', 'csv'], io)
    ).toBe(0);
    const evaluations = readCsv(path.join(out, 'Tier_Evaluation__c.csv'));
    expect(evaluations).toHaveLength(1);
    expect(evaluations[0]).toMatchObject({
      Evaluation_Key__c: '001A-2026-Q3',
      Partner_Profile__c: 'a01A',
      Quarter__c: '2026-Q3',
      Window_Start__c: '2025-10-01',
      Window_End__c: '2026-09-30',
      Previous_Tier__c: 'Registered',
      Previous_Grace_Until__c: '#N/A',
      Resulting_Tier__c: 'Select',
      Outcome__c: 'Promoted',
      Engine_Version__c: '1.0.0'
    });
    expect(JSON.parse(evaluations[0].Criteria_Results__c)).toHaveLength(11);
    const profiles = readCsv(path.join(out, 'Partner_Profile__c.csv'));
    expect(profiles[0]).toMatchObject({
      Id: 'a01A',
      Tier__c: 'Select',
      Tier_Since__c: '2026-10-01',
      Grace_Until__c: '#N/A',
      Metric_Revenue_4Q__c: '120000',
      Metric_CSAT__c: '82',
      Metric_Certified_People__c: '2',
      Metric_Renewal_Rate__c: '#N/A',
      Metrics_As_Of__c: '2026-09-30'
    });
    const results = readCsv(path.join(out, 'results.csv'));
    expect(results[0]).toMatchObject({ AccountId: '001A', Outcome: 'Promoted', REVENUE_4Q: '120000' });
    expect(io.out).toBe(readFileSync(path.join(out, 'results.csv'), 'utf8'));
    expect(JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8')).runId).toMatch(/^[0-9a-f]{16}$/);
  });

  it('gives byte-identical output for the same input', async () => {
    const snapshot = writeSnapshot(promotable());
    const first = captureIo();
    const second = captureIo();
    await main(['evaluate', '--snapshot', snapshot, '--format', 'json'], first);
    await main(['evaluate', '--snapshot', writeSnapshot(promotable()), '--format', 'json'], second);
    expect(second.out).toBe(first.out);
  });

  it('re-evaluating an applied quarter decides the same (stored evaluation, not the state it produced)', async () => {
    const before = captureIo();
    await main(['evaluate', '--snapshot', writeSnapshot(promotable()), '--format', 'json'], before);
    // The org after applying: profile promoted, the quarter's evaluation stored with the state before it.
    const applied = promotable();
    applied.tables.Partner_Profile__c![0] = {
      ...applied.tables.Partner_Profile__c![0],
      Tier__c: 'Select',
      Tier_Since__c: '2026-10-01'
    };
    applied.tables.Tier_Evaluation__c = [
      {
        Id: 'a06X',
        Partner_Profile__c: 'a01A',
        Evaluation_Key__c: '001A-2026-Q3',
        Quarter__c: '2026-Q3',
        Previous_Tier__c: 'Registered',
        Previous_Grace_Until__c: null,
        Resulting_Tier__c: 'Select',
        Outcome__c: 'Promoted'
      }
    ];
    const after = captureIo();
    await main(['evaluate', '--snapshot', writeSnapshot(applied), '--format', 'json'], after);
    const strip = (text: string) => {
      const document = JSON.parse(text);
      return { partners: document.partners, summary: document.summary };
    };
    expect(strip(after.out)).toEqual(strip(before.out));
  });

  it('explain names the records behind each metric', async () => {
    const io = captureIo();
    expect(await main(['explain', 'acme', '--snapshot', writeSnapshot(promotable())], io)).toBe(0);
    expect(io.out).toContain('Outcome: Promoted. Registered -> Select (qualifies for Select).');
    expect(io.out).toContain('[x] Closed-won partner revenue in the last four quarters');
    expect(io.out).toContain('Revenue: 1 closed-won partner deal(s) in the window, USD 120,000.00 in total');
    expect(io.out).toMatch(/006a\s+Deal 006a\s+2026-02-01\s+Resold/);
    expect(io.out).toContain('Certifications: 2 of 2 count');
  });

  it('explain refuses an unknown partner with exit code 2', async () => {
    const io = captureIo();
    expect(await main(['explain', 'Globex', '--snapshot', writeSnapshot(promotable())], io)).toBe(2);
    expect(io.err).toContain('No partner matches "Globex" in this snapshot.');
  });

  it('runs as the partner-program bin on the pinned Node 24', () => {
    const output = execFileSync(process.execPath, ['scripts/bin/partner-program.js', '--version'], {
      encoding: 'utf8'
    });
    expect(output).toBe('partner-program 0.1.0\n');
    expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(24);
  });
});

describe('progress on long runs', () => {
  it('reports rows read per file on an interactive terminal, and stays silent otherwise', async () => {
    const snapshot = writeSnapshot(promotable());
    const io = captureIo();
    Object.assign(io, { interactive: true });
    expect(await main(['evaluate', '--snapshot', snapshot], io)).toBe(0);
    expect(io.err).toContain('reading Opportunity.csv: 2 rows\n');
    const json = captureIo();
    Object.assign(json, { interactive: true });
    await main(['evaluate', '--snapshot', snapshot, '--format', 'json'], json);
    expect(json.err).toBe('');
    const piped = captureIo();
    await main(['evaluate', '--snapshot', snapshot], piped);
    expect(piped.err).toBe('');
  });
});
