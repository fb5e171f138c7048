import { buildBudgetSummaryView, isEmptySummary, type BudgetSummaryData } from 'c/mdfBudgetSummaryModel';

const BUDGET: BudgetSummaryData = {
  scope: 'budget',
  title: 'EMEA 2026-Q4 Select',
  fiscalQuarter: '2026-Q4',
  currencyCode: 'EUR',
  budgeted: 100000,
  committed: 62500,
  pending: 12000,
  claimed: 30000,
  paid: 18000.5,
  requestCount: 9
};

describe('c-mdf-budget-summary-model', () => {
  it('lists the amounts with their share of the budget and what is available', () => {
    const view = buildBudgetSummaryView(BUDGET);
    expect(view.amounts.map((amount) => [amount.key, amount.value, amount.percent])).toEqual([
      ['budgeted', 100000, null],
      ['committed', 62500, 62],
      ['pending', 12000, 12],
      ['claimed', 30000, 30],
      ['paid', 18000.5, 18],
      ['available', 37500, null]
    ]);
    expect(view.bars.map((bar) => bar.key)).toEqual(['committed', 'pending', 'claimed', 'paid']);
    expect(view).toMatchObject({
      hasBudget: true,
      currencyCode: 'EUR',
      overCommitted: false,
      overRequested: false,
      requestCount: 9
    });
  });

  it('flags an over-committed budget with a negative available amount', () => {
    const view = buildBudgetSummaryView({ ...BUDGET, committed: 110000, pending: 0 });
    expect(view.overCommitted).toBe(true);
    expect(view.overRequested).toBe(false);
    const available = view.amounts.find((amount) => amount.key === 'available')!;
    expect([available.value, available.negative]).toEqual([-10000, true]);
    expect(view.bars[0].percent).toBe(110);
  });

  it('warns when pending requests would overrun the budget', () => {
    expect(buildBudgetSummaryView({ ...BUDGET, pending: 40000 }).overRequested).toBe(true);
  });

  it('shows a partner without a cap without budgeted, available and bars', () => {
    const view = buildBudgetSummaryView({ ...BUDGET, scope: 'partner', budgeted: null, currencyCode: null });
    expect(view.hasBudget).toBe(false);
    expect(view.amounts.map((amount) => amount.key)).toEqual(['committed', 'pending', 'claimed', 'paid']);
    expect(view.bars).toEqual([]);
    expect(view.currencyCode).toBe('USD');
  });

  it('is empty without data, or with neither a budget nor requests', () => {
    expect(isEmptySummary(null)).toBe(true);
    expect(
      isEmptySummary({ ...BUDGET, budgeted: null, committed: 0, pending: 0, claimed: 0, paid: 0, requestCount: 0 })
    ).toBe(true);
    expect(isEmptySummary({ ...BUDGET, committed: 0, pending: 0, claimed: 0, paid: 0, requestCount: 0 })).toBe(false);
  });
});
