/*
 * The sample program's partners as explicit scenarios: who they are, their state before the
 * 2026-Q3 evaluation, the 2026-Q2 evaluation that produced that state, and the metric values their
 * records must produce (evaluation date 2026-09-30, window 2025-10-01..2026-09-30).
 *
 * records.ts turns each row into records that produce exactly these values; the expected decisions
 * are written by hand in scripts/__tests__/golden/sample-expected.json and explained in
 * data/sample/README.md. Change a row only together with those two files.
 */
import type { ForeignCurrency } from './reference.ts';

export type PartnerType = 'Reseller' | 'Service' | 'ISV';
export type Tier = 'Registered' | 'Select' | 'Elite';
export type Status = 'Active' | 'Suspended' | 'Onboarding' | 'Prospect';
export type Outcome = 'Promoted' | 'Retained' | 'Recovered' | 'Grace' | 'Demoted' | 'Held by Exception';

/** The stored 2026-Q2 evaluation; its resulting tier is the scenario's `tier`. */
export interface Q2Evaluation {
  previousTier: Tier;
  outcome: Outcome;
  qualifiedTier: Tier;
  previousGraceUntil?: string;
}

export interface ExceptionSpec {
  tier: Tier;
  startsOn: string;
  expiresOn: string;
  reason: string;
}

export interface UsdDeal {
  amount: number;
  closeDate: string;
}

export interface FxDeal extends UsdDeal {
  currency: ForeignCurrency;
}

/** Named edge cases the record builder plants for a partner (see records.ts). */
export type Edge =
  | 'review-on-window-start'
  | 'reviews-outside-window-only'
  | 'cert-expires-on-evaluation-date'
  | 'certification-without-issue-date'
  | 'lapsed-certifications'
  | 'hygiene-deal-closed-after-evaluation'
  | 'registered-after-evaluation'
  | 'registered-on-evaluation-date'
  | 'owner-missing'
  | 'overdue-open-deal'
  | 'evidence-after-evaluation'
  | 'unverified-integration'
  | 'integration-before-window'
  | 'won-without-involvement';

export interface Scenario {
  key: string;
  name: string;
  type: PartnerType;
  country: string;
  status: Status;
  /** Tier__c before the evaluation; null = blank (means Registered). */
  tier: Tier | null;
  graceUntil?: string;
  /** Defaults to a date years back; null = blank. */
  onboardedOn?: string | null;
  /** Required for Active partners (except one activated during 2026-Q3). */
  q2?: Q2Evaluation;
  exceptions?: ExceptionSpec[];
  /**
   * Closed-won partner revenue in the window. `usd` is the whole USD-denominated part (including
   * `pinned` deals); `fx` deals are converted with the dated rate of their close date.
   */
  revenue: { usd: number; pinned?: UsdDeal[]; fx?: FxDeal[] };
  /** Delivery reviews in the window: count, sum of CSAT scores, how many escalated. */
  reviews?: { count: number; sum: number; escalated?: number };
  /** Renewal opportunities closed in the window; the won ones are part of the revenue. */
  renewals?: { won: number; lost: number };
  /** Registered deals open on the evaluation date, and how many have an owner and a next step. */
  hygiene?: { good: number; total: number };
  /** Distinct contacts with a counting certification. */
  certified: number;
  /** Verified evidence: days from the newest one to the evaluation date, integrations, SOWs/playbooks. */
  evidence?: { ageDays: number; integrations?: number; sows?: number };
  /** A won deal closed on 2025-09-30, the day before the window (does not count). */
  wonDayBeforeWindow?: number;
  /** Won revenue in 2025-Q3 (before the window), for partners whose Q2 window was still strong. */
  priorQuarterRevenue?: number;
  edges?: Edge[];
  /** One line for data/sample/README.md. */
  story: string;
}

const retained = (tier: Tier): Q2Evaluation => ({ previousTier: tier, outcome: 'Retained', qualifiedTier: tier });
const GRACE_FROM_Q2 = '2026-09-30';

export const SCENARIOS: Scenario[] = [
  /* ----------------------------------------------------------------- Elite, retained */
  {
    key: 'retained-elite-reseller-eur',
    name: 'Rheinbrück Systemhaus GmbH',
    type: 'Reseller',
    country: 'Germany',
    status: 'Active',
    tier: 'Elite',
    q2: retained('Elite'),
    revenue: {
      usd: 1_120_000,
      fx: [
        { currency: 'EUR', amount: 64_000, closeDate: '2026-02-10' },
        { currency: 'EUR', amount: 58_750, closeDate: '2026-06-15' }
      ]
    },
    reviews: { count: 12, sum: 1122, escalated: 1 },
    renewals: { won: 14, lost: 1 },
    hygiene: { good: 18, total: 20 },
    certified: 9,
    evidence: { ageDays: 21, sows: 1 },
    edges: ['owner-missing'],
    story: 'Large German reseller, EUR and USD deals, comfortably Elite; one registered deal has no owner.'
  },
  {
    key: 'retained-elite-service',
    name: 'Fernhollow Consulting',
    type: 'Service',
    country: 'United States',
    status: 'Active',
    tier: 'Elite',
    q2: retained('Elite'),
    revenue: { usd: 742_300 },
    reviews: { count: 15, sum: 1413 },
    hygiene: { good: 9, total: 10 },
    certified: 12,
    evidence: { ageDays: 14, sows: 3 },
    edges: ['overdue-open-deal'],
    story: 'Delivery-focused consultancy, comfortably Elite; one registered deal is still open past its close date.'
  },
  {
    key: 'retained-elite-isv-gbp-exception',
    name: 'Quillmere Software Ltd',
    type: 'ISV',
    country: 'United Kingdom',
    status: 'Active',
    tier: 'Elite',
    q2: retained('Elite'),
    exceptions: [
      {
        tier: 'Elite',
        startsOn: '2026-07-01',
        expiresOn: '2026-12-31',
        reason: 'Product re-platforming in H2 2026; granted as a precaution.'
      }
    ],
    revenue: {
      usd: 690_000,
      fx: [
        { currency: 'GBP', amount: 45_000, closeDate: '2025-10-01' },
        { currency: 'GBP', amount: 72_300, closeDate: '2026-05-12' }
      ]
    },
    reviews: { count: 8, sum: 730, escalated: 1 },
    renewals: { won: 6, lost: 1 },
    hygiene: { good: 11, total: 12 },
    certified: 7,
    evidence: { ageDays: 35, integrations: 4 },
    story:
      'UK ISV with GBP deals (one on the first window day), meets Elite; an unneeded active exception changes nothing.'
  },
  {
    key: 'retained-elite-exact-thresholds',
    name: 'Copperleaf Commerce Partners',
    type: 'Reseller',
    country: 'United States',
    status: 'Active',
    tier: 'Elite',
    q2: { previousTier: 'Select', outcome: 'Promoted', qualifiedTier: 'Elite' },
    revenue: { usd: 560_000 },
    reviews: { count: 10, sum: 900 },
    renewals: { won: 17, lost: 3 },
    hygiene: { good: 17, total: 20 },
    certified: 5,
    evidence: { ageDays: 180 },
    edges: ['registered-on-evaluation-date'],
    story:
      'Elite reseller exactly on every Elite threshold: CSAT 90.0, renewals 85 %, hygiene 85 %, 5 people, 180 days.'
  },
  {
    key: 'retained-elite-isv-gbp',
    name: 'Fathom Ledger Ltd',
    type: 'ISV',
    country: 'United Kingdom',
    status: 'Active',
    tier: 'Elite',
    q2: retained('Elite'),
    revenue: { usd: 860_000, fx: [{ currency: 'GBP', amount: 150_000, closeDate: '2026-03-03' }] },
    reviews: { count: 9, sum: 828 },
    hygiene: { good: 14, total: 15 },
    certified: 8,
    evidence: { ageDays: 12, integrations: 5 },
    story: 'UK ISV, five validated integrations, comfortably Elite.'
  },
  {
    key: 'retained-elite-service-recovered-in-q2',
    name: 'Hollis & Quade Advisory',
    type: 'Service',
    country: 'United States',
    status: 'Active',
    tier: 'Elite',
    q2: { previousTier: 'Elite', outcome: 'Recovered', qualifiedTier: 'Elite', previousGraceUntil: '2026-06-30' },
    revenue: { usd: 598_400 },
    reviews: { count: 5, sum: 480, escalated: 1 },
    hygiene: { good: 6, total: 7 },
    certified: 6,
    evidence: { ageDays: 160, sows: 2 },
    story: 'Elite consultancy that recovered from a Q1 grace period in Q2 and stays Elite.'
  },

  /* ------------------------------------------------------------------------ promotions */
  {
    key: 'promote-registered-select-reseller',
    name: 'Bramblewood Technologies',
    type: 'Reseller',
    country: 'United States',
    status: 'Active',
    tier: 'Registered',
    q2: retained('Registered'),
    revenue: { usd: 212_480 },
    reviews: { count: 7, sum: 595 },
    renewals: { won: 3, lost: 1 },
    hygiene: { good: 6, total: 8 },
    certified: 3,
    evidence: { ageDays: 240 },
    edges: ['review-on-window-start'],
    story: 'Registered reseller that now meets every Select criterion (a review on the first window day counts).'
  },
  {
    key: 'promote-registered-select-service',
    name: 'Blue Heron Implementation Partners',
    type: 'Service',
    country: 'United States',
    status: 'Active',
    tier: 'Registered',
    q2: retained('Registered'),
    revenue: { usd: 131_900 },
    reviews: { count: 5, sum: 442 },
    hygiene: { good: 5, total: 6 },
    certified: 4,
    evidence: { ageDays: 130 },
    story: 'Registered consultancy that meets Select; no SOW yet, so far from Elite.'
  },
  {
    key: 'promote-registered-select-eur',
    name: 'Nordlicht Datenwerk GmbH',
    type: 'ISV',
    country: 'Germany',
    status: 'Active',
    tier: 'Registered',
    q2: retained('Registered'),
    revenue: {
      usd: 0,
      fx: [
        { currency: 'EUR', amount: 38_000, closeDate: '2025-11-18' },
        { currency: 'EUR', amount: 27_500, closeDate: '2026-04-01' },
        { currency: 'EUR', amount: 33_400, closeDate: '2026-08-20' }
      ]
    },
    reviews: { count: 4, sum: 334 },
    hygiene: { good: 3, total: 4 },
    certified: 3,
    evidence: { ageDays: 150, integrations: 1 },
    story: 'German ISV selling only in EUR: EUR 98,900 nominal is USD 108,511.59 converted, so it reaches Select.'
  },
  {
    key: 'promote-registered-select-revenue-exact',
    name: 'Tidewater Cloud Resale',
    type: 'Reseller',
    country: 'United States',
    status: 'Active',
    tier: 'Registered',
    q2: retained('Registered'),
    revenue: { usd: 100_000, pinned: [{ amount: 23_750, closeDate: '2025-10-01' }] },
    reviews: { count: 6, sum: 522 },
    renewals: { won: 3, lost: 1 },
    hygiene: { good: 3, total: 4 },
    certified: 3,
    evidence: { ageDays: 60 },
    wonDayBeforeWindow: 41_200,
    story:
      'Revenue exactly USD 100,000.00 including a deal closed on 2025-10-01; a deal closed 2025-09-30 does not count.'
  },
  {
    key: 'promote-registered-select-cert-expiring-on-evaluation-date',
    name: 'Clearpath Delivery Co.',
    type: 'Service',
    country: 'United States',
    status: 'Active',
    tier: 'Registered',
    q2: { previousTier: 'Select', outcome: 'Demoted', qualifiedTier: 'Registered', previousGraceUntil: '2026-06-30' },
    revenue: { usd: 164_000 },
    reviews: { count: 9, sum: 756, escalated: 1 },
    hygiene: { good: 7, total: 9 },
    certified: 2,
    evidence: { ageDays: 45, sows: 1 },
    edges: ['cert-expires-on-evaluation-date'],
    story: 'Exactly 2 certified people, one of whom holds a certification expiring on 2026-09-30: back to Select.'
  },
  {
    key: 'promote-registered-select-exact-boundaries',
    name: 'Tessellate Data Works',
    type: 'ISV',
    country: 'United States',
    status: 'Active',
    tier: 'Registered',
    q2: retained('Registered'),
    revenue: { usd: 118_000 },
    reviews: { count: 5, sum: 400 },
    hygiene: { good: 7, total: 10 },
    certified: 3,
    evidence: { ageDays: 365, integrations: 1 },
    edges: ['hygiene-deal-closed-after-evaluation', 'registered-after-evaluation'],
    story:
      'CSAT exactly 80.0, hygiene exactly 70 % (one registered deal closed after 2026-09-30 still counts as open), evidence exactly 365 days old.'
  },
  {
    key: 'promote-registered-elite-gbp',
    name: 'Ashgrove Digital Ltd',
    type: 'Reseller',
    country: 'United Kingdom',
    status: 'Active',
    tier: 'Registered',
    q2: retained('Registered'),
    revenue: {
      usd: 455_000,
      fx: [
        { currency: 'GBP', amount: 88_000, closeDate: '2026-01-20' },
        { currency: 'GBP', amount: 54_600, closeDate: '2026-09-30' }
      ]
    },
    reviews: { count: 11, sum: 1012, escalated: 1 },
    renewals: { won: 12, lost: 1 },
    hygiene: { good: 10, total: 11 },
    certified: 6,
    evidence: { ageDays: 40 },
    story: 'Registered UK reseller that meets every Elite criterion: skips Select.'
  },
  {
    key: 'promote-registered-elite-service',
    name: 'Orchard Lane Consulting',
    type: 'Service',
    country: 'United States',
    status: 'Active',
    tier: 'Registered',
    q2: retained('Registered'),
    revenue: { usd: 515_600 },
    reviews: { count: 8, sum: 748 },
    hygiene: { good: 9, total: 10 },
    certified: 5,
    evidence: { ageDays: 75, sows: 2 },
    story: 'Registered consultancy that meets every Elite criterion: skips Select.'
  },
  {
    key: 'promote-select-elite-reseller',
    name: 'Summit Lantern Solutions',
    type: 'Reseller',
    country: 'United States',
    status: 'Active',
    tier: 'Select',
    q2: retained('Select'),
    revenue: { usd: 812_000 },
    reviews: { count: 10, sum: 914, escalated: 1 },
    renewals: { won: 9, lost: 1 },
    hygiene: { good: 12, total: 13 },
    certified: 8,
    evidence: { ageDays: 55 },
    story: 'Select reseller that now meets every Elite criterion.'
  },
  {
    key: 'promote-select-elite-isv-cad',
    name: 'Boreal Signal Inc.',
    type: 'ISV',
    country: 'Canada',
    status: 'Active',
    tier: 'Select',
    q2: { previousTier: 'Registered', outcome: 'Promoted', qualifiedTier: 'Select' },
    revenue: {
      usd: 405_000,
      fx: [
        { currency: 'CAD', amount: 120_000, closeDate: '2026-02-27' },
        { currency: 'CAD', amount: 98_500, closeDate: '2026-09-15' }
      ]
    },
    reviews: { count: 6, sum: 543 },
    hygiene: { good: 6, total: 7 },
    certified: 5,
    evidence: { ageDays: 100, integrations: 3 },
    story: 'Canadian ISV promoted to Select in Q2, now Elite with USD and CAD revenue.'
  },
  {
    key: 'promote-select-elite-service',
    name: 'Ridgeway Service Architects',
    type: 'Service',
    country: 'United States',
    status: 'Active',
    tier: 'Select',
    q2: retained('Select'),
    revenue: { usd: 702_000 },
    reviews: { count: 12, sum: 1140 },
    hygiene: { good: 8, total: 8 },
    certified: 10,
    evidence: { ageDays: 10, sows: 4 },
    story: 'Select consultancy that now meets every Elite criterion.'
  },
  {
    key: 'promote-registered-select-gbp',
    name: 'Kelpie Analytics Ltd',
    type: 'ISV',
    country: 'United Kingdom',
    status: 'Active',
    tier: 'Registered',
    q2: retained('Registered'),
    revenue: { usd: 110_000, fx: [{ currency: 'GBP', amount: 31_200, closeDate: '2026-08-04' }] },
    reviews: { count: 6, sum: 534 },
    hygiene: { good: 9, total: 12 },
    certified: 2,
    evidence: { ageDays: 100, integrations: 1 },
    story: 'UK ISV with USD and GBP revenue reaching Select.'
  },

  /* ------------------------------------------------------------------ Select, retained */
  {
    key: 'retained-select-reseller-renewals-only',
    name: 'Ironbark Systems',
    type: 'Reseller',
    country: 'Australia',
    status: 'Active',
    tier: 'Select',
    q2: retained('Select'),
    revenue: { usd: 690_000 },
    reviews: { count: 8, sum: 744 },
    renewals: { won: 7, lost: 3 },
    hygiene: { good: 9, total: 10 },
    certified: 6,
    evidence: { ageDays: 30 },
    story: 'Select reseller meeting every Elite criterion except the renewal rate (70 %): stays Select, near upgrade.'
  },
  {
    key: 'retained-select-isv-one-integration',
    name: 'Vantage Orchard Software',
    type: 'ISV',
    country: 'United States',
    status: 'Active',
    tier: 'Select',
    q2: { previousTier: 'Registered', outcome: 'Promoted', qualifiedTier: 'Select' },
    revenue: { usd: 610_000 },
    reviews: { count: 5, sum: 460 },
    hygiene: { good: 11, total: 12 },
    certified: 5,
    evidence: { ageDays: 60, integrations: 1 },
    edges: ['unverified-integration'],
    story:
      'ISV meeting every Elite criterion but with 1 validated integration (a 2nd is unverified, a 3rd dated after 2026-09-30).'
  },
  {
    key: 'retained-select-service-no-sow',
    name: 'Lanternfish Consulting',
    type: 'Service',
    country: 'United States',
    status: 'Active',
    tier: 'Select',
    q2: retained('Select'),
    revenue: { usd: 240_000 },
    reviews: { count: 6, sum: 528 },
    hygiene: { good: 4, total: 5 },
    certified: 3,
    evidence: { ageDays: 200 },
    story: 'Select consultancy without a verified SOW or playbook.'
  },
  {
    key: 'retained-select-near-upgrade',
    name: 'Meridian Falls Technology',
    type: 'Reseller',
    country: 'United States',
    status: 'Active',
    tier: 'Select',
    q2: retained('Select'),
    revenue: { usd: 330_500 },
    reviews: { count: 8, sum: 692, escalated: 1 },
    renewals: { won: 8, lost: 2 },
    hygiene: { good: 7, total: 9 },
    certified: 4,
    evidence: { ageDays: 110 },
    edges: ['won-without-involvement'],
    story: 'Select reseller at about 88 % of the way to Elite; a won deal without involvement does not count.'
  },
  {
    key: 'retained-select-near-upgrade-exactly-80',
    name: 'Tamarack Advisory Group',
    type: 'Service',
    country: 'Canada',
    status: 'Active',
    tier: 'Select',
    q2: retained('Select'),
    revenue: { usd: 200_000 },
    reviews: { count: 7, sum: 644 },
    hygiene: { good: 9, total: 10 },
    certified: 2,
    evidence: { ageDays: 90, sows: 2 },
    edges: ['certification-without-issue-date'],
    story: 'Select consultancy whose progress to Elite is exactly 80 %: near upgrade.'
  },
  {
    key: 'retained-select-progress-78',
    name: 'Cobalt Prairie Partners',
    type: 'Reseller',
    country: 'United States',
    status: 'Active',
    tier: 'Select',
    q2: retained('Select'),
    revenue: { usd: 150_000 },
    reviews: { count: 6, sum: 543 },
    renewals: { won: 8, lost: 4 },
    hygiene: { good: 6, total: 7 },
    certified: 3,
    evidence: { ageDays: 120 },
    story: 'Select reseller at about 78 % of the way to Elite: not near upgrade.'
  },
  {
    key: 'retained-select-isv',
    name: 'Pebblestack Labs',
    type: 'ISV',
    country: 'United States',
    status: 'Active',
    tier: 'Select',
    q2: retained('Select'),
    revenue: { usd: 180_000 },
    reviews: { count: 5, sum: 410 },
    hygiene: { good: 5, total: 7 },
    certified: 2,
    evidence: { ageDays: 300 },
    story: 'Select ISV with no validated integration yet.'
  },
  {
    key: 'retained-select-service',
    name: 'Driftwood CRM Services',
    type: 'Service',
    country: 'United States',
    status: 'Active',
    tier: 'Select',
    q2: retained('Select'),
    revenue: { usd: 155_000 },
    reviews: { count: 8, sum: 648 },
    hygiene: { good: 5, total: 7 },
    certified: 2,
    evidence: { ageDays: 350 },
    story: 'Select consultancy close to the Select floor on every criterion.'
  },
  {
    key: 'retained-select-reseller-eur',
    name: 'Vallée Bleue Informatique',
    type: 'Reseller',
    country: 'France',
    status: 'Active',
    tier: 'Select',
    q2: retained('Select'),
    revenue: {
      usd: 180_000,
      fx: [
        { currency: 'EUR', amount: 41_000, closeDate: '2025-10-21' },
        { currency: 'EUR', amount: 36_250, closeDate: '2026-06-30' }
      ]
    },
    reviews: { count: 6, sum: 498 },
    renewals: { won: 3, lost: 3 },
    hygiene: { good: 8, total: 11 },
    certified: 3,
    evidence: { ageDays: 190 },
    story: 'French reseller with USD and EUR revenue, stays Select.'
  },

  /* -------------------------------------------------------------- Registered, retained */
  {
    key: 'retained-registered-deal-before-window',
    name: 'Granite Bay Resellers',
    type: 'Reseller',
    country: 'United States',
    status: 'Active',
    tier: 'Registered',
    q2: retained('Registered'),
    revenue: { usd: 62_000 },
    reviews: { count: 4, sum: 336 },
    renewals: { won: 1, lost: 1 },
    hygiene: { good: 3, total: 4 },
    certified: 2,
    evidence: { ageDays: 90 },
    wonDayBeforeWindow: 50_000,
    story: 'Would reach USD 112,000 if the deal closed on 2025-09-30 counted; it does not, so it stays Registered.'
  },
  {
    key: 'retained-registered-no-data',
    name: 'Corriedale Consulting',
    type: 'Service',
    country: 'United States',
    status: 'Active',
    tier: 'Registered',
    onboardedOn: '2026-02-02',
    q2: retained('Registered'),
    revenue: { usd: 0 },
    certified: 0,
    story: 'New consultancy with no won revenue, no reviews, no registered deals, no certifications, no evidence.'
  },
  {
    key: 'retained-registered-isv-partial',
    name: 'Cinderpath Apps',
    type: 'ISV',
    country: 'United States',
    status: 'Active',
    tier: 'Registered',
    q2: retained('Registered'),
    revenue: { usd: 45_000 },
    certified: 1,
    evidence: { ageDays: 200, integrations: 1 },
    story: 'Small ISV without delivery reviews or registered deals (no data for CSAT and hygiene).'
  },
  {
    key: 'retained-registered-cad-below',
    name: 'Maple Crest Distribution Inc.',
    type: 'Reseller',
    country: 'Canada',
    status: 'Active',
    tier: 'Registered',
    q2: retained('Registered'),
    revenue: {
      usd: 0,
      fx: [
        { currency: 'CAD', amount: 46_200, closeDate: '2025-12-09' },
        { currency: 'CAD', amount: 39_800, closeDate: '2026-03-31' },
        { currency: 'CAD', amount: 42_400, closeDate: '2026-07-22' }
      ]
    },
    reviews: { count: 4, sum: 340 },
    hygiene: { good: 4, total: 5 },
    certified: 2,
    evidence: { ageDays: 70 },
    story: 'Canadian reseller selling in CAD: CAD 128,400 nominal is only USD 94,219.06, so it stays Registered.'
  },
  {
    key: 'retained-registered-no-csat',
    name: 'Kettle Creek Implementations',
    type: 'Service',
    country: 'United States',
    status: 'Active',
    tier: 'Registered',
    q2: retained('Registered'),
    revenue: { usd: 140_000 },
    hygiene: { good: 2, total: 2 },
    certified: 1,
    evidence: { ageDays: 30, sows: 1 },
    story: 'Enough revenue but no delivery review in the window and only 1 certified person.'
  },
  {
    key: 'retained-registered-small-reseller',
    name: 'Sandpiper Software Supply',
    type: 'Reseller',
    country: 'United States',
    status: 'Active',
    tier: 'Registered',
    q2: retained('Registered'),
    revenue: { usd: 28_750 },
    reviews: { count: 3, sum: 234 },
    hygiene: { good: 1, total: 3 },
    certified: 1,
    evidence: { ageDays: 400 },
    story: 'Small reseller below Select on most criteria.'
  },
  {
    key: 'retained-registered-blank-tier',
    name: 'Lodestar Forms',
    type: 'ISV',
    country: 'United States',
    status: 'Active',
    tier: null,
    onboardedOn: '2026-08-10',
    revenue: { usd: 12_000 },
    hygiene: { good: 1, total: 1 },
    certified: 2,
    evidence: { ageDays: 20, integrations: 1 },
    story: 'Activated in August 2026 with a blank tier (= Registered) and no 2026-Q2 evaluation.'
  },
  {
    key: 'retained-registered-hygiene',
    name: 'Gullwing Integrations',
    type: 'ISV',
    country: 'United States',
    status: 'Active',
    tier: 'Registered',
    q2: { previousTier: 'Select', outcome: 'Demoted', qualifiedTier: 'Registered', previousGraceUntil: '2026-06-30' },
    revenue: { usd: 105_000 },
    reviews: { count: 5, sum: 430 },
    hygiene: { good: 11, total: 20 },
    certified: 2,
    evidence: { ageDays: 100, integrations: 1 },
    story: 'Demoted in Q2; meets Select except deal hygiene (55 %).'
  },
  {
    key: 'retained-registered-small-service',
    name: 'Saltmarsh Advisory',
    type: 'Service',
    country: 'United States',
    status: 'Active',
    tier: 'Registered',
    q2: retained('Registered'),
    revenue: { usd: 35_000 },
    reviews: { count: 5, sum: 395 },
    hygiene: { good: 2, total: 4 },
    certified: 1,
    evidence: { ageDays: 500 },
    story: 'Small consultancy below Select on every criterion, evidence older than a year.'
  },

  /* ------------------------------------------------------------------------- recovered */
  {
    key: 'recovered-select-service',
    name: 'Amberfield Consulting Group',
    type: 'Service',
    country: 'United States',
    status: 'Active',
    tier: 'Select',
    graceUntil: GRACE_FROM_Q2,
    q2: { previousTier: 'Select', outcome: 'Grace', qualifiedTier: 'Registered' },
    revenue: { usd: 180_000 },
    reviews: { count: 5, sum: 420 },
    hygiene: { good: 6, total: 8 },
    certified: 2,
    evidence: { ageDays: 120, sows: 1 },
    story: 'In grace since Q2 (CSAT); CSAT is back to 84.0 and every Select criterion is met.'
  },
  {
    key: 'recovered-elite-isv',
    name: 'Brackenridge Software',
    type: 'ISV',
    country: 'United States',
    status: 'Active',
    tier: 'Elite',
    graceUntil: GRACE_FROM_Q2,
    q2: { previousTier: 'Elite', outcome: 'Grace', qualifiedTier: 'Select' },
    revenue: { usd: 530_000 },
    reviews: { count: 7, sum: 637 },
    hygiene: { good: 7, total: 8 },
    certified: 6,
    evidence: { ageDays: 90, integrations: 2 },
    edges: ['integration-before-window'],
    story: 'In grace since Q2 (revenue); meets Elite again. One of its 2 integrations predates the window and counts.'
  },

  /* --------------------------------------------------------------------- grace started */
  {
    key: 'grace-elite-revenue-94',
    name: 'Skylark Metrics',
    type: 'ISV',
    country: 'United States',
    status: 'Active',
    tier: 'Elite',
    q2: retained('Elite'),
    revenue: { usd: 470_000 },
    reviews: { count: 6, sum: 555 },
    hygiene: { good: 10, total: 11 },
    certified: 7,
    evidence: { ageDays: 45, integrations: 3 },
    story: 'Elite ISV with revenue USD 470,000 (94 % of 500,000), everything else met: grace.'
  },
  {
    key: 'grace-select-csat-exactly-90-percent',
    name: 'Wrenfield Partners',
    type: 'Service',
    country: 'United States',
    status: 'Active',
    tier: 'Select',
    q2: retained('Select'),
    revenue: { usd: 210_000 },
    reviews: { count: 5, sum: 360 },
    hygiene: { good: 5, total: 6 },
    certified: 2,
    evidence: { ageDays: 150, sows: 1 },
    story: 'Select consultancy with CSAT exactly 72.0 = 90 % of 80: a narrow miss, grace.'
  },
  {
    key: 'grace-elite-two-narrow-misses',
    name: 'Redfern Channel Group',
    type: 'Reseller',
    country: 'United States',
    status: 'Active',
    tier: 'Elite',
    q2: retained('Elite'),
    revenue: { usd: 720_000 },
    reviews: { count: 8, sum: 752 },
    renewals: { won: 8, lost: 2 },
    hygiene: { good: 9, total: 10 },
    certified: 6,
    evidence: { ageDays: 198 },
    story:
      'Elite reseller with evidence 198 days old (exactly 110 % of 180) and renewals 80 %: two narrow misses, grace.'
  },
  {
    key: 'grace-select-after-expired-grace-and-exception',
    name: 'Oxbow Technology Resale',
    type: 'Reseller',
    country: 'United States',
    status: 'Active',
    tier: 'Select',
    graceUntil: '2026-06-30',
    q2: {
      previousTier: 'Select',
      outcome: 'Held by Exception',
      qualifiedTier: 'Registered',
      previousGraceUntil: '2026-06-30'
    },
    exceptions: [
      {
        tier: 'Select',
        startsOn: '2026-04-01',
        expiresOn: '2026-06-30',
        reason: 'Lead consultant on parental leave; re-certification scheduled.'
      }
    ],
    revenue: { usd: 150_000 },
    reviews: { count: 6, sum: 462 },
    renewals: { won: 5, lost: 1 },
    hygiene: { good: 6, total: 8 },
    certified: 2,
    evidence: { ageDays: 200 },
    story:
      'Grace ended 2026-06-30 and its exception expired the same day; CSAT 77.0 is a narrow miss, so a new grace starts.'
  },
  {
    key: 'grace-select-two-narrow-misses',
    name: 'Juniper Row Consulting',
    type: 'Service',
    country: 'United States',
    status: 'Active',
    tier: 'Select',
    q2: retained('Select'),
    revenue: { usd: 190_000 },
    reviews: { count: 8, sum: 592 },
    hygiene: { good: 13, total: 20 },
    certified: 3,
    evidence: { ageDays: 100, sows: 1 },
    story: 'Select consultancy narrowly missing CSAT (74.0) and hygiene (65 %): grace.'
  },

  /* --------------------------------------------------------- demoted after grace ran out */
  {
    key: 'demoted-after-grace-select',
    name: 'Foxglove Service Partners',
    type: 'Service',
    country: 'United States',
    status: 'Active',
    tier: 'Select',
    graceUntil: GRACE_FROM_Q2,
    q2: { previousTier: 'Select', outcome: 'Grace', qualifiedTier: 'Registered' },
    revenue: { usd: 150_000 },
    reviews: { count: 6, sum: 468 },
    hygiene: { good: 4, total: 5 },
    certified: 2,
    evidence: { ageDays: 140, sows: 1 },
    story: 'In grace since Q2; CSAT 78.0 still narrowly misses Select: demoted to Registered.'
  },
  {
    key: 'demoted-after-grace-elite',
    name: 'Wavecrest Payments Software',
    type: 'ISV',
    country: 'United States',
    status: 'Active',
    tier: 'Elite',
    graceUntil: GRACE_FROM_Q2,
    q2: { previousTier: 'Elite', outcome: 'Grace', qualifiedTier: 'Select' },
    revenue: { usd: 480_000 },
    reviews: { count: 4, sum: 372 },
    hygiene: { good: 6, total: 6 },
    certified: 5,
    evidence: { ageDays: 60, integrations: 2 },
    story: 'In grace since Q2; revenue USD 480,000 still narrowly misses Elite: demoted to Select.'
  },

  /* ------------------------------------------------------------- demoted on a clear miss */
  {
    key: 'demoted-elite-select-stale-evidence',
    name: 'Starling Docs Inc.',
    type: 'ISV',
    country: 'United States',
    status: 'Active',
    tier: 'Elite',
    q2: retained('Elite'),
    revenue: { usd: 650_000 },
    reviews: { count: 6, sum: 549 },
    hygiene: { good: 12, total: 13 },
    certified: 6,
    evidence: { ageDays: 240, integrations: 2 },
    edges: ['evidence-after-evaluation'],
    story:
      'Newest verified evidence before 2026-09-30 is 240 days old (a newer one is dated 2026-10-02): clear miss, Elite to Select.'
  },
  {
    key: 'demoted-select-registered-csat',
    name: 'Pinecastle Solutions',
    type: 'Reseller',
    country: 'United States',
    status: 'Active',
    tier: 'Select',
    q2: retained('Select'),
    revenue: { usd: 280_000 },
    reviews: { count: 4, sum: 286 },
    renewals: { won: 6, lost: 2 },
    hygiene: { good: 7, total: 9 },
    certified: 3,
    evidence: { ageDays: 150 },
    story: 'CSAT 71.5 is 89.4 % of 80, just below a narrow miss: Select to Registered.'
  },
  {
    key: 'demoted-elite-registered',
    name: 'Glenmoor Implementation Co.',
    type: 'Service',
    country: 'United States',
    status: 'Active',
    tier: 'Elite',
    q2: retained('Elite'),
    revenue: { usd: 40_000 },
    reviews: { count: 6, sum: 528 },
    hygiene: { good: 8, total: 10 },
    certified: 1,
    evidence: { ageDays: 100, sows: 1 },
    priorQuarterRevenue: 540_000,
    edges: ['lapsed-certifications'],
    story: 'Revenue collapsed after 2025-Q3 and certifications lapsed in August 2026: Elite to Registered.'
  },
  {
    key: 'demoted-select-registered-no-csat',
    name: 'Willowmere Systems',
    type: 'Reseller',
    country: 'United States',
    status: 'Active',
    tier: 'Select',
    q2: retained('Select'),
    revenue: { usd: 220_000 },
    renewals: { won: 4, lost: 1 },
    hygiene: { good: 5, total: 6 },
    certified: 3,
    evidence: { ageDays: 80 },
    edges: ['reviews-outside-window-only'],
    story:
      'No delivery review inside the window (only before it and after 2026-09-30): CSAT no data, Select to Registered.'
  },

  /* ---------------------------------------------------------------------- exceptions */
  {
    key: 'held-by-exception-elite',
    name: 'Stonebridge Commerce Cloud',
    type: 'Reseller',
    country: 'United States',
    status: 'Active',
    tier: 'Elite',
    q2: retained('Elite'),
    exceptions: [
      {
        tier: 'Elite',
        startsOn: '2026-07-15',
        expiresOn: '2026-12-31',
        reason: 'Largest customer acquired in June 2026; pipeline rebuild plan approved.'
      }
    ],
    revenue: { usd: 310_000 },
    reviews: { count: 9, sum: 819 },
    renewals: { won: 9, lost: 1 },
    hygiene: { good: 9, total: 10 },
    certified: 4,
    evidence: { ageDays: 50 },
    priorQuarterRevenue: 420_000,
    story: 'Clearly misses Elite revenue and certifications; an active Elite exception holds it until 2026-12-31.'
  },
  {
    key: 'demoted-exception-expired',
    name: 'Marrowstone Consulting',
    type: 'Service',
    country: 'United States',
    status: 'Active',
    tier: 'Elite',
    q2: { previousTier: 'Elite', outcome: 'Held by Exception', qualifiedTier: 'Select' },
    exceptions: [
      {
        tier: 'Elite',
        startsOn: '2026-03-01',
        expiresOn: '2026-08-31',
        reason: 'Two architects leaving; replacements to certify by August.'
      }
    ],
    revenue: { usd: 540_000 },
    reviews: { count: 7, sum: 602 },
    hygiene: { good: 9, total: 10 },
    certified: 3,
    evidence: { ageDays: 70, sows: 1 },
    story:
      'Held by an Elite exception in Q2; it expired 2026-08-31 and 3 certified people is a clear miss: Elite to Select.'
  },
  {
    key: 'demoted-exception-lower-tier',
    name: 'Corvid Workflow Inc.',
    type: 'ISV',
    country: 'United States',
    status: 'Active',
    tier: 'Elite',
    q2: retained('Elite'),
    exceptions: [
      {
        tier: 'Select',
        startsOn: '2026-06-01',
        expiresOn: '2026-11-30',
        reason: 'Merger integration: guaranteed at least Select.'
      }
    ],
    revenue: { usd: 260_000 },
    reviews: { count: 10, sum: 950 },
    hygiene: { good: 12, total: 12 },
    certified: 8,
    evidence: { ageDays: 30, integrations: 2 },
    priorQuarterRevenue: 480_000,
    story: 'Clearly misses Elite revenue; its active exception is only for Select, so it does not hold Elite.'
  },
  {
    key: 'held-by-exception-expiring-on-evaluation-date',
    name: 'Larkspur Digital Supply',
    type: 'Reseller',
    country: 'United States',
    status: 'Active',
    tier: 'Select',
    q2: { previousTier: 'Select', outcome: 'Held by Exception', qualifiedTier: 'Registered' },
    exceptions: [
      {
        tier: 'Select',
        startsOn: '2026-04-01',
        expiresOn: '2026-09-30',
        reason: 'Distribution agreement renegotiation.'
      }
    ],
    revenue: { usd: 40_000 },
    reviews: { count: 5, sum: 425 },
    renewals: { won: 3, lost: 0 },
    hygiene: { good: 4, total: 5 },
    certified: 2,
    evidence: { ageDays: 100 },
    story: 'Clearly misses Select revenue; its Select exception expires on 2026-09-30 and still holds.'
  },
  {
    key: 'demoted-exception-not-started',
    name: 'Halcyon Field Services',
    type: 'Service',
    country: 'United States',
    status: 'Active',
    tier: 'Select',
    q2: retained('Select'),
    exceptions: [
      {
        tier: 'Select',
        startsOn: '2026-10-01',
        expiresOn: '2027-03-31',
        reason: 'Approved 2026-09-28 for the Q4 field-service programme.'
      }
    ],
    revenue: { usd: 120_000 },
    reviews: { count: 6, sum: 360 },
    hygiene: { good: 6, total: 8 },
    certified: 2,
    evidence: { ageDays: 100, sows: 1 },
    story: 'CSAT 60.0 clearly misses Select; its exception only starts 2026-10-01: Select to Registered.'
  },

  /* ------------------------------------------------------------------------- skipped */
  {
    key: 'skipped-suspended-select',
    name: 'Quarry Hill Networks',
    type: 'Reseller',
    country: 'United States',
    status: 'Suspended',
    tier: 'Select',
    revenue: { usd: 180_000 },
    reviews: { count: 5, sum: 420 },
    renewals: { won: 2, lost: 1 },
    hygiene: { good: 3, total: 4 },
    certified: 2,
    evidence: { ageDays: 200 },
    story: 'Suspended during a contract dispute: skipped.'
  },
  {
    key: 'skipped-suspended-elite',
    name: 'Mossbank Data Inc.',
    type: 'ISV',
    country: 'United States',
    status: 'Suspended',
    tier: 'Elite',
    revenue: { usd: 700_000 },
    reviews: { count: 6, sum: 564 },
    hygiene: { good: 8, total: 9 },
    certified: 6,
    evidence: { ageDays: 40, integrations: 3 },
    story: 'Suspended for a compliance review although its data meets Elite: skipped.'
  },
  {
    key: 'skipped-onboarding-service',
    name: 'Thistledown Consulting',
    type: 'Service',
    country: 'United Kingdom',
    status: 'Onboarding',
    tier: null,
    onboardedOn: null,
    revenue: { usd: 0 },
    certified: 1,
    evidence: { ageDays: 25, sows: 1 },
    story: 'Still onboarding, blank tier: skipped.'
  },
  {
    key: 'skipped-onboarding-isv',
    name: 'Peregrine Scheduling Ltd',
    type: 'ISV',
    country: 'Ireland',
    status: 'Onboarding',
    tier: null,
    onboardedOn: null,
    revenue: { usd: 15_000 },
    hygiene: { good: 1, total: 2 },
    certified: 2,
    evidence: { ageDays: 10, integrations: 1 },
    story: 'Still onboarding with a first deal won: skipped.'
  },
  {
    key: 'skipped-prospect',
    name: 'Brightwater Solutions Co.',
    type: 'Reseller',
    country: 'United States',
    status: 'Prospect',
    tier: null,
    onboardedOn: null,
    revenue: { usd: 0 },
    certified: 0,
    story: 'Prospect that has not signed the partner agreement: skipped.'
  }
];
