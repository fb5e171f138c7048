/*
 * Market development funds in the sample (DESIGN.md §4): budgets per fiscal quarter, region and
 * eligible tier, requests in every state, claims in every state, and the campaigns the requests are
 * linked to. Written as a table by hand, so the figures of the `mdf` report can be checked by hand
 * (scripts/cli/__tests__/mdf.test.ts): one budget nearly fully committed, requests and claims that
 * wait longer than 14 days on the export date (2026-10-05) (of the two claims waiting for approval,
 * one 21 days, one 4), a request without campaign, a partner with approved MDF but nothing paid yet.
 *
 * Built after every other table with its own id factory, so the other files and their Ids do not
 * change. The generator checks the workflow rules the server enforces: only Select and Elite
 * partners get MDF (Tier_Benefit__mdt), within the tier's cap per quarter, approved totals within
 * the budget, approved at most what was requested, claims only on approved requests and at most the
 * approved amount, a comment on every rejection. Amounts are in the corporate currency (USD).
 */
import { mdfAllowance, type MdfBenefit } from '../../force-app/main/default/lwc/mdfRules/mdfRules.ts';
import { createIdFactory, type KeyPrefixObject } from './ids.ts';
import { createRandom } from './random.ts';
import { money, type Row, type Tables } from './tables.ts';

const SEED = 20261006;

/** Region of the budgets a partner draws on, by billing country (MDF_Budget__c.Region__c values). */
export const REGION_OF_COUNTRY: Record<string, string> = {
  'United States': 'North America',
  Canada: 'North America',
  'United Kingdom': 'UK & Ireland',
  Ireland: 'UK & Ireland',
  Germany: 'DACH',
  France: 'Benelux and France',
  Australia: 'ANZ'
};

/** The MDF benefits of force-app/main/default/customMetadata/Tier_Benefit.*_MDF.md-meta.xml. */
export const SAMPLE_MDF_BENEFITS: MdfBenefit[] = [
  { tier: 'Select', mdfEligible: true, capPerQuarter: 25_000 },
  { tier: 'Elite', mdfEligible: true, capPerQuarter: 100_000 }
];

interface BudgetSpec {
  key: string;
  quarter: string;
  region: string;
  tier: string;
  amount: number;
  status: 'Open' | 'Closed';
}

const BUDGETS: BudgetSpec[] = [
  { key: 'q3-na-elite', quarter: '2026-Q3', region: 'North America', tier: 'Elite', amount: 200_000, status: 'Open' },
  { key: 'q3-na-select', quarter: '2026-Q3', region: 'North America', tier: 'Select', amount: 120_000, status: 'Open' },
  { key: 'q3-uki-elite', quarter: '2026-Q3', region: 'UK & Ireland', tier: 'Elite', amount: 80_000, status: 'Open' },
  { key: 'q3-dach-elite', quarter: '2026-Q3', region: 'DACH', tier: 'Elite', amount: 40_000, status: 'Open' },
  {
    key: 'q3-bf-select',
    quarter: '2026-Q3',
    region: 'Benelux and France',
    tier: 'Select',
    amount: 30_000,
    status: 'Open'
  },
  { key: 'q3-anz-select', quarter: '2026-Q3', region: 'ANZ', tier: 'Select', amount: 25_000, status: 'Open' },
  { key: 'q4-na-elite', quarter: '2026-Q4', region: 'North America', tier: 'Elite', amount: 150_000, status: 'Open' },
  { key: 'q4-na-select', quarter: '2026-Q4', region: 'North America', tier: 'Select', amount: 100_000, status: 'Open' },
  { key: 'q4-uki-elite', quarter: '2026-Q4', region: 'UK & Ireland', tier: 'Elite', amount: 60_000, status: 'Open' }
];

interface CampaignSpec {
  key: string;
  name: string;
  /** Campaign.AmountAllOpportunities and AmountWonOpportunities (roll-ups of linked opportunities). */
  pipeline: number;
  won: number;
}

const CAMPAIGNS: CampaignSpec[] = [
  { key: 'brackenridge-summit', name: 'Brackenridge Customer Summit 2026', pipeline: 1_240_000, won: 385_000 },
  { key: 'copperleaf-webinars', name: 'Copperleaf Commerce Webinar Series', pipeline: 410_000, won: 96_000 },
  { key: 'corvid-expo', name: 'Corvid at Automation Expo Chicago', pipeline: 560_000, won: 0 },
  { key: 'fernhollow-digital', name: 'Fernhollow Paid Social Q3', pipeline: 180_000, won: 22_000 },
  { key: 'amberfield-webinar', name: 'Amberfield Service Cloud Webinar', pipeline: 95_000, won: 41_000 },
  { key: 'cobalt-roadshow', name: 'Cobalt Prairie Midwest Roadshow', pipeline: 150_000, won: 0 },
  { key: 'fathom-london', name: 'Fathom Ledger London Finance Forum', pipeline: 320_000, won: 120_000 },
  { key: 'rheinbrueck-messe', name: 'Rheinbrück at IT-Messe Köln', pipeline: 240_000, won: 0 },
  { key: 'vallee-syndication', name: 'Vallée Bleue Content Syndication', pipeline: 60_000, won: 14_500 },
  { key: 'ironbark-sydney', name: 'Ironbark Sydney Partner Day', pipeline: 0, won: 0 },
  { key: 'stonebridge-q4', name: 'Stonebridge Q4 Commerce Event', pipeline: 0, won: 0 }
];

type RequestState = 'Draft' | 'Submitted' | 'Approved' | 'Rejected' | 'Cancelled' | 'Completed';
type ClaimState = 'Draft' | 'Submitted' | 'Approved' | 'Rejected' | 'Paid';

interface ClaimSpec {
  status: ClaimState;
  amount: number;
  /** Submitted_On__c: every claim past Draft (the workflow stamps it on submission). */
  submittedOn?: string;
  approvedOn?: string;
  paidOn?: string;
  actualPipeline?: number;
  proofs: number;
}

interface RequestSpec {
  partner: string;
  /** null: not yet assigned to a budget (a draft). */
  budget: string | null;
  campaign: string | null;
  activity: string;
  status: RequestState;
  requested: number;
  approved?: number;
  submittedOn?: string;
  decidedOn?: string;
  comment?: string;
  start: string;
  end: string;
  expectedPipeline: number;
  claims?: ClaimSpec[];
}

const REQUESTS: RequestSpec[] = [
  // 2026-Q3, North America, Elite: 192,500 of 200,000 committed (96.3 %).
  {
    partner: 'Brackenridge Software',
    budget: 'q3-na-elite',
    campaign: 'brackenridge-summit',
    activity: 'Event',
    status: 'Completed',
    requested: 60_000,
    approved: 55_000,
    submittedOn: '2026-06-18T14:20:00.000Z',
    decidedOn: '2026-06-24T09:05:00.000Z',
    start: '2026-08-04',
    end: '2026-08-05',
    expectedPipeline: 900_000,
    claims: [
      {
        status: 'Paid',
        amount: 55_000,
        submittedOn: '2026-08-12T16:00:00.000Z',
        approvedOn: '2026-08-28T10:00:00.000Z',
        paidOn: '2026-09-10',
        actualPipeline: 1_240_000,
        proofs: 4
      }
    ]
  },
  {
    partner: 'Copperleaf Commerce Partners',
    budget: 'q3-na-elite',
    campaign: 'copperleaf-webinars',
    activity: 'Webinar',
    status: 'Completed',
    requested: 25_000,
    approved: 25_000,
    submittedOn: '2026-06-22T11:00:00.000Z',
    decidedOn: '2026-06-26T16:40:00.000Z',
    start: '2026-07-08',
    end: '2026-08-26',
    expectedPipeline: 300_000,
    claims: [
      {
        status: 'Paid',
        amount: 18_000,
        submittedOn: '2026-08-27T10:30:00.000Z',
        approvedOn: '2026-09-02T08:30:00.000Z',
        paidOn: '2026-09-16',
        actualPipeline: 410_000,
        proofs: 3
      },
      { status: 'Rejected', amount: 7_000, submittedOn: '2026-08-28T09:15:00.000Z', proofs: 1 }
    ]
  },
  {
    partner: 'Corvid Workflow Inc.',
    budget: 'q3-na-elite',
    campaign: 'corvid-expo',
    activity: 'Trade Show',
    status: 'Approved',
    requested: 70_000,
    approved: 62_500,
    submittedOn: '2026-07-01T13:10:00.000Z',
    decidedOn: '2026-07-06T10:00:00.000Z',
    start: '2026-08-18',
    end: '2026-08-20',
    expectedPipeline: 700_000,
    claims: [
      {
        status: 'Approved',
        amount: 40_000,
        submittedOn: '2026-08-25T14:00:00.000Z',
        approvedOn: '2026-09-08T15:45:00.000Z',
        actualPipeline: 560_000,
        proofs: 5
      },
      { status: 'Draft', amount: 10_000, proofs: 0 }
    ]
  },
  {
    partner: 'Fernhollow Consulting',
    budget: 'q3-na-elite',
    campaign: 'fernhollow-digital',
    activity: 'Digital Campaign',
    status: 'Approved',
    requested: 50_000,
    approved: 50_000,
    submittedOn: '2026-07-03T09:00:00.000Z',
    decidedOn: '2026-07-09T12:30:00.000Z',
    start: '2026-07-15',
    end: '2026-09-30',
    expectedPipeline: 250_000,
    claims: [
      {
        status: 'Paid',
        amount: 12_000,
        submittedOn: '2026-08-03T11:00:00.000Z',
        approvedOn: '2026-08-14T09:20:00.000Z',
        paidOn: '2026-08-21',
        actualPipeline: 90_000,
        proofs: 2
      },
      {
        status: 'Submitted',
        amount: 30_000,
        submittedOn: '2026-10-01T09:30:00.000Z',
        actualPipeline: 180_000,
        proofs: 3
      }
    ]
  },
  {
    partner: 'Glenmoor Implementation Co.',
    budget: 'q3-na-elite',
    campaign: null,
    activity: 'Event',
    status: 'Submitted',
    requested: 20_000,
    submittedOn: '2026-09-02T15:30:00.000Z',
    start: '2026-11-10',
    end: '2026-11-10',
    expectedPipeline: 150_000
  },
  {
    partner: 'Marrowstone Consulting',
    budget: 'q3-na-elite',
    campaign: null,
    activity: 'Webinar',
    status: 'Rejected',
    requested: 15_000,
    submittedOn: '2026-07-20T10:00:00.000Z',
    decidedOn: '2026-07-27T14:00:00.000Z',
    comment:
      'The audience overlaps the Q3 regional roadshow. Resubmit for Q4 with a target account list that does not overlap.',
    start: '2026-09-09',
    end: '2026-09-09',
    expectedPipeline: 80_000
  },
  {
    partner: 'Skylark Metrics',
    budget: 'q3-na-elite',
    campaign: null,
    activity: 'Content Syndication',
    status: 'Cancelled',
    requested: 12_000,
    submittedOn: '2026-07-14T08:00:00.000Z',
    start: '2026-08-01',
    end: '2026-09-15',
    expectedPipeline: 60_000
  },
  // 2026-Q3, North America, Select: 40,000 of 120,000 committed.
  {
    partner: 'Amberfield Consulting Group',
    budget: 'q3-na-select',
    campaign: 'amberfield-webinar',
    activity: 'Webinar',
    status: 'Completed',
    requested: 15_000,
    approved: 12_000,
    submittedOn: '2026-06-25T09:30:00.000Z',
    decidedOn: '2026-07-01T11:15:00.000Z',
    start: '2026-07-22',
    end: '2026-07-22',
    expectedPipeline: 120_000,
    claims: [
      {
        status: 'Paid',
        amount: 12_000,
        submittedOn: '2026-07-27T15:00:00.000Z',
        approvedOn: '2026-08-05T10:00:00.000Z',
        paidOn: '2026-08-12',
        actualPipeline: 95_000,
        proofs: 2
      }
    ]
  },
  {
    partner: 'Cobalt Prairie Partners',
    budget: 'q3-na-select',
    campaign: 'cobalt-roadshow',
    activity: 'Event',
    status: 'Approved',
    requested: 25_000,
    approved: 20_000,
    submittedOn: '2026-07-06T14:00:00.000Z',
    decidedOn: '2026-07-10T09:45:00.000Z',
    start: '2026-09-14',
    end: '2026-09-18',
    expectedPipeline: 200_000,
    claims: [
      {
        status: 'Approved',
        amount: 20_000,
        submittedOn: '2026-09-21T08:45:00.000Z',
        approvedOn: '2026-09-29T13:00:00.000Z',
        actualPipeline: 150_000,
        proofs: 3
      }
    ]
  },
  {
    partner: 'Driftwood CRM Services',
    budget: 'q3-na-select',
    campaign: null,
    activity: 'Training',
    status: 'Approved',
    requested: 8_000,
    approved: 8_000,
    submittedOn: '2026-07-08T10:20:00.000Z',
    decidedOn: '2026-07-13T08:10:00.000Z',
    start: '2026-08-10',
    end: '2026-08-12',
    expectedPipeline: 40_000,
    claims: [
      {
        status: 'Paid',
        amount: 8_000,
        submittedOn: '2026-08-17T13:20:00.000Z',
        approvedOn: '2026-08-24T11:00:00.000Z',
        paidOn: '2026-09-01',
        proofs: 1
      }
    ]
  },
  {
    partner: 'Halcyon Field Services',
    budget: 'q3-na-select',
    campaign: null,
    activity: 'Digital Campaign',
    status: 'Submitted',
    requested: 18_000,
    submittedOn: '2026-09-28T10:00:00.000Z',
    start: '2026-10-15',
    end: '2026-12-15',
    expectedPipeline: 110_000
  },
  {
    partner: 'Juniper Row Consulting',
    budget: 'q3-na-select',
    campaign: null,
    activity: 'Event',
    status: 'Draft',
    requested: 10_000,
    start: '2026-11-03',
    end: '2026-11-03',
    expectedPipeline: 50_000
  },
  {
    partner: 'Lanternfish Consulting',
    budget: 'q3-na-select',
    campaign: null,
    activity: 'Trade Show',
    status: 'Rejected',
    requested: 25_000,
    submittedOn: '2026-08-03T16:00:00.000Z',
    decidedOn: '2026-08-06T10:30:00.000Z',
    comment: 'No target accounts named. Add the accounts you will invite to the booth and resubmit.',
    start: '2026-09-22',
    end: '2026-09-24',
    expectedPipeline: 150_000
  },
  // 2026-Q3, UK & Ireland, Elite.
  {
    partner: 'Fathom Ledger Ltd',
    budget: 'q3-uki-elite',
    campaign: 'fathom-london',
    activity: 'Event',
    status: 'Completed',
    requested: 30_000,
    approved: 30_000,
    submittedOn: '2026-06-15T08:45:00.000Z',
    decidedOn: '2026-06-19T13:20:00.000Z',
    start: '2026-07-16',
    end: '2026-07-16',
    expectedPipeline: 250_000,
    claims: [
      {
        status: 'Paid',
        amount: 30_000,
        submittedOn: '2026-07-21T10:00:00.000Z',
        approvedOn: '2026-08-03T09:00:00.000Z',
        paidOn: '2026-08-14',
        actualPipeline: 320_000,
        proofs: 3
      }
    ]
  },
  {
    partner: 'Quillmere Software Ltd',
    budget: 'q3-uki-elite',
    campaign: null,
    activity: 'Webinar',
    status: 'Submitted',
    requested: 22_000,
    submittedOn: '2026-09-12T08:15:00.000Z',
    start: '2026-10-20',
    end: '2026-11-17',
    expectedPipeline: 140_000
  },
  // 2026-Q3, DACH, Elite.
  {
    partner: 'Rheinbrück Systemhaus GmbH',
    budget: 'q3-dach-elite',
    campaign: 'rheinbrueck-messe',
    activity: 'Trade Show',
    status: 'Approved',
    requested: 35_000,
    approved: 35_000,
    submittedOn: '2026-07-02T07:30:00.000Z',
    decidedOn: '2026-07-07T12:00:00.000Z',
    start: '2026-09-08',
    end: '2026-09-10',
    expectedPipeline: 300_000,
    claims: [
      {
        status: 'Submitted',
        amount: 35_000,
        submittedOn: '2026-09-14T07:45:00.000Z',
        actualPipeline: 240_000,
        proofs: 4
      }
    ]
  },
  // 2026-Q3, Benelux and France, Select.
  {
    partner: 'Vallée Bleue Informatique',
    budget: 'q3-bf-select',
    campaign: 'vallee-syndication',
    activity: 'Content Syndication',
    status: 'Completed',
    requested: 9_500,
    approved: 9_500,
    submittedOn: '2026-06-29T10:00:00.000Z',
    decidedOn: '2026-07-03T15:00:00.000Z',
    start: '2026-07-13',
    end: '2026-08-31',
    expectedPipeline: 75_000,
    claims: [
      {
        status: 'Paid',
        amount: 9_500,
        submittedOn: '2026-09-02T12:00:00.000Z',
        approvedOn: '2026-09-07T08:00:00.000Z',
        paidOn: '2026-09-18',
        actualPipeline: 60_000,
        proofs: 2
      }
    ]
  },
  // 2026-Q3, ANZ, Select: approved and claimed, not paid yet.
  {
    partner: 'Ironbark Systems',
    budget: 'q3-anz-select',
    campaign: 'ironbark-sydney',
    activity: 'Event',
    status: 'Approved',
    requested: 20_000,
    approved: 15_000,
    submittedOn: '2026-07-09T23:00:00.000Z',
    decidedOn: '2026-07-14T22:30:00.000Z',
    start: '2026-08-27',
    end: '2026-08-27',
    expectedPipeline: 90_000,
    claims: [
      {
        status: 'Approved',
        amount: 15_000,
        submittedOn: '2026-09-01T04:30:00.000Z',
        approvedOn: '2026-09-15T01:00:00.000Z',
        proofs: 2
      }
    ]
  },
  // 2026-Q4.
  {
    partner: 'Wavecrest Payments Software',
    budget: 'q4-na-elite',
    campaign: null,
    activity: 'Digital Campaign',
    status: 'Submitted',
    requested: 45_000,
    submittedOn: '2026-10-01T12:00:00.000Z',
    start: '2026-10-19',
    end: '2026-12-18',
    expectedPipeline: 400_000
  },
  {
    partner: 'Stonebridge Commerce Cloud',
    budget: 'q4-na-elite',
    campaign: 'stonebridge-q4',
    activity: 'Event',
    status: 'Approved',
    requested: 40_000,
    approved: 40_000,
    submittedOn: '2026-09-21T09:00:00.000Z',
    decidedOn: '2026-10-02T10:15:00.000Z',
    start: '2026-11-18',
    end: '2026-11-19',
    expectedPipeline: 350_000
  },
  {
    partner: 'Brackenridge Software',
    budget: 'q4-na-elite',
    campaign: null,
    activity: 'Webinar',
    status: 'Draft',
    requested: 15_000,
    start: '2026-12-02',
    end: '2026-12-02',
    expectedPipeline: 100_000
  },
  {
    partner: 'Boreal Signal Inc.',
    budget: 'q4-na-select',
    campaign: null,
    activity: 'Webinar',
    status: 'Submitted',
    requested: 12_000,
    submittedOn: '2026-09-15T17:40:00.000Z',
    start: '2026-10-28',
    end: '2026-10-28',
    expectedPipeline: 70_000
  },
  // A Registered partner may draft, but the server refuses to submit: MDF is a Select/Elite benefit.
  {
    partner: 'Kelpie Analytics Ltd',
    budget: null,
    campaign: null,
    activity: 'Other',
    status: 'Draft',
    requested: 5_000,
    start: '2026-11-05',
    end: '2026-11-05',
    expectedPipeline: 20_000
  }
];

const cents = (amount: number) => Math.round(amount * 100);

/** Goal__c by activity type: what the money is for, as a partner writes it. */
const GOALS: Record<string, string> = {
  Event: 'Meet qualified buyers in person and book follow-up meetings with them.',
  Webinar: 'Generate qualified leads with a live product webinar and a recorded follow-up.',
  'Digital Campaign': 'Reach new accounts in our territory with paid social and search ads.',
  'Content Syndication': 'Syndicate our joint case study to buyers researching the category.',
  Training: "Train the partner's sales team to position the product.",
  'Trade Show': 'Present the joint solution at our booth and collect qualified leads.',
  Other: 'Co-marketing activity with the vendor.'
};

function fail(request: RequestSpec, message: string): never {
  throw new Error(`MDF request of ${request.partner} (${request.status}): ${message}`);
}

/** The server's rules, checked on the table so the sample never shows a state the org would refuse. */
function checkRequest(request: RequestSpec, tier: string | null, budget: BudgetSpec | undefined): void {
  const decided = request.status === 'Approved' || request.status === 'Completed' || request.status === 'Rejected';
  if (request.status !== 'Draft' && !request.submittedOn) fail(request, 'needs Submitted_On__c');
  if (request.status === 'Draft' && request.submittedOn) fail(request, 'a draft was never submitted');
  if (decided !== Boolean(request.decidedOn)) fail(request, 'Decided_On__c only on decided requests');
  if ((request.status === 'Approved' || request.status === 'Completed') !== (request.approved !== undefined))
    fail(request, 'Approved_Amount__c only on approved requests');
  if (request.approved !== undefined && request.approved > request.requested) fail(request, 'approved > requested');
  if (request.status === 'Rejected' && !request.comment) fail(request, 'a rejection needs a comment');
  if (request.end < request.start) fail(request, 'ends before it starts');
  if (request.status !== 'Draft') {
    if (!budget) fail(request, 'a submitted request draws on a budget');
    if (tier !== budget.tier) fail(request, `a ${tier ?? 'tierless'} partner on a ${budget.tier} budget`);
  }
  const claimable = request.status === 'Approved' || request.status === 'Completed';
  const claims = request.claims ?? [];
  if (!claimable && claims.length > 0) fail(request, 'claims only on approved requests');
  let claimed = 0;
  for (const claim of claims) {
    if (claim.status !== 'Draft' && claim.status !== 'Rejected') claimed += cents(claim.amount);
    if ((claim.status === 'Approved' || claim.status === 'Paid') !== Boolean(claim.approvedOn))
      fail(request, 'Approved_On__c only on approved and paid claims');
    if ((claim.status === 'Paid') !== Boolean(claim.paidOn)) fail(request, 'Paid_On__c only on paid claims');
    if ((claim.status !== 'Draft') !== Boolean(claim.submittedOn))
      fail(request, 'Submitted_On__c on every claim past Draft, not on drafts');
    if (claim.submittedOn && request.decidedOn && claim.submittedOn < request.decidedOn)
      fail(request, 'a claim submitted before its request was approved');
    if (claim.submittedOn && claim.approvedOn && claim.approvedOn <= claim.submittedOn)
      fail(request, 'a claim approved before it was submitted');
    if (claim.submittedOn && claim.paidOn && claim.paidOn < claim.submittedOn.slice(0, 10))
      fail(request, 'a claim paid before it was submitted');
    if (claim.status !== 'Draft' && claim.proofs < 1) fail(request, 'a submitted claim needs proof');
  }
  if (claimed > cents(request.approved ?? 0)) fail(request, 'claims above the approved amount');
}

function checkTable(tierOf: (partner: string) => string | null): void {
  const budgets = new Map(BUDGETS.map((budget) => [budget.key, budget]));
  const committed = new Map<string, number>();
  const perPartnerQuarter = new Map<string, RequestSpec[]>();
  for (const request of REQUESTS) {
    const budget = request.budget === null ? undefined : budgets.get(request.budget);
    if (request.budget !== null && !budget) fail(request, `unknown budget ${request.budget}`);
    const tier = tierOf(request.partner);
    checkRequest(request, tier, budget);
    if (budget && (request.status === 'Approved' || request.status === 'Completed'))
      committed.set(budget.key, (committed.get(budget.key) ?? 0) + cents(request.approved ?? 0));
    if (budget) {
      const key = `${request.partner}|${budget.quarter}`;
      perPartnerQuarter.set(key, [...(perPartnerQuarter.get(key) ?? []), request]);
    }
  }
  for (const [key, amount] of committed) {
    const budget = budgets.get(key)!;
    if (amount > cents(budget.amount)) throw new Error(`MDF budget ${key}: approved totals exceed the budget`);
  }
  for (const [key, requests] of perPartnerQuarter) {
    const [partner] = key.split('|');
    const allowance = mdfAllowance(
      SAMPLE_MDF_BENEFITS,
      tierOf(partner),
      requests.map((request) => ({
        status: request.status,
        requestedAmount: request.requested,
        approvedAmount: request.approved ?? null
      }))
    );
    const active = requests.some((request) => request.status !== 'Draft');
    if (active && !allowance.eligible) throw new Error(`MDF ${key}: the partner's tier gets no MDF`);
    if (allowance.capPerQuarter !== null && cents(allowance.used) > cents(allowance.capPerQuarter))
      throw new Error(`MDF ${key}: ${allowance.used} is above the tier's cap of ${allowance.capPerQuarter}`);
  }
}

/**
 * The MDF tables. `accounts` are the sample's Account rows (Id, Name), `profiles` its profile rows
 * (Account__c, Tier__c): requests name partners by account name.
 */
export function buildMdf(
  tables: Tables
): Pick<Tables, 'MDF_Budget__c' | 'MDF_Request__c' | 'MDF_Claim__c' | 'Campaign'> {
  const accountByName = new Map(tables.Account.map((row) => [row.Name, row.Id]));
  const tierByAccount = new Map(tables.Partner_Profile__c.map((row) => [row.Account__c, row.Tier__c || null]));
  const accountOf = (partner: string): string => {
    const id = accountByName.get(partner);
    if (!id) throw new Error(`MDF request of unknown partner ${partner}`);
    return id;
  };
  checkTable((partner) => tierByAccount.get(accountOf(partner)) ?? null);

  const newId = createIdFactory(createRandom(SEED)) as (object: KeyPrefixObject) => string;
  const budgetIds = new Map<string, string>();
  const budgets: Row[] = BUDGETS.map((budget) => {
    const id = newId('MDF_Budget__c');
    budgetIds.set(budget.key, id);
    return {
      Id: id,
      Name: `${budget.quarter} ${budget.region} ${budget.tier}`,
      Fiscal_Quarter__c: budget.quarter,
      Region__c: budget.region,
      Eligible_Tier__c: budget.tier,
      Amount__c: money(cents(budget.amount)),
      Status__c: budget.status
    };
  });
  const campaignIds = new Map<string, string>();
  const campaigns: Row[] = CAMPAIGNS.map((campaign) => {
    const id = newId('Campaign');
    campaignIds.set(campaign.key, id);
    return {
      Id: id,
      Name: campaign.name,
      AmountAllOpportunities: money(cents(campaign.pipeline)),
      AmountWonOpportunities: money(cents(campaign.won))
    };
  });
  const requests: Row[] = [];
  const claims: Row[] = [];
  let requestNumber = 0;
  let claimNumber = 0;
  for (const request of REQUESTS) {
    const requestId = newId('MDF_Request__c');
    requests.push({
      Id: requestId,
      Name: `MDF-${String(++requestNumber).padStart(5, '0')}`,
      Account__c: accountOf(request.partner),
      Budget__c: request.budget === null ? '' : budgetIds.get(request.budget)!,
      Campaign__c: request.campaign === null ? '' : campaignIds.get(request.campaign)!,
      Status__c: request.status,
      Activity_Type__c: request.activity,
      Requested_Amount__c: money(cents(request.requested)),
      Approved_Amount__c: request.approved === undefined ? '' : money(cents(request.approved)),
      Submitted_On__c: request.submittedOn ?? '',
      Decided_On__c: request.decidedOn ?? '',
      Decision_Comment__c: request.comment ?? '',
      Start_Date__c: request.start,
      End_Date__c: request.end,
      Expected_Pipeline__c: money(cents(request.expectedPipeline)),
      Goal__c: GOALS[request.activity],
      Target_Audience__c: `IT and operations leaders at mid-size customers (${request.partner})`
    });
    for (const claim of request.claims ?? []) {
      claimNumber++;
      claims.push({
        Id: newId('MDF_Claim__c'),
        Name: `CLM-${String(claimNumber).padStart(5, '0')}`,
        MDF_Request__c: requestId,
        Status__c: claim.status,
        Amount__c: money(cents(claim.amount)),
        Submitted_On__c: claim.submittedOn ?? '',
        Approved_On__c: claim.approvedOn ?? '',
        Paid_On__c: claim.paidOn ?? '',
        Actual_Pipeline__c: claim.actualPipeline === undefined ? '' : money(cents(claim.actualPipeline)),
        Proof_Count__c: String(claim.proofs),
        Payment_Reference__c: claim.paidOn
          ? `PAY-${claim.paidOn.replace(/-/g, '')}-${String(claimNumber).padStart(3, '0')}`
          : ''
      });
    }
  }
  return { MDF_Budget__c: budgets, MDF_Request__c: requests, MDF_Claim__c: claims, Campaign: campaigns };
}
