import { readDataModel, type DataModel, type FieldInfo } from '../lib/data-model.ts';
import { readSnapshotTables } from '../lib/snapshot-tables.ts';
import {
  snapshotToTree,
  TREE_API_LIMIT,
  TREE_OBJECTS,
  type SnapshotTables,
  type TableRow,
  type TreeConversion,
  type TreeObject,
  type TreeRecord
} from '../lib/tree-plan.ts';

const ADMIN_ID = '005Aa00000AdminAAA';

/** Data rows per file of data/sample (its manifest). */
const SAMPLE_ROWS: Record<TreeObject, number> = {
  Account: 59,
  Contact: 290,
  Partner_Profile__c: 59,
  Opportunity: 1406,
  Delivery_Review__c: 469,
  Partner_Certification__c: 337,
  Partner_Evidence__c: 194,
  Tier_Exception__c: 7,
  Tier_Evaluation__c: 53,
  Campaign: 11,
  MDF_Budget__c: 9,
  MDF_Request__c: 23,
  MDF_Claim__c: 14
};

/** Which object each lookup of the plan must point to. */
const LOOKUP_TARGETS: Record<string, TreeObject> = {
  'Contact.AccountId': 'Account',
  'Partner_Profile__c.Account__c': 'Account',
  'Opportunity.Partner_Account__c': 'Account',
  'Delivery_Review__c.Partner_Profile__c': 'Partner_Profile__c',
  'Delivery_Review__c.Opportunity__c': 'Opportunity',
  'Partner_Certification__c.Partner_Profile__c': 'Partner_Profile__c',
  'Partner_Certification__c.Contact__c': 'Contact',
  'Partner_Evidence__c.Partner_Profile__c': 'Partner_Profile__c',
  'Tier_Exception__c.Partner_Profile__c': 'Partner_Profile__c',
  'Tier_Evaluation__c.Partner_Profile__c': 'Partner_Profile__c',
  'MDF_Request__c.Account__c': 'Account',
  'MDF_Request__c.Budget__c': 'MDF_Budget__c',
  'MDF_Request__c.Campaign__c': 'Campaign',
  'MDF_Claim__c.MDF_Request__c': 'MDF_Request__c'
};

/** Every record of the plan, in load order, with the index of its file in the plan. */
function recordsInLoadOrder(conversion: TreeConversion): { record: TreeRecord; fileIndex: number }[] {
  const files = new Map(conversion.files.map((file) => [file.name, file]));
  const names = conversion.plan.flatMap((entry) => entry.files);
  return names.flatMap((name, fileIndex) => files.get(name)!.records.map((record) => ({ record, fileIndex })));
}

function fields(record: TreeRecord): [string, unknown][] {
  return Object.entries(record).filter(([name]) => name !== 'attributes');
}

/** What is wrong with the plan's references: unknown, of the wrong object, or not saved earlier. */
function referenceViolations(conversion: TreeConversion): string[] {
  const savedIn = new Map<string, { type: string; fileIndex: number }>();
  const violations: string[] = [];
  for (const { record, fileIndex } of recordsInLoadOrder(conversion)) {
    const { referenceId, type } = record.attributes;
    if (!/^\w+Ref\d+$/.test(referenceId)) violations.push(`${referenceId}: not in the form <Object>Ref<n>`);
    if (savedIn.has(referenceId)) violations.push(`${referenceId}: defined twice`);
    for (const [name, value] of fields(record)) {
      if (typeof value !== 'string' || !value.startsWith('@')) continue;
      const lookup = `${type}.${name}`;
      const target = savedIn.get(value.slice(1));
      if (!target) violations.push(`${referenceId} ${lookup} = ${value}: no earlier record has this reference id`);
      else if (target.type !== LOOKUP_TARGETS[lookup])
        violations.push(`${referenceId} ${lookup} = ${value}: a ${target.type}, not a ${LOOKUP_TARGETS[lookup]}`);
      else if (target.fileIndex >= fileIndex)
        violations.push(`${referenceId} ${lookup}: the parent is not in an earlier file`);
    }
    savedIn.set(referenceId, { type, fileIndex });
  }
  return violations;
}

describe('snapshotToTree on data/sample', () => {
  let sample: SnapshotTables;
  let conversion: TreeConversion;

  beforeAll(async () => {
    sample = await readSnapshotTables('data/sample');
    conversion = snapshotToTree(sample, { userId: ADMIN_ID });
  });

  it('converts every row of every object', () => {
    expect(conversion.counts).toEqual(SAMPLE_ROWS);
    for (const object of TREE_OBJECTS) {
      const inFiles = conversion.files
        .filter((file) => file.sobject === object)
        .reduce((sum, file) => sum + file.records.length, 0);
      expect({ object, inFiles }).toEqual({ object, inFiles: SAMPLE_ROWS[object] });
    }
    expect(conversion.problems).toEqual([]);
  });

  it('lists objects parents first and every file exactly once', () => {
    expect(conversion.plan.map((entry) => entry.sobject)).toEqual([...TREE_OBJECTS]);
    const planned = conversion.plan.flatMap((entry) => entry.files);
    expect(new Set(planned).size).toBe(planned.length);
    expect([...planned].sort()).toEqual(conversion.files.map((file) => file.name).sort());
    for (const entry of conversion.plan) {
      for (const name of entry.files) {
        expect(conversion.files.find((file) => file.name === name)!.sobject).toBe(entry.sobject);
      }
    }
  });

  it('keeps every file within the sObject Tree limit of 200 records', () => {
    for (const file of conversion.files) {
      expect(file.records.length).toBeGreaterThan(0);
      expect(file.records.length).toBeLessThanOrEqual(TREE_API_LIMIT);
    }
    expect(conversion.plan.find((entry) => entry.sobject === 'Opportunity')!.files).toHaveLength(8);
  });

  it('resolves every @ref to a record of the right object saved in an earlier file', () => {
    expect(referenceViolations(conversion)).toEqual([]);
    const references = recordsInLoadOrder(conversion).flatMap(({ record }) =>
      fields(record).filter(([, value]) => typeof value === 'string' && value.startsWith('@'))
    );
    // Every profile and its children, every partner opportunity, every certification's contact …
    expect(references.length).toBeGreaterThan(2500);
  });

  it('would notice a plan that loads children first (the check above is not vacuous)', () => {
    const reversed = { ...conversion, plan: [...conversion.plan].reverse() };
    expect(referenceViolations(reversed).length).toBeGreaterThan(0);
  });

  it('replaces the lookups the brief names with references', () => {
    const byType = (type: TreeObject) =>
      conversion.files.filter((file) => file.sobject === type).flatMap((file) => file.records);
    expect(byType('Partner_Profile__c').every((record) => String(record.Account__c).startsWith('@AccountRef'))).toBe(
      true
    );
    // One sample deal is a direct deal (no partner); every other deal names its partner by reference.
    const withPartner = byType('Opportunity').filter((record) => record.Partner_Account__c !== undefined);
    expect(withPartner).toHaveLength(byType('Opportunity').length - 1);
    expect(withPartner.every((record) => String(record.Partner_Account__c).startsWith('@AccountRef'))).toBe(true);
    expect(
      byType('Partner_Certification__c').every((record) => String(record.Contact__c).startsWith('@ContactRef'))
    ).toBe(true);
    const reviews = byType('Delivery_Review__c');
    // 30 sample reviews have no opportunity; the others name one.
    expect(reviews.filter((record) => String(record.Opportunity__c).startsWith('@OpportunityRef'))).toHaveLength(439);
    expect(reviews.filter((record) => record.Opportunity__c === undefined)).toHaveLength(30);
  });

  it('leaves no snapshot Id and no read-only field in any record', () => {
    const snapshotId = /^(001|003|005|006|04w|a0[1-6])[0-9A-Za-z]{15}$/;
    const violations: string[] = [];
    for (const { record } of recordsInLoadOrder(conversion)) {
      const where = record.attributes.referenceId;
      for (const forbidden of ['Id', 'IsWon', 'IsClosed', 'OwnerId']) {
        if (forbidden in record) violations.push(`${where}: has ${forbidden}`);
      }
      for (const [name, value] of fields(record)) {
        if (name !== 'Partner_Manager__c' && typeof value === 'string' && snapshotId.test(value))
          violations.push(`${where}: ${name} = ${value} is an Id of the exported org`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('types values for JSON: numbers, booleans and dates', () => {
    const [opportunity] = conversion.files.find((file) => file.name === 'Opportunity-1.json')!.records;
    expect(opportunity).toEqual({
      attributes: { type: 'Opportunity', referenceId: 'OpportunityRef1' },
      Name: 'Birchgate Realty - Partner portal build',
      Partner_Account__c: '@AccountRef1',
      Partner_Involvement__c: 'Sourced',
      Type: 'New Business',
      StageName: 'Closed Won',
      CloseDate: '2024-12-25',
      Amount: 87250,
      CurrencyIsoCode: 'GBP',
      NextStep: 'Security review call on Thursday',
      Deal_Registered__c: true,
      Registered_On__c: '2024-09-29'
    });
    const [profile] = conversion.files.find((file) => file.name === 'Partner_Profile__c-1.json')!.records;
    expect(profile.Joint_Customers__c).toBe(55); // an extra numeric column, typed as a number
    expect(profile.Partner_Manager__c).toBe(ADMIN_ID);
    const [review] = conversion.files.find((file) => file.name === 'Delivery_Review__c-1.json')!.records;
    expect(review).toMatchObject({ CSAT__c: 89, Escalated__c: false, Reviewed_On__c: '2025-04-21' });
  });

  it('plans the currencies and dated rates, relative to the corporate currency', () => {
    expect(conversion.corporateCurrency).toBe('USD');
    expect(conversion.currencies).toEqual([
      { isoCode: 'CAD', conversionRate: 1.3492, decimalPlaces: 2 },
      { isoCode: 'EUR', conversionRate: 0.8987, decimalPlaces: 2 },
      { isoCode: 'GBP', conversionRate: 0.7789, decimalPlaces: 2 }
    ]);
    expect(conversion.datedRates).toHaveLength(30);
    expect(conversion.datedRates[0]).toEqual({ isoCode: 'CAD', conversionRate: 1.3651, startDate: '2024-07-01' });
    expect(conversion.warnings.filter((warning) => warning.startsWith('DatedConversionRate'))).toEqual([]);
  });

  it('is deterministic', () => {
    expect(snapshotToTree(sample, { userId: ADMIN_ID })).toEqual(conversion);
  });

  it('drops partner managers (users of another org) when no user Id is given, and says so', () => {
    const withoutUser = snapshotToTree(sample);
    const profiles = withoutUser.files.filter((file) => file.sobject === 'Partner_Profile__c')[0].records;
    expect(profiles.some((record) => 'Partner_Manager__c' in record)).toBe(false);
    expect(withoutUser.warnings).toContain(
      'Partner_Profile__c: Partner_Manager__c dropped: it names users of the exported org (59 rows)'
    );
  });

  it('loads MDF data after its parents: budgets and campaigns, then requests, then claims', () => {
    const order = conversion.plan.map((entry) => entry.sobject);
    expect(order.slice(-4)).toEqual(['Campaign', 'MDF_Budget__c', 'MDF_Request__c', 'MDF_Claim__c']);
    const byType = (type: TreeObject) =>
      conversion.files.filter((file) => file.sobject === type).flatMap((file) => file.records);
    const requests = byType('MDF_Request__c');
    expect(requests.every((record) => String(record.Account__c).startsWith('@AccountRef'))).toBe(true);
    // The Registered partner's draft has no budget yet; 12 requests have no campaign.
    expect(requests.filter((record) => String(record.Budget__c).startsWith('@MDF_Budget__cRef'))).toHaveLength(22);
    expect(requests.filter((record) => String(record.Campaign__c).startsWith('@CampaignRef'))).toHaveLength(11);
    // With the data model, request and claim numbers (auto numbers the org assigns) are left out.
    const checked = snapshotToTree(sample, { userId: ADMIN_ID, dataModel: readDataModel('force-app/main/default') });
    expect(checked.problems).toEqual([]);
    const checkedRequests = checked.files.filter((file) => file.sobject === 'MDF_Request__c')[0].records;
    expect(checkedRequests.some((record) => 'Name' in record)).toBe(false);
    expect(
      byType('MDF_Claim__c').every((record) => String(record.MDF_Request__c).startsWith('@MDF_Request__cRef'))
    ).toBe(true);
    expect(byType('MDF_Budget__c')[0]).toMatchObject({ Name: '2026-Q3 North America Elite', Amount__c: 200000 });
    expect(requests[0]).toMatchObject({
      Status__c: 'Completed',
      Approved_Amount__c: 55000,
      Goal__c: expect.any(String)
    });
  });

  it('drops the Campaign roll-ups an org computes, and says how ROI gets its pipeline there', () => {
    const campaign = conversion.files.find((file) => file.sobject === 'Campaign')!.records[0];
    expect(campaign).toEqual({
      attributes: { type: 'Campaign', referenceId: 'CampaignRef1' },
      Name: 'Brackenridge Customer Summit 2026'
    });
    expect(conversion.warnings).toContain(
      'Campaign: AmountAllOpportunities dropped: the org computes it from the opportunities linked to the campaign (Opportunity.CampaignId); link opportunities to see MDF ROI (11 rows)'
    );
  });

  it('splits files at a smaller size on request', () => {
    const small = snapshotToTree(sample, { userId: ADMIN_ID, maxRecordsPerFile: 50 });
    expect(small.files.every((file) => file.records.length <= 50)).toBe(true);
    expect(small.plan.find((entry) => entry.sobject === 'Opportunity')!.files).toHaveLength(29);
    expect(small.counts).toEqual(SAMPLE_ROWS);
  });
});

function tables(overrides: Partial<Record<TreeObject | 'DatedConversionRate', TableRow[]>>): SnapshotTables {
  return { corporateCurrency: 'USD', exportedAt: '2026-10-05T06:00:00.000Z', tables: overrides };
}

const ACCOUNT = { Id: '001000000000001AAA', Name: 'Acme Partners', BillingCountry: null };
const PROFILE = {
  Id: 'a01000000000001AAA',
  Name: 'Acme Partners',
  Account__c: ACCOUNT.Id,
  Partner_Type__c: 'Service',
  Status__c: 'Active',
  Tier__c: 'Select',
  Grace_Until__c: null,
  Review_Cadence__c: 'Quarterly'
};

function opportunity(overrides: TableRow): TableRow {
  return {
    Id: '006000000000001AAA',
    Name: 'Deal',
    Partner_Account__c: ACCOUNT.Id,
    Partner_Involvement__c: 'Resold',
    Type: 'New Business',
    StageName: null,
    IsClosed: false,
    IsWon: false,
    CloseDate: '2026-03-31',
    Amount: 1000,
    OwnerId: '005000000000009AAA',
    NextStep: null,
    Deal_Registered__c: false,
    ...overrides
  };
}

describe('snapshotToTree rules', () => {
  it('derives StageName from IsClosed/IsWon when the snapshot has none, and keeps a given one', () => {
    const conversion = snapshotToTree(
      tables({
        Account: [ACCOUNT],
        Opportunity: [
          opportunity({ Id: '006000000000001AAA', IsClosed: true, IsWon: true }),
          opportunity({ Id: '006000000000002AAA', IsClosed: true, IsWon: false }),
          opportunity({ Id: '006000000000003AAA' }),
          opportunity({ Id: '006000000000004AAA', StageName: 'Negotiation/Review' })
        ]
      })
    );
    const stages = conversion.files[1].records.map((record) => record.StageName);
    expect(stages).toEqual(['Closed Won', 'Closed Lost', 'Prospecting', 'Negotiation/Review']);
    expect(conversion.warnings).toContain('Opportunity: StageName derived from IsClosed/IsWon (Closed Won)');
  });

  it('skips records whose master is not loaded and empties optional lookups to unknown records', () => {
    const conversion = snapshotToTree(
      tables({
        Account: [ACCOUNT],
        Partner_Profile__c: [PROFILE, { ...PROFILE, Id: 'a01000000000002AAA', Account__c: '001000000000999AAA' }],
        Delivery_Review__c: [
          {
            Id: 'a04000000000001AAA',
            Partner_Profile__c: PROFILE.Id,
            Opportunity__c: '006000000000999AAA',
            CSAT__c: 90,
            Reviewed_On__c: '2026-01-10',
            Escalated__c: false
          },
          {
            Id: 'a04000000000002AAA',
            Partner_Profile__c: 'a01000000000002AAA',
            Opportunity__c: null,
            CSAT__c: 70,
            Reviewed_On__c: '2026-01-11',
            Escalated__c: true
          }
        ]
      }),
      { userId: ADMIN_ID }
    );
    expect(conversion.counts).toMatchObject({ Account: 1, Partner_Profile__c: 1, Delivery_Review__c: 1 });
    const review = conversion.files.find((file) => file.sobject === 'Delivery_Review__c')!.records[0];
    expect(review).not.toHaveProperty('Opportunity__c');
    expect(review.Partner_Profile__c).toBe('@Partner_Profile__cRef1');
    expect(conversion.warnings).toEqual(
      expect.arrayContaining([
        'Partner_Profile__c: row skipped: its Account__c is not in Account.csv',
        'Delivery_Review__c: row skipped: its Partner_Profile__c is not in Partner_Profile__c.csv',
        'Delivery_Review__c: Opportunity__c left empty where it names a record not in Opportunity.csv'
      ])
    );
  });

  it('checks columns against the data model: unknown and calculated fields dropped, rejected values reported', () => {
    const field = (info: Partial<FieldInfo>): FieldInfo => ({
      type: 'Text',
      writable: true,
      required: false,
      restrictedValues: null,
      ...info
    });
    const model: DataModel = new Map([
      [
        'Partner_Profile__c',
        {
          nameFieldType: 'AutoNumber',
          fields: new Map([
            ['Account__c', field({ type: 'MasterDetail', required: true })],
            ['Review_Cadence__c', field({ type: 'Picklist', restrictedValues: ['Monthly', 'Quarterly'] })],
            ['Status__c', field({ type: 'Picklist', restrictedValues: ['Prospect', 'Active'] })],
            ['Joint_Customers__c', field({ type: 'Number' })],
            ['Review_Overdue__c', field({ type: 'Checkbox', writable: false })],
            ['Signing_Authority__c', field({ required: true })]
          ])
        }
      ]
    ]);
    const conversion = snapshotToTree(
      tables({
        Account: [ACCOUNT],
        Partner_Profile__c: [
          {
            ...PROFILE,
            Review_Cadence__c: 'Annual',
            Joint_Customers__c: '12',
            Review_Overdue__c: 'true',
            Legacy__c: 'x'
          }
        ]
      }),
      { dataModel: model, userId: ADMIN_ID }
    );
    const [profile] = conversion.files.find((file) => file.sobject === 'Partner_Profile__c')!.records;
    expect(profile).not.toHaveProperty('Name'); // auto-number
    expect(profile).not.toHaveProperty('Legacy__c');
    expect(profile).not.toHaveProperty('Review_Overdue__c');
    expect(profile.Joint_Customers__c).toBe(12);
    expect(conversion.warnings).toEqual(
      expect.arrayContaining([
        'Partner_Profile__c: column Legacy__c dropped: force-app has no such field',
        'Partner_Profile__c: column Review_Overdue__c dropped: the field is calculated (Checkbox)'
      ])
    );
    expect(conversion.problems).toEqual([
      'Partner_Profile__c.Review_Cadence__c: "Annual" is not a value of the restricted picklist (Monthly, Quarterly)',
      'Partner_Profile__c.Signing_Authority__c is required but the row has no value'
    ]);
  });

  it('warns about rates with gaps and reports two rates on one start date', () => {
    const rate = (IsoCode: string, ConversionRate: number, StartDate: string, NextStartDate: string): TableRow => ({
      Id: null,
      IsoCode,
      ConversionRate,
      StartDate,
      NextStartDate
    });
    const conversion = snapshotToTree(
      tables({
        DatedConversionRate: [
          rate('EUR', 0.9, '2026-01-01', '2026-03-01'),
          rate('EUR', 0.92, '2026-04-01', '9999-12-31'),
          rate('JPY', 150, '2026-01-01', '2026-04-01'),
          rate('JPY', 151, '2026-01-01', '9999-12-31'),
          rate('USD', 1, '2026-01-01', '9999-12-31')
        ],
        Account: [ACCOUNT],
        Opportunity: [opportunity({ CurrencyIsoCode: 'CHF' })]
      })
    );
    expect(conversion.currencies).toEqual([
      { isoCode: 'CHF', conversionRate: 1, decimalPlaces: 2 },
      { isoCode: 'EUR', conversionRate: 0.92, decimalPlaces: 2 },
      { isoCode: 'JPY', conversionRate: 151, decimalPlaces: 0 }
    ]);
    expect(conversion.datedRates.map((rate) => rate.isoCode)).toEqual(['EUR', 'EUR', 'JPY', 'JPY']);
    expect(conversion.problems).toEqual([
      'DatedConversionRate: two JPY rates start on 2026-01-01; an org holds one rate per currency and start date.'
    ]);
    expect(conversion.warnings).toEqual(
      expect.arrayContaining([
        'DatedConversionRate: the EUR rate from 2026-01-01 ends 2026-03-01 but the next starts 2026-04-01; in the org each rate runs until the next one starts.',
        "Opportunity: amounts in CHF but no DatedConversionRate for it; the org converts them at the currency's static rate (1.0 until you set one)."
      ])
    );
  });
});
