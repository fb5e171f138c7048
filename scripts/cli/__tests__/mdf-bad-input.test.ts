/*
 * mdf: every bad input gives a message that says what and where, a fix, exit code 2, and nothing
 * written. Broken MDF files are the sample's with one change (manifest entry updated, so the
 * reader gets to the value).
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { captureIo, writeSnapshot } from '../../__tests__/helpers/snapshot-builder.ts';
import { onePartner } from '../../__tests__/helpers/fixtures.ts';
import { main } from '../main.ts';

async function run(...args: string[]) {
  const io = captureIo();
  const code = await main(['mdf', ...args], io);
  return { code, out: io.out, err: io.err };
}

/** A copy of data/sample whose `file` went through `edit`, with its manifest entry updated. */
function sampleWith(file: string, edit: (text: string) => string): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'pp-mdf-bad-')), 'snapshot');
  cpSync('data/sample', dir, { recursive: true });
  const text = edit(readFileSync(path.join(dir, file), 'utf8'));
  writeFileSync(path.join(dir, file), text);
  const manifestFile = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  manifest.files[file] = {
    rows: text.split('\n').filter((line) => line !== '').length - 1,
    sha256: createHash('sha256').update(text).digest('hex')
  };
  writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
  return dir;
}

/** Replaces the first occurrence of `from` after the header line. */
const inData = (from: string, to: string) => (text: string) => {
  const header = text.indexOf('\n') + 1;
  const at = text.indexOf(from, header);
  if (at < 0) throw new Error(`${from} not in the file`);
  return text.slice(0, at) + to + text.slice(at + from.length);
};

describe('mdf: bad input', () => {
  it.each([
    [[], '--snapshot or --target-org is required.', 'partner-program mdf --snapshot data/sample'],
    [
      ['--snapshot', 'data/sample', '--target-org', 'prod'],
      'Give either --snapshot or --target-org, not both.',
      'For example'
    ],
    [['--snapshot', 'data/sample', '--run-dir', 'x'], '--run-dir goes with --target-org only.', 'For example'],
    [['--snapshot', 'data/sample', '--quarter', '2026-3'], '--quarter "2026-3" is not a fiscal quarter.', 'YYYY-Qn'],
    [['--snapshot', 'data/sample', '--quarter', '2026-Q5'], '--quarter "2026-Q5" is not a fiscal quarter.', 'YYYY-Qn'],
    [
      ['--snapshot', 'data/sample', '--quarter', '2025-Q1'],
      'No MDF budget for fiscal quarter 2025-Q1.',
      'Quarters with budgets: 2026-Q3, 2026-Q4.'
    ],
    [
      ['--snapshot', 'data/sample', '--waiting-days=-3'],
      '--waiting-days "-3" is not a whole number of days.',
      'Give 0 or more days'
    ],
    [
      ['--snapshot', 'data/sample', '--waiting-days', 'two weeks'],
      '--waiting-days "two weeks" is not a whole number of days.',
      'Give 0 or more days'
    ],
    [['--snapshot', 'data/sample', '--as-of', '2026-02-30'], '--as-of "2026-02-30" is not a date.', 'YYYY-MM-DD'],
    [['--snapshot', 'data/sample', '--format', 'html'], '--format html is not supported.', 'table, json, csv'],
    [['--snapshot', 'data/sample', '--section', 'roi-partners'], '--section goes with --format csv.', 'For example'],
    [
      ['--snapshot', 'data/sample', '--format', 'csv', '--section', 'roi'],
      '--section roi is not a section of the report.',
      'utilisation, waiting-requests, waiting-claim-approvals, waiting-claims, roi-partners, roi-activities'
    ],
    [['--snapshot', 'data/sample', '--days', '3'], "Unknown option '--days'.", 'partner-program mdf --help'],
    [['--snapshot', '/nonexistent/snapshot'], 'Snapshot folder not found: /nonexistent/snapshot', 'manifest.json']
  ])('%j', async (args, message, hint) => {
    const result = await run(...args);
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toContain(`Error: ${message}`);
    expect(result.err).toContain(hint);
  });

  it('a snapshot without MDF files: says which are missing and how to get them', async () => {
    const dir = writeSnapshot(onePartner());
    const result = await run('--snapshot', dir);
    expect(result.code).toBe(2);
    expect(result.err).toContain(
      `Error: The snapshot ${dir} has no MDF data: MDF_Budget__c.csv, MDF_Request__c.csv, MDF_Claim__c.csv, Campaign.csv missing.`
    );
    expect(result.err).toContain('partner-program mdf --target-org <alias>');
  });

  it('one MDF file missing', async () => {
    const dir = sampleWith('Campaign.csv', (text) => text);
    rmSync(path.join(dir, 'Campaign.csv'));
    const manifestFile = path.join(dir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    delete manifest.files['Campaign.csv'];
    writeFileSync(manifestFile, JSON.stringify(manifest));
    const result = await run('--snapshot', dir);
    expect(result.code).toBe(2);
    expect(result.err).toContain('has no MDF data: Campaign.csv missing.');
  });

  it.each([
    [
      'MDF_Request__c.csv',
      inData(',60000.00,', ',60.000,00,'),
      'MDF_Request__c.csv, line 2: the CSV cannot be read',
      'Check quoting'
    ],
    [
      'MDF_Request__c.csv',
      inData('60000.00', '60k'),
      'MDF_Request__c.csv, row 1 (line 2), column Requested_Amount__c: "60k" is not a valid number.',
      'Write numbers with a dot'
    ],
    [
      'MDF_Request__c.csv',
      inData('2026-06-18T14:20:00.000Z', '18/06/2026 14:20'),
      'MDF_Request__c.csv, row 1 (line 2), column Submitted_On__c: "18/06/2026 14:20" is not a valid datetime.',
      '2026-09-30T14:05:00.000Z'
    ],
    [
      'MDF_Claim__c.csv',
      inData('2026-08-12T16:00:00.000Z', '12/08/2026 16:00'),
      'MDF_Claim__c.csv, row 1 (line 2), column Submitted_On__c: "12/08/2026 16:00" is not a valid datetime.',
      '2026-09-30T14:05:00.000Z'
    ],
    [
      'MDF_Claim__c.csv',
      inData(',Paid,', ',Settled,'),
      'MDF_Claim__c.csv, row 1 (line 2), column Status__c: "Settled" is not a status (Draft, Submitted, Approved, Rejected, Paid).',
      ''
    ],
    [
      'MDF_Budget__c.csv',
      inData(',2026-Q3,', ',Q3 2026,'),
      'MDF_Budget__c.csv, row 1 (line 2), column Fiscal_Quarter__c: "Q3 2026" is not a fiscal quarter (YYYY-Qn).',
      ''
    ],
    [
      'Campaign.csv',
      (text: string) => text.replace('AmountWonOpportunities', 'WonAmount'),
      'Campaign.csv, line 1: the header lacks column(s) AmountWonOpportunities.',
      'Columns are field API names'
    ],
    [
      'MDF_Claim__c.csv',
      (text: string) =>
        text
          .split('\n')
          .map((line, index) => (line === '' ? line : `${line},${index === 0 ? 'CurrencyIsoCode' : 'EUR'}`))
          .join('\n'),
      'MDF_Claim__c.csv, row 1 (line 2), column CurrencyIsoCode: EUR is not the corporate currency USD.',
      'keep budgets, requests and claims in the corporate currency'
    ]
  ])('%s: %s', async (file, edit, message, hint) => {
    const dir = sampleWith(file, edit);
    const out = path.join(dir, '..', 'out');
    const result = await run('--snapshot', dir, '--out', out);
    expect(result.code).toBe(2);
    expect(result.err).toContain(`Error: ${message}`);
    expect(result.err).toContain(hint);
    expect(existsSync(out)).toBe(false);
  });

  it('a changed MDF file is refused like any snapshot file', async () => {
    const dir = sampleWith('MDF_Budget__c.csv', (text) => text);
    writeFileSync(
      path.join(dir, 'MDF_Budget__c.csv'),
      readFileSync(path.join(dir, 'MDF_Budget__c.csv'), 'utf8').replace('200000.00', '900000.00')
    );
    const result = await run('--snapshot', dir);
    expect(result.code).toBe(2);
    expect(result.err).toContain(
      'Error: MDF_Budget__c.csv was changed after the snapshot was taken: its SHA-256 does not match manifest.json.'
    );
  });

  it('evaluate ignores the MDF files, even broken ones', async () => {
    const dir = sampleWith('MDF_Request__c.csv', inData('60000.00', '60k'));
    const io = captureIo();
    expect(await main(['evaluate', '--snapshot', dir, '--format', 'json'], io)).toBe(0);
    const sample = captureIo();
    expect(await main(['evaluate', '--snapshot', 'data/sample', '--format', 'json'], sample)).toBe(0);
    // Same results and the same run id: the fingerprint covers only the files evaluate reads.
    expect(JSON.parse(io.out).runId).toBe(JSON.parse(sample.out).runId);
  });
});
