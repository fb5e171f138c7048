/*
 * c-tier-history, driven through its Apex wire adapter with fixtures built from data/sample (see
 * data/README.md), and the appeal a partner files through it.
 */
import { createElement } from 'lwc';
import { createApexTestWireAdapter } from '@salesforce/sfdx-lwc-jest';
import TierHistory from 'c/tierHistory';
import getHistory from '@salesforce/apex/TierHistoryController.getHistory';
import fileAppeal from '@salesforce/apex/TierHistoryController.fileAppeal';
import SKYLARK_PARTNER from './data/skylark-partner.json';
import SKYLARK_MANAGER from './data/skylark-manager.json';
import SKYLARK_EXPLAIN from './data/skylark-explain.json';
import IRONBARK_PARTNER from './data/ironbark-partner.json';

jest.mock(
  '@salesforce/apex/TierHistoryController.getHistory',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock('@salesforce/apex/TierHistoryController.fileAppeal', () => ({ default: jest.fn() }), { virtual: true });

const wire = getHistory as unknown as ReturnType<typeof createApexTestWireAdapter>;
const fileAppealMock = fileAppeal as unknown as jest.Mock;
const navigation = require('lightning/navigation') as {
  getNavigateCalledWith(): { pageReference: { type: string; attributes: Record<string, unknown> } } | undefined;
  resetNavigation(): void;
};

function mount(props: Record<string, unknown> = {}): HTMLElement {
  const element = createElement('c-tier-history', { is: TierHistory }) as unknown as HTMLElement;
  Object.assign(element, props);
  document.body.appendChild(element);
  return element;
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const root = (element: Element) => element.shadowRoot!;

function items(element: Element): ShadowRoot[] {
  return Array.from(root(element).querySelectorAll('c-evaluation-item')).map((item) => item.shadowRoot!);
}

function form(element: Element): ShadowRoot | null {
  return root(element).querySelector('c-appeal-form')?.shadowRoot ?? null;
}

function change(input: Element, value: string) {
  input.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

describe('c-tier-history', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    navigation.resetNavigation();
    jest.clearAllMocks();
  });

  it('shows the partner its evaluations with the criteria as evaluated (Skylark Metrics, partner site)', async () => {
    const element = mount();
    wire.emit(SKYLARK_PARTNER);
    await flush();

    expect(wire.getLastConfig()).toEqual({ recordId: null });
    const [latest, previous] = items(element);
    expect(latest.querySelector('.quarter')!.textContent).toBe('2026-Q3');
    expect((latest.querySelector('lightning-badge') as Element & { label: string }).label).toBe('Grace');
    expect(latest.querySelector('lightning-badge')!.classList.contains('slds-theme_warning')).toBe(true);
    expect(latest.querySelector('.tiers')!.textContent).toBe('Elite → Elite');
    expect(latest.querySelector('.summary')!.textContent).toBe(SKYLARK_PARTNER.evaluations[0].summary);
    expect(latest.querySelector('.progress')).toBeNull();

    const elite = latest.querySelector('.group[data-tier="Elite"]')!;
    expect(elite.querySelector('.slds-text-title_bold')!.textContent).toBe('Elite: 5 of 6 met');
    const revenue = elite.querySelector('[data-criterion="Elite_Revenue_4Q"]') as HTMLElement;
    const explained = SKYLARK_EXPLAIN.criteria.find((criterion) => criterion.criterion === 'Elite_Revenue_4Q')!;
    expect(revenue.dataset.met).toBe('false');
    expect(revenue.querySelector('.name')!.textContent).toBe('revenue');
    expect(revenue.querySelector('.value')!.textContent).toBe('470,000');
    expect(revenue.querySelector('.requirement')!.textContent).toBe(' (≥ 500,000)');
    expect(revenue.querySelector('.gap')!.textContent).toBe(` Missing: ${explained.gap}`);

    expect(latest.querySelector('lightning-button.appeal-action')).not.toBeNull();
    expect(previous.querySelector('lightning-button.appeal-action')).toBeNull();
    expect(previous.querySelector('details')).toBeNull();
    expect(root(element).querySelector('c-open-appeal-list')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows the progress to the next tier at the evaluation, rounded down (Ironbark Systems)', async () => {
    const element = mount();
    wire.emit(IRONBARK_PARTNER);
    await flush();

    expect(items(element)[0].querySelector('.progress')!.textContent).toBe('Progress to the next tier: 97 %');
    await expect(element).toBeAccessible();
  });

  it('files an appeal with reason and evidence link, then confirms it', async () => {
    fileAppealMock.mockResolvedValue('a078d0000y01NewAAA');
    const focus = jest.spyOn(HTMLElement.prototype, 'focus');
    const element = mount();
    wire.emit(SKYLARK_PARTNER);
    await flush();

    (items(element)[0].querySelector('lightning-button.appeal-action') as HTMLElement).click();
    await flush();
    const opened = form(element)!;
    expect(opened.querySelector('h4')!.textContent).toBe('Appeal the 2026-Q3 decision');
    expect(items(element)[0].querySelector('lightning-button.appeal-action')).toBeNull();
    const reason = opened.querySelector('lightning-textarea')!;
    expect(focus.mock.contexts).toContain(reason);
    await expect(element).toBeAccessible();

    // Nothing is filed without a reason, nor with a link that is not a web address.
    (opened.querySelector('lightning-button.submit') as HTMLElement).click();
    change(reason, 'Two deals closed on 2026-09-29 are missing from the revenue.');
    change(opened.querySelector('lightning-input')!, 'intranet/deals');
    (opened.querySelector('lightning-button.submit') as HTMLElement).click();
    expect(fileAppealMock).not.toHaveBeenCalled();

    change(opened.querySelector('lightning-input')!, ' https://example.com/skylark/deals ');
    (opened.querySelector('lightning-button.submit') as HTMLElement).click();
    await flush();

    expect(fileAppealMock).toHaveBeenCalledWith({
      evaluationId: SKYLARK_PARTNER.evaluations[0].id,
      reason: 'Two deals closed on 2026-09-29 are missing from the revenue.',
      evidenceUrl: 'https://example.com/skylark/deals'
    });
    expect(form(element)).toBeNull();
    const success = root(element).querySelector('[role="status"].success')!;
    expect(success.textContent!.trim()).toBe('Your appeal was filed. Your partner manager will review it and answer.');
    expect(focus.mock.contexts).toContain(success);
    await expect(element).toBeAccessible();
    focus.mockRestore();
  });

  it('keeps the form open with the server’s refusal', async () => {
    fileAppealMock.mockRejectedValue({
      body: { message: "This evaluation already has an open appeal. Wait for your partner manager's answer." }
    });
    const element = mount();
    wire.emit(SKYLARK_PARTNER);
    await flush();
    (items(element)[0].querySelector('lightning-button.appeal-action') as HTMLElement).click();
    await flush();
    change(form(element)!.querySelector('lightning-textarea')!, 'Revenue is wrong.');
    (form(element)!.querySelector('lightning-button.submit') as HTMLElement).click();
    await flush();

    expect(form(element)!.querySelector('[role="alert"]')!.textContent).toBe(
      "This evaluation already has an open appeal. Wait for your partner manager's answer."
    );
    await expect(element).toBeAccessible();
  });

  it('closes the form with Cancel or Escape', async () => {
    const element = mount();
    wire.emit(SKYLARK_PARTNER);
    await flush();
    const open = async () => {
      (items(element)[0].querySelector('lightning-button.appeal-action') as HTMLElement).click();
      await flush();
    };

    await open();
    const focus = jest.spyOn(HTMLElement.prototype, 'focus');
    (form(element)!.querySelector('lightning-button.cancel') as HTMLElement).click();
    await flush();
    expect(form(element)).toBeNull();
    // The keyboard focus goes back to the button that opened the form.
    expect(focus.mock.contexts).toContain(items(element)[0].querySelector('lightning-button.appeal-action'));
    focus.mockRestore();

    await open();
    form(element)!
      .querySelector('section')!
      .dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await flush();
    expect(form(element)).toBeNull();
    expect(items(element)[0].querySelector('lightning-button.appeal-action')).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows the partner manager the appeal and the open appeals, and opens one (Skylark Metrics)', async () => {
    const element = mount({ recordId: SKYLARK_MANAGER.profileId });
    wire.emit(SKYLARK_MANAGER);
    await flush();

    expect(wire.getLastConfig()).toEqual({ recordId: SKYLARK_MANAGER.profileId });
    const latest = items(element)[0];
    expect(latest.querySelector('lightning-button.appeal-action')).toBeNull();
    const appeal = latest.querySelector('.appeal') as HTMLElement;
    expect(appeal.dataset.status).toBe('Submitted');
    expect(appeal.querySelector('.status')!.textContent).toBe('Appeal submitted');

    const list = root(element).querySelector('c-open-appeal-list')!.shadowRoot!;
    const entries = list.querySelectorAll('li.open-appeal');
    expect(entries).toHaveLength(1);
    const open = entries[0].querySelector('lightning-button.open') as HTMLElement & { label: string };
    expect(open.label).toBe('Skylark Metrics: evaluation 2026-Q3');
    expect(entries[0].querySelector('.status')!.textContent).toBe('Appeal submitted');
    expect((entries[0].querySelector('lightning-formatted-url') as Element & { value: string }).value).toBe(
      'https://example.com/skylark/closed-won-q3'
    );
    open.click();
    expect(navigation.getNavigateCalledWith()!.pageReference).toEqual({
      type: 'standard__recordPage',
      attributes: { recordId: 'a078d0000y01AppAAA', objectApiName: 'Tier_Appeal__c', actionName: 'view' }
    });
    await expect(element).toBeAccessible();
  });

  it('shows a partner manager on a home page the open appeals of every partner only', async () => {
    const element = mount();
    wire.emit({
      profileId: null,
      canAppeal: false,
      canReview: true,
      evaluations: [],
      openAppeals: SKYLARK_MANAGER.openAppeals
    });
    await flush();

    expect(items(element)).toHaveLength(0);
    expect(root(element).querySelector('.no-evaluations')).toBeNull();
    expect(root(element).querySelector('c-open-appeal-list')!.shadowRoot!.querySelectorAll('li')).toHaveLength(1);
    await expect(element).toBeAccessible();
  });

  it('says when there are no evaluations and no open appeals', async () => {
    const element = mount({ recordId: SKYLARK_MANAGER.profileId });
    wire.emit({ ...SKYLARK_MANAGER, evaluations: [], openAppeals: [] });
    await flush();

    expect(root(element).querySelector('.no-evaluations')!.textContent).toBe('No tier evaluations yet.');
    expect(root(element).querySelector('c-open-appeal-list')!.shadowRoot!.querySelector('.empty')!.textContent).toBe(
      'No open appeals.'
    );
    await expect(element).toBeAccessible();
  });

  it('lists at most the configured number of evaluations (design property)', async () => {
    const element = mount({ recordId: SKYLARK_MANAGER.profileId, maxEvaluations: 1 });
    wire.emit(SKYLARK_MANAGER);
    await flush();

    expect(items(element)).toHaveLength(1);
    await expect(element).toBeAccessible();
  });

  it('shows the empty state for an account without a partner profile', async () => {
    const element = mount({ recordId: '001000000000001AAA' });
    wire.emit(null);
    await flush();

    expect(root(element).querySelector('.empty')!.textContent).toBe('This account has no partner profile yet.');
    await expect(element).toBeAccessible();
  });

  it('shows the refusal of the server as an alert', async () => {
    const element = mount({ recordId: SKYLARK_MANAGER.profileId });
    wire.error({ message: 'You do not have access to this partner profile.' });
    await flush();

    expect(root(element).querySelector('[role="alert"] .message')!.textContent).toBe(
      'You do not have access to this partner profile.'
    );
    expect(items(element)).toHaveLength(0);
    await expect(element).toBeAccessible();
  });
});
