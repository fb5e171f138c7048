/*
 * Bulk API 2.0 query results paged by the CLI (not jsforce): pages stitched into one CSV with one
 * header, quoted values with commas, quotes and line breaks counted right, the file's SHA-256, an
 * empty result, a broken page fetched again by its locator, a failed job reported by id.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { fakeSession } from '../../../fake-salesforce/fake-session.ts';
import { seedOrg } from '../../../fake-salesforce/seed.ts';
import { startFakeSalesforce, type FakeSalesforce } from '../../../fake-salesforce/server.ts';
import { bulkQueryToFile } from '../bulk-query.ts';
import { OrgJobError } from '../errors.ts';
import { SalesforceClient } from '../http.ts';

const poll = { intervalMs: 0, timeoutMs: 10_000, sleep: async () => undefined, now: Date.now };
const retry = { attempts: 3, baseDelayMs: 0, maxDelayMs: 0, sleep: async () => undefined };
const SOQL = 'SELECT Id, Name, NextStep, Amount, IsWon FROM Opportunity WHERE Partner_Account__c != null';
const COLUMNS = ['Id', 'Name', 'NextStep', 'Amount', 'IsWon'];

describe('bulkQueryToFile', () => {
  let fake: FakeSalesforce;
  let client: SalesforceClient;
  const file = () => path.join(mkdtempSync(path.join(tmpdir(), 'pp-bulk-')), 'Opportunity.csv');

  beforeAll(async () => {
    fake = await startFakeSalesforce();
    await seedOrg(fake.org, { partners: 7 });
    client = new SalesforceClient(fakeSession(fake), { retry });
  });
  afterAll(() => fake.close());

  it('stitches every page into one CSV with a single header line', async () => {
    const target = file();
    const result = await bulkQueryToFile(client, { soql: SOQL, columns: COLUMNS, file: target, pageSize: 3, poll });
    expect(result.rows).toBe(14);
    expect(result.pages).toBe(5);
    const text = readFileSync(target, 'utf8');
    expect(text.startsWith('"Id","Name","NextStep","Amount","IsWon"\n')).toBe(true);
    expect(text.match(/"Id","Name"/g)).toHaveLength(1);
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(14);
    expect(rows.map((row) => row.NextStep)).toContain('Demo, "phase 2", then proposal');
    expect(result.sha256).toBe(createHash('sha256').update(readFileSync(target)).digest('hex'));
    const pages = fake.org.calls(/\/results$/);
    expect(pages.map((request) => request.query.locator ?? null)).toEqual([
      null,
      ...pages.slice(1).map(() => expect.any(String))
    ]);
  });

  it('counts records whose values hold line breaks', async () => {
    const [opportunity] = fake.org.store.rows('Opportunity');
    opportunity.NextStep = 'first line\nsecond, "quoted" line';
    const target = file();
    const result = await bulkQueryToFile(client, { soql: SOQL, columns: COLUMNS, file: target, pageSize: 4, poll });
    expect(result.rows).toBe(14);
    expect(parse(readFileSync(target), { columns: true })).toHaveLength(14);
    opportunity.NextStep = null;
  });

  it('writes the header of an empty result', async () => {
    const target = file();
    const result = await bulkQueryToFile(client, {
      soql: 'SELECT Id, Tier__c FROM Tier_Exception__c',
      columns: ['Id', 'Tier__c'],
      file: target,
      pageSize: 3,
      poll
    });
    expect(result.rows).toBe(0);
    expect(readFileSync(target, 'utf8')).toBe('"Id","Tier__c"\n');
  });

  it('fetches a page again by its locator when its body breaks off', async () => {
    fake.fault({ method: 'GET', path: /\/results$/, breakBody: true });
    const target = file();
    const before = fake.org.calls(/\/results$/).length;
    const result = await bulkQueryToFile(client, { soql: SOQL, columns: COLUMNS, file: target, pageSize: 5, poll });
    expect(result.rows).toBe(14);
    expect(parse(readFileSync(target), { columns: true })).toHaveLength(14);
    expect(fake.org.calls(/\/results$/).length - before).toBe(4);
  });

  it('reports a failed job by its id', async () => {
    fake.fault({
      method: 'GET',
      path: /\/jobs\/query\/750\w+$/,
      status: 200,
      body: { id: '750FAILED000000AAA', state: 'Failed', errorMessage: 'QUERY_TIMEOUT' }
    });
    await expect(
      bulkQueryToFile(client, { soql: SOQL, columns: COLUMNS, file: file(), pageSize: 5, poll })
    ).rejects.toThrow(OrgJobError);
    fake.fault({
      method: 'GET',
      path: /\/jobs\/query\/750\w+$/,
      status: 200,
      body: { id: '750FAILED000000AAA', state: 'Failed', errorMessage: 'QUERY_TIMEOUT' }
    });
    await expect(
      bulkQueryToFile(client, { soql: SOQL, columns: COLUMNS, file: file(), pageSize: 5, poll })
    ).rejects.toThrow(/Bulk query job 750\w+ \(Opportunity\) ended Failed: QUERY_TIMEOUT/);
  });
});
