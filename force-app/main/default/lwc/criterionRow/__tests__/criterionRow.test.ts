import { createElement } from 'lwc';
import CriterionRow from 'c/criterionRow';
import type { CriterionView } from 'c/tierProgressModel';

const REVENUE: CriterionView = {
  key: 'Elite_Revenue_4Q',
  tier: 'Elite',
  label: 'Closed-won partner revenue in the last four quarters',
  helpText: 'Resold, sourced and influenced deals.',
  metric: 'REVENUE_4Q',
  operator: '>=',
  unit: 'currency',
  met: false,
  hasData: true,
  value: 470000,
  threshold: 500000,
  valueText: 'USD 470,000.00',
  thresholdText: 'USD 500,000.00',
  justMissed: false,
  progress: 0.94,
  percent: 94,
  gap: 'USD 30,000.00 more',
  reason: 'Not met: USD 470,000.00 (required: at least USD 500,000.00).'
};

function mount(criterion: CriterionView): HTMLElement {
  const element = createElement('c-criterion-row', { is: CriterionRow }) as unknown as HTMLElement &
    Record<string, unknown>;
  element.criterion = criterion;
  document.body.appendChild(element);
  return element;
}

describe('c-criterion-row', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('shows an unmet criterion with value, requirement, bar and what is missing', async () => {
    const element = mount(REVENUE);
    await Promise.resolve();

    const row = element.shadowRoot!.querySelector('.criterion') as HTMLElement;
    expect(row.dataset).toMatchObject({ criterion: 'Elite_Revenue_4Q', met: 'false', percent: '94' });
    expect((row.querySelector('lightning-icon') as Element & { alternativeText: string }).alternativeText).toBe(
      'Not met'
    );
    expect(row.querySelector('.shown')!.textContent).toBe('USD 470,000.00');
    expect(row.querySelector('.required')!.textContent).toBe(' (required: at least USD 500,000.00)');
    expect(row.querySelector('.gap')!.textContent).toBe('Missing: USD 30,000.00 more');
    const bar = row.querySelector('lightning-progress-bar')!.shadowRoot!.querySelector('[role="progressbar"]')!;
    expect(bar.getAttribute('aria-label')).toBe(
      'Closed-won partner revenue in the last four quarters: 94 % of the requirement'
    );
    expect(bar.getAttribute('aria-valuenow')).toBe('94');
    await expect(element).toBeAccessible();
  });

  it('ticks a met criterion and shows no gap', async () => {
    const element = mount({ ...REVENUE, met: true, percent: 100, progress: 1, gap: null, valueText: 'USD 520,000.00' });
    await Promise.resolve();

    const row = element.shadowRoot!.querySelector('.criterion')!;
    expect((row.querySelector('lightning-icon') as Element & { alternativeText: string }).alternativeText).toBe('Met');
    expect(row.querySelector('.gap')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('says "no data" for a metric without value, and "just below" for a miss below the shown precision', async () => {
    const noData = mount({ ...REVENUE, hasData: false, value: null, valueText: null, percent: 0, gap: 'no data' });
    await Promise.resolve();
    expect(noData.shadowRoot!.querySelector('.shown')!.textContent).toBe('No data: counts as not met');
    expect(noData.shadowRoot!.querySelector('.gap')).toBeNull();

    const justBelow = mount({ ...REVENUE, unit: '%', valueText: '85 %', thresholdText: '85 %', justMissed: true });
    await Promise.resolve();
    expect(justBelow.shadowRoot!.querySelector('.shown')!.textContent).toBe('just below 85 %');

    const justAbove = mount({
      ...REVENUE,
      operator: '<=',
      valueText: '180 days',
      thresholdText: '180 days',
      justMissed: true
    });
    await Promise.resolve();
    expect(justAbove.shadowRoot!.querySelector('.shown')!.textContent).toBe('just above 180 days');
    expect(justAbove.shadowRoot!.querySelector('.required')!.textContent).toBe(' (required: at most 180 days)');
    await expect(justAbove).toBeAccessible();
  });
});
