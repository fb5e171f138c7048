/*
 * What the MDF request form shows and checks, from MdfRequestController.getRequestContext: the
 * partner's allowance (cap, used, remaining) or why its tier gets no MDF, the budgets to choose from,
 * and the checks made before anything goes to the server (required fields, dates in order, an amount
 * above zero that fits the cap and the chosen budget, by c/mdfRules.amountRefusal; the server checks
 * the same again). Pure TypeScript (no `lwc`/`lightning` imports), so it is tested on its own.
 */
import { allowanceFromTotals, amountRefusal, type AmountRefusal } from 'c/mdfRules';

/* ------------------------------------------------------------------ the Apex contract */

export interface BudgetOptionData {
  id: string;
  name: string;
  region: string | null;
  fiscalQuarter: string | null;
  eligibleTier: string | null;
  available: number | null;
}

/** MdfRequestController.getRequestContext(recordId). */
export interface RequestContextData {
  accountId: string | null;
  accountName: string | null;
  tier: string | null;
  eligible: boolean;
  refusalMessage: string | null;
  eligibleTiers: string[] | null;
  /** null = no cap. */
  capPerQuarter: number | null;
  used: number | null;
  /** null = no cap. */
  remaining: number | null;
  fiscalQuarter: string | null;
  currencyCode: string | null;
  budgets: BudgetOptionData[] | null;
  activityTypes: { value: string; label: string }[] | null;
}

/** The input of MdfRequestController.saveRequest(input, submit). */
export interface RequestInput {
  recordId: string | null;
  goal: string;
  targetAudience: string;
  activityType: string;
  startDate: string;
  endDate: string;
  expectedPipeline: number | null;
  requestedAmount: number | null;
  budgetId: string | null;
}

/* ------------------------------------------------------------------ the view */

export interface RequestFormView {
  accountName: string | null;
  tier: string | null;
  eligible: boolean;
  refusalMessage: string | null;
  /** "Select, Elite": the tiers that get MDF. */
  eligibleTiersText: string;
  fiscalQuarter: string | null;
  currencyCode: string;
  hasCap: boolean;
  capPerQuarter: number | null;
  used: number;
  remaining: number | null;
  /** Nothing left under the cap this quarter. */
  exhausted: boolean;
  budgetOptions: { value: string; label: string }[];
  activityTypes: { value: string; label: string }[];
}

/** The fields of the form, in the order they are shown (the first with a problem gets the focus). */
export const REQUEST_FIELDS = [
  'goal',
  'targetAudience',
  'activityType',
  'startDate',
  'endDate',
  'expectedPipeline',
  'requestedAmount',
  'budgetId'
] as const;
export type RequestField = (typeof REQUEST_FIELDS)[number];

/** The values as the form holds them: text from the inputs (numbers not parsed yet). */
export type RequestValues = Record<RequestField, string>;

export type RequestProblem =
  | 'REQUIRED'
  | 'END_BEFORE_START'
  | 'NOT_NUMBER'
  | 'NEGATIVE'
  | Exclude<AmountRefusal, 'NO_TIER' | 'TIER_NOT_ELIGIBLE'>
  | 'NOT_ELIGIBLE';

export const EMPTY_VALUES: RequestValues = {
  goal: '',
  targetAudience: '',
  activityType: '',
  startDate: '',
  endDate: '',
  expectedPipeline: '',
  requestedAmount: '',
  budgetId: ''
};

export function buildRequestFormView(data: RequestContextData): RequestFormView {
  const hasCap = data.eligible && data.capPerQuarter !== null && data.capPerQuarter !== undefined;
  const remaining = hasCap ? (data.remaining ?? 0) : null;
  return {
    accountName: data.accountName ?? null,
    tier: data.tier ?? null,
    eligible: Boolean(data.eligible),
    refusalMessage: data.refusalMessage ?? null,
    eligibleTiersText: (data.eligibleTiers ?? []).join(', '),
    fiscalQuarter: data.fiscalQuarter ?? null,
    currencyCode: data.currencyCode || 'USD',
    hasCap,
    capPerQuarter: hasCap ? data.capPerQuarter : null,
    used: data.used ?? 0,
    remaining,
    exhausted: remaining !== null && remaining <= 0,
    budgetOptions: (data.budgets ?? []).map((budget) => ({
      value: budget.id,
      label: [budget.name, budget.region, budget.eligibleTier].filter(Boolean).join(' · ')
    })),
    activityTypes: (data.activityTypes ?? []).map((type) => ({ value: type.value, label: type.label }))
  };
}

/** A number typed into an input, or null when blank; NaN when it is not a number. */
export function parseAmount(text: string | null | undefined): number | null {
  const trimmed = (text ?? '').trim();
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : Number.NaN;
}

/** The budget the partner chose, or null. */
export function chosenBudget(data: RequestContextData, budgetId: string): BudgetOptionData | null {
  return (data.budgets ?? []).find((budget) => budget.id === budgetId) ?? null;
}

/**
 * What is wrong with the values, per field (only fields with a problem are listed), checked the way
 * the server checks them: every field but the budget is required, the end date is on or after the
 * start date, the expected pipeline is 0 or more, and the amount is above 0 and, on submission, fits
 * what is left under the cap and in the chosen budget (c/mdfRules.amountRefusal). A draft holds no
 * money, so it may ask for more than is left (it is checked again when it is submitted).
 */
export function validateRequest(
  values: RequestValues,
  data: RequestContextData,
  submit = true
): Partial<Record<RequestField, RequestProblem>> {
  const problems: Partial<Record<RequestField, RequestProblem>> = {};
  for (const field of REQUEST_FIELDS) {
    if (field !== 'budgetId' && (values[field] ?? '').trim() === '') problems[field] = 'REQUIRED';
  }
  if (!problems.startDate && !problems.endDate && values.endDate < values.startDate) {
    problems.endDate = 'END_BEFORE_START';
  }
  const pipeline = parseAmount(values.expectedPipeline);
  if (!problems.expectedPipeline && pipeline !== null) {
    if (Number.isNaN(pipeline)) problems.expectedPipeline = 'NOT_NUMBER';
    else if (pipeline < 0) problems.expectedPipeline = 'NEGATIVE';
  }
  const amount = parseAmount(values.requestedAmount);
  if (!problems.requestedAmount) {
    if (amount !== null && Number.isNaN(amount)) problems.requestedAmount = 'NOT_NUMBER';
    else {
      const budget = chosenBudget(data, values.budgetId);
      const refusal = amountRefusal(amount, allowanceFromTotals(data), budget ? budget.available : null);
      if (refusal === 'NO_TIER' || refusal === 'TIER_NOT_ELIGIBLE') problems.requestedAmount = 'NOT_ELIGIBLE';
      else if (refusal === 'NOT_POSITIVE' || (refusal && submit)) problems.requestedAmount = refusal;
    }
  }
  return problems;
}

/** The first field with a problem, in form order. */
export function firstProblemField(problems: Partial<Record<RequestField, RequestProblem>>): RequestField | null {
  return REQUEST_FIELDS.find((field) => problems[field]) ?? null;
}

/** The input saveRequest takes, from checked values. */
export function toRequestInput(values: RequestValues, recordId: string | null): RequestInput {
  return {
    recordId,
    goal: values.goal.trim(),
    targetAudience: values.targetAudience.trim(),
    activityType: values.activityType,
    startDate: values.startDate,
    endDate: values.endDate,
    expectedPipeline: parseAmount(values.expectedPipeline),
    requestedAmount: parseAmount(values.requestedAmount),
    budgetId: values.budgetId || null
  };
}
