/*
 * c-mdf-claim-form with MdfClaimController mocked: a claimable request, a draft without proof, the
 * proof upload, submitting, a submitted claim, a request that cannot be claimed and the server's
 * refusal.
 */
import { createElement } from 'lwc';
import MdfClaimForm from 'c/mdfClaimForm';
import getClaimContext from '@salesforce/apex/MdfClaimController.getClaimContext';
import saveClaimDraft from '@salesforce/apex/MdfClaimController.saveClaimDraft';
import submitClaim from '@salesforce/apex/MdfClaimController.submitClaim';
import APPROVED from './data/approved-request.json';
import DRAFT from './data/draft-without-proof.json';
import SUBMITTED from './data/submitted-claim.json';
import NOT_APPROVED from './data/not-approved.json';

jest.mock('@salesforce/apex/MdfClaimController.getClaimContext', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/MdfClaimController.saveClaimDraft', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/MdfClaimController.submitClaim', () => ({ default: jest.fn() }), { virtual: true });

const getContextMock = getClaimContext as unknown as jest.Mock;
const saveDraftMock = saveClaimDraft as unknown as jest.Mock;
const submitMock = submitClaim as unknown as jest.Mock;
type Node = Element & Record<string, unknown>;

const REQUEST_ID = 'a0CPV0000000000001AAA';

function mount(props: Record<string, unknown> = { recordId: REQUEST_ID }): HTMLElement {
  const element = createElement('c-mdf-claim-form', { is: MdfClaimForm }) as unknown as HTMLElement;
  Object.assign(element, props);
  document.body.appendChild(element);
  return element;
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const root = (element: Element) => element.shadowRoot!;
const field = (element: Element, name: string) => root(element).querySelector(`[data-field="${name}"]`) as Node;
const text = (element: Element, selector: string) =>
  root(element).querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
const button = (element: Element, name: string) => root(element).querySelector(`lightning-button.${name}`) as Node;
const money = (element: Element, selector: string) =>
  (root(element).querySelector(`${selector} lightning-formatted-number`) as Node).value;

function change(input: Element, value: string) {
  input.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

function fill(element: Element, values: Record<string, string>) {
  for (const [name, value] of Object.entries(values)) change(field(element, name), value);
}

function upload(element: Element, count: number) {
  const files = Array.from({ length: count }, (_, index) => ({
    name: `proof-${index}.pdf`,
    documentId: `069${index}`
  }));
  root(element)
    .querySelector('lightning-file-upload')!
    .dispatchEvent(new CustomEvent('uploadfinished', { detail: { files } }));
}

describe('c-mdf-claim-form', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
    jest.restoreAllMocks();
  });

  it('shows a spinner while the request loads', async () => {
    getContextMock.mockReturnValue(new Promise(() => {}));
    const element = mount();
    await flush();

    expect(getContextMock).toHaveBeenCalledWith({ recordId: REQUEST_ID });
    expect(root(element).querySelector('lightning-spinner')).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it('opens the form on an approved request: what is claimable, and Save draft before proof', async () => {
    getContextMock.mockResolvedValue(APPROVED);
    const element = mount();
    await flush();

    expect(text(element, '.request-name')).toBe(APPROVED.requestName);
    expect([money(element, '.approved'), money(element, '.claimed'), money(element, '.claimable')]).toEqual([
      8000, 2000, 6000
    ]);
    expect((root(element).querySelector('.claimable lightning-formatted-number') as Node).currencyCode).toBe('USD');
    expect([field(element, 'amount').label, field(element, 'amount').required]).toEqual(['Claim amount', true]);
    expect(field(element, 'results').label).toBe('Actual results');
    expect(field(element, 'actualPipeline').label).toBe('Actual pipeline');
    // No claim yet: nothing to attach files to, and Submit says why it waits.
    expect(root(element).querySelector('lightning-file-upload')).toBeNull();
    expect(button(element, 'submit').disabled).toBe(true);
    expect(text(element, '.submit-blocked')).toBe('Save the claim as a draft first, then attach the proof files.');
    await expect(element).toBeAccessible();
  });

  it('checks the amount against what is claimable before the server, on the field and in a list', async () => {
    getContextMock.mockResolvedValue(APPROVED);
    const focus = jest.spyOn(HTMLElement.prototype, 'focus');
    const element = mount();
    await flush();

    fill(element, { amount: '6000.01', results: '', actualPipeline: '-1' });
    (button(element, 'save-draft') as unknown as HTMLElement).click();
    await flush();

    expect(saveDraftMock).not.toHaveBeenCalled();
    expect(root(element).querySelector('.problems')!.getAttribute('role')).toBe('alert');
    expect(text(element, '.problems p')).toBe('3 field(s) need attention:');
    expect(text(element, '[data-problem="amount"]')).toBe(
      'Claim amount: The amount is more than the claimable amount.'
    );
    expect(text(element, '[data-problem="results"]')).toBe('Actual results: Complete this field.');
    expect(text(element, '[data-problem="actualPipeline"]')).toBe('Actual pipeline: Enter 0 or more.');
    expect(focus.mock.contexts[0]).toBe(field(element, 'amount'));
    await expect(element).toBeAccessible();
  });

  it('saves a draft, then offers the proof upload on the saved claim; Submit waits for a file', async () => {
    getContextMock.mockResolvedValue(APPROVED);
    saveDraftMock.mockResolvedValue('a0DPV0000000000009AAA');
    const element = mount();
    const toast = jest.fn();
    element.addEventListener('lightning__showtoast', toast);
    await flush();

    fill(element, { amount: '5500', results: ' 32 attendees ', actualPipeline: '180000' });
    (button(element, 'save-draft') as unknown as HTMLElement).click();
    await flush();

    expect(saveDraftMock).toHaveBeenCalledWith({
      requestId: REQUEST_ID,
      claimId: null,
      amount: 5500,
      results: '32 attendees',
      actualPipeline: 180000
    });
    expect(toast.mock.calls[0][0].detail).toMatchObject({ title: 'Claim draft saved', variant: 'success' });
    const uploader = root(element).querySelector('lightning-file-upload') as Node;
    expect([uploader.recordId, uploader.label, uploader.multiple]).toEqual([
      'a0DPV0000000000009AAA',
      'Upload proof files',
      true
    ]);
    expect(button(element, 'submit').disabled).toBe(true);
    expect(text(element, '.submit-blocked')).toBe('Attach at least one proof of performance file to submit the claim.');
    await expect(element).toBeAccessible();
  });

  it('keeps Submit disabled on a draft without proof, and says why (proof missing)', async () => {
    getContextMock.mockResolvedValue(DRAFT);
    const element = mount();
    await flush();

    expect(field(element, 'amount').value).toBe('5500');
    expect(field(element, 'results').value).toBe(DRAFT.results);
    expect((root(element).querySelector('.draft-status lightning-badge') as Node).label).toBe('Draft');
    expect(text(element, '.proof-count')).toBe('Files attached: 0');
    expect(button(element, 'submit').disabled).toBe(true);
    expect(text(element, '.submit-blocked')).toBe('Attach at least one proof of performance file to submit the claim.');
    (button(element, 'submit') as unknown as HTMLElement).click();
    await flush();
    expect(submitMock).not.toHaveBeenCalled();
    await expect(element).toBeAccessible();
  });

  it('submits a draft once a proof file is uploaded, then shows the submitted claim', async () => {
    getContextMock.mockResolvedValueOnce(DRAFT).mockResolvedValueOnce({
      ...DRAFT,
      claimStatus: 'Submitted',
      canClaim: false,
      claimedTotal: 7500,
      claimable: 500,
      proofCount: 1
    });
    saveDraftMock.mockResolvedValue(DRAFT.claimId);
    submitMock.mockResolvedValue(undefined);
    const element = mount();
    const toast = jest.fn();
    const refresh = jest.fn();
    element.addEventListener('lightning__showtoast', toast);
    element.addEventListener('lightning__refresh', refresh);
    await flush();

    upload(element, 1);
    await flush();
    expect(toast.mock.calls[0][0].detail.title).toBe('1 proof file(s) uploaded');
    expect(text(element, '.proof-count')).toBe('Files attached: 1');
    expect(button(element, 'submit').disabled).toBe(false);
    expect(root(element).querySelector('.submit-blocked')).toBeNull();

    (button(element, 'submit') as unknown as HTMLElement).click();
    await flush();
    await flush();

    expect(saveDraftMock).toHaveBeenCalledWith(expect.objectContaining({ claimId: DRAFT.claimId, amount: 5500 }));
    expect(submitMock).toHaveBeenCalledWith({ claimId: DRAFT.claimId });
    expect(toast.mock.calls[1][0].detail.title).toBe('Claim submitted for approval');
    expect(refresh).toHaveBeenCalled();
    expect(getContextMock).toHaveBeenCalledTimes(2);
    expect((root(element).querySelector('.existing-claim lightning-badge') as Node).label).toBe('Submitted');
    expect(root(element).querySelector('[data-field]')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows an existing claim read-only with its status', async () => {
    getContextMock.mockResolvedValue(SUBMITTED);
    const element = mount({ recordId: 'a0DPV0000000000002AAA' });
    await flush();

    expect(getContextMock).toHaveBeenCalledWith({ recordId: 'a0DPV0000000000002AAA' });
    expect((root(element).querySelector('.claim-status') as Node).label).toBe('Submitted');
    expect(money(element, '.claim-amount')).toBe('4000');
    expect(text(element, '.claim-results')).toBe(SUBMITTED.results);
    expect(text(element, '.existing-claim .proof-count')).toBe('Files attached: 2');
    expect(root(element).querySelector('lightning-button')).toBeNull();
    expect(root(element).querySelector('.not-claimable')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('says why a request cannot be claimed (not approved), without a form', async () => {
    getContextMock.mockResolvedValue(NOT_APPROVED);
    const element = mount({ recordId: 'a0CPV0000000000003AAA' });
    await flush();

    expect(text(element, '.not-claimable h3')).toBe('This request cannot be claimed');
    expect(text(element, '.refusal')).toBe(NOT_APPROVED.refusalMessage);
    expect(text(element, '.request-status')).toBe('Submitted');
    expect(root(element).querySelector('[data-field]')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('says why when nothing is left to claim', async () => {
    getContextMock.mockResolvedValue({
      ...APPROVED,
      claimedTotal: 8000,
      claimable: 0,
      canClaim: false,
      refusalMessage: 'Nothing is left to claim on this request.'
    });
    const element = mount();
    await flush();

    expect(text(element, '.refusal')).toBe('Nothing is left to claim on this request.');
    expect(money(element, '.claimable')).toBe(0);
    await expect(element).toBeAccessible();
  });

  it('shows the server’s refusal in an alert', async () => {
    getContextMock.mockResolvedValue(DRAFT);
    saveDraftMock.mockRejectedValue({ status: 400, body: { message: 'The claims would exceed the approved amount.' } });
    const focus = jest.spyOn(HTMLElement.prototype, 'focus');
    const element = mount();
    await flush();

    (button(element, 'save-draft') as unknown as HTMLElement).click();
    await flush();

    const alert = root(element).querySelector('.server-error')!;
    expect(alert.getAttribute('role')).toBe('alert');
    expect(text(element, '.server-error .message')).toBe('The claims would exceed the approved amount.');
    expect(focus.mock.contexts).toContain(alert);
    await expect(element).toBeAccessible();
  });

  it('shows why the request could not be loaded, and asks for a request when there is none', async () => {
    getContextMock.mockRejectedValue({ status: 403, body: { message: 'You cannot see this request.' } });
    const element = mount();
    await flush();
    expect(text(element, '.load-error .message')).toBe('You cannot see this request.');
    await expect(element).toBeAccessible();

    const bare = mount({});
    await flush();
    expect(text(bare, '.no-record')).toBe('Open a market development funds request to claim it.');
    expect(getContextMock).toHaveBeenCalledTimes(1);
    await expect(bare).toBeAccessible();
  });
});
