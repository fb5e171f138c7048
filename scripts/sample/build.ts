/*
 * Builds every table of the sample snapshot from the scenario table: accounts, profiles, dated
 * conversion rates, tier exceptions and the stored 2026-Q2 evaluations here; opportunities and
 * proof records in opportunities.ts and proof.ts; market development funds in mdf.ts.
 */
import type { PartnerContext } from './context.ts';
import { daysBetween, EVALUATION_DATE, QUARTER_START, randomDate, WINDOW_START } from './dates.ts';
import { createIdFactory } from './ids.ts';
import { buildMdf } from './mdf.ts';
import { buildOpportunities } from './opportunities.ts';
import { buildEvidence, buildPeople, buildReviews } from './proof.ts';
import { createRandom, hashSeed } from './random.ts';
import type { Random } from './random.ts';
import { OPEN_END_DATE, PARTNER_MANAGER_COUNT, RATE_PERIODS, SALES_REP_COUNT } from './reference.ts';
import type { ForeignCurrency } from './reference.ts';
import type { Scenario, Tier } from './scenarios.ts';
import { emptyTables, slugify } from './tables.ts';
import type { Row, Tables } from './tables.ts';

const SEED = 20261005;
const Q2 = { label: '2026-Q2', start: '2026-04-01', end: '2026-06-30', windowStart: '2025-07-01' };
/** The day each quarter's decisions were applied; the Q2 decisions were applied on 2026-07-06. */
const Q2_APPLIED_ON = '2026-07-06';
const EARLIER_APPLY_DATES = ['2025-01-06', '2025-04-07', '2025-07-07', '2025-10-06', '2026-01-05', '2026-04-06'];
const RANK: Record<Tier, number> = { Registered: 1, Select: 2, Elite: 3 };

const HOME_CURRENCY: Record<string, ForeignCurrency> = {
  Germany: 'EUR',
  France: 'EUR',
  Ireland: 'EUR',
  'United Kingdom': 'GBP',
  Canada: 'CAD'
};

/* ----------------------------------------------------------------- scenario table checks */

function fail(scenario: Scenario, message: string): never {
  throw new Error(`Scenario ${scenario.key}: ${message}`);
}

function inWindow(date: string): boolean {
  return WINDOW_START <= date && date <= EVALUATION_DATE;
}

/** The table must describe a state the 2026-Q2 evaluation could have produced. */
function checkQ2(scenario: Scenario): void {
  const q2 = scenario.q2;
  const tier: Tier = scenario.tier ?? 'Registered';
  if (!q2) {
    const activatedInQ3 = scenario.onboardedOn && scenario.onboardedOn >= QUARTER_START;
    if (scenario.status === 'Active' && !activatedInQ3)
      fail(scenario, 'an Active partner needs its 2026-Q2 evaluation');
    return;
  }
  if (scenario.status !== 'Active') fail(scenario, 'only Active partners have a 2026-Q2 evaluation');
  const wasInGrace = q2.previousGraceUntil !== undefined && q2.previousGraceUntil >= Q2.start;
  const heldBy = (scenario.exceptions ?? []).find(
    (exception) => exception.startsOn <= Q2.end && Q2.end <= exception.expiresOn && RANK[exception.tier] >= RANK[tier]
  );
  const checks: Record<string, boolean> = {
    Promoted: RANK[tier] > RANK[q2.previousTier] && q2.qualifiedTier === tier && !scenario.graceUntil,
    Retained: tier === q2.previousTier && q2.qualifiedTier === tier && !wasInGrace && !scenario.graceUntil,
    Recovered: tier === q2.previousTier && q2.qualifiedTier === tier && wasInGrace && !scenario.graceUntil,
    Grace:
      tier === q2.previousTier &&
      RANK[q2.qualifiedTier] < RANK[tier] &&
      !wasInGrace &&
      scenario.graceUntil === '2026-09-30',
    'Held by Exception':
      tier === q2.previousTier &&
      RANK[q2.qualifiedTier] < RANK[tier] &&
      !!heldBy &&
      scenario.graceUntil === q2.previousGraceUntil,
    Demoted: RANK[tier] < RANK[q2.previousTier] && q2.qualifiedTier === tier && !scenario.graceUntil
  };
  if (!checks[q2.outcome]) fail(scenario, `2026-Q2 outcome ${q2.outcome} does not match the current profile state`);
}

function checkScenario(scenario: Scenario): void {
  checkQ2(scenario);
  const edges = new Set(scenario.edges ?? []);
  for (const deal of [...(scenario.revenue.pinned ?? []), ...(scenario.revenue.fx ?? [])]) {
    if (!inWindow(deal.closeDate)) fail(scenario, `deal on ${deal.closeDate} is outside the window`);
  }
  const reviews = scenario.reviews;
  if (reviews && (reviews.count < 1 || reviews.sum > 100 * reviews.count || (reviews.escalated ?? 0) > reviews.count)) {
    fail(scenario, 'impossible reviews');
  }
  const hygiene = scenario.hygiene;
  if (hygiene && (hygiene.good > hygiene.total || hygiene.total < 1)) fail(scenario, 'impossible hygiene');
  if ((scenario.renewals?.won ?? 0) > 0 && scenario.revenue.usd === 0) fail(scenario, 'won renewals need USD revenue');
  if (!scenario.evidence && scenario.status === 'Active' && scenario.tier && scenario.tier !== 'Registered') {
    fail(scenario, 'a Select or Elite partner without evidence is not a scenario here');
  }
  if (edges.has('reviews-outside-window-only') && reviews) fail(scenario, 'has reviews in the window');
  if (edges.has('owner-missing') && (!hygiene || hygiene.total <= hygiene.good)) fail(scenario, 'needs a bad deal');
  if (edges.has('hygiene-deal-closed-after-evaluation') && (!hygiene || hygiene.good < 1))
    fail(scenario, 'needs a good deal');
  if (edges.has('registered-on-evaluation-date') && (!hygiene || hygiene.good < 2))
    fail(scenario, 'needs 2 good deals');
  if (edges.has('cert-expires-on-evaluation-date') && scenario.certified < 1)
    fail(scenario, 'needs a certified person');
  if (edges.has('integration-before-window') && !scenario.evidence?.integrations)
    fail(scenario, 'needs an integration');
}

export function checkScenarios(scenarios: Scenario[]): void {
  const keys = new Set(scenarios.map((scenario) => scenario.key));
  const names = new Set(scenarios.map((scenario) => scenario.name));
  if (keys.size !== scenarios.length || names.size !== scenarios.length)
    throw new Error('Duplicate scenario key or name');
  scenarios.forEach(checkScenario);
}

/* ------------------------------------------------------------------------- partner records */

function tierSince(scenario: Scenario, random: Random, onboardedOn: string | null): string {
  if (!scenario.tier) return '';
  if (scenario.q2?.outcome === 'Promoted' || scenario.q2?.outcome === 'Demoted') return Q2_APPLIED_ON;
  if (scenario.tier === 'Registered') return onboardedOn ?? '';
  const candidates = EARLIER_APPLY_DATES.filter((date) => !onboardedOn || date > onboardedOn);
  return candidates.length > 0 ? random.pick(candidates) : (onboardedOn ?? '');
}

function profileRow(context: PartnerContext, managers: string[]): Row {
  const { scenario, random } = context;
  const lastReviewed: Record<string, () => string> = {
    Active: () => randomDate(random, Q2_APPLIED_ON, '2026-09-25'),
    Suspended: () => randomDate(random, '2026-05-04', '2026-08-28'),
    Onboarding: () => '',
    Prospect: () => ''
  };
  const jointCustomers = { ISV: [4, 60], Reseller: [10, 140], Service: [3, 45] }[scenario.type];
  const joint =
    scenario.status === 'Prospect'
      ? 0
      : scenario.status === 'Onboarding'
        ? random.int(0, 3)
        : random.int(jointCustomers[0], jointCustomers[1]);
  return {
    Id: context.profileId,
    Name: scenario.name,
    Account__c: context.accountId,
    Partner_Type__c: scenario.type,
    Status__c: scenario.status,
    Tier__c: scenario.tier ?? '',
    Tier_Since__c: tierSince(scenario, random, context.onboardedOn),
    Grace_Until__c: scenario.graceUntil ?? '',
    Partner_Manager__c: random.pick(managers),
    Onboarded_On__c: context.onboardedOn ?? '',
    Last_Reviewed_On__c: lastReviewed[scenario.status](),
    Review_Cadence__c: scenario.status === 'Onboarding' ? 'Monthly' : 'Quarterly',
    Joint_Customers__c: String(joint)
  };
}

function exceptionRows(context: PartnerContext): Row[] {
  return [...(context.scenario.exceptions ?? [])]
    .sort((a, b) => (a.startsOn < b.startsOn ? -1 : 1))
    .map((exception) => ({
      Id: context.newId('Tier_Exception__c'),
      Partner_Profile__c: context.profileId,
      Tier__c: exception.tier,
      Reason__c: exception.reason,
      Starts_On__c: exception.startsOn,
      Expires_On__c: exception.expiresOn
    }));
}

function q2EvaluationRows(context: PartnerContext): Row[] {
  const { scenario } = context;
  if (!scenario.q2) return [];
  return [
    {
      Id: context.newId('Tier_Evaluation__c'),
      Partner_Profile__c: context.profileId,
      Evaluation_Key__c: `${context.accountId}-${Q2.label}`,
      Quarter__c: Q2.label,
      Window_Start__c: Q2.windowStart,
      Window_End__c: Q2.end,
      Previous_Tier__c: scenario.q2.previousTier,
      Previous_Grace_Until__c: scenario.q2.previousGraceUntil ?? '',
      Qualified_Tier__c: scenario.q2.qualifiedTier,
      Resulting_Tier__c: scenario.tier ?? 'Registered',
      Outcome__c: scenario.q2.outcome,
      Grace_Until__c: scenario.graceUntil ?? ''
    }
  ];
}

function rateRows(newId: PartnerContext['newId']): Row[] {
  const rows: Row[] = [];
  for (const currency of ['CAD', 'EUR', 'GBP'] as const) {
    RATE_PERIODS.forEach((period, index) => {
      rows.push({
        Id: newId('DatedConversionRate'),
        IsoCode: currency,
        ConversionRate: period[currency],
        StartDate: period.start,
        NextStartDate: RATE_PERIODS[index + 1]?.start ?? OPEN_END_DATE
      });
    });
  }
  return rows;
}

export function buildSnapshot(scenarios: Scenario[]): Tables {
  checkScenarios(scenarios);
  const idRandom = createRandom(SEED);
  const newId = createIdFactory(idRandom);
  const tables = emptyTables();

  // Account Ids are issued in increasing order and handed out in a shuffled scenario order, so the
  // partners are processed (and listed in every file) by Account Id.
  const accountIds = scenarios.map(() => newId('Account'));
  const partners = idRandom.shuffle(scenarios).map((scenario, index) => ({ scenario, accountId: accountIds[index] }));
  const managers = Array.from({ length: PARTNER_MANAGER_COUNT }, () => newId('User'));
  const salesReps = Array.from({ length: SALES_REP_COUNT }, () => newId('User'));
  tables.DatedConversionRate = rateRows(newId);

  for (const { scenario, accountId } of partners) {
    const random = createRandom(hashSeed(scenario.key));
    const onboardedOn =
      scenario.onboardedOn === undefined ? randomDate(random, '2019-03-04', '2024-06-28') : scenario.onboardedOn;
    const context: PartnerContext = {
      scenario,
      random,
      accountId,
      profileId: newId('Partner_Profile__c'),
      slug: slugify(scenario.name),
      onboardedOn,
      hasHistory: onboardedOn !== null && daysBetween(onboardedOn, '2025-06-01') > 0,
      homeCurrency: HOME_CURRENCY[scenario.country] ?? 'USD',
      newId,
      salesReps
    };
    tables.Account.push({ Id: accountId, Name: scenario.name, BillingCountry: scenario.country });
    tables.Partner_Profile__c.push(profileRow(context, managers));
    const people = buildPeople(context);
    tables.Contact.push(...people.contacts);
    tables.Partner_Certification__c.push(...people.certifications);
    const opportunities = buildOpportunities(context);
    tables.Opportunity.push(...opportunities.rows);
    tables.Delivery_Review__c.push(...buildReviews(context, opportunities.won));
    tables.Partner_Evidence__c.push(...buildEvidence(context));
    tables.Tier_Exception__c.push(...exceptionRows(context));
    tables.Tier_Evaluation__c.push(...q2EvaluationRows(context));
  }
  // Last, with its own ids: the MDF data leaves every other file as it was.
  Object.assign(tables, buildMdf(tables));
  return tables;
}
