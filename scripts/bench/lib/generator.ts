/*
 * The benchmark's snapshot generator: a deterministic snapshot (DESIGN.md §7, docs/snapshot-format.md)
 * of any number of partners with the distributions of a large program. Per 100,000 partners:
 * 2,000,000 opportunities, 400,000 delivery reviews, 300,000 certifications, 500,000 evidence
 * records, about 300,000 stored evaluations of the four quarters before the evaluated one, about
 * 3,000 tier exceptions, and dated rates for eight currencies.
 *
 * Skewed like a real program: a partner's size follows a Pareto law (a few partners own many deals,
 * most own a handful), and every child row names its partner through an alias table over those
 * sizes, so rows of one partner are spread over the whole file as in an org export (Id order), not
 * grouped. Memory is proportional to partners (a few typed arrays and two Id strings per partner);
 * rows are streamed to disk with their SHA-256 computed on the way (CsvFileWriter).
 *
 * Deterministic: no clock, no Math.random(); the same partners, seed and options give byte-identical
 * files. The calendar is the sample's: exported 2026-10-05, evaluated quarter 2026-Q3.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { EXPORTED_AT } from '../../sample/dates.ts';
import { caseSafeSuffix } from '../../sample/ids.ts';
import { createRandom, hashSeed, type Random } from '../../sample/random.ts';
import {
  CERTIFICATIONS,
  CUSTOMERS,
  FIRST_NAMES,
  LAST_NAMES,
  NEXT_STEPS,
  OPEN_STAGES,
  PRODUCTS,
  PROOF_TYPES
} from '../../sample/reference.ts';
import { bool, money, slugify } from '../../sample/tables.ts';
import { SNAPSHOT_FORMAT } from '../../lib/snapshot/manifest.ts';
import { aliasTable, type AliasTable } from './alias.ts';
import { CsvFileWriter, csvCell, type WrittenFile } from './csv-file-writer.ts';

/** Rows per partner of each generated file (opportunities can be overridden, see GenerateOptions). */
export const ROWS_PER_PARTNER = {
  Opportunity: 20,
  Delivery_Review__c: 4,
  Partner_Certification__c: 3,
  Partner_Evidence__c: 5
} as const;

export interface GenerateOptions {
  partners: number;
  seed: number;
  outDir: string;
  /** Opportunities per partner on average (default 20); the regression test doubles it. */
  opportunitiesPerPartner?: number;
  /** Called every PROGRESS_EVERY rows of a file and when the file is done. */
  progress?: (file: string, rows: number, total: number | null) => void;
}

export interface GeneratedSnapshot {
  dir: string;
  files: Record<string, WrittenFile>;
  totalRows: number;
  totalBytes: number;
}

const PROGRESS_EVERY = 50_000;

/* --------------------------------------------------------------------------- calendar */

const DAY_MS = 86_400_000;
const ORIGIN = Date.UTC(2015, 0, 1);
/** Every day from 2015-01-01 to 2030-12-31 as YYYY-MM-DD, so rows pick dates by index. */
const DAYS: string[] = [];
for (let time = ORIGIN; time <= Date.UTC(2030, 11, 31); time += DAY_MS)
  DAYS.push(new Date(time).toISOString().slice(0, 10));
const day = (iso: string): number => Math.round((Date.parse(iso) - ORIGIN) / DAY_MS);

const LAST_RECORD = day('2026-10-04');
const HISTORY_START = day('2024-10-01');
const OPEN_CLOSE_FROM = day('2026-07-01');
const OPEN_CLOSE_TO = day('2027-06-30');
const OPEN_END_DATE = '9999-12-31';

/** Quarters evaluated before 2026-Q3, whose Tier_Evaluation__c rows the snapshot holds. */
const PRIOR_QUARTERS = [
  { label: '2025-Q3', windowStart: '2024-10-01', end: '2025-09-30' },
  { label: '2025-Q4', windowStart: '2025-01-01', end: '2025-12-31' },
  { label: '2026-Q1', windowStart: '2025-04-01', end: '2026-03-31' },
  { label: '2026-Q2', windowStart: '2025-07-01', end: '2026-06-30' }
];

/* --------------------------------------------------------------------------- ids */

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** Record numbers start here (like a mature org's), so Ids have the usual shape. */
const RECORD_BASE = 62 ** 5 * 37;

/** The 18-character Id of record number `index` of an object (key prefix + pod 8d + 0 + base62). */
function idAt(prefix: string, index: number): string {
  let rest = RECORD_BASE + index;
  let digits = '';
  for (let position = 0; position < 9; position++) {
    digits = BASE62[rest % 62] + digits;
    rest = Math.floor(rest / 62);
  }
  const id15 = `${prefix}8d0${digits}`;
  return id15 + caseSafeSuffix(id15);
}

/* --------------------------------------------------------------------------- reference data */

const CURRENCIES = [
  { code: 'USD', rate: 1, country: 'United States' },
  { code: 'EUR', rate: 0.92, country: 'Germany' },
  { code: 'GBP', rate: 0.79, country: 'United Kingdom' },
  { code: 'CAD', rate: 1.37, country: 'Canada' },
  { code: 'AUD', rate: 1.52, country: 'Australia' },
  { code: 'JPY', rate: 150.2, country: 'Japan' },
  { code: 'CHF', rate: 0.88, country: 'Switzerland' },
  { code: 'SEK', rate: 10.6, country: 'Sweden' },
  { code: 'BRL', rate: 5.2, country: 'Brazil' }
];
const EUR_COUNTRIES = ['Germany', 'France', 'Netherlands', 'Ireland', 'Spain', 'Italy'];
const STATUSES = ['Active', 'Onboarding', 'Prospect', 'Suspended'] as const;
const TYPES = ['Reseller', 'Service', 'ISV'] as const;
const TIERS = ['Registered', 'Select', 'Elite'] as const;
const NAME_WORDS = [
  'Systems',
  'Consulting',
  'Digital',
  'Cloud Partners',
  'Solutions',
  'Analytics',
  'Technologies',
  'Advisory',
  'Software',
  'Integration Group',
  'Commerce',
  'Data Works'
];
const LEGAL_FORMS = ['Ltd', 'GmbH', 'Inc', 'LLC', 'SAS', 'BV', 'Pty Ltd', 'AG', 'AB', ''];
const INVOLVEMENTS = ['Resold', 'Resold', 'Resold', 'Sourced', 'Sourced', 'Sourced', 'Influenced', 'Influenced'];
const OPPORTUNITY_TYPES = ['New Business', 'New Business', 'Existing Business', 'Renewal'];
const EXCEPTION_REASONS = [
  'Merger integration: tier guaranteed until the combined team is certified.',
  'Key architects left; replacements certifying this quarter.',
  'Strategic launch partner, approved by the VP Partners.'
];
const CUSTOMER_SUFFIXES = ['', ' EMEA', ' North America', ' APAC', ' Holdings', ' Group', ' Services', ' Labs'];

/** Sales reps and partner managers whose Ids opportunities and profiles name. */
const SALES_REPS = 2_000;
const PARTNER_MANAGERS = 150;
const CUSTOMER_ACCOUNTS = 20_000;

/* --------------------------------------------------------------------------- helpers */

function normal(random: Random): number {
  const u = 1 - random.next();
  const v = random.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

function clamp(value: number, low: number, high: number): number {
  return value < low ? low : value > high ? high : value;
}

/** A rate with four significant decimals (two for large rates such as JPY). */
function rateText(rate: number): string {
  return rate >= 20 ? rate.toFixed(2) : rate.toFixed(4);
}

/* --------------------------------------------------------------------------- partners */

interface PartnerTable {
  count: number;
  accountIds: string[];
  profileIds: string[];
  status: Uint8Array;
  type: Uint8Array;
  /** The current tier, and the tier the partner's size and quality earn (drives its records). */
  tier: Uint8Array;
  earned: Uint8Array;
  quality: Float32Array;
  currency: Uint8Array;
  /** First contact number of the partner's people, and how many it has. */
  peopleBase: Int32Array;
  peopleCount: Int32Array;
  opportunities: AliasTable;
  reviews: AliasTable;
  certifications: AliasTable;
  evidence: AliasTable;
}

function buildPartners(count: number, seed: number, certifications: number): PartnerTable {
  const random = createRandom(hashSeed(`${seed}:partners`));
  const table = {
    count,
    accountIds: new Array<string>(count),
    profileIds: new Array<string>(count),
    status: new Uint8Array(count),
    type: new Uint8Array(count),
    tier: new Uint8Array(count),
    earned: new Uint8Array(count),
    quality: new Float32Array(count),
    currency: new Uint8Array(count),
    peopleBase: new Int32Array(count),
    peopleCount: new Int32Array(count)
  };
  const opportunityWeights = new Float64Array(count);
  const reviewWeights = new Float64Array(count);
  const certificationWeights = new Float64Array(count);
  const evidenceWeights = new Float64Array(count);
  for (let index = 0; index < count; index++) {
    table.accountIds[index] = idAt('001', index);
    table.profileIds[index] = idAt('a01', index);
    const u = random.next();
    const status = u < 0.84 ? 0 : u < 0.89 ? 1 : u < 0.94 ? 2 : 3;
    const t = random.next();
    const type = t < 0.45 ? 0 : t < 0.8 ? 1 : 2;
    // Pareto (alpha 1.16: the 80/20 law), capped so that one partner never owns a visible share.
    let size = Math.min(400, Math.pow(1 - random.next(), -1 / 1.16));
    if (status === 1) size *= 0.3;
    else if (status === 2) size *= 0.1;
    else if (status === 3) size *= 0.5;
    const quality = (random.next() + random.next() + random.next()) / 3;
    // The tier a partner earned so far follows its size and quality, with some drift either way
    // (partners that outgrew their tier are promoted, partners that slipped are at risk).
    const earned = size >= 15 && quality > 0.4 ? 2 : size >= 2.5 && quality > 0.3 ? 1 : 0;
    let tier = earned;
    const drift = random.next();
    if (drift < 0.08 && tier > 0) tier--;
    else if (drift > 0.93 && tier < 2) tier++;
    if (status !== 0 && tier > 0 && random.chance(0.7)) tier = 0;
    // Partners invest in certification, proof and delivery reviews as they earn higher tiers.
    const invest = earned === 2 ? 3.5 : earned === 1 ? 2.2 : 0.5;
    const c = random.next();
    const currency = c < 0.7 ? 0 : 1 + Math.floor(((c - 0.7) / 0.3) * (CURRENCIES.length - 1));
    table.status[index] = status;
    table.type[index] = type;
    table.tier[index] = tier;
    table.earned[index] = earned;
    table.quality[index] = quality;
    table.currency[index] = currency;
    opportunityWeights[index] = size * (earned === 2 ? 2.5 : earned === 1 ? 1.5 : 0.6);
    reviewWeights[index] = invest * Math.pow(size, 0.5) * (type === 1 ? 2.5 : type === 0 ? 0.8 : 0.6);
    certificationWeights[index] = invest * invest * Math.pow(size, 0.3) * (type === 0 ? 0.8 : 1.3);
    evidenceWeights[index] = invest * Math.pow(size, 0.3) * (type === 2 ? 1.3 : 1);
  }
  // Each partner's people: about 0.6 per expected certification, at least one.
  let certificationTotal = 0;
  for (let index = 0; index < count; index++) certificationTotal += certificationWeights[index];
  let people = 0;
  for (let index = 0; index < count; index++) {
    const expected = (certifications * certificationWeights[index]) / certificationTotal;
    const partnerPeople = Math.max(1, Math.ceil(expected * 0.7));
    table.peopleBase[index] = people;
    table.peopleCount[index] = partnerPeople;
    people += partnerPeople;
  }
  return {
    ...table,
    opportunities: aliasTable(opportunityWeights),
    reviews: aliasTable(reviewWeights),
    certifications: aliasTable(certificationWeights),
    evidence: aliasTable(evidenceWeights)
  };
}

function companyName(random: Random): string {
  const family = random.pick(LAST_NAMES);
  if (random.chance(0.01)) return `${family}, ${random.pick(LAST_NAMES)} & Partners`;
  const form = random.pick(LEGAL_FORMS);
  return `${family} ${random.pick(NAME_WORDS)}${form ? ` ${form}` : ''}`;
}

/* --------------------------------------------------------------------------- files */

type Progress = GenerateOptions['progress'];

function tick(progress: Progress, file: string, rows: number, total: number | null): void {
  if (progress && rows % PROGRESS_EVERY === 0) progress(file, rows, total);
}

function writeRates(dir: string, seed: number): WrittenFile {
  const random = createRandom(hashSeed(`${seed}:rates`));
  const writer = new CsvFileWriter(path.join(dir, 'DatedConversionRate.csv'), [
    'Id',
    'IsoCode',
    'ConversionRate',
    'StartDate',
    'NextStartDate'
  ]);
  let number = 0;
  for (const currency of CURRENCIES.slice(1)) {
    let rate = currency.rate;
    const months: string[] = [];
    for (let year = 2022; year <= 2026; year++)
      for (let month = 1; month <= 12; month++) months.push(`${year}-${String(month).padStart(2, '0')}-01`);
    months.forEach((start, index) => {
      rate *= 1 + normal(random) * 0.015;
      const next = index + 1 < months.length ? months[index + 1] : OPEN_END_DATE;
      writer.row(`${idAt('04w', number++)},${currency.code},${rateText(rate)},${start},${next}`);
    });
  }
  return writer.close();
}

/** Account, Partner_Profile__c, Tier_Evaluation__c and Tier_Exception__c: one pass over partners. */
function writePartnerFiles(dir: string, seed: number, partners: PartnerTable, progress: Progress) {
  const random = createRandom(hashSeed(`${seed}:profiles`));
  const accounts = new CsvFileWriter(path.join(dir, 'Account.csv'), ['Id', 'Name', 'BillingCountry']);
  const profiles = new CsvFileWriter(path.join(dir, 'Partner_Profile__c.csv'), [
    'Id',
    'Name',
    'Account__c',
    'Partner_Type__c',
    'Status__c',
    'Tier__c',
    'Tier_Since__c',
    'Grace_Until__c',
    'Partner_Manager__c',
    'Onboarded_On__c',
    'Last_Reviewed_On__c',
    'Review_Cadence__c',
    'Joint_Customers__c'
  ]);
  const evaluations = new CsvFileWriter(path.join(dir, 'Tier_Evaluation__c.csv'), [
    'Id',
    'Partner_Profile__c',
    'Evaluation_Key__c',
    'Quarter__c',
    'Window_Start__c',
    'Window_End__c',
    'Previous_Tier__c',
    'Previous_Grace_Until__c',
    'Qualified_Tier__c',
    'Resulting_Tier__c',
    'Outcome__c',
    'Grace_Until__c'
  ]);
  const exceptions = new CsvFileWriter(path.join(dir, 'Tier_Exception__c.csv'), [
    'Id',
    'Partner_Profile__c',
    'Tier__c',
    'Reason__c',
    'Starts_On__c',
    'Expires_On__c'
  ]);
  const managers = Array.from({ length: PARTNER_MANAGERS }, (_, index) => idAt('005', index));
  for (let index = 0; index < partners.count; index++) {
    const accountId = partners.accountIds[index];
    const profileId = partners.profileIds[index];
    const status = STATUSES[partners.status[index]];
    const type = TYPES[partners.type[index]];
    const tierRank = partners.tier[index];
    const tier = TIERS[tierRank];
    const name = csvCell(companyName(random));
    const currency = CURRENCIES[partners.currency[index]];
    const country = currency.code === 'EUR' ? random.pick(EUR_COUNTRIES) : currency.country;
    accounts.row(`${accountId},${name},${csvCell(country)}`);

    const active = status === 'Active';
    const onboarded = active
      ? random.int(day('2016-01-01'), day('2026-09-15'))
      : random.int(day('2025-06-01'), day('2026-10-01'));
    const inGrace = active && tierRank > 0 && random.chance(0.04);
    const graceUntil = inGrace ? '2026-09-30' : '';
    const tierSince = tierRank > 0 ? DAYS[Math.max(onboarded, random.int(day('2023-01-01'), day('2026-04-06')))] : '';
    const tierCell = tierRank === 0 && random.chance(0.3) ? '' : tier;
    const reviewed = DAYS[random.int(Math.max(onboarded, day('2026-01-01')), LAST_RECORD)];
    profiles.row(
      [
        profileId,
        name,
        accountId,
        type,
        status,
        tierCell,
        tierSince,
        graceUntil,
        random.chance(0.97) ? random.pick(managers) : '',
        DAYS[onboarded],
        reviewed,
        status === 'Onboarding' ? 'Monthly' : 'Quarterly',
        String(Math.round(partners.quality[index] * 40 + random.int(0, 30)))
      ].join(',')
    );

    if (active) {
      for (let quarter = 0; quarter < PRIOR_QUARTERS.length; quarter++) {
        const prior = PRIOR_QUARTERS[quarter];
        if (DAYS[onboarded] > prior.end) continue;
        const last = quarter === PRIOR_QUARTERS.length - 1;
        let previous = tier;
        let qualified = tier;
        let outcome = 'Retained';
        let grace = '';
        if (last && inGrace) {
          qualified = TIERS[tierRank - 1];
          outcome = 'Grace';
          grace = '2026-09-30';
        } else if (last && tierRank > 0 && random.chance(0.1)) {
          previous = TIERS[tierRank - 1];
          outcome = 'Promoted';
        }
        evaluations.row(
          [
            idAt('a06', evaluations.rows),
            profileId,
            `${accountId}-${prior.label}`,
            prior.label,
            prior.windowStart,
            prior.end,
            previous,
            '',
            qualified,
            tier,
            outcome,
            grace
          ].join(',')
        );
      }
      // Some partners have a dated exception: most are current, some ran out before the quarter.
      if (tierRank > 0 && random.chance(0.035)) {
        const startsOn = random.int(day('2025-10-01'), day('2026-08-31'));
        const current = random.chance(0.7);
        const expiresOn = current
          ? random.int(day('2026-09-30'), day('2027-03-31'))
          : random.int(startsOn + 30, day('2026-09-29'));
        exceptions.row(
          [
            idAt('a05', exceptions.rows),
            profileId,
            tier,
            csvCell(random.pick(EXCEPTION_REASONS)),
            DAYS[startsOn],
            DAYS[Math.max(expiresOn, startsOn)]
          ].join(',')
        );
      }
    }
    tick(progress, 'Partner_Profile__c.csv', index + 1, partners.count);
  }
  return {
    'Account.csv': accounts.close(),
    'Partner_Profile__c.csv': profiles.close(),
    'Tier_Evaluation__c.csv': evaluations.close(),
    'Tier_Exception__c.csv': exceptions.close()
  };
}

function writeOpportunities(
  dir: string,
  seed: number,
  partners: PartnerTable,
  count: number,
  progress: Progress
): WrittenFile {
  const random = createRandom(hashSeed(`${seed}:opportunities`));
  const file = 'Opportunity.csv';
  const writer = new CsvFileWriter(path.join(dir, file), [
    'Id',
    'Name',
    'AccountId',
    'Partner_Account__c',
    'Partner_Involvement__c',
    'Type',
    'StageName',
    'IsClosed',
    'IsWon',
    'CloseDate',
    'Amount',
    'CurrencyIsoCode',
    'OwnerId',
    'NextStep',
    'Deal_Registered__c',
    'Registered_On__c'
  ]);
  const customers = Array.from({ length: CUSTOMER_ACCOUNTS }, (_, index) => ({
    id: idAt('001', 50_000_000 + index),
    name: `${CUSTOMERS[index % CUSTOMERS.length]}${CUSTOMER_SUFFIXES[Math.floor(index / CUSTOMERS.length) % CUSTOMER_SUFFIXES.length]}`
  }));
  const reps = Array.from({ length: SALES_REPS }, (_, index) => idAt('005', 1_000 + index));
  for (let index = 0; index < count; index++) {
    const partner = partners.opportunities.sample(random.next());
    const quality = partners.quality[partner];
    // A few deals name an account that is not a partner of the snapshot (ignored by the evaluation).
    const partnerAccount = random.chance(0.002) ? idAt('001', 40_000_000 + index) : partners.accountIds[partner];
    const customer = customers[random.int(0, CUSTOMER_ACCOUNTS - 1)];
    const type = random.pick(OPPORTUNITY_TYPES);
    const involvement = random.chance(0.1) ? 'Referral Fee Only' : random.pick(INVOLVEMENTS);
    const closed = random.chance(0.72);
    const won = closed && random.chance(type === 'Renewal' ? 0.6 + 0.35 * quality : 0.3 + 0.4 * quality);
    const closeDay = closed ? random.int(HISTORY_START, LAST_RECORD) : random.int(OPEN_CLOSE_FROM, OPEN_CLOSE_TO);
    const stage = closed ? (won ? 'Closed Won' : 'Closed Lost') : random.pick(OPEN_STAGES);
    const currency = random.chance(0.75) ? CURRENCIES[partners.currency[partner]] : CURRENCIES[0];
    // Larger partners close larger deals.
    const median = 24_000 * (1 + partners.earned[partner]);
    const usd = clamp(Math.exp(Math.log(median) + normal(random)), 500, 3_000_000);
    const cents = Math.round(usd * currency.rate * 100);
    const owner = random.chance(0.02) ? '' : reps[random.int(0, SALES_REPS - 1)];
    const hasNextStep = random.chance(closed ? 0.3 : 0.6 + 0.1 * partners.earned[partner] + 0.3 * quality);
    let nextStep = '';
    if (hasNextStep)
      nextStep = random.chance(0.03)
        ? `"Call ""${random.pick(FIRST_NAMES)}"", then ${random.pick(NEXT_STEPS).toLowerCase()}"`
        : random.pick(NEXT_STEPS);
    const registered = random.chance(0.55);
    const registeredOn =
      registered && random.chance(0.92) ? DAYS[Math.min(closeDay, LAST_RECORD) - random.int(10, 150)] : '';
    writer.row(
      [
        idAt('006', index),
        csvCell(`${customer.name} - ${random.pick(PRODUCTS)}`),
        customer.id,
        partnerAccount,
        involvement,
        type,
        stage,
        bool(closed),
        bool(won),
        DAYS[closeDay],
        money(cents),
        currency.code,
        owner,
        nextStep,
        bool(registered),
        registeredOn
      ].join(',')
    );
    tick(progress, file, index + 1, count);
  }
  return writer.close();
}

function writeReviews(
  dir: string,
  seed: number,
  partners: PartnerTable,
  count: number,
  opportunities: number,
  progress: Progress
): WrittenFile {
  const random = createRandom(hashSeed(`${seed}:reviews`));
  const file = 'Delivery_Review__c.csv';
  const writer = new CsvFileWriter(path.join(dir, file), [
    'Id',
    'Partner_Profile__c',
    'Opportunity__c',
    'CSAT__c',
    'Reviewed_On__c',
    'Escalated__c'
  ]);
  for (let index = 0; index < count; index++) {
    const partner = partners.reviews.sample(random.next());
    const quality = partners.quality[partner];
    const csat = Math.round(clamp(66 + 26 * quality + 6 * partners.earned[partner] + 6 * normal(random), 0, 100));
    writer.row(
      [
        idAt('a04', index),
        partners.profileIds[partner],
        random.chance(0.7) ? idAt('006', random.int(0, Math.max(0, opportunities - 1))) : '',
        String(csat),
        DAYS[random.int(HISTORY_START, LAST_RECORD)],
        bool(random.chance(0.02 + 0.2 * (1 - quality)))
      ].join(',')
    );
    tick(progress, file, index + 1, count);
  }
  return writer.close();
}

function writeCertifications(
  dir: string,
  seed: number,
  partners: PartnerTable,
  count: number,
  progress: Progress
): WrittenFile {
  const random = createRandom(hashSeed(`${seed}:certifications`));
  const file = 'Partner_Certification__c.csv';
  const writer = new CsvFileWriter(path.join(dir, file), [
    'Id',
    'Partner_Profile__c',
    'Contact__c',
    'Certification_Name__c',
    'Credential_Id__c',
    'Issued_On__c',
    'Expires_On__c',
    'Verified__c'
  ]);
  for (let index = 0; index < count; index++) {
    const partner = partners.certifications.sample(random.next());
    const quality = partners.quality[partner];
    const person = partners.peopleBase[partner] + random.int(0, partners.peopleCount[partner] - 1);
    const issued = random.int(day('2023-01-01'), LAST_RECORD);
    const expires = random.chance(0.8) ? DAYS[issued + (random.chance(0.75) ? 730 : 1095)] : '';
    writer.row(
      [
        idAt('a02', index),
        partners.profileIds[partner],
        idAt('003', person),
        random.pick(CERTIFICATIONS[TYPES[partners.type[partner]]]),
        `SFC-${String(random.int(10_000_000, 99_999_999))}`,
        DAYS[issued],
        expires,
        bool(random.chance(0.7 + 0.25 * quality))
      ].join(',')
    );
    tick(progress, file, index + 1, count);
  }
  return writer.close();
}

function writeEvidence(
  dir: string,
  seed: number,
  partners: PartnerTable,
  count: number,
  progress: Progress
): WrittenFile {
  const random = createRandom(hashSeed(`${seed}:evidence`));
  const file = 'Partner_Evidence__c.csv';
  const writer = new CsvFileWriter(path.join(dir, file), [
    'Id',
    'Partner_Profile__c',
    'Type__c',
    'Title__c',
    'URL__c',
    'Evidence_Date__c',
    'Verified__c'
  ]);
  for (let index = 0; index < count; index++) {
    const partner = partners.evidence.sample(random.next());
    const partnerType = partners.type[partner];
    const r = random.next();
    const type =
      r < (partnerType === 2 ? 0.25 : 0.06)
        ? 'Validated Integration'
        : r < (partnerType === 1 ? 0.45 : 0.14)
          ? random.chance(0.6)
            ? 'SOW'
            : 'Playbook'
          : random.pick(PROOF_TYPES);
    const customer = random.pick(CUSTOMERS);
    const age = Math.min(1_500, Math.floor(-Math.log(1 - random.next()) * 300));
    writer.row(
      [
        idAt('a03', index),
        partners.profileIds[partner],
        type,
        csvCell(`${type}: ${customer}`),
        `https://partners.example.com/p${partner}/${slugify(type)}/${index}`,
        DAYS[LAST_RECORD - age],
        bool(random.chance(0.78))
      ].join(',')
    );
    tick(progress, file, index + 1, count);
  }
  return writer.close();
}

/** Writes the snapshot folder; the manifest is written last, so a folder with one is complete. */
export function generateSnapshot(options: GenerateOptions): GeneratedSnapshot {
  const { partners: count, seed, outDir, progress } = options;
  if (!Number.isInteger(count) || count < 1) throw new Error(`--partners must be a positive integer, not ${count}`);
  const perPartner = options.opportunitiesPerPartner ?? ROWS_PER_PARTNER.Opportunity;
  const opportunities = Math.round(count * perPartner);
  const reviews = count * ROWS_PER_PARTNER.Delivery_Review__c;
  const certifications = count * ROWS_PER_PARTNER.Partner_Certification__c;
  const evidence = count * ROWS_PER_PARTNER.Partner_Evidence__c;

  mkdirSync(outDir, { recursive: true });
  rmSync(path.join(outDir, 'manifest.json'), { force: true });
  const partners = buildPartners(count, seed, certifications);
  const files: Record<string, WrittenFile> = {
    'DatedConversionRate.csv': writeRates(outDir, seed),
    ...writePartnerFiles(outDir, seed, partners, progress),
    'Opportunity.csv': writeOpportunities(outDir, seed, partners, opportunities, progress),
    'Delivery_Review__c.csv': writeReviews(outDir, seed, partners, reviews, opportunities, progress),
    'Partner_Certification__c.csv': writeCertifications(outDir, seed, partners, certifications, progress),
    'Partner_Evidence__c.csv': writeEvidence(outDir, seed, partners, evidence, progress)
  };
  for (const [file, written] of Object.entries(files)) progress?.(file, written.rows, written.rows);

  const names = Object.keys(files).sort();
  const manifest = {
    format: SNAPSHOT_FORMAT,
    source: `bench-${count}-seed-${seed}`,
    exportedAt: EXPORTED_AT,
    corporateCurrency: 'USD',
    files: Object.fromEntries(names.map((name) => [name, { rows: files[name].rows, sha256: files[name].sha256 }]))
  };
  writeFileSync(path.join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  let totalRows = 0;
  let totalBytes = 0;
  for (const written of Object.values(files)) {
    totalRows += written.rows;
    totalBytes += written.bytes;
  }
  return { dir: outDir, files, totalRows, totalBytes };
}

/** The folder `npm run bench` uses for a size and seed, under the git-ignored bench-data/. */
export function defaultDataDir(root: string, partners: number, seed: number): string {
  return path.join(root, 'bench-data', `partners-${partners}-seed-${seed}`);
}
