/*
 * c-mdf-request-form with MdfRequestController mocked: a Select partner with a cap (partner site and
 * record page), a Registered partner (no MDF), the checks before the server, saving a draft,
 * submitting, and the server's refusal.
 */
import { createElement } from 'lwc';
import MdfRequestForm from 'c/mdfRequestForm';
import getRequestContext from '@salesforce/apex/MdfRequestController.getRequestContext';
import saveRequest from '@salesforce/apex/MdfRequestController.saveRequest';
import SELECT from './data/select-partner.json';
import REGISTERED from './data/registered-partner.json';

jest.mock('@salesforce/apex/MdfRequestController.getRequestContext', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/MdfRequestController.saveRequest', () => ({ default: jest.fn() }), { virtual: true });

const getContextMock = getRequestContext as unknown as jest.Mock;
const saveMock = saveRequest as unknown as jest.Mock;
const navigation = require('lightning/navigation') as {
  getNavigateCalledWith(): { pageReference: { type: string; attributes: Record<string, unknown> } } | undefined;
  resetNavigation(): void;
};

type Field = Element & Record<string, unknown>;

function mount(props: Record<string, unknown> = {}): HTMLElement {
  const element = createElement('c-mdf-request-form', { is: MdfRequestForm }) as unknown as HTMLElement;
  Object.assign(element, props);
  document.body.appendChild(element);
  return element;
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const root = (element: Element) => element.shadowRoot!;
const field = (element: Element, name: string) => root(element).querySelector(`[data-field="${name}"]`) as Field;
const text = (element: Element, selector: string) =>
  root(element).querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? null;

function change(input: Element, value: string) {
  input.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

function fill(element: Element, values: Record<string, string>) {
  for (const [name, value] of Object.entries(values)) change(field(element, name), value);
}

const COMPLETE = {
  goal: '40 qualified leads from manufacturing CFOs',
  targetAudience: 'CFOs of mid-size manufacturers in DACH',
  activityType: 'Event',
  startDate: '2026-11-02',
  endDate: '2026-11-03',
  expectedPipeline: '250000',
  requestedAmount: '2500'
};

function click(element: Element, selector: string) {
  (root(element).querySelector(selector) as HTMLElement).click();
}

describe('c-mdf-request-form', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    navigation.resetNavigation();
    jest.clearAllMocks();
    jest.restoreAllMocks();
  });

  it('shows a spinner while the partner’s allowance loads', async () => {
    getContextMock.mockReturnValue(new Promise(() => {}));
    const element = mount();
    await flush();

    expect(root(element).querySelector('lightning-spinner')).not.toBeNull();
    expect(root(element).querySelector('[data-field]')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows the partner on the partner site what its tier makes available and the form (no record id)', async () => {
    getContextMock.mockResolvedValue(SELECT);
    // Experience Builder passes {!recordId} as '' on a page without a record.
    const element = mount({ recordId: '' });
    await flush();

    expect(getContextMock).toHaveBeenCalledWith({ recordId: null });
    expect(root(element).querySelector('.account-name')).toBeNull();
    expect((root(element).querySelector('lightning-badge.tier') as Field).label).toBe('Select');
    expect(text(element, '.allowance h3')).toBe('Available in 2026-Q4');
    const money = (selector: string) => root(element).querySelector(`${selector} lightning-formatted-number`) as Field;
    expect([money('.cap').value, money('.cap').formatStyle, money('.cap').currencyCode]).toEqual([
      25000,
      'currency',
      'USD'
    ]);
    expect(money('.used').value).toBe(20000);
    expect(money('.remaining').value).toBe(5000);
    expect(root(element).querySelector('.exhausted')).toBeNull();

    expect([field(element, 'goal').label, field(element, 'goal').required]).toEqual(['Goal', true]);
    expect((field(element, 'activityType').options as unknown[]).length).toBe(3);
    expect([field(element, 'startDate').type, field(element, 'endDate').type]).toEqual(['date', 'date']);
    expect([field(element, 'requestedAmount').type, field(element, 'requestedAmount').formatter]).toEqual([
      'number',
      'currency'
    ]);
    const budget = field(element, 'budgetId');
    expect([budget.label, Boolean(budget.required)]).toEqual(['Budget (optional)', false]);
    expect((budget.options as { label: string }[]).map((option) => option.label)).toEqual([
      'Let the partner manager choose',
      'EMEA 2026-Q4 Select · EMEA · Select',
      'Global 2026-Q4'
    ]);
    change(budget, 'a0BPV0000000000001AAA');
    await flush();
    expect((root(element).querySelector('.budget-available lightning-formatted-number') as Field).value).toBe(3000);
    await expect(element).toBeAccessible();
  });

  it('requests for the partner of the record page, and says when no cap applies', async () => {
    getContextMock.mockResolvedValue({ ...SELECT, tier: 'Elite', capPerQuarter: null, remaining: null });
    const element = mount({ recordId: '001PV0000000000101AAA' });
    await flush();

    expect(getContextMock).toHaveBeenCalledWith({ recordId: '001PV0000000000101AAA' });
    expect(text(element, '.account-name')).toBe('Meridian Falls Technology');
    expect(text(element, '.cap')).toBe('No cap for this tier');
    expect(root(element).querySelector('.remaining')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('lists the tiers that get MDF when the server gives no reason', async () => {
    getContextMock.mockResolvedValue({ ...REGISTERED, refusalMessage: null });
    const element = mount();
    await flush();

    expect(root(element).querySelector('.refusal')).toBeNull();
    expect(text(element, '.eligible-tiers')).toBe('MDF is a benefit of these tiers: Select, Elite');
    await expect(element).toBeAccessible();
  });

  it('tells a partner whose tier gets no MDF why, and which tiers do, without a form', async () => {
    getContextMock.mockResolvedValue(REGISTERED);
    const element = mount();
    await flush();

    expect(text(element, '.not-eligible h3')).toBe('MDF is not available');
    expect(text(element, '.refusal')).toBe(REGISTERED.refusalMessage);
    // The server's message names the tiers already; the list is the fallback without one.
    expect(root(element).querySelector('.eligible-tiers')).toBeNull();
    expect(root(element).querySelector('.allowance')).toBeNull();
    expect(root(element).querySelector('[data-field]')).toBeNull();
    expect(root(element).querySelector('lightning-button')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('says when nothing is left under the cap this quarter', async () => {
    getContextMock.mockResolvedValue({ ...SELECT, used: 25000, remaining: 0 });
    const element = mount();
    await flush();

    expect(text(element, '.exhausted')).toMatch(/^Nothing is left under the cap this quarter/);
    await expect(element).toBeAccessible();
  });

  it('reports empty required fields on their fields and in a list, and focuses the first', async () => {
    getContextMock.mockResolvedValue(SELECT);
    const focus = jest.spyOn(HTMLElement.prototype, 'focus');
    const element = mount();
    await flush();
    // Each message is set on its field (the base component shows it below the field, tied by aria-describedby).
    const validity: [string | undefined, string][] = [];
    for (const input of Array.from(root(element).querySelectorAll('[data-field]')) as HTMLElement[]) {
      (input as unknown as { setCustomValidity(message: string): void }).setCustomValidity = (message: string) =>
        validity.push([input.dataset.field, message]);
    }

    click(element, 'lightning-button.submit');
    await flush();

    expect(saveMock).not.toHaveBeenCalled();
    expect(validity).toContainEqual(['goal', 'Complete this field.']);
    expect(validity).toContainEqual(['budgetId', '']);
    expect(text(element, '.problems p')).toBe('7 field(s) need attention:');
    expect(root(element).querySelector('.problems')!.getAttribute('role')).toBe('alert');
    expect(text(element, '[data-problem="goal"]')).toBe('Goal: Complete this field.');
    expect(text(element, '[data-problem="requestedAmount"]')).toBe('Requested amount: Complete this field.');
    expect(root(element).querySelector('[data-problem="budgetId"]')).toBeNull();
    expect(focus.mock.contexts[0]).toBe(field(element, 'goal'));
    await expect(element).toBeAccessible();

    // Correcting a field removes its message at once.
    change(field(element, 'goal'), 'Leads');
    await flush();
    expect(root(element).querySelector('[data-problem="goal"]')).toBeNull();
    expect(text(element, '.problems p')).toBe('6 field(s) need attention:');
    await expect(element).toBeAccessible();
  });

  it('refuses an end date before the start date and an amount over what is left, before the server', async () => {
    getContextMock.mockResolvedValue(SELECT);
    const focus = jest.spyOn(HTMLElement.prototype, 'focus');
    const element = mount();
    await flush();

    fill(element, { ...COMPLETE, endDate: '2026-11-01', requestedAmount: '5000.01' });
    await flush();
    expect(field(element, 'endDate').min).toBe('2026-11-02');
    click(element, 'lightning-button.submit');
    await flush();

    expect(saveMock).not.toHaveBeenCalled();
    expect(text(element, '[data-problem="endDate"]')).toBe(
      'End date: The end date must be on or after the start date.'
    );
    expect(text(element, '[data-problem="requestedAmount"]')).toBe(
      "Requested amount: The amount is more than what is left under your tier's cap this quarter."
    );
    expect(focus.mock.contexts[0]).toBe(field(element, 'endDate'));
    await expect(element).toBeAccessible();

    // Within the cap but over the chosen budget.
    fill(element, { endDate: '2026-11-03', requestedAmount: '4000', budgetId: 'a0BPV0000000000001AAA' });
    click(element, 'lightning-button.submit');
    await flush();
    expect(text(element, '[data-problem="requestedAmount"]')).toBe(
      'Requested amount: The amount is more than the chosen budget has available.'
    );
    expect(root(element).querySelector('[data-problem="endDate"]')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('saves a draft: sends the request, confirms with a toast, refreshes the page and opens the request', async () => {
    getContextMock.mockResolvedValue(SELECT);
    saveMock.mockResolvedValue('a0CPV0000000000009AAA');
    const element = mount();
    const toast = jest.fn();
    const refresh = jest.fn();
    element.addEventListener('lightning__showtoast', toast);
    element.addEventListener('lightning__refresh', refresh);
    await flush();

    // A draft may ask for more than is left; it is checked again when submitted.
    fill(element, { ...COMPLETE, requestedAmount: '9000' });
    click(element, 'lightning-button.save-draft');
    await flush();

    expect(saveMock).toHaveBeenCalledWith({
      input: {
        recordId: null,
        goal: COMPLETE.goal,
        targetAudience: COMPLETE.targetAudience,
        activityType: 'Event',
        startDate: '2026-11-02',
        endDate: '2026-11-03',
        expectedPipeline: 250000,
        requestedAmount: 9000,
        budgetId: null
      },
      submit: false
    });
    expect(toast.mock.calls[0][0].detail).toMatchObject({ title: 'MDF request saved as a draft', variant: 'success' });
    expect(refresh).toHaveBeenCalled();
    expect(navigation.getNavigateCalledWith()!.pageReference).toEqual({
      type: 'standard__recordPage',
      attributes: { recordId: 'a0CPV0000000000009AAA', objectApiName: 'MDF_Request__c', actionName: 'view' }
    });
    await expect(element).toBeAccessible();
  });

  it('submits a request for approval with the chosen budget', async () => {
    getContextMock.mockResolvedValue(SELECT);
    saveMock.mockResolvedValue('a0CPV0000000000010AAA');
    const element = mount({ recordId: '001PV0000000000101AAA' });
    const toast = jest.fn();
    element.addEventListener('lightning__showtoast', toast);
    await flush();

    fill(element, { ...COMPLETE, requestedAmount: '3000', budgetId: 'a0BPV0000000000001AAA' });
    click(element, 'lightning-button.submit');
    await flush();

    expect(saveMock.mock.calls[0][0]).toMatchObject({
      input: { recordId: '001PV0000000000101AAA', requestedAmount: 3000, budgetId: 'a0BPV0000000000001AAA' },
      submit: true
    });
    expect(toast.mock.calls[0][0].detail.title).toBe('MDF request submitted for approval');
    expect(navigation.getNavigateCalledWith()!.pageReference.attributes.recordId).toBe('a0CPV0000000000010AAA');
    await expect(element).toBeAccessible();
  });

  it('shows the server’s refusal in an alert and keeps what the user typed', async () => {
    getContextMock.mockResolvedValue(SELECT);
    saveMock.mockRejectedValue({
      status: 400,
      body: { message: 'The budget EMEA 2026-Q4 Select has only USD 1,000.00 left.' }
    });
    const focus = jest.spyOn(HTMLElement.prototype, 'focus');
    const element = mount();
    await flush();

    fill(element, COMPLETE);
    click(element, 'lightning-button.submit');
    await flush();

    const alert = root(element).querySelector('.server-error')!;
    expect(alert.getAttribute('role')).toBe('alert');
    expect(text(element, '.server-error .message')).toBe('The budget EMEA 2026-Q4 Select has only USD 1,000.00 left.');
    expect(text(element, '.server-error .slds-text-title_bold')).toBe('The request was not saved.');
    expect(focus.mock.contexts).toContain(alert);
    expect(field(element, 'goal').value).toBe(COMPLETE.goal);
    expect(navigation.getNavigateCalledWith()).toBeUndefined();
    expect((root(element).querySelector('lightning-button.submit') as Field).disabled).toBe(false);
    await expect(element).toBeAccessible();
  });

  it('shows why the allowance could not be loaded', async () => {
    getContextMock.mockRejectedValue({ status: 403, body: { message: 'You cannot see this partner.' } });
    const element = mount({ recordId: '001PV0000000000199AAA' });
    await flush();

    expect(root(element).querySelector('.load-error')!.getAttribute('role')).toBe('alert');
    expect(text(element, '.load-error .message')).toBe('You cannot see this partner.');
    await expect(element).toBeAccessible();
  });
});
