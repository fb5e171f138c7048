/*
 * c-mdf-budget-summary, driven through its Apex wire adapter: a budget, a region that is
 * over-committed, a partner without a cap, the empty state and the error.
 */
import { createElement } from 'lwc';
import { createApexTestWireAdapter } from '@salesforce/sfdx-lwc-jest';
import MdfBudgetSummary from 'c/mdfBudgetSummary';
import getBudgetSummary from '@salesforce/apex/MdfBudgetSummaryController.getBudgetSummary';
import BUDGET from './data/budget-emea.json';
import REGION_OVER from './data/region-over-committed.json';
import PARTNER from './data/partner-uncapped.json';

jest.mock(
  '@salesforce/apex/MdfBudgetSummaryController.getBudgetSummary',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);

const wire = getBudgetSummary as unknown as ReturnType<typeof createApexTestWireAdapter>;
type Node = Element & Record<string, unknown>;

function mount(props: Record<string, unknown> = {}): HTMLElement {
  const element = createElement('c-mdf-budget-summary', { is: MdfBudgetSummary }) as unknown as HTMLElement;
  Object.assign(element, props);
  document.body.appendChild(element);
  return element;
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const root = (element: Element) => element.shadowRoot!;
const text = (element: Element, selector: string) =>
  root(element).querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? null;

function amounts(element: Element): Record<string, unknown> {
  return Object.fromEntries(
    Array.from(root(element).querySelectorAll('[data-amount]')).map((figure) => [
      (figure as HTMLElement).dataset.amount,
      (figure.querySelector('lightning-formatted-number') as Node).value
    ])
  );
}

function bars(element: Element) {
  return Array.from(root(element).querySelectorAll('c-tier-progress-bar')).map((bar) => {
    const shadow = bar.shadowRoot!;
    const progress = shadow.querySelector('lightning-progress-bar')!.shadowRoot!.querySelector('[role="progressbar"]')!;
    return {
      label: shadow.querySelector('.label')?.textContent,
      percent: shadow.querySelector('.percent')!.textContent,
      caption: shadow.querySelector('.caption')?.textContent,
      ariaLabel: progress.getAttribute('aria-label'),
      valueNow: progress.getAttribute('aria-valuenow')
    };
  });
}

describe('c-mdf-budget-summary', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('shows a spinner until the summary arrives', async () => {
    const element = mount({ recordId: 'a0BPV0000000000001AAA' });
    await flush();

    expect(root(element).querySelector('lightning-spinner')).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows a budget: every amount in its currency and a labelled bar per share of the budget', async () => {
    const element = mount({ recordId: 'a0BPV0000000000001AAA' });
    wire.emit(BUDGET);
    await flush();

    expect(wire.getLastConfig()).toEqual({ recordId: 'a0BPV0000000000001AAA', region: null, fiscalQuarter: null });
    expect((root(element).querySelector('lightning-card') as Node).title).toBe('MDF Budget: EMEA 2026-Q4 Select');
    expect([text(element, '.quarter'), text(element, '.request-count')]).toEqual([
      'Fiscal quarter: 2026-Q4',
      '9 request(s)'
    ]);
    expect(amounts(element)).toEqual({
      budgeted: 100000,
      committed: 62500,
      pending: 12000,
      claimed: 30000,
      paid: 18000,
      available: 37500
    });
    const figure = root(element).querySelector('[data-amount="available"] lightning-formatted-number') as Node;
    expect([figure.formatStyle, figure.currencyCode]).toEqual(['currency', 'EUR']);
    expect(bars(element)).toEqual([
      { label: 'Committed', percent: '62 %', caption: '62 % of the budget', ariaLabel: 'Committed', valueNow: '62' },
      { label: 'Pending', percent: '12 %', caption: '12 % of the budget', ariaLabel: 'Pending', valueNow: '12' },
      { label: 'Claimed', percent: '30 %', caption: '30 % of the budget', ariaLabel: 'Claimed', valueNow: '30' },
      { label: 'Paid', percent: '18 %', caption: '18 % of the budget', ariaLabel: 'Paid', valueNow: '18' }
    ]);
    expect(root(element).querySelector('.over-committed')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('warns when a region is over-committed and shows the negative available amount', async () => {
    const element = mount({ region: ' North America ', fiscalQuarter: '2026-Q4' });
    wire.emit(REGION_OVER);
    await flush();

    expect(wire.getLastConfig()).toEqual({ recordId: null, region: 'North America', fiscalQuarter: '2026-Q4' });
    expect(root(element).querySelector('.summary')!.getAttribute('data-scope')).toBe('region');
    const warning = root(element).querySelector('.over-committed')!;
    expect(warning.getAttribute('role')).toBe('alert');
    expect(warning.textContent).toMatch(/^Over-committed: approved requests exceed the budget/);
    expect(amounts(element).available).toBe(-15000);
    expect(root(element).querySelector('[data-amount="available"]')!.classList.contains('slds-text-color_error')).toBe(
      true
    );
    expect(bars(element)[0]).toMatchObject({ percent: '110 %', valueNow: '100' });
    await expect(element).toBeAccessible();
  });

  it('says when pending requests would overrun the budget', async () => {
    const element = mount({ recordId: 'a0BPV0000000000001AAA' });
    wire.emit({ ...BUDGET, pending: 40000 });
    await flush();

    expect(text(element, '.over-requested')).toBe(
      'If every pending request were approved, the budget would be exceeded.'
    );
    expect(root(element).querySelector('.over-committed')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows a partner without a cap: amounts without budget, available or bars', async () => {
    const element = mount({ recordId: '001PV0000000000103AAA' });
    wire.emit(PARTNER);
    await flush();

    expect(text(element, '.no-cap')).toBe("No budget ceiling: this partner's tier has no MDF cap.");
    expect(Object.keys(amounts(element))).toEqual(['committed', 'pending', 'claimed', 'paid']);
    expect(bars(element)).toEqual([]);
    await expect(element).toBeAccessible();
  });

  it('shows the signed-in partner its own MDF on the partner site (no record id)', async () => {
    const element = mount();
    wire.emit({ ...PARTNER, budgeted: 100000 });
    await flush();

    expect(wire.getLastConfig()).toEqual({ recordId: null, region: null, fiscalQuarter: null });
    expect(root(element).querySelector('.summary')!.getAttribute('data-scope')).toBe('partner');
    expect(amounts(element).available).toBe(60000);
    expect(bars(element).map((bar) => bar.valueNow)).toEqual(['40', '10', '25', '25']);
    await expect(element).toBeAccessible();
  });

  it('shows the empty state when there is no budget and no request', async () => {
    const element = mount();
    wire.emit(null);
    await flush();

    expect(text(element, '.empty')).toBe('No MDF budget or requests for this selection.');
    expect(root(element).querySelector('.summary')).toBeNull();
    await expect(element).toBeAccessible();

    wire.emit({ ...PARTNER, committed: 0, pending: 0, claimed: 0, paid: 0, requestCount: 0 });
    await flush();
    expect(root(element).querySelector('.empty')).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows why the summary could not be loaded', async () => {
    const element = mount({ recordId: 'a0BPV0000000000001AAA' });
    wire.error({ message: 'You cannot see this budget.' });
    await flush();

    expect(root(element).querySelector('.error')!.getAttribute('role')).toBe('alert');
    expect(text(element, '.error .message')).toBe('You cannot see this budget.');
    await expect(element).toBeAccessible();
  });
});
