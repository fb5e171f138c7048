/*
 * snapshot --target-org: the folder it writes is exactly what evaluate --snapshot reads (manifest
 * with the org id, export time, corporate currency, row counts and SHA-256); single- and
 * multi-currency orgs; numeric profile fields that FIELD: criteria read.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { main } from '../main.ts';
import { captureIo } from '../../__tests__/helpers/snapshot-builder.ts';
import { NOW, orgTestEnv, type OrgTestEnv } from '../../lib/org/__tests__/helpers/org-test-env.ts';
import { folderText } from '../../lib/org/__tests__/helpers/run-folder-text.ts';

const querySoql = (env: OrgTestEnv) =>
  env.fake.org.calls(/\/jobs\/query$/, 'POST').map((request) => JSON.parse(request.body).query as string);

async function evaluateOffline(dir: string) {
  const io = captureIo();
  const code = await main(['evaluate', '--snapshot', dir, '--format', 'json'], io);
  return { code, document: code === 0 ? JSON.parse(io.out) : null, err: io.err };
}

// Each test starts a fake org and runs whole commands: generous on a busy machine.
jest.setTimeout(30_000);

describe('snapshot --target-org', () => {
  let env: OrgTestEnv;
  afterEach(() => env.close());

  it('writes a snapshot with its manifest that evaluate --snapshot reads', async () => {
    env = await orgTestEnv({ partners: 9 });
    const out = env.runDir();
    const result = await env.run(['snapshot', '--target-org', 'fake', '--out', out]);
    expect(result.code).toBe(0);
    expect(result.out).toContain(`Wrote ${out}. Evaluate it offline: partner-program evaluate --snapshot ${out}`);
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({
      format: 'partner-program-snapshot/1',
      source: env.fake.org.orgId,
      exportedAt: NOW.toISOString(),
      corporateCurrency: 'USD'
    });
    expect(Object.keys(manifest.files).sort()).toEqual([
      'Account.csv',
      'Contact.csv',
      'DatedConversionRate.csv',
      'Delivery_Review__c.csv',
      'Opportunity.csv',
      'Partner_Certification__c.csv',
      'Partner_Evidence__c.csv',
      'Partner_Profile__c.csv',
      'Tier_Evaluation__c.csv',
      'Tier_Exception__c.csv'
    ]);
    for (const [name, entry] of Object.entries(manifest.files) as [string, { rows: number; sha256: string }][]) {
      const bytes = readFileSync(path.join(out, name));
      expect(entry.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(entry.rows).toBe((parse(bytes) as unknown[]).length - 1);
    }
    expect(manifest.files['Partner_Profile__c.csv'].rows).toBe(9);
    expect(manifest.files['Opportunity.csv'].rows).toBe(18);
    const offline = await evaluateOffline(out);
    expect(offline.code).toBe(0);
    expect(offline.document.partners).toHaveLength(9);
    expect(folderText(out)).not.toContain(env.fake.org.token);
  });

  it('converts amounts with the dated rates of a multi-currency org', async () => {
    env = await orgTestEnv({ partners: 10 });
    const out = env.runDir();
    expect((await env.run(['snapshot', '--target-org', 'fake', '--out', out])).code).toBe(0);
    const opportunities = parse(readFileSync(path.join(out, 'Opportunity.csv')), { columns: true }) as Record<
      string,
      string
    >[];
    const eur = opportunities.find((row) => row.CurrencyIsoCode === 'EUR')!;
    const rates = parse(readFileSync(path.join(out, 'DatedConversionRate.csv')), { columns: true });
    expect(rates).toEqual([
      expect.objectContaining({ IsoCode: 'EUR', ConversionRate: '0.8', StartDate: '2025-01-01' })
    ]);
    const { document } = await evaluateOffline(out);
    const partner = document.partners.find(
      (entry: { accountId: string }) => entry.accountId === eur.Partner_Account__c
    );
    const revenue = partner.criteria.find((criterion: { metric: string }) => criterion.metric === 'REVENUE_4Q');
    expect(revenue.value).toBeCloseTo(Number(eur.Amount) / 0.8, 2);
  });

  it('uses the static rates when the org has no dated rates', async () => {
    env = await orgTestEnv({ partners: 5 });
    env.fake.org.store.rows('DatedConversionRate').splice(0);
    const out = env.runDir();
    expect((await env.run(['snapshot', '--target-org', 'fake', '--out', out])).code).toBe(0);
    expect(readFileSync(path.join(out, 'DatedConversionRate.csv'), 'utf8')).toBe(
      '"Id","IsoCode","ConversionRate","StartDate","NextStartDate"\n"","EUR","0.9","1900-01-01","9999-12-31"\n'
    );
    const offline = await evaluateOffline(out);
    expect(offline.err).toBe('');
    expect(offline.code).toBe(0);
  });

  it('skips currency fields and rates cleanly in a single-currency org', async () => {
    env = await orgTestEnv({ partners: 4, fake: { multiCurrency: false } });
    const out = env.runDir();
    const result = await env.run(['snapshot', '--target-org', 'fake', '--out', out]);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const soql = querySoql(env);
    expect(soql.some((text) => text.includes('CurrencyIsoCode'))).toBe(false);
    expect(soql.some((text) => text.includes('DatedConversionRate'))).toBe(false);
    expect(existsSync(path.join(out, 'DatedConversionRate.csv'))).toBe(false);
    const rest = env.fake.org.soqlQueries();
    expect(rest).toContain('SELECT Id, DefaultCurrencyIsoCode FROM Organization');
    expect((await evaluateOffline(out)).code).toBe(0);
  });

  it('adds the numeric profile fields that FIELD: criteria read', async () => {
    env = await orgTestEnv({ partners: 3 });
    const criterion = env.fake.org.store
      .rows('Tier_Criterion__mdt')
      .find((row) => row.DeveloperName === 'Select_CSAT')!;
    criterion.Metric__c = 'FIELD:Sales_Cycle_Days__c';
    criterion.Operator__c = '<=';
    expect((await env.run(['snapshot', '--target-org', 'fake', '--out', env.runDir()])).code).toBe(0);
    expect(querySoql(env).find((text) => text.endsWith('FROM Partner_Profile__c'))).toMatch(
      /^SELECT Id, Name, Account__c, .*, Review_Cadence__c, Sales_Cycle_Days__c, Last_Evaluated_On__c, /
    );
  });

  it('refuses a folder that is not empty, and an org without the package fields', async () => {
    env = await orgTestEnv({ partners: 1, fake: { hiddenFields: ['Opportunity.Partner_Account__c'] } });
    const out = env.runDir();
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, 'notes.txt'), 'mine');
    const missing = await env.run(['snapshot', '--target-org', 'fake', '--out', out]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain(
      'Opportunity.Partner_Account__c does not exist or is not visible to you: deploy the package'
    );
    env.fake.org.store.schema.get('Opportunity')!.fields.push({
      name: 'Partner_Account__c',
      type: 'reference',
      createable: true,
      updateable: true,
      nillable: true,
      externalId: false,
      unique: false,
      referenceTo: ['Account'],
      relationshipName: 'Partner_Account__r'
    });
    const notEmpty = await env.run(['snapshot', '--target-org', 'fake', '--out', out]);
    expect(notEmpty.code).toBe(2);
    expect(notEmpty.err).toContain('already exists and is not empty');
    expect(readFileSync(path.join(out, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('needs --target-org and --out', async () => {
    env = await orgTestEnv({ partners: 1 });
    expect((await env.run(['snapshot', '--out', 'x'])).err).toContain('--target-org is required.');
    expect((await env.run(['snapshot', '--target-org', 'fake'])).err).toContain('--out is required.');
  });
});
