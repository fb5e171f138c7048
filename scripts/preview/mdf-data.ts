/*
 * The preview's stand-ins for the MDF controllers (MdfRequestController, MdfBudgetSummaryController,
 * MdfClaimController): payloads in the shape of the Apex contract, for the sample's partners with
 * the deployed tier benefits (Tier_Benefit__mdt: MDF eligibility and cap per quarter) and the tier
 * each partner has after the quarterly run.
 *
 * The sample snapshot holds no MDF records, so the MDF data is a fixed pattern, the same on every run:
 * - the quarter is the fiscal quarter of the snapshot's export day (calendar quarters);
 * - budgets per region and eligible tier (BUDGETS); "EMEA Partner Marketing" is over-committed;
 * - every partner whose tier gets MDF has one approved request (a fifth of its cap, or USD 10,000
 *   without a cap) with a draft claim that has no proof file yet, and one submitted request (a tenth);
 * - requests and claims saved through the page are kept in memory until the server stops.
 * Checks follow c/mdfRules (the server enforces the same in MdfWorkflow); refusals use the component
 * labels' wording, since the PP_Mdf_Error_* labels of the controllers are not in this branch.
 */
import {
  amountRefusal,
  claimableAmount,
  committedAmount,
  isClaimed,
  mdfAllowance,
  pendingAmount,
  type ClaimStatus,
  type MdfAllowance,
  type MdfBenefit,
  type RequestStatus
} from '../../force-app/main/default/lwc/mdfRules/mdfRules.ts';

export interface MdfPartner {
  accountId: string;
  name: string;
  tier: string;
}

interface Budget {
  id: string;
  name: string;
  region: string;
  eligibleTier: string | null;
  amount: number;
  /** Approved and claimed amounts of requests the sample does not list (earlier in the quarter). */
  base: { committed: number; pending: number; claimed: number; paid: number; requests: number };
}

interface MdfRequest {
  id: string;
  name: string;
  accountId: string;
  budgetId: string | null;
  status: RequestStatus;
  goal: string;
  targetAudience: string;
  activityType: string;
  startDate: string;
  endDate: string;
  expectedPipeline: number;
  requestedAmount: number;
  approvedAmount: number | null;
}

interface MdfClaim {
  id: string;
  requestId: string;
  status: ClaimStatus;
  amount: number;
  results: string;
  actualPipeline: number;
  proofCount: number;
}

/** A refusal as the controllers send it (AuraHandledException: body.message). */
export class MdfError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

export const ACTIVITY_TYPES = [
  'Event',
  'Webinar',
  'Digital Campaign',
  'Content Syndication',
  'Training',
  'Trade Show',
  'Other'
].map((value) => ({ value, label: value }));

const pad = (value: number, width: number) => String(value).padStart(width, '0');
const budgetId = (n: number) => `a0BPV${pad(n, 13)}AAA`;
const requestId = (n: number) => `a0CPV${pad(n, 13)}AAA`;
const claimId = (n: number) => `a0DPV${pad(n, 13)}AAA`;

/** `YYYY-Qn` of a day (fiscal year starting in January, DESIGN.md §3). */
export function fiscalQuarterOf(day: string): string {
  const month = Number(day.slice(5, 7));
  return `${day.slice(0, 4)}-Q${Math.ceil(month / 3)}`;
}

export class MdfPreviewData {
  readonly quarter: string;
  readonly currency: string;
  private readonly benefits: MdfBenefit[];
  private readonly partners: Map<string, MdfPartner>;
  private readonly budgets: Budget[];
  private readonly requests: MdfRequest[] = [];
  private readonly claims: MdfClaim[] = [];
  private requestCounter = 0;
  private claimCounter = 0;

  constructor(options: { partners: MdfPartner[]; benefits: MdfBenefit[]; today: string; currency: string }) {
    this.quarter = fiscalQuarterOf(options.today);
    this.currency = options.currency;
    this.benefits = options.benefits;
    this.partners = new Map(options.partners.map((partner) => [partner.accountId, partner]));
    const q = this.quarter;
    this.budgets = [
      {
        id: budgetId(1),
        name: `North America ${q} Select`,
        region: 'North America',
        eligibleTier: 'Select',
        amount: 400000,
        base: { committed: 60000, pending: 0, claimed: 20000, paid: 12000, requests: 5 }
      },
      {
        id: budgetId(2),
        name: `North America ${q} Elite`,
        region: 'North America',
        eligibleTier: 'Elite',
        amount: 900000,
        base: { committed: 150000, pending: 25000, claimed: 80000, paid: 50000, requests: 6 }
      },
      {
        id: budgetId(3),
        name: `EMEA Partner Marketing ${q}`,
        region: 'EMEA',
        eligibleTier: null,
        amount: 120000,
        base: { committed: 126000, pending: 8000, claimed: 54000, paid: 31500, requests: 11 }
      }
    ];
    for (const partner of [...this.partners.values()].sort((a, b) => a.name.localeCompare(b.name))) {
      const allowance = this.allowance(partner);
      if (!allowance.eligible) continue;
      const cap = allowance.capPerQuarter;
      const budget = this.budgets.find((candidate) => candidate.eligibleTier === partner.tier) ?? this.budgets[2];
      const approved = this.addRequest(partner, budget.id, {
        status: 'Approved',
        goal: `Pipeline with manufacturing CFOs: 40 qualified leads (${partner.name})`,
        targetAudience: 'CFOs and finance directors of mid-size manufacturers',
        activityType: 'Event',
        startDate: `${q.slice(0, 4)}-10-20`,
        endDate: `${q.slice(0, 4)}-10-21`,
        expectedPipeline: 250000,
        requestedAmount: cap === null ? 12000 : cap / 5,
        approvedAmount: cap === null ? 10000 : cap / 5
      });
      this.claims.push({
        id: claimId(++this.claimCounter),
        requestId: approved.id,
        status: 'Draft',
        amount: approved.approvedAmount! * 0.9,
        results: '32 attendees, 14 qualified leads, 3 opportunities opened.',
        actualPipeline: 180000,
        proofCount: 0
      });
      this.addRequest(partner, budget.id, {
        status: 'Submitted',
        goal: `Webinar series on the joint solution (${partner.name})`,
        targetAudience: 'IT leaders of existing customers',
        activityType: 'Webinar',
        startDate: `${q.slice(0, 4)}-11-10`,
        endDate: `${q.slice(0, 4)}-12-15`,
        expectedPipeline: 120000,
        requestedAmount: cap === null ? 6000 : cap / 10,
        approvedAmount: null
      });
    }
  }

  private addRequest(
    partner: MdfPartner,
    budget: string | null,
    fields: Omit<MdfRequest, 'id' | 'name' | 'accountId' | 'budgetId'>
  ): MdfRequest {
    const n = ++this.requestCounter;
    const request: MdfRequest = {
      id: requestId(n),
      name: `MDF-${pad(n, 4)}`,
      accountId: partner.accountId,
      budgetId: budget,
      ...fields
    };
    this.requests.push(request);
    return request;
  }

  private allowance(partner: MdfPartner): MdfAllowance {
    const quarterRequests = this.requests.filter((request) => request.accountId === partner.accountId);
    return mdfAllowance(this.benefits, partner.tier, quarterRequests);
  }

  private claimsOf(request: MdfRequest): MdfClaim[] {
    return this.claims.filter((claim) => claim.requestId === request.id);
  }

  private budgetTotals(budget: Budget) {
    const requests = this.requests.filter((request) => request.budgetId === budget.id);
    const claims = requests.flatMap((request) => this.claimsOf(request));
    const sum = (values: number[]) => Math.round(values.reduce((total, value) => total + value, 0) * 100) / 100;
    return {
      budgeted: budget.amount,
      committed: sum([budget.base.committed, ...requests.map(committedAmount)]),
      pending: sum([budget.base.pending, ...requests.map(pendingAmount)]),
      claimed: sum([budget.base.claimed, ...claims.filter(isClaimed).map((claim) => claim.amount)]),
      paid: sum([budget.base.paid, ...claims.filter((claim) => claim.status === 'Paid').map((claim) => claim.amount)]),
      requestCount: budget.base.requests + requests.length
    };
  }

  private available(budget: Budget): number {
    const totals = this.budgetTotals(budget);
    return Math.round((totals.budgeted - totals.committed) * 100) / 100;
  }

  /** The approved request with a claim the partner page shows (the first of the partner's), or null. */
  claimRecordFor(accountId: string): string | null {
    return (
      this.requests.find((request) => request.accountId === accountId && request.status === 'Approved')?.id ?? null
    );
  }

  /** MdfRequestController.getRequestContext for a resolved partner. */
  requestContext(partner: MdfPartner): object {
    const allowance = this.allowance(partner);
    const budgets = allowance.eligible
      ? this.budgets.filter((budget) => budget.eligibleTier === null || budget.eligibleTier === partner.tier)
      : [];
    return {
      accountId: partner.accountId,
      accountName: partner.name,
      tier: partner.tier,
      eligible: allowance.eligible,
      refusalMessage: allowance.eligible
        ? null
        : `MDF is a benefit of the ${allowance.eligibleTiers.join(' and ')} tiers; ${partner.name} is ${partner.tier}.`,
      eligibleTiers: allowance.eligibleTiers,
      capPerQuarter: allowance.eligible ? allowance.capPerQuarter : null,
      used: allowance.used,
      remaining: allowance.eligible ? allowance.remaining : null,
      fiscalQuarter: this.quarter,
      currencyCode: this.currency,
      budgets: budgets.map((budget) => ({
        id: budget.id,
        name: budget.name,
        region: budget.region,
        fiscalQuarter: this.quarter,
        eligibleTier: budget.eligibleTier,
        available: this.available(budget)
      })),
      activityTypes: ACTIVITY_TYPES
    };
  }

  /** MdfRequestController.saveRequest for a resolved partner. */
  saveRequest(partner: MdfPartner, input: Record<string, unknown>, submit: boolean): string {
    const text = (name: string) => String(input[name] ?? '').trim();
    const number = (name: string) => (input[name] === null || input[name] === undefined ? null : Number(input[name]));
    for (const name of ['goal', 'targetAudience', 'activityType', 'startDate', 'endDate']) {
      if (!text(name)) throw new MdfError(400, `${name} is required.`);
    }
    if (text('endDate') < text('startDate'))
      throw new MdfError(400, 'The end date must be on or after the start date.');
    const allowance = this.allowance(partner);
    const budget = this.budgets.find((candidate) => candidate.id === input.budgetId) ?? null;
    const refusal = amountRefusal(
      number('requestedAmount'),
      allowance,
      budget && submit ? this.available(budget) : null
    );
    if (refusal === 'NO_TIER' || refusal === 'TIER_NOT_ELIGIBLE') {
      throw new MdfError(400, `MDF is a benefit of the ${allowance.eligibleTiers.join(' and ')} tiers.`);
    }
    if (refusal === 'NOT_POSITIVE' || (refusal && submit)) {
      throw new MdfError(
        400,
        refusal === 'OVER_CAP'
          ? `The amount is more than the ${allowance.remaining} ${this.currency} left under the ${partner.tier} cap this quarter.`
          : refusal === 'OVER_BUDGET'
            ? `The amount is more than the ${this.available(budget!)} ${this.currency} ${budget!.name} has available.`
            : 'Enter an amount greater than 0.'
      );
    }
    return this.addRequest(partner, budget?.id ?? null, {
      status: submit ? 'Submitted' : 'Draft',
      goal: text('goal'),
      targetAudience: text('targetAudience'),
      activityType: text('activityType'),
      startDate: text('startDate'),
      endDate: text('endDate'),
      expectedPipeline: number('expectedPipeline') ?? 0,
      requestedAmount: number('requestedAmount')!,
      approvedAmount: null
    }).id;
  }

  /** The request (and claim) a request or claim id names, if the viewer (own account or null = manager) may see it. */
  private requestFor(recordId: string, own: string | null): { request: MdfRequest; claim: MdfClaim | null } {
    const claim = this.claims.find((candidate) => candidate.id === recordId) ?? null;
    const request = this.requests.find((candidate) => candidate.id === (claim ? claim.requestId : recordId));
    if (!request || (own !== null && request.accountId !== own)) {
      throw new MdfError(403, 'You do not have access to this MDF request.');
    }
    return { request, claim };
  }

  /** MdfBudgetSummaryController.getBudgetSummary. `partner` is the resolved partner for Account/Profile ids or the own partner. */
  budgetSummary(
    recordId: string | null,
    region: string | null,
    partner: MdfPartner | null,
    own: string | null
  ): object | null {
    const base = { fiscalQuarter: this.quarter, currencyCode: this.currency };
    let budget = recordId ? this.budgets.find((candidate) => candidate.id === recordId) : undefined;
    if (recordId?.startsWith('a0C') || recordId?.startsWith('a0D')) {
      const { request } = this.requestFor(recordId, own);
      budget = this.budgets.find((candidate) => candidate.id === request.budgetId);
      if (!budget) partner = this.partners.get(request.accountId) ?? null;
    }
    if (budget) {
      if (own !== null) throw new MdfError(403, 'You do not have access to this MDF budget.');
      return { scope: 'budget', title: budget.name, ...base, ...this.budgetTotals(budget) };
    }
    if (partner) {
      const allowance = this.allowance(partner);
      const requests = this.requests.filter((request) => request.accountId === partner!.accountId);
      const claims = requests.flatMap((request) => this.claimsOf(request));
      const sum = (values: number[]) => Math.round(values.reduce((total, value) => total + value, 0) * 100) / 100;
      return {
        scope: 'partner',
        title: partner.name,
        ...base,
        budgeted: allowance.eligible ? allowance.capPerQuarter : 0,
        committed: sum(requests.map(committedAmount)),
        pending: sum(requests.map(pendingAmount)),
        claimed: sum(claims.filter(isClaimed).map((claim) => claim.amount)),
        paid: sum(claims.filter((claim) => claim.status === 'Paid').map((claim) => claim.amount)),
        requestCount: requests.length
      };
    }
    const inRegion = this.budgets.filter((candidate) => !region || candidate.region === region);
    if (inRegion.length === 0) return null;
    const totals = inRegion.map((candidate) => this.budgetTotals(candidate));
    const sum = (key: keyof (typeof totals)[number]) =>
      Math.round(totals.reduce((total, value) => total + value[key], 0) * 100) / 100;
    return {
      scope: 'region',
      title: region ?? 'All regions',
      ...base,
      budgeted: sum('budgeted'),
      committed: sum('committed'),
      pending: sum('pending'),
      claimed: sum('claimed'),
      paid: sum('paid'),
      requestCount: sum('requestCount')
    };
  }

  /** MdfClaimController.getClaimContext. */
  claimContext(recordId: string, own: string | null): object {
    const found = this.requestFor(recordId, own);
    const { request } = found;
    const claims = this.claimsOf(request);
    const claim = found.claim ?? claims.find((candidate) => candidate.status === 'Draft') ?? claims[0] ?? null;
    const claimable = claimableAmount(request, claims);
    const claimedTotal = Math.round(claims.filter(isClaimed).reduce((total, c) => total + c.amount, 0) * 100) / 100;
    const canClaim = request.status === 'Approved' && claimable > 0 && (!claim || claim.status === 'Draft');
    return {
      requestId: request.id,
      requestName: `${request.name} ${request.goal}`,
      requestStatus: request.status,
      currencyCode: this.currency,
      approvedAmount: request.approvedAmount,
      claimedTotal,
      claimable,
      canClaim,
      refusalMessage: canClaim
        ? null
        : request.status !== 'Approved'
          ? `Only approved requests can be claimed. This request is ${request.status}.`
          : claim && claim.status !== 'Draft'
            ? null
            : 'Nothing is left to claim on this request.',
      claimId: claim?.id ?? null,
      claimStatus: claim?.status ?? null,
      amount: claim?.amount ?? null,
      results: claim?.results ?? null,
      actualPipeline: claim?.actualPipeline ?? null,
      proofCount: claim?.proofCount ?? 0
    };
  }

  /** MdfClaimController.saveClaimDraft. */
  saveClaimDraft(params: Record<string, unknown>, own: string | null): string {
    const { request } = this.requestFor(String(params.requestId ?? ''), own);
    const amount = Number(params.amount);
    const claimable = claimableAmount(request, this.claimsOf(request));
    if (request.status !== 'Approved') throw new MdfError(400, 'Only approved requests can be claimed.');
    if (!(amount > 0) || Math.round(amount * 100) > Math.round(claimable * 100)) {
      throw new MdfError(
        400,
        `The claim must be more than 0 and at most the ${claimable} ${this.currency} still claimable.`
      );
    }
    const existing = params.claimId ? this.claims.find((claim) => claim.id === params.claimId) : undefined;
    if (existing && existing.status !== 'Draft') throw new MdfError(400, 'Only a draft claim can be changed.');
    const claim = existing ?? {
      id: claimId(++this.claimCounter),
      requestId: request.id,
      status: 'Draft' as ClaimStatus,
      amount: 0,
      results: '',
      actualPipeline: 0,
      proofCount: 0
    };
    Object.assign(claim, {
      amount,
      results: String(params.results ?? ''),
      actualPipeline: Number(params.actualPipeline ?? 0)
    });
    if (!existing) this.claims.push(claim);
    return claim.id;
  }

  /** Files uploaded to a record (lightning-file-upload's stand-in): a claim's proof of performance. */
  attachFiles(recordId: string, count: number): void {
    const claim = this.claims.find((candidate) => candidate.id === recordId);
    if (claim) claim.proofCount += count;
  }

  /** MdfClaimController.submitClaim. */
  submitClaim(params: Record<string, unknown>, own: string | null): null {
    const claim = this.claims.find((candidate) => candidate.id === params.claimId);
    if (!claim) throw new MdfError(404, 'No such claim.');
    this.requestFor(claim.requestId, own);
    if (claim.proofCount < 1) {
      throw new MdfError(400, 'Attach at least one proof of performance file to submit the claim.');
    }
    claim.status = 'Submitted';
    return null;
  }
}
