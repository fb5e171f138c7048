/*
 * Market development funds (DESIGN.md §4): the rules every MDF surface shares. The components use
 * them to show what a partner may do and what is left; the admin CLI uses them for utilisation and
 * ROI. The server enforces the same rules in Apex (MdfWorkflow), which cannot import TypeScript, so
 * each rule here names its Apex counterpart and both are tested against the same cases.
 *
 * Pure TypeScript without imports (like c/tierEngine), so Node runs it directly for the CLI.
 * Money is summed in integer cents: 0.1 + 0.2 must be 0.30, not 0.30000000000000004.
 */

export type RequestStatus = 'Draft' | 'Submitted' | 'Approved' | 'Rejected' | 'Cancelled' | 'Completed';
export type ClaimStatus = 'Draft' | 'Submitted' | 'Approved' | 'Rejected' | 'Paid';
export type Actor = 'partner' | 'manager';

export const REQUEST_STATUSES: readonly RequestStatus[] = [
  'Draft',
  'Submitted',
  'Approved',
  'Rejected',
  'Cancelled',
  'Completed'
];
export const CLAIM_STATUSES: readonly ClaimStatus[] = ['Draft', 'Submitted', 'Approved', 'Rejected', 'Paid'];

/** Request states a request may move to (MdfWorkflow.REQUEST_TRANSITIONS). */
export const REQUEST_TRANSITIONS: Readonly<Record<RequestStatus, readonly RequestStatus[]>> = {
  Draft: ['Submitted', 'Cancelled'],
  Submitted: ['Approved', 'Rejected', 'Cancelled'],
  Approved: ['Completed', 'Cancelled'],
  Rejected: [],
  Cancelled: [],
  Completed: []
};

/** Claim states a claim may move to (MdfWorkflow.CLAIM_TRANSITIONS). Paid only from Approved. */
export const CLAIM_TRANSITIONS: Readonly<Record<ClaimStatus, readonly ClaimStatus[]>> = {
  Draft: ['Submitted'],
  Submitted: ['Approved', 'Rejected'],
  Approved: ['Paid'],
  Rejected: [],
  Paid: []
};

/** Moves a partner may make; every other move is a manager's decision. */
const PARTNER_REQUEST_MOVES: readonly RequestStatus[] = ['Draft', 'Submitted', 'Cancelled'];
const PARTNER_CLAIM_MOVES: readonly ClaimStatus[] = ['Draft', 'Submitted'];

export type TransitionRefusal = 'NOT_ALLOWED' | 'DECISION_FOR_MANAGERS';

/** Why `actor` may not move a request from `from` to `to`, or null when the move is allowed. */
export function requestTransitionRefusal(
  from: RequestStatus,
  to: RequestStatus,
  actor: Actor
): TransitionRefusal | null {
  if (from === to) return null;
  if (!REQUEST_TRANSITIONS[from].includes(to)) return 'NOT_ALLOWED';
  if (actor === 'partner' && !PARTNER_REQUEST_MOVES.includes(to)) return 'DECISION_FOR_MANAGERS';
  // Cancelling after approval releases budget the manager committed: the manager's call.
  if (actor === 'partner' && from === 'Approved') return 'DECISION_FOR_MANAGERS';
  return null;
}

/** Why `actor` may not move a claim from `from` to `to`, or null when the move is allowed. */
export function claimTransitionRefusal(from: ClaimStatus, to: ClaimStatus, actor: Actor): TransitionRefusal | null {
  if (from === to) return null;
  if (!CLAIM_TRANSITIONS[from].includes(to)) return 'NOT_ALLOWED';
  if (actor === 'partner' && !PARTNER_CLAIM_MOVES.includes(to)) return 'DECISION_FOR_MANAGERS';
  return null;
}

export interface RequestAmounts {
  status: RequestStatus;
  requestedAmount: number | null;
  approvedAmount: number | null;
}

export interface ClaimAmounts {
  status: ClaimStatus;
  amount: number | null;
}

function cents(amount: number | null | undefined): number {
  return amount === null || amount === undefined || !Number.isFinite(amount) ? 0 : Math.round(amount * 100);
}

function fromCents(value: number): number {
  return value / 100;
}

/** Money a request holds in its budget: the approved amount once approved (MdfWorkflow.committedAmount). */
export function committedAmount(request: RequestAmounts): number {
  return request.status === 'Approved' || request.status === 'Completed' ? fromCents(cents(request.approvedAmount)) : 0;
}

/** Money a request waits for: the requested amount while submitted. */
export function pendingAmount(request: RequestAmounts): number {
  return request.status === 'Submitted' ? fromCents(cents(request.requestedAmount)) : 0;
}

/** Claims that count as claimed: submitted or later, not rejected. */
export function isClaimed(claim: ClaimAmounts): boolean {
  return claim.status === 'Submitted' || claim.status === 'Approved' || claim.status === 'Paid';
}

export interface BudgetSummary {
  budgeted: number;
  /** Approved amounts of approved and completed requests. */
  committed: number;
  /** Requested amounts of requests waiting for a decision. */
  pending: number;
  claimed: number;
  paid: number;
  /** Budgeted minus committed; negative only if the budget was lowered below its commitments. */
  available: number;
  /** Shares of the budget in percent (0–100, more when over-committed); 0 for an empty budget. */
  committedPercent: number;
  claimedPercent: number;
  paidPercent: number;
}

/** Utilisation of one budget, or of several summed (a partner's, a region's). */
export function summarizeBudget(budgeted: number, requests: RequestAmounts[], claims: ClaimAmounts[]): BudgetSummary {
  const budgetCents = cents(budgeted);
  let committed = 0;
  let pending = 0;
  for (const request of requests) {
    committed += cents(committedAmount(request));
    pending += cents(pendingAmount(request));
  }
  let claimed = 0;
  let paid = 0;
  for (const claim of claims) {
    if (isClaimed(claim)) claimed += cents(claim.amount);
    if (claim.status === 'Paid') paid += cents(claim.amount);
  }
  const percent = (part: number) => (budgetCents > 0 ? Math.round((part / budgetCents) * 1000) / 10 : 0);
  return {
    budgeted: fromCents(budgetCents),
    committed: fromCents(committed),
    pending: fromCents(pending),
    claimed: fromCents(claimed),
    paid: fromCents(paid),
    available: fromCents(budgetCents - committed),
    committedPercent: percent(committed),
    claimedPercent: percent(claimed),
    paidPercent: percent(paid)
  };
}

/** The MDF part of a Tier_Benefit__mdt record. */
export interface MdfBenefit {
  tier: string;
  mdfEligible: boolean;
  /** MDF_Cap_Per_Quarter__c; null = no cap. */
  capPerQuarter: number | null;
}

export type AllowanceRefusal = 'NO_TIER' | 'TIER_NOT_ELIGIBLE';

export interface MdfAllowance {
  tier: string | null;
  eligible: boolean;
  /** Why the tier gets no MDF; null when eligible. */
  refusal: AllowanceRefusal | null;
  /** Tiers that get MDF, for the message "MDF is a benefit of Select and Elite". */
  eligibleTiers: string[];
  /** Most the partner may hold per quarter; null = no cap. */
  capPerQuarter: number | null;
  /** Committed plus pending amounts of the partner's requests in the quarter. */
  used: number;
  /** Cap minus used (never below 0); null without a cap. */
  remaining: number | null;
}

/**
 * What a partner's tier makes available in a quarter (MdfWorkflow.allowance): eligibility and the
 * cap come from the tier's benefits; `quarterRequests` are the partner's requests drawing on budgets
 * of that quarter. Pending requests count against the cap, so a partner cannot submit past it.
 */
export function mdfAllowance(
  benefits: MdfBenefit[],
  tier: string | null,
  quarterRequests: RequestAmounts[]
): MdfAllowance {
  const eligibleTiers = [...new Set(benefits.filter((b) => b.mdfEligible).map((b) => b.tier))];
  let used = 0;
  for (const request of quarterRequests) used += cents(committedAmount(request)) + cents(pendingAmount(request));
  const ofTier = benefits.filter((b) => b.mdfEligible && b.tier === tier);
  const eligible = tier !== null && ofTier.length > 0;
  const caps = ofTier.map((b) => b.capPerQuarter);
  const capPerQuarter = !eligible || caps.some((cap) => cap === null) ? null : Math.max(...(caps as number[]));
  const refusal: AllowanceRefusal | null = eligible ? null : tier === null ? 'NO_TIER' : 'TIER_NOT_ELIGIBLE';
  return {
    tier,
    eligible,
    refusal,
    eligibleTiers,
    capPerQuarter: eligible ? capPerQuarter : 0,
    used: fromCents(used),
    remaining: !eligible ? 0 : capPerQuarter === null ? null : fromCents(Math.max(0, cents(capPerQuarter) - used))
  };
}

export type AmountRefusal = AllowanceRefusal | 'NOT_POSITIVE' | 'OVER_CAP' | 'OVER_BUDGET';

/**
 * Why `amount` may not be requested (on submission) or approved, or null when it fits
 * (MdfWorkflow.amountRefusal). `budgetAvailable` is the budget's Available__c; null when the
 * request has no budget yet (the manager assigns one before approving).
 */
export function amountRefusal(
  amount: number | null,
  allowance: MdfAllowance,
  budgetAvailable: number | null
): AmountRefusal | null {
  if (allowance.refusal) return allowance.refusal;
  if (amount === null || cents(amount) <= 0) return 'NOT_POSITIVE';
  if (allowance.remaining !== null && cents(amount) > cents(allowance.remaining)) return 'OVER_CAP';
  if (budgetAvailable !== null && cents(amount) > cents(budgetAvailable)) return 'OVER_BUDGET';
  return null;
}

/**
 * Still claimable on a request: only approved requests take claims; approved amount minus the claims
 * already submitted or decided (drafts and rejected claims hold nothing, as MDF_Request__c.Claimed_Total__c).
 */
export function claimableAmount(request: RequestAmounts, claims: ClaimAmounts[]): number {
  if (request.status !== 'Approved') return 0;
  let claimed = 0;
  for (const claim of claims) if (isClaimed(claim)) claimed += cents(claim.amount);
  return fromCents(Math.max(0, cents(request.approvedAmount) - claimed));
}

export interface MdfReturn {
  /** Pipeline of the linked campaign per unit of MDF paid; null when nothing was paid. */
  pipelinePerUnit: number | null;
  /** Won revenue of the linked campaign per unit of MDF paid; null when nothing was paid. */
  wonPerUnit: number | null;
}

/** ROI as DESIGN.md §4 defines it: attributed pipeline (and won revenue) per MDF currency unit paid. */
export function mdfReturn(paid: number, pipeline: number, won: number): MdfReturn {
  if (cents(paid) <= 0) return { pipelinePerUnit: null, wonPerUnit: null };
  const round = (value: number) => Math.round(value * 100) / 100;
  return { pipelinePerUnit: round(pipeline / paid), wonPerUnit: round(won / paid) };
}

/** Totals of MDF money as a server sums them (MdfBudgetSummaryController.getBudgetSummary). */
export interface MdfTotals {
  /** Budgeted amount; null when there is no ceiling (a partner whose tier has no cap). */
  budgeted: number | null;
  committed: number | null;
  pending: number | null;
  claimed: number | null;
  paid: number | null;
}

export interface TotalsSummary {
  budgeted: number | null;
  committed: number;
  pending: number;
  claimed: number;
  paid: number;
  /** Budgeted minus committed (negative when over-committed); null without a budget. */
  available: number | null;
  /** Shares of the budget in whole percent, rounded down (more than 100 when over); null without a budget. */
  committedPercent: number | null;
  pendingPercent: number | null;
  claimedPercent: number | null;
  paidPercent: number | null;
  /** More is committed than budgeted. */
  overCommitted: boolean;
  /** Committed plus pending is more than budgeted: approving every pending request would overrun. */
  overRequested: boolean;
}

/**
 * Utilisation from totals a server already summed (the components' view of summarizeBudget): what is
 * available and each amount's share of the budget. Percentages are rounded down, so a budget that is
 * 99.9 % committed never shows as full.
 */
export function summarizeTotals(totals: MdfTotals): TotalsSummary {
  const budget = totals.budgeted === null || totals.budgeted === undefined ? null : cents(totals.budgeted);
  const committed = cents(totals.committed);
  const pending = cents(totals.pending);
  const claimed = cents(totals.claimed);
  const paid = cents(totals.paid);
  const percent = (part: number) => (budget === null ? null : budget > 0 ? Math.floor((part / budget) * 100) : 0);
  return {
    budgeted: budget === null ? null : fromCents(budget),
    committed: fromCents(committed),
    pending: fromCents(pending),
    claimed: fromCents(claimed),
    paid: fromCents(paid),
    available: budget === null ? null : fromCents(budget - committed),
    committedPercent: percent(committed),
    pendingPercent: percent(pending),
    claimedPercent: percent(claimed),
    paidPercent: percent(paid),
    overCommitted: budget !== null && committed > budget,
    overRequested: budget !== null && committed + pending > budget
  };
}

/** What a server reports about a partner's MDF allowance (MdfRequestController.getRequestContext). */
export interface AllowanceTotals {
  tier: string | null;
  eligible: boolean;
  eligibleTiers: string[] | null;
  capPerQuarter: number | null;
  used: number | null;
  remaining: number | null;
}

/** The allowance a server computed, as mdfAllowance's result, so amountRefusal can check an amount against it. */
export function allowanceFromTotals(totals: AllowanceTotals): MdfAllowance {
  const tier = totals.tier || null;
  return {
    tier,
    eligible: totals.eligible,
    refusal: totals.eligible ? null : tier === null ? 'NO_TIER' : 'TIER_NOT_ELIGIBLE',
    eligibleTiers: [...(totals.eligibleTiers ?? [])],
    capPerQuarter: totals.eligible ? totals.capPerQuarter : 0,
    used: fromCents(cents(totals.used)),
    remaining: !totals.eligible ? 0 : totals.remaining === null ? null : fromCents(cents(totals.remaining))
  };
}
