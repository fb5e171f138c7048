/*
 * The benchmark's regression check, in counts and structure (never timings): on a small generated
 * snapshot, the evaluation's per-partner state does not grow with a partner's opportunities, the
 * generator is deterministic, and the fast cell checks accept exactly what the typed reader did.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { evaluationPeriod, isIsoDate } from '../../../force-app/main/default/lwc/tierEngine/tierEngine.ts';
import { loadProgramConfig, resolveQuarter } from '../../lib/run-evaluation.ts';
import { loadSnapshot, type LoadStats, type Partner } from '../../lib/snapshot/load-snapshot.ts';
import { readManifest } from '../../lib/snapshot/manifest.ts';
import { isIsoDateText, parseNumberText } from '../../lib/snapshot/read-csv.ts';
import { generateSnapshot, ROWS_PER_PARTNER, type GeneratedSnapshot } from '../lib/generator.ts';
import { countNaiveCalls } from '../lib/naive-baseline.ts';
import { orgModeMissing } from '../lib/org-calls.ts';

const PARTNERS = 2_000;
/** Opportunities per partner of the smaller snapshot (the larger one has twice as many). */
const OPPORTUNITIES = 8;
const scratch = mkdtempSync(path.join(tmpdir(), 'pp-bench-test-'));
let single: GeneratedSnapshot;
let double: GeneratedSnapshot;
beforeAll(() => {
  single = generateSnapshot({
    partners: PARTNERS,
    seed: 7,
    outDir: path.join(scratch, 'x1'),
    opportunitiesPerPartner: OPPORTUNITIES
  });
  double = generateSnapshot({
    partners: PARTNERS,
    seed: 7,
    outDir: path.join(scratch, 'x2'),
    opportunitiesPerPartner: 2 * OPPORTUNITIES
  });
}, 30_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function load(dir: string, parallel?: boolean, detailFor?: (partner: Partner) => boolean) {
  const config = await loadProgramConfig();
  const manifest = await readManifest(dir);
  const period = evaluationPeriod(resolveQuarter(undefined, manifest, config.settings), config.settings);
  let stats: LoadStats | undefined;
  const snapshot = await loadSnapshot({
    snapshotDir: dir,
    manifest,
    period,
    tiers: config.tiers,
    criteria: config.criteria,
    parallel,
    detailFor,
    stats: (collected) => (stats = collected)
  });
  return { stats: stats!, snapshot };
}

/** The account with the most opportunities (the generator's skew makes it a large one). */
function busiestAccount(dir: string): string {
  const rows = parse(readFileSync(path.join(dir, 'Opportunity.csv')), { columns: true }) as Record<string, string>[];
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.Partner_Account__c, (counts.get(row.Partner_Account__c) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0][0];
}

async function loadStats(dir: string): Promise<{ stats: LoadStats; partners: number }> {
  const { stats, snapshot } = await load(dir, false);
  return { stats, partners: snapshot.partners.length };
}

describe('bench: memory grows with partners, not with opportunities', () => {
  it('doubling opportunities per partner leaves the per-partner state unchanged', async () => {
    expect(single.files['Opportunity.csv'].rows).toBe(PARTNERS * OPPORTUNITIES);
    expect(double.files['Opportunity.csv'].rows).toBe(2 * single.files['Opportunity.csv'].rows);

    const one = await loadStats(single.dir);
    const two = await loadStats(double.dir);
    expect(two.stats.rowsRead['Opportunity.csv']).toBe(2 * one.stats.rowsRead['Opportunity.csv']);
    expect(one.stats.partners).toBe(PARTNERS);
    // Same partners, same number of map entries, same size of every running total.
    expect(two.stats.partners).toBe(one.stats.partners);
    expect(two.stats.perPartnerEntries).toBe(one.stats.perPartnerEntries);
    expect(two.stats.totalsCells).toBe(one.stats.totalsCells);
    // Constant size per partner: the scalar totals plus the certified contacts (not opportunities).
    expect(one.stats.perPartnerEntries).toBe(2 * PARTNERS);
    expect(one.stats.totalsCells).toBeLessThan(PARTNERS * 20 + one.stats.rowsRead['Partner_Certification__c.csv']);
  }, 60_000);

  it('counts a naive per-partner integration from the data', async () => {
    const dir = generateSnapshot({ partners: 300, seed: 5, outDir: path.join(scratch, 'naive') }).dir;
    const naive = await countNaiveCalls(dir);
    expect(naive.partners).toBe(300);
    expect(naive.perPartnerQueries).toBe(6 * naive.evaluatedPartners);
    expect(naive.recordUpdates).toBe(2 * naive.evaluatedPartners);
    expect(naive.total).toBeGreaterThan(8 * naive.evaluatedPartners);
  }, 30_000);
});

describe('bench: Opportunity.csv in two worker threads', () => {
  it('gives the same partners and metrics as reading it in the main thread', async () => {
    const dir = single.dir;
    const inline = await load(dir, false);
    const worker = await load(dir, true);
    expect(worker.snapshot.partners).toEqual(inline.snapshot.partners);
    expect([...worker.snapshot.metrics]).toEqual([...inline.snapshot.metrics]);
    expect(worker.snapshot.warnings).toEqual(inline.snapshot.warnings);
    expect(worker.stats.opportunityWorkers).toBe(2);
    expect(inline.stats.opportunityWorkers).toBe(0);
    expect(worker.stats.rowsRead['Opportunity.csv']).toBe(PARTNERS * OPPORTUNITIES);
  }, 30_000);

  it('collects the same records behind one partner for explain', async () => {
    const account = busiestAccount(single.dir);
    const busiest = (partner: Partner) => partner.accountId === account;
    const inline = await load(single.dir, false, busiest);
    const worker = await load(single.dir, true, busiest);
    expect(inline.snapshot.detail!.opportunities.length).toBeGreaterThan(OPPORTUNITIES);
    expect(worker.snapshot.detail).toEqual(inline.snapshot.detail);
  }, 30_000);

  it('reports a bad value in either half, a changed file and a truncated one as a one-piece read does', async () => {
    const dir = path.join(scratch, 'bad');
    generateSnapshot({ partners: 200, seed: 9, outDir: dir, opportunitiesPerPartner: 5 });
    const file = path.join(dir, 'Opportunity.csv');
    const original = readFileSync(file, 'utf8');
    const same = async (expected: string) => {
      await expect(load(dir, false)).rejects.toThrow(expected);
      await expect(load(dir, true)).rejects.toThrow(expected);
    };
    for (const row of [100, 700]) {
      const lines = original.split('\n');
      lines[row] = lines[row].replace(/,(\d{4}-\d{2}-\d{2}),(\d+\.\d{2}),/, ',$1,12 500,');
      writeFileSync(file, lines.join('\n'));
      await same(`Opportunity.csv, row ${row} (line ${row + 1}), column Amount: "12 500" is not a valid number.`);
    }
    writeFileSync(file, original.replace(',Resold,', ',Sourced,'));
    await same('Opportunity.csv was changed after the snapshot was taken: its SHA-256 does not match manifest.json.');
    writeFileSync(file, original.split('\n').slice(0, -2).join('\n') + '\n');
    await same('Opportunity.csv has 999 rows but manifest.json says 1000.');
  }, 30_000);
});

describe('bench: org mode API calls against the fake org', () => {
  const orgMode = orgModeMissing(process.cwd()) === null;
  (orgMode ? it : it.skip)(
    'do not grow with partners apart from result pages; one ingest job per object; within 50 calls',
    async () => {
      // Required only when org mode exists (jest runs this file as CommonJS).
      const { countOrgCalls } = require('../lib/org-run.ts') as typeof import('../lib/org-run.ts');
      const small = await countOrgCalls(process.cwd(), 200, 1);
      const large = await countOrgCalls(process.cwd(), 2_000, 1);
      for (const counts of [small, large]) {
        for (const jobs of Object.values(counts.ingestJobsPerObject)) expect(jobs).toBeLessThanOrEqual(2);
        expect(counts.total).toBeLessThan(counts.naive / 10);
      }
      const fixed = (counts: typeof small) =>
        counts.calls.queryJobs + counts.calls.ingestJobs + counts.calls.other + counts.calls.notifications;
      expect(fixed(large)).toBe(fixed(small));
      expect(large.calls.queryJobs).toBe(small.calls.queryJobs);
      // One notification per partner manager (batches of 100 managers), not per partner.
      expect(large.calls.notifications).toBe(1);
      // Only result pages follow the data (rows ÷ page size); the bound is 50 calls at 100,000.
      expect(large.total - large.calls.resultPages).toBeLessThanOrEqual(40);
      expect(large.total).toBeLessThanOrEqual(50);
      expect(large.naive).toBeGreaterThan(5 * large.partners);
    },
    60_000
  );
});

describe('bench: the generator', () => {
  it('is deterministic and writes the distributions of a large program', () => {
    const a = generateSnapshot({ partners: 300, seed: 3, outDir: path.join(scratch, 'a') });
    const b = generateSnapshot({ partners: 300, seed: 3, outDir: path.join(scratch, 'b') });
    const c = generateSnapshot({ partners: 300, seed: 4, outDir: path.join(scratch, 'c') });
    const manifest = (dir: string) => readFileSync(path.join(dir, 'manifest.json'), 'utf8');
    expect(manifest(a.dir)).toBe(manifest(b.dir));
    expect(manifest(a.dir)).not.toBe(manifest(c.dir));
    expect(a.files['Delivery_Review__c.csv'].rows).toBe(300 * ROWS_PER_PARTNER.Delivery_Review__c);
    expect(a.files['Partner_Certification__c.csv'].rows).toBe(300 * ROWS_PER_PARTNER.Partner_Certification__c);
    expect(a.files['Partner_Evidence__c.csv'].rows).toBe(300 * ROWS_PER_PARTNER.Partner_Evidence__c);
    expect(a.files['Tier_Evaluation__c.csv'].rows).toBeGreaterThan(300);
    expect(a.files['Tier_Exception__c.csv'].rows).toBeGreaterThan(0);
    expect(a.files['DatedConversionRate.csv'].rows).toBeGreaterThan(8 * 12);
  });

  it('skews deals: the busiest tenth of the partners owns a large share of the opportunities', () => {
    const lines = parse(readFileSync(path.join(single.dir, 'Opportunity.csv')), { columns: true }) as Record<
      string,
      string
    >[];
    const perPartner = new Map<string, number>();
    for (const line of lines)
      perPartner.set(line.Partner_Account__c, (perPartner.get(line.Partner_Account__c) ?? 0) + 1);
    const counts = [...perPartner.values()].sort((x, y) => y - x);
    const top = counts.slice(0, Math.ceil(PARTNERS / 10)).reduce((sum, count) => sum + count, 0);
    expect(top / lines.length).toBeGreaterThan(0.35);
  });
});

describe('bench: the fast cell checks accept exactly what the typed reader accepted', () => {
  const NUMBER = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;
  const reference = (text: string) => (NUMBER.test(text.trim()) ? Number(text) : undefined);

  it('dates: same answer as tierEngine.isIsoDate', () => {
    const digits = fc.stringMatching(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/);
    fc.assert(
      fc.property(fc.oneof(digits, fc.string({ maxLength: 12 })), (text) => {
        expect(isIsoDateText(text)).toBe(isIsoDate(text));
      }),
      { numRuns: 5_000 }
    );
    for (const text of [
      '2024-02-29',
      '2023-02-29',
      '1900-02-29',
      '2000-02-29',
      '0099-12-31',
      '0100-01-01',
      '9999-12-31'
    ])
      expect(isIsoDateText(text)).toBe(isIsoDate(text));
  });

  it('numbers: same answer as the regular expression on the trimmed text', () => {
    const numeric = fc.stringMatching(/^\s?-?[0-9]{0,4}(\.[0-9]{0,3})?([eE][-+]?[0-9]{0,2})?\s?$/);
    fc.assert(
      fc.property(fc.oneof(numeric, fc.string({ maxLength: 8 })), (text) => {
        expect(parseNumberText(text)).toBe(reference(text));
      }),
      { numRuns: 5_000 }
    );
    for (const text of ['12,5', '1e5', '-0', '007', ' 12 ', '1.', '.5', '-', '1e', '1e+', '１２'])
      expect(parseNumberText(text)).toBe(reference(text));
  });
});
