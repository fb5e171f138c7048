/*
 * What the MDF budget summary shows, from MdfBudgetSummaryController.getBudgetSummary: the amounts
 * (budgeted, committed, pending, claimed, paid, available) and, when there is a budget, each amount's
 * share of it as a bar; over-committed and empty states. Available and the shares come from
 * c/mdfRules.summarizeTotals. Pure TypeScript (no `lwc`/`lightning` imports), tested on its own.
 */
import { summarizeTotals } from 'c/mdfRules';

/** MdfBudgetSummaryController.getBudgetSummary(recordId, region, fiscalQuarter). */
export interface BudgetSummaryData {
  scope: 'budget' | 'partner' | 'region';
  title: string | null;
  fiscalQuarter: string | null;
  currencyCode: string | null;
  /** null for a partner without a cap. */
  budgeted: number | null;
  committed: number | null;
  pending: number | null;
  claimed: number | null;
  paid: number | null;
  requestCount: number | null;
}

export type AmountKey = 'budgeted' | 'committed' | 'pending' | 'claimed' | 'paid' | 'available';

export interface AmountView {
  key: AmountKey;
  value: number;
  /** Share of the budget in whole percent (rounded down; over 100 when over-committed); null for budgeted/available or without a budget. */
  percent: number | null;
  /** The amount is a problem (available below zero). */
  negative: boolean;
}

export interface BudgetSummaryView {
  scope: BudgetSummaryData['scope'];
  title: string | null;
  fiscalQuarter: string | null;
  currencyCode: string;
  hasBudget: boolean;
  /** Figures in display order; budgeted and available only with a budget. */
  amounts: AmountView[];
  /** The amounts shown as bars: committed, pending, claimed, paid (with a budget only). */
  bars: AmountView[];
  requestCount: number;
  overCommitted: boolean;
  overRequested: boolean;
}

/** No budget and nothing requested: nothing to summarise. */
export function isEmptySummary(data: BudgetSummaryData | null | undefined): boolean {
  if (!data) return true;
  const nothing = (value: number | null) => !value;
  return (
    nothing(data.budgeted) &&
    nothing(data.committed) &&
    nothing(data.pending) &&
    nothing(data.claimed) &&
    nothing(data.paid) &&
    !data.requestCount
  );
}

export function buildBudgetSummaryView(data: BudgetSummaryData): BudgetSummaryView {
  const summary = summarizeTotals(data);
  const hasBudget = summary.budgeted !== null;
  const amount = (key: AmountKey, value: number, percent: number | null = null): AmountView => ({
    key,
    value,
    percent,
    negative: value < 0
  });
  const bars = [
    amount('committed', summary.committed, summary.committedPercent),
    amount('pending', summary.pending, summary.pendingPercent),
    amount('claimed', summary.claimed, summary.claimedPercent),
    amount('paid', summary.paid, summary.paidPercent)
  ];
  const amounts = hasBudget
    ? [amount('budgeted', summary.budgeted!), ...bars, amount('available', summary.available!)]
    : bars;
  return {
    scope: data.scope,
    title: data.title ?? null,
    fiscalQuarter: data.fiscalQuarter ?? null,
    currencyCode: data.currencyCode || 'USD',
    hasBudget,
    amounts,
    bars: hasBudget ? bars : [],
    requestCount: data.requestCount ?? 0,
    overCommitted: summary.overCommitted,
    overRequested: summary.overRequested && !summary.overCommitted
  };
}
