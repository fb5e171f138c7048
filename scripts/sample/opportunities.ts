/*
 * Opportunities of one partner. The counted ones are built from the scenario so that they produce
 * its revenue, renewal and deal-hygiene values exactly; everything else ("noise": history before
 * the window, lost deals, unregistered open deals, deals closed after the evaluation date) is built
 * so that it can never count.
 */
import type { PartnerContext } from './context.ts';
import { addDays, EVALUATION_DATE, HISTORY_START, LAST_RECORD_DATE, randomDate, WINDOW_START } from './dates.ts';
import type { Random } from './random.ts';
import { CUSTOMERS, NEXT_STEPS, OPEN_STAGES, PRODUCTS } from './reference.ts';
import type { PartnerType } from './scenarios.ts';
import { bool, money } from './tables.ts';
import type { Row } from './tables.ts';

interface Deal {
  name: string;
  involvement: string;
  type: 'New Business' | 'Existing Business' | 'Renewal';
  stage: string;
  isClosed: boolean;
  isWon: boolean;
  closeDate: string;
  cents: number;
  currency: string;
  ownerId: string;
  nextStep: string;
  registered: boolean;
  registeredOn: string;
}

export interface WonDeal {
  id: string;
  closeDate: string;
}

const INVOLVEMENT: Record<PartnerType, string[]> = {
  Reseller: ['Resold', 'Resold', 'Sourced', 'Influenced'],
  Service: ['Influenced', 'Sourced', 'Influenced'],
  ISV: ['Sourced', 'Influenced', 'Resold']
};

/** Inner window days, so that only the scenarios about boundaries put deals on 2025-10-01 or 2026-09-30. */
const INNER_START = addDays(WINDOW_START, 1);
const INNER_END = addDays(EVALUATION_DATE, -1);
const LAST_HISTORY_DAY = addDays(WINDOW_START, -2);

const dollars = (amount: number): number => Math.round(amount * 100);

function randomCents(random: Random, min: number, max: number): number {
  return random.int(Math.round(min / 250), Math.round(max / 250)) * 25_000;
}

/** Splits `total` cents into `parts` amounts (multiples of USD 250 except the last) that sum exactly. */
function splitCents(random: Random, total: number, parts: number): number[] {
  if (parts === 0) {
    if (total !== 0) throw new Error(`Cannot split ${total} cents into no deals`);
    return [];
  }
  const weights = Array.from({ length: parts }, () => 0.5 + random.next());
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  const amounts = weights.slice(0, -1).map((weight) => Math.round((total * weight) / weightSum / 25_000) * 25_000);
  const last = total - amounts.reduce((sum, amount) => sum + amount, 0);
  if (last <= 0 || amounts.some((amount) => amount <= 0)) throw new Error(`Cannot split ${total} cents into ${parts}`);
  return [...amounts, last];
}

function dealName(random: Random, type: Deal['type'], closeDate: string): string {
  const customer = random.pick(CUSTOMERS);
  return type === 'Renewal'
    ? `${customer} - Renewal ${closeDate.slice(0, 4)}`
    : `${customer} - ${random.pick(PRODUCTS)}`;
}

function businessType(random: Random): Deal['type'] {
  return random.chance(0.6) ? 'New Business' : 'Existing Business';
}

interface DealInput {
  closeDate: string;
  cents: number;
  type?: Deal['type'];
  currency?: string;
  involvement?: string;
}

function closedDeal(context: PartnerContext, input: DealInput, won: boolean): Deal {
  const { random } = context;
  const type = input.type ?? businessType(random);
  const registered = random.chance(0.5);
  return {
    name: dealName(random, type, input.closeDate),
    involvement: input.involvement ?? random.pick(INVOLVEMENT[context.scenario.type]),
    type,
    stage: won ? 'Closed Won' : 'Closed Lost',
    isClosed: true,
    isWon: won,
    closeDate: input.closeDate,
    cents: input.cents,
    currency: input.currency ?? 'USD',
    ownerId: random.pick(context.salesReps),
    nextStep: random.chance(0.25) ? random.pick(NEXT_STEPS) : '',
    registered,
    registeredOn: registered ? addDays(input.closeDate, -random.int(15, 120)) : ''
  };
}

/** An open deal; registered ones are the deal-hygiene population. */
function openDeal(context: PartnerContext, registered: boolean, withNextStep: boolean): Deal {
  const { random } = context;
  const type = businessType(random);
  const closeDate = randomDate(random, addDays(EVALUATION_DATE, 10), addDays(EVALUATION_DATE, 180));
  return {
    name: dealName(random, type, closeDate),
    involvement: random.pick(INVOLVEMENT[context.scenario.type]),
    type,
    stage: random.pick(OPEN_STAGES),
    isClosed: false,
    isWon: false,
    closeDate,
    cents: randomCents(random, 8_000, 90_000),
    currency: 'USD',
    ownerId: random.pick(context.salesReps),
    nextStep: withNextStep ? random.pick(NEXT_STEPS) : '',
    registered,
    // The org requires a registration date on registered deals; the chance() call stays so the
    // generator's random stream (and so the rest of the sample) is unchanged.
    registeredOn: registered ? (random.chance(0.85) ? randomDate(random, '2026-02-01', INNER_END) : '2026-02-01') : ''
  };
}

/** Closed-won deals in the window: exactly the scenario's revenue, including its won renewals. */
function revenueDeals(context: PartnerContext): Deal[] {
  const { scenario, random } = context;
  const pinned = scenario.revenue.pinned ?? [];
  const renewalsWon = scenario.renewals?.won ?? 0;
  const rest = dollars(scenario.revenue.usd) - pinned.reduce((sum, deal) => sum + dollars(deal.amount), 0);
  const others = rest > 0 ? Math.min(10, Math.max(2, Math.round(rest / 8_000_000))) : 0;
  const amounts = splitCents(random, rest, renewalsWon + others);
  const deals = amounts.map((cents, index) =>
    closedDeal(
      context,
      {
        closeDate: randomDate(random, INNER_START, INNER_END),
        cents,
        type: index < renewalsWon ? 'Renewal' : undefined
      },
      true
    )
  );
  for (const deal of pinned)
    deals.push(closedDeal(context, { closeDate: deal.closeDate, cents: dollars(deal.amount) }, true));
  for (const deal of scenario.revenue.fx ?? []) {
    deals.push(
      closedDeal(context, { closeDate: deal.closeDate, cents: dollars(deal.amount), currency: deal.currency }, true)
    );
  }
  return deals;
}

function lostRenewals(context: PartnerContext): Deal[] {
  const { random } = context;
  return Array.from({ length: context.scenario.renewals?.lost ?? 0 }, () =>
    closedDeal(
      context,
      {
        closeDate: randomDate(random, INNER_START, INNER_END),
        cents: randomCents(random, 4_000, 40_000),
        type: 'Renewal'
      },
      false
    )
  );
}

/** Registered deals open on the evaluation date: `good` of them with an owner and a next step. */
function hygieneDeals(context: PartnerContext): Deal[] {
  const { scenario, random } = context;
  const edges = new Set(scenario.edges ?? []);
  const { good, total } = scenario.hygiene ?? { good: 0, total: 0 };
  const deals = Array.from({ length: total }, (_, index) => openDeal(context, true, index < good));
  if (edges.has('overdue-open-deal')) {
    // Still open although its close date has passed: open on the evaluation date, counts.
    deals[0].closeDate = addDays(EVALUATION_DATE, -random.int(5, 40));
    if (deals[0].registeredOn > deals[0].closeDate) deals[0].registeredOn = addDays(deals[0].closeDate, -30);
  }
  if (edges.has('registered-on-evaluation-date')) deals[Math.min(1, good - 1)].registeredOn = EVALUATION_DATE;
  if (edges.has('hygiene-deal-closed-after-evaluation')) {
    // Won on 2026-10-02: open on the evaluation date, so it is in the hygiene population (not in revenue).
    Object.assign(deals[good - 1], {
      stage: 'Closed Won',
      isClosed: true,
      isWon: true,
      closeDate: '2026-10-02',
      registeredOn: '2026-08-01'
    });
  }
  if (edges.has('owner-missing')) {
    // No owner but a next step: counts in the population, not as hygienic.
    Object.assign(deals[good], { ownerId: '', nextStep: random.pick(NEXT_STEPS) });
  }
  if (edges.has('registered-after-evaluation')) {
    // Registered after the evaluation date: not in the population although open.
    deals.push({ ...openDeal(context, true, false), registeredOn: '2026-10-02' });
  }
  return deals;
}

/** Records that never count: history, lost deals, unregistered open deals, deals closed after E. */
function noiseDeals(context: PartnerContext): Deal[] {
  const { scenario, random } = context;
  const deals: Deal[] = [];
  if (scenario.status === 'Prospect') return deals;
  const scale = scenario.tier === 'Elite' ? 90_000 : scenario.tier === 'Select' ? 45_000 : 20_000;
  if (context.hasHistory) {
    const from = context.onboardedOn && context.onboardedOn > HISTORY_START ? context.onboardedOn : HISTORY_START;
    for (let count = random.int(2, 5); count > 0; count--) {
      const currency = context.homeCurrency !== 'USD' && random.chance(0.4) ? context.homeCurrency : 'USD';
      const input = { closeDate: randomDate(random, from, LAST_HISTORY_DAY), cents: randomCents(random, 3_000, scale) };
      deals.push(closedDeal(context, { ...input, currency }, random.chance(0.7)));
    }
    if (scenario.type === 'Reseller') {
      for (let count = random.int(1, 3); count > 0; count--) {
        const input = {
          closeDate: randomDate(random, from, LAST_HISTORY_DAY),
          cents: randomCents(random, 4_000, 30_000)
        };
        deals.push(closedDeal(context, { ...input, type: 'Renewal' }, random.chance(0.8)));
      }
    }
  }
  if (scenario.priorQuarterRevenue) {
    const amounts = splitCents(random, dollars(scenario.priorQuarterRevenue), 3);
    for (const cents of amounts) {
      deals.push(closedDeal(context, { closeDate: randomDate(random, '2025-07-01', LAST_HISTORY_DAY), cents }, true));
    }
  }
  if (scenario.wonDayBeforeWindow) {
    const input = { closeDate: addDays(WINDOW_START, -1), cents: dollars(scenario.wonDayBeforeWindow) };
    deals.push(closedDeal(context, { ...input, involvement: 'Resold' }, true));
  }
  for (let count = random.int(1, 3); count > 0; count--) {
    const input = { closeDate: randomDate(random, INNER_START, INNER_END), cents: randomCents(random, 5_000, scale) };
    const currency = context.homeCurrency !== 'USD' && random.chance(0.5) ? context.homeCurrency : 'USD';
    deals.push(closedDeal(context, { ...input, currency }, false));
  }
  for (let count = random.int(0, 3); count > 0; count--) deals.push(openDeal(context, false, random.chance(0.6)));
  for (let count = random.int(0, 2); count > 0; count--) {
    const input = {
      closeDate: randomDate(random, addDays(EVALUATION_DATE, 1), LAST_RECORD_DATE),
      cents: randomCents(random, 5_000, scale)
    };
    deals.push({ ...closedDeal(context, input, random.chance(0.5)), registered: false, registeredOn: '' });
  }
  if ((scenario.edges ?? []).includes('won-without-involvement')) {
    const input = { closeDate: randomDate(random, INNER_START, INNER_END), cents: dollars(64_000), involvement: '' };
    deals.push(closedDeal(context, input, true));
  }
  return deals;
}

export function buildOpportunities(context: PartnerContext): { rows: Row[]; won: WonDeal[] } {
  const deals = [...revenueDeals(context), ...lostRenewals(context), ...hygieneDeals(context), ...noiseDeals(context)];
  // Created roughly in close-date order, like a real org's records.
  deals.sort((a, b) => (a.closeDate < b.closeDate ? -1 : a.closeDate > b.closeDate ? 1 : 0));
  const rows: Row[] = [];
  const won: WonDeal[] = [];
  for (const deal of deals) {
    const id = context.newId('Opportunity');
    if (deal.isWon) won.push({ id, closeDate: deal.closeDate });
    rows.push({
      Id: id,
      Name: deal.name,
      // A won deal without involvement cannot name the partner in the org (validation rule), so it is
      // a direct deal: it stays out of the partner's metrics, as a blank involvement would.
      Partner_Account__c: deal.involvement === '' ? '' : context.accountId,
      Partner_Involvement__c: deal.involvement,
      Type: deal.type,
      StageName: deal.stage,
      IsClosed: bool(deal.isClosed),
      IsWon: bool(deal.isWon),
      CloseDate: deal.closeDate,
      Amount: money(deal.cents),
      CurrencyIsoCode: deal.currency,
      OwnerId: deal.ownerId,
      NextStep: deal.nextStep,
      Deal_Registered__c: bool(deal.registered),
      Registered_On__c: deal.registeredOn
    });
  }
  return { rows, won };
}
