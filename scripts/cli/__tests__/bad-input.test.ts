import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { captureIo, writeSnapshot } from '../../__tests__/helpers/snapshot-builder.ts';
import { copyOfDeployedMetadata, onePartner, setRecordValue, wonDeal } from '../../__tests__/helpers/fixtures.ts';
import { main } from '../main.ts';

/** Runs `evaluate … --out <fresh dir>` and returns exit code, stderr and what was written. */
async function evaluateInto(args: string[]) {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'pp-out-')), 'run');
  const io = captureIo();
  const code = await main(['evaluate', ...args, '--out', out], io);
  return { code, err: io.err, out: io.out, written: existsSync(out) ? readdirSync(out) : [] };
}

describe('bad input: a clear message naming where, exit code 2, and no output written', () => {
  it('missing snapshot folder', async () => {
    const result = await evaluateInto(['--snapshot', '/nonexistent/snapshot']);
    expect(result.code).toBe(2);
    expect(result.err).toContain('Error: Snapshot folder not found: /nonexistent/snapshot');
    expect(result.err).toContain('Fix: A snapshot is a folder with manifest.json');
    expect(result.written).toEqual([]);
  });

  it('missing snapshot file', async () => {
    const dir = writeSnapshot(onePartner());
    rmSync(path.join(dir, 'Delivery_Review__c.csv'));
    const result = await evaluateInto(['--snapshot', dir]);
    expect(result.code).toBe(2);
    expect(result.err).toContain(`Snapshot file missing: ${path.join(dir, 'Delivery_Review__c.csv')}`);
    expect(result.written).toEqual([]);
  });

  it('wrong header', async () => {
    const dir = writeSnapshot({
      ...onePartner(),
      raw: { 'Account.csv': 'Id,AccountName\n001A,Acme\n' }
    });
    const result = await evaluateInto(['--snapshot', dir]);
    expect(result.code).toBe(2);
    expect(result.err).toContain('Account.csv, line 1: the header lacks column(s) Name.');
    expect(result.err).toContain('The header has: Id, AccountName.');
    expect(result.written).toEqual([]);
  });

  it('unparseable number, naming file, row, line and column', async () => {
    const spec = onePartner({
      tables: { Opportunity: [wonDeal('006a', '2026-01-01', 10), wonDeal('006b', '2026-01-01', 0)] }
    });
    const dir = writeSnapshot(spec);
    const csv = readFileSync(path.join(dir, 'Opportunity.csv'), 'utf8').replace(/,0,005A/, ',"12,5",005A');
    const broken = writeSnapshot({ ...spec, raw: { 'Opportunity.csv': csv } });
    const result = await evaluateInto(['--snapshot', broken]);
    expect(result.code).toBe(2);
    expect(result.err).toContain('Opportunity.csv, row 2 (line 3), column Amount: "12,5" is not a valid number.');
    expect(result.err).toContain('Fix: Write numbers with a dot as decimal separator');
    expect(result.written).toEqual([]);
  });

  it('unparseable date', async () => {
    const dir = writeSnapshot(onePartner({ tables: { Opportunity: [wonDeal('006a', '30.09.2026', 10)] } }));
    const result = await evaluateInto(['--snapshot', dir]);
    expect(result.code).toBe(2);
    expect(result.err).toContain(
      'Opportunity.csv, row 1 (line 2), column CloseDate: "30.09.2026" is not a valid date.'
    );
    expect(result.err).toContain('YYYY-MM-DD');
  });

  it('duplicate profile for one account', async () => {
    const spec = onePartner();
    spec.tables.Partner_Profile__c!.push({ ...spec.tables.Partner_Profile__c![0], Id: 'a01B' });
    const result = await evaluateInto(['--snapshot', writeSnapshot(spec)]);
    expect(result.code).toBe(2);
    expect(result.err).toContain(
      'Partner_Profile__c.csv, row 2 (line 3), column Account__c: account 001A already has a partner profile (row 1).'
    );
    expect(result.written).toEqual([]);
  });

  it('a tier value the program does not know, naming row and column', async () => {
    const result = await evaluateInto(['--snapshot', writeSnapshot(onePartner({ profile: { Tier__c: 'Gold' } }))]);
    expect(result.code).toBe(2);
    expect(result.err).toContain(
      'Partner_Profile__c.csv, row 1 (line 2), column Tier__c: "Gold" is not a tier of the program (Registered, Select, Elite).'
    );
    expect(result.written).toEqual([]);
  });

  it('unknown quarter format', async () => {
    const result = await evaluateInto(['--snapshot', writeSnapshot(onePartner()), '--quarter', '2026Q3']);
    expect(result.code).toBe(2);
    expect(result.err).toContain('Error: --quarter "2026Q3" is not a quarter.');
    expect(result.err).toContain('Fix: Write the fiscal quarter as YYYY-Qn, e.g. 2026-Q3.');
    expect(result.written).toEqual([]);
  });

  it('a criteria file with an unknown metric, naming file and field', async () => {
    const criteria = copyOfDeployedMetadata();
    setRecordValue(criteria, 'Tier_Criterion.Select_CSAT.md-meta.xml', 'Metric__c', 'NPS_SCORE');
    const result = await evaluateInto(['--snapshot', writeSnapshot(onePartner()), '--criteria', criteria]);
    expect(result.code).toBe(2);
    expect(result.err).toContain(
      `${path.join(criteria, 'Tier_Criterion.Select_CSAT.md-meta.xml')}: field Metric__c is not a known metric`
    );
    expect(result.err).toContain('(value: "NPS_SCORE")');
    expect(result.written).toEqual([]);
  });

  it('a criteria file with a missing threshold or an unknown tier', async () => {
    const criteria = copyOfDeployedMetadata();
    const file = path.join(criteria, 'Tier_Criterion.Elite_CSAT.md-meta.xml');
    const xml = readFileSync(file, 'utf8');
    writeFileSync(file, xml.replace(/<values>\s*<field>Threshold__c<\/field>[\s\S]*?<\/values>/, ''));
    setRecordValue(criteria, 'Tier_Criterion.Select_CSAT.md-meta.xml', 'Tier__c', 'Platinum');
    const result = await evaluateInto(['--snapshot', writeSnapshot(onePartner()), '--criteria', criteria]);
    expect(result.code).toBe(2);
    expect(result.err).toContain('The program configuration has 2 problem(s).');
    expect(result.err).toContain(`${file}: field Threshold__c is missing.`);
    expect(result.err).toContain(
      'field Tier__c names an unknown tier "Platinum"; known tiers: Registered, Select, Elite.'
    );
  });

  it('a snapshot file changed after export (checksum) or truncated (row count)', async () => {
    const dir = writeSnapshot(onePartner());
    writeFileSync(path.join(dir, 'Account.csv'), 'Id,Name\n001A,Acme Reselling Ltd\n');
    const changed = await evaluateInto(['--snapshot', dir]);
    expect(changed.code).toBe(2);
    expect(changed.err).toContain('Account.csv was changed after the snapshot was taken');
    writeFileSync(path.join(dir, 'Account.csv'), 'Id,Name\n');
    const truncated = await evaluateInto(['--snapshot', dir]);
    expect(truncated.err).toContain('Account.csv has 0 rows but manifest.json says 1.');
  });

  it('an unknown flag or command', async () => {
    const io = captureIo();
    expect(await main(['evaluate', '--snapshots', 'x'], io)).toBe(2);
    expect(io.err).toContain("Unknown option '--snapshots'");
    expect(io.err).toContain('See: partner-program evaluate --help');
    const other = captureIo();
    expect(await main(['evaluat'], other)).toBe(2);
    expect(other.err).toContain('Unknown command "evaluat".');
  });

  it('never prints a stack trace for a user mistake', async () => {
    const result = await evaluateInto(['--snapshot', '/nonexistent']);
    expect(result.err).not.toMatch(/\n\s+at /);
  });
});
