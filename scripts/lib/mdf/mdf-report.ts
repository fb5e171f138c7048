/*
 * The MDF report (DESIGN.md §4): budget utilisation per quarter, region and eligible tier; requests
 * waiting for a decision, submitted claims waiting for approval and approved claims waiting for
 * payment longer than a threshold; ROI per partner and per activity type. The money rules (what is
 * committed, pending, claimed, paid; ROI) are the shared ones of lwc/mdfRules, the same the
 * components show and Apex enforces.
 *
 * The report's typed result is what `mdf --format json` prints (docs/snapshot-format.md names the
 * files it reads; README.md "MDF" shows the shape).
 */
import {
  mdfReturn,
  summarizeBudget,
  type BudgetSummary,
  type RequestAmounts
} from '../../../force-app/main/default/lwc/mdfRules/mdfRules.ts';
import type { MdfClaim, MdfData, MdfRequest } from './load-mdf.ts';

export interface MdfReportOptions {
  /** Only budgets of this fiscal quarter (and the requests and claims drawing on them); null: all. */
  quarter: string | null;
  /** Items waiting more than this many days are listed. */
  waitingDays: number;
  /** The day waiting is counted to (YYYY-MM-DD). */
  asOf: string;
}

export interface UtilisationRow extends BudgetSummary {
  quarter: string;
  /** null: budgets without a region. */
  region: string | null;
  /** null: budgets open to every MDF-eligible tier. */
  eligibleTier: string | null;
  budgets: number;
}

export interface WaitingRequest {
  requestId: string;
  request: string | null;
  accountId: string;
  partner: string;
  quarter: string | null;
  region: string | null;
  activityType: string | null;
  amount: number;
  submittedOn: string;
  daysWaiting: number;
}

export interface WaitingClaim {
  claimId: string;
  claim: string | null;
  requestId: string;
  request: string | null;
  accountId: string;
  partner: string;
  amount: number;
  approvedOn: string;
  daysWaiting: number;
}

export interface ClaimAwaitingApproval {
  claimId: string;
  claim: string | null;
  requestId: string;
  request: string | null;
  accountId: string;
  partner: string;
  amount: number;
  submittedOn: string;
  daysWaiting: number;
}

export interface RoiRow {
  /** Approved or completed requests in the group. */
  requests: number;
  /** Approved amounts of those requests. */
  approved: number;
  /** Paid claims on them. */
  paid: number;
  /** AmountAllOpportunities of their distinct linked campaigns. */
  pipeline: number;
  /** AmountWonOpportunities of their distinct linked campaigns. */
  won: number;
  /** Pipeline and won revenue per unit paid; null: nothing paid yet ("no ROI yet"). */
  pipelinePerUnit: number | null;
  wonPerUnit: number | null;
}

export interface PartnerRoi extends RoiRow {
  accountId: string;
  partner: string;
}

export interface ActivityRoi extends RoiRow {
  /** null: requests without an activity type. */
  activityType: string | null;
}

export interface MdfReport {
  snapshot: { source: string; exportedAt: string; corporateCurrency: string };
  quarter: string | null;
  asOf: string;
  waitingDays: number;
  utilisation: { rows: UtilisationRow[]; total: BudgetSummary & { budgets: number } };
  waiting: {
    /** Submitted requests waiting for a decision longer than waitingDays, oldest first. */
    requests: WaitingRequest[];
    /** Approved claims waiting for payment longer than waitingDays (since Approved_On__c), oldest first. */
    claims: WaitingClaim[];
    /** Submitted claims waiting for a manager's approval longer than waitingDays (since Submitted_On__c), oldest first. */
    claimsAwaitingApproval: ClaimAwaitingApproval[];
  };
  roi: { byPartner: PartnerRoi[]; byActivityType: ActivityRoi[] };
  warnings: string[];
}

const DAY_MS = 86_400_000;

/** Whole days from the (UTC) day of `timestamp` to `asOf`. */
export function daysFrom(timestamp: string, asOf: string): number {
  return Math.round((Date.parse(asOf) - Date.parse(timestamp.slice(0, 10))) / DAY_MS);
}

const amounts = (request: MdfRequest): RequestAmounts => ({
  status: request.status,
  requestedAmount: request.requestedAmount,
  approvedAmount: request.approvedAmount
});

const cents = (value: number | null) => (value === null ? 0 : Math.round(value * 100));
const compareText = (a: string | null, b: string | null) => (a ?? '\uffff').localeCompare(b ?? '\uffff');

export function buildMdfReport(data: MdfData, options: MdfReportOptions): MdfReport {
  const warnings: string[] = [];
  const budgets = data.budgets.filter((budget) => options.quarter === null || budget.quarter === options.quarter);
  const budgetById = new Map(data.budgets.map((budget) => [budget.id, budget]));
  const inScope = new Set(budgets.map((budget) => budget.id));
  const partner = (accountId: string) => data.partnerNames.get(accountId) ?? accountId;

  const unknownBudgets = data.requests.filter((request) => request.budgetId && !budgetById.has(request.budgetId));
  if (unknownBudgets.length > 0)
    warnings.push(`${unknownBudgets.length} request(s) draw on a budget that is not in MDF_Budget__c.csv (ignored).`);
  // Without --quarter, every request counts, also drafts not yet assigned to a budget.
  const requests = data.requests.filter((request) =>
    request.budgetId ? inScope.has(request.budgetId) : options.quarter === null
  );
  const requestById = new Map(data.requests.map((request) => [request.id, request]));
  const requestIds = new Set(requests.map((request) => request.id));
  const orphanClaims = data.claims.filter((claim) => !requestById.has(claim.requestId));
  if (orphanClaims.length > 0)
    warnings.push(`${orphanClaims.length} claim(s) belong to a request that is not in MDF_Request__c.csv (ignored).`);
  const claims = data.claims.filter((claim) => requestIds.has(claim.requestId));
  const claimsOf = new Map<string, MdfClaim[]>();
  for (const claim of claims) claimsOf.set(claim.requestId, [...(claimsOf.get(claim.requestId) ?? []), claim]);

  // (a) Utilisation per quarter, region and eligible tier.
  const groups = new Map<string, { row: Omit<UtilisationRow, keyof BudgetSummary>; budgeted: number }>();
  const groupOfBudget = new Map<string, string>();
  for (const budget of budgets) {
    const key = JSON.stringify([budget.quarter, budget.region, budget.eligibleTier]);
    groupOfBudget.set(budget.id, key);
    const group = groups.get(key) ?? {
      row: { quarter: budget.quarter, region: budget.region, eligibleTier: budget.eligibleTier, budgets: 0 },
      budgeted: 0
    };
    group.row.budgets++;
    group.budgeted += cents(budget.amount);
    groups.set(key, group);
  }
  const requestsOfGroup = new Map<string, MdfRequest[]>();
  for (const request of requests) {
    const key = request.budgetId ? groupOfBudget.get(request.budgetId) : undefined;
    if (key) requestsOfGroup.set(key, [...(requestsOfGroup.get(key) ?? []), request]);
  }
  const summaryOf = (budgeted: number, groupRequests: MdfRequest[]) =>
    summarizeBudget(
      budgeted / 100,
      groupRequests.map(amounts),
      groupRequests.flatMap((request) => claimsOf.get(request.id) ?? [])
    );
  const rows: UtilisationRow[] = [...groups.entries()]
    .map(([key, group]) => ({ ...group.row, ...summaryOf(group.budgeted, requestsOfGroup.get(key) ?? []) }))
    .sort(
      (a, b) =>
        a.quarter.localeCompare(b.quarter) ||
        compareText(a.region, b.region) ||
        compareText(a.eligibleTier, b.eligibleTier)
    );
  const budgeted = budgets.reduce((sum, budget) => sum + cents(budget.amount), 0);
  const total = {
    budgets: budgets.length,
    ...summaryOf(
      budgeted,
      requests.filter((request) => request.budgetId && inScope.has(request.budgetId))
    )
  };

  // (b) Waiting longer than the threshold.
  const waitingRequests: WaitingRequest[] = requests
    .filter((request) => request.status === 'Submitted' && request.submittedOn !== null)
    .map((request) => {
      const budget = request.budgetId ? budgetById.get(request.budgetId) : undefined;
      return {
        requestId: request.id,
        request: request.name,
        accountId: request.accountId,
        partner: partner(request.accountId),
        quarter: budget?.quarter ?? null,
        region: budget?.region ?? null,
        activityType: request.activityType,
        amount: request.requestedAmount ?? 0,
        submittedOn: request.submittedOn!,
        daysWaiting: daysFrom(request.submittedOn!, options.asOf)
      };
    })
    .filter((entry) => entry.daysWaiting > options.waitingDays)
    .sort((a, b) => a.submittedOn.localeCompare(b.submittedOn) || a.requestId.localeCompare(b.requestId));
  const waitingClaims: WaitingClaim[] = claims
    .filter((claim) => claim.status === 'Approved' && claim.approvedOn !== null)
    .map((claim) => {
      const request = requestById.get(claim.requestId)!;
      return {
        claimId: claim.id,
        claim: claim.name,
        requestId: request.id,
        request: request.name,
        accountId: request.accountId,
        partner: partner(request.accountId),
        amount: claim.amount ?? 0,
        approvedOn: claim.approvedOn!,
        daysWaiting: daysFrom(claim.approvedOn!, options.asOf)
      };
    })
    .filter((entry) => entry.daysWaiting > options.waitingDays)
    .sort((a, b) => a.approvedOn.localeCompare(b.approvedOn) || a.claimId.localeCompare(b.claimId));
  const submittedClaims = claims.filter((claim) => claim.status === 'Submitted');
  const undated = submittedClaims.filter((claim) => claim.submittedOn === null).length;
  if (undated > 0)
    warnings.push(
      `${undated} submitted claim(s) have no Submitted_On__c (submitted before the field existed): not aged, not listed.`
    );
  const claimsAwaitingApproval: ClaimAwaitingApproval[] = submittedClaims
    .filter((claim) => claim.submittedOn !== null)
    .map((claim) => {
      const request = requestById.get(claim.requestId)!;
      return {
        claimId: claim.id,
        claim: claim.name,
        requestId: request.id,
        request: request.name,
        accountId: request.accountId,
        partner: partner(request.accountId),
        amount: claim.amount ?? 0,
        submittedOn: claim.submittedOn!,
        daysWaiting: daysFrom(claim.submittedOn!, options.asOf)
      };
    })
    .filter((entry) => entry.daysWaiting > options.waitingDays)
    .sort((a, b) => a.submittedOn.localeCompare(b.submittedOn) || a.claimId.localeCompare(b.claimId));

  // (c) ROI of approved and completed requests: paid claims against their campaigns' results.
  const funded = requests.filter((request) => request.status === 'Approved' || request.status === 'Completed');
  const missingCampaigns = new Set(
    funded.filter((request) => request.campaignId && !data.campaigns.has(request.campaignId)).map((r) => r.campaignId)
  );
  if (missingCampaigns.size > 0)
    warnings.push(`${missingCampaigns.size} linked campaign(s) are not in Campaign.csv (counted as no pipeline).`);
  const roiOf = (group: MdfRequest[]): RoiRow => {
    let approved = 0;
    let paid = 0;
    let pipeline = 0;
    let won = 0;
    const seen = new Set<string>();
    for (const request of group) {
      approved += cents(request.approvedAmount);
      for (const claim of claimsOf.get(request.id) ?? []) if (claim.status === 'Paid') paid += cents(claim.amount);
      const campaign = request.campaignId ? data.campaigns.get(request.campaignId) : undefined;
      if (campaign && !seen.has(campaign.id)) {
        seen.add(campaign.id);
        pipeline += cents(campaign.pipeline);
        won += cents(campaign.won);
      }
    }
    const perUnit = mdfReturn(paid / 100, pipeline / 100, won / 100);
    return {
      requests: group.length,
      approved: approved / 100,
      paid: paid / 100,
      pipeline: pipeline / 100,
      won: won / 100,
      ...perUnit
    };
  };
  const groupBy = <K>(key: (request: MdfRequest) => K) => {
    const map = new Map<K, MdfRequest[]>();
    for (const request of funded) map.set(key(request), [...(map.get(key(request)) ?? []), request]);
    return map;
  };
  const byRoi = (a: RoiRow, b: RoiRow) => b.paid - a.paid || b.pipeline - a.pipeline;
  const byPartner: PartnerRoi[] = [...groupBy((request) => request.accountId).entries()]
    .map(([accountId, group]) => ({ accountId, partner: partner(accountId), ...roiOf(group) }))
    .sort((a, b) => byRoi(a, b) || a.partner.localeCompare(b.partner));
  const byActivityType: ActivityRoi[] = [...groupBy((request) => request.activityType).entries()]
    .map(([activityType, group]) => ({ activityType, ...roiOf(group) }))
    .sort((a, b) => byRoi(a, b) || compareText(a.activityType, b.activityType));

  return {
    snapshot: {
      source: data.manifest.source,
      exportedAt: data.manifest.exportedAt,
      corporateCurrency: data.manifest.corporateCurrency
    },
    quarter: options.quarter,
    asOf: options.asOf,
    waitingDays: options.waitingDays,
    utilisation: { rows, total },
    waiting: { requests: waitingRequests, claims: waitingClaims, claimsAwaitingApproval },
    roi: { byPartner, byActivityType },
    warnings
  };
}
