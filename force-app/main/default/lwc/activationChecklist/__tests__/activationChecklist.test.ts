import { createElement } from 'lwc';
import ActivationChecklist from 'c/activationChecklist';
import type { ActivationView } from 'c/partnerChecklistModel';

const ACTIVATION: ActivationView = {
  dueOn: '2026-10-30',
  status: 'open',
  done: 2,
  total: 5,
  items: [
    { key: 'coMarketingAsset', label: 'One co-marketing asset live and tracked', done: false, target: 'evidence' },
    { key: 'icpDeals', label: 'Two registered opportunities', done: true, target: null },
    { key: 'deliveryWithCsat', label: 'One delivery milestone', done: true, target: null },
    { key: 'profileConfirmed', label: 'Profile fields confirmed', done: false, target: 'profile' },
    { key: 'nextTierGaps', label: 'Next-tier gaps identified', done: false, target: null }
  ]
};

function mount(activation: ActivationView): HTMLElement {
  const element = createElement('c-activation-checklist', { is: ActivationChecklist }) as unknown as HTMLElement &
    Record<string, unknown>;
  element.activation = activation;
  document.body.appendChild(element);
  return element;
}

describe('c-activation-checklist', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('shows the steps, how many are done and the due date, and passes navigation on', async () => {
    const element = mount(ACTIVATION);
    const navigate = jest.fn();
    element.addEventListener('navigate', navigate);
    await Promise.resolve();

    const root = element.shadowRoot!;
    const bar = root.querySelector('c-tier-progress-bar') as Element & Record<string, unknown>;
    expect([bar.label, bar.percent, bar.caption]).toEqual(['90-day activation', 40, '2 of 5 steps done']);
    expect(root.querySelector('.status')!.textContent).toContain('Due on');
    expect((root.querySelector('lightning-formatted-date-time.due') as Element & { value: string }).value).toBe(
      '2026-10-30'
    );
    expect(root.querySelectorAll('c-checklist-item')).toHaveLength(5);
    (root.querySelector('c-checklist-item')!.shadowRoot!.querySelector('lightning-button') as HTMLElement).click();
    expect(navigate.mock.calls[0][0].detail).toEqual({ target: 'evidence' });
    await expect(element).toBeAccessible();
  });

  it('warns when overdue and says when complete', async () => {
    const overdue = mount({ ...ACTIVATION, status: 'overdue' });
    const complete = mount({ ...ACTIVATION, status: 'complete', done: 5 });
    await Promise.resolve();

    const notice = overdue.shadowRoot!.querySelector('c-tier-notice.overdue') as Element & Record<string, unknown>;
    expect([notice.variant, notice.message, notice.date]).toEqual(['warning', 'Overdue since', '2026-10-30']);
    expect(complete.shadowRoot!.querySelector('.status')!.textContent).toBe('All activation steps are done.');
    await expect(overdue).toBeAccessible();
  });
});
