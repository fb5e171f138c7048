/*
 * Data for a fake org: the program (the custom metadata records in force-app, as the org holds them
 * after a deploy), users, currencies, the notification type, and any number of generated partners
 * with their opportunities, reviews, certifications and evidence: deterministic for a given count.
 */
import path from 'node:path';
import { readMetadataRecords } from '../lib/program/metadata-files.ts';
import { findProjectRoot } from '../lib/project.ts';
import type { FakeOrg } from './fake-org.ts';
import type { Row, Value } from './store.ts';

export interface SeedOptions {
  partners: number;
  /** Partner managers to spread the partners over. */
  managers?: number;
  /** Certified people per partner: up to 6 (`full`, a spread of outcomes) or 1 (`light`, for large counts). */
  density?: 'full' | 'light';
}

export interface SeededOrg {
  adminUserId: string;
  managerIds: string[];
  accountIds: string[];
  profileIds: string[];
}

function typed(org: FakeOrg, object: string, field: string, text: string | null): Value {
  if (text === null) return null;
  const type = org.store.field(object, field)?.type;
  if (type === 'boolean') return text === 'true';
  if (type === 'double' || type === 'currency' || type === 'percent') return Number(text);
  return text;
}

/** The deployed program records from force-app, as custom metadata rows of the fake org. */
export async function seedProgram(org: FakeOrg): Promise<void> {
  const dir = path.join(findProjectRoot() ?? process.cwd(), 'force-app', 'main', 'default', 'customMetadata');
  const records = await readMetadataRecords(dir);
  const tiers = new Map<string, string>();
  const ordered = [...records].sort((a, b) => Number(b.type === 'Partner_Tier') - Number(a.type === 'Partner_Tier'));
  for (const record of ordered) {
    const object = `${record.type}__mdt`;
    const row: Row = { DeveloperName: record.developerName, MasterLabel: record.label };
    for (const [field, value] of Object.entries(record.values)) {
      row[field] =
        field === 'Tier__c' && value !== null ? (tiers.get(value) ?? null) : typed(org, object, field, value);
    }
    const inserted = org.store.insert(object, row);
    if (record.type === 'Partner_Tier') tiers.set(record.developerName, String(inserted.Id));
  }
}

/** Users, organization, currencies and the notification type. */
export function seedOrgBasics(org: FakeOrg, managers: number): { adminUserId: string; managerIds: string[] } {
  const admin = org.store.insert('User', { Username: 'admin@partner-program.test', Name: 'Ada Admin', IsActive: true });
  const managerIds = Array.from({ length: managers }, (_, index) =>
    String(
      org.store.insert('User', {
        Username: `manager${index + 1}@partner-program.test`,
        Name: `Manager ${index + 1}`,
        IsActive: true
      }).Id
    )
  );
  org.store.rows('Organization').push({ Id: org.orgId, DefaultCurrencyIsoCode: 'USD' });
  if (org.store.schema.has('CurrencyType')) {
    org.store.insert('CurrencyType', { IsoCode: 'USD', ConversionRate: 1, IsCorporate: true, IsActive: true });
    org.store.insert('CurrencyType', { IsoCode: 'EUR', ConversionRate: 0.9, IsCorporate: false, IsActive: true });
    org.store.insert('DatedConversionRate', {
      IsoCode: 'EUR',
      ConversionRate: 0.8,
      StartDate: '2025-01-01',
      NextStartDate: '9999-12-31'
    });
  }
  org.store.insert('CustomNotificationType', {
    DeveloperName: 'Partner_Tier_Change',
    MasterLabel: 'Partner tier change',
    CustomNotifTypeName: 'Partner tier change'
  });
  return { adminUserId: String(admin.Id), managerIds };
}

const TYPES = ['Reseller', 'Service', 'ISV'];
const TIERS = ['Registered', 'Select', 'Elite'];

/** `count` partners evaluated for 2026-Q3, with a spread of outcomes; deterministic. */
export function seedPartners(
  org: FakeOrg,
  count: number,
  managerIds: string[],
  density: 'full' | 'light' = 'full'
): Omit<SeededOrg, 'adminUserId' | 'managerIds'> {
  const { store } = org;
  const multiCurrency = store.schema.has('CurrencyType');
  const accountIds: string[] = [];
  const profileIds: string[] = [];
  for (let index = 0; index < count; index++) {
    const account = store.insert('Account', { Name: `Partner ${String(index + 1).padStart(5, '0')}` });
    const accountId = String(account.Id);
    accountIds.push(accountId);
    const profile = store.insert('Partner_Profile__c', {
      Name: `Profile ${index + 1}`,
      Account__c: accountId,
      Partner_Type__c: TYPES[index % 3],
      Status__c: index % 25 === 24 ? 'Onboarding' : 'Active',
      Tier__c: TIERS[index % 3],
      Tier_Since__c: '2025-01-01',
      Grace_Until__c: null,
      Partner_Manager__c: index % 11 === 10 ? null : managerIds[index % managerIds.length]
    });
    const profileId = String(profile.Id);
    profileIds.push(profileId);
    const amount = 40_000 + ((index * 7919) % 600_000);
    store.insert('Opportunity', {
      Name: `Deal ${index + 1}`,
      AccountId: accountId,
      Partner_Account__c: accountId,
      Partner_Involvement__c: 'Resold',
      Type: index % 4 === 0 ? 'Renewal' : 'New Business',
      StageName: 'Closed Won',
      IsClosed: true,
      IsWon: true,
      CloseDate: '2026-03-15',
      Amount: amount,
      ...(multiCurrency ? { CurrencyIsoCode: index % 5 === 0 ? 'EUR' : 'USD' } : {}),
      OwnerId: managerIds[0],
      NextStep: null,
      Deal_Registered__c: false
    });
    store.insert('Opportunity', {
      Name: `Open deal ${index + 1}`,
      Partner_Account__c: accountId,
      Partner_Involvement__c: 'Sourced',
      Type: 'New Business',
      StageName: 'Prospecting',
      IsClosed: false,
      IsWon: false,
      CloseDate: '2026-12-15',
      Amount: 10_000,
      ...(multiCurrency ? { CurrencyIsoCode: 'USD' } : {}),
      OwnerId: managerIds[0],
      NextStep: index % 3 === 0 ? null : 'Demo, "phase 2", then proposal',
      Deal_Registered__c: true,
      Registered_On__c: '2026-06-01'
    });
    store.insert('Delivery_Review__c', {
      Partner_Profile__c: profileId,
      CSAT__c: 72 + (index % 25),
      Reviewed_On__c: '2026-05-10',
      Escalated__c: index % 9 === 0
    });
    for (let person = 0; person < (density === 'full' ? 1 + (index % 6) : 1); person++) {
      const contact = store.insert('Contact', {
        FirstName: 'Certified',
        LastName: `Person ${index}-${person}`,
        AccountId: accountId
      });
      store.insert('Partner_Certification__c', {
        Partner_Profile__c: profileId,
        Contact__c: String(contact.Id),
        Certification_Name__c: 'Platform Administrator',
        Issued_On__c: '2025-02-01',
        Expires_On__c: '2027-02-01',
        Verified__c: true
      });
    }
    store.insert('Partner_Evidence__c', {
      Partner_Profile__c: profileId,
      Type__c:
        TYPES[index % 3] === 'ISV' ? 'Validated Integration' : TYPES[index % 3] === 'Service' ? 'SOW' : 'Case Study',
      Title__c: `Proof ${index + 1}`,
      Evidence_Date__c: index % 7 === 0 ? '2024-01-10' : '2026-06-20',
      Verified__c: true
    });
  }
  return { accountIds, profileIds };
}

/** A fake org with the program and `partners` generated partners. */
export async function seedOrg(org: FakeOrg, options: SeedOptions): Promise<SeededOrg> {
  await seedProgram(org);
  const basics = seedOrgBasics(org, options.managers ?? 3);
  return { ...basics, ...seedPartners(org, options.partners, basics.managerIds, options.density) };
}

export interface SeededMdf {
  budgetIds: string[];
  requestIds: string[];
  campaignIds: string[];
}

/**
 * MDF records for the first three seeded partners (`accountIds`): one 2026-Q3 budget of 100,000 for
 * North America / Elite, two campaigns (with the roll-ups an org computes from linked opportunities),
 * an approved request with a paid and an approved claim, a request submitted on 2026-09-01 and a
 * rejected one. Figures the org-mode MDF test checks by hand.
 */
export function seedMdf(org: FakeOrg, accountIds: string[]): SeededMdf {
  const { store } = org;
  const budget = store.insert('MDF_Budget__c', {
    Name: '2026-Q3 North America Elite',
    Fiscal_Quarter__c: '2026-Q3',
    Region__c: 'North America',
    Eligible_Tier__c: 'Elite',
    Amount__c: 100_000,
    Status__c: 'Open'
  });
  const campaigns = [
    store.insert('Campaign', { Name: 'Summit', AmountAllOpportunities: 300_000, AmountWonOpportunities: 90_000 }),
    store.insert('Campaign', { Name: 'Unused', AmountAllOpportunities: 999_999, AmountWonOpportunities: 999_999 })
  ];
  const approved = store.insert('MDF_Request__c', {
    Name: 'MDF-00001',
    Account__c: accountIds[0],
    Budget__c: String(budget.Id),
    Campaign__c: String(campaigns[0].Id),
    Status__c: 'Approved',
    Activity_Type__c: 'Event',
    Requested_Amount__c: 40_000,
    Approved_Amount__c: 30_000,
    Submitted_On__c: '2026-07-01T09:00:00.000Z',
    Decided_On__c: '2026-07-03T09:00:00.000Z'
  });
  const submitted = store.insert('MDF_Request__c', {
    Name: 'MDF-00002',
    Account__c: accountIds[1],
    Budget__c: String(budget.Id),
    Status__c: 'Submitted',
    Activity_Type__c: 'Webinar',
    Requested_Amount__c: 15_000,
    Submitted_On__c: '2026-09-01T16:30:00.000Z'
  });
  const rejected = store.insert('MDF_Request__c', {
    Name: 'MDF-00003',
    Account__c: accountIds[2],
    Budget__c: String(budget.Id),
    Status__c: 'Rejected',
    Activity_Type__c: 'Trade Show',
    Requested_Amount__c: 20_000,
    Submitted_On__c: '2026-08-01T09:00:00.000Z',
    Decided_On__c: '2026-08-02T09:00:00.000Z',
    Decision_Comment__c: 'Outside the program, see the guide.'
  });
  store.insert('MDF_Claim__c', {
    Name: 'CLM-00001',
    MDF_Request__c: String(approved.Id),
    Status__c: 'Paid',
    Amount__c: 12_000,
    Submitted_On__c: '2026-08-05T10:00:00.000Z',
    Approved_On__c: '2026-08-10T10:00:00.000Z',
    Paid_On__c: '2026-08-20',
    Proof_Count__c: 2
  });
  store.insert('MDF_Claim__c', {
    Name: 'CLM-00002',
    MDF_Request__c: String(approved.Id),
    Status__c: 'Approved',
    Amount__c: 8_000,
    Submitted_On__c: '2026-09-03T10:00:00.000Z',
    Approved_On__c: '2026-09-10T10:00:00.000Z',
    Proof_Count__c: 1
  });
  store.insert('MDF_Claim__c', {
    Name: 'CLM-00003',
    MDF_Request__c: String(approved.Id),
    Status__c: 'Submitted',
    Amount__c: 5_000,
    Submitted_On__c: '2026-09-15T12:00:00.000Z',
    Proof_Count__c: 1
  });
  return {
    budgetIds: [String(budget.Id)],
    requestIds: [approved, submitted, rejected].map((row) => String(row.Id)),
    campaignIds: campaigns.map((row) => String(row.Id))
  };
}
