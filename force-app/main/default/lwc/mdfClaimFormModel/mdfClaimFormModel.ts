/*
 * What the MDF claim form shows and checks, from MdfClaimController.getClaimContext: whether the
 * request can be claimed (and why not), the claim's state (new, draft, or already submitted and
 * read-only), whether it may be submitted (at least one proof of performance file), and the checks
 * made before saving (an amount above zero and at most the claimable amount, results, a pipeline of
 * 0 or more). Pure TypeScript (no `lwc`/`lightning` imports), tested on its own.
 */

/** MdfClaimController.getClaimContext(recordId). */
export interface ClaimContextData {
  requestId: string | null;
  requestName: string | null;
  requestStatus: string | null;
  currencyCode: string | null;
  approvedAmount: number | null;
  claimedTotal: number | null;
  claimable: number | null;
  canClaim: boolean;
  refusalMessage: string | null;
  claimId: string | null;
  claimStatus: string | null;
  amount: number | null;
  results: string | null;
  actualPipeline: number | null;
  proofCount: number | null;
}

export type ClaimMode = 'notClaimable' | 'edit' | 'readOnly';

export interface ClaimFormView {
  mode: ClaimMode;
  requestId: string | null;
  requestName: string | null;
  requestStatus: string | null;
  currencyCode: string;
  approvedAmount: number;
  claimedTotal: number;
  claimable: number;
  refusalMessage: string | null;
  claimId: string | null;
  claimStatus: string | null;
  proofCount: number;
}

export const CLAIM_FIELDS = ['amount', 'results', 'actualPipeline'] as const;
export type ClaimField = (typeof CLAIM_FIELDS)[number];
export type ClaimValues = Record<ClaimField, string>;
export type ClaimProblem = 'REQUIRED' | 'NOT_NUMBER' | 'NOT_POSITIVE' | 'OVER_CLAIMABLE' | 'NEGATIVE';

/**
 * A claim that exists and is past Draft is shown read-only with its status; without a claim (or with
 * a draft) the form is open when the server says the request can be claimed, otherwise the reason.
 */
export function buildClaimFormView(data: ClaimContextData): ClaimFormView {
  const submitted = Boolean(data.claimId) && Boolean(data.claimStatus) && data.claimStatus !== 'Draft';
  const mode: ClaimMode = submitted ? 'readOnly' : data.canClaim ? 'edit' : 'notClaimable';
  return {
    mode,
    requestId: data.requestId ?? null,
    requestName: data.requestName ?? null,
    requestStatus: data.requestStatus ?? null,
    currencyCode: data.currencyCode || 'USD',
    approvedAmount: data.approvedAmount ?? 0,
    claimedTotal: data.claimedTotal ?? 0,
    claimable: data.claimable ?? 0,
    refusalMessage: data.refusalMessage ?? null,
    claimId: data.claimId ?? null,
    claimStatus: data.claimStatus ?? null,
    proofCount: data.proofCount ?? 0
  };
}

/** The form's starting values: the draft's, or empty. */
export function initialClaimValues(data: ClaimContextData): ClaimValues {
  const text = (value: number | string | null | undefined) =>
    value === null || value === undefined ? '' : String(value);
  return { amount: text(data.amount), results: text(data.results), actualPipeline: text(data.actualPipeline) };
}

function parse(text: string): number | null {
  const trimmed = (text ?? '').trim();
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : Number.NaN;
}

const cents = (value: number) => Math.round(value * 100);

/** What is wrong with the values, per field (as MdfClaimController checks them). */
export function validateClaim(values: ClaimValues, claimable: number): Partial<Record<ClaimField, ClaimProblem>> {
  const problems: Partial<Record<ClaimField, ClaimProblem>> = {};
  const amount = parse(values.amount);
  if (amount === null) problems.amount = 'REQUIRED';
  else if (Number.isNaN(amount)) problems.amount = 'NOT_NUMBER';
  else if (cents(amount) <= 0) problems.amount = 'NOT_POSITIVE';
  else if (cents(amount) > cents(claimable)) problems.amount = 'OVER_CLAIMABLE';
  if ((values.results ?? '').trim() === '') problems.results = 'REQUIRED';
  const pipeline = parse(values.actualPipeline);
  if (pipeline === null) problems.actualPipeline = 'REQUIRED';
  else if (Number.isNaN(pipeline)) problems.actualPipeline = 'NOT_NUMBER';
  else if (pipeline < 0) problems.actualPipeline = 'NEGATIVE';
  return problems;
}

export function firstClaimProblem(problems: Partial<Record<ClaimField, ClaimProblem>>): ClaimField | null {
  return CLAIM_FIELDS.find((field) => problems[field]) ?? null;
}

/** The arguments of MdfClaimController.saveClaimDraft, from checked values. */
export function toDraftParams(values: ClaimValues, requestId: string, claimId: string | null) {
  return {
    requestId,
    claimId,
    amount: Number(values.amount),
    results: values.results.trim(),
    actualPipeline: Number(values.actualPipeline)
  };
}

/** A claim may be submitted once it is saved and has at least one proof file. */
export function canSubmitClaim(claimId: string | null, proofCount: number): boolean {
  return Boolean(claimId) && proofCount > 0;
}
