import { createElement } from 'lwc';
import AppealForm from 'c/appealForm';

function mount(props: Record<string, unknown> = {}): HTMLElement {
  const element = createElement('c-appeal-form', { is: AppealForm }) as unknown as HTMLElement;
  Object.assign(element, { quarter: '2026-Q3', ...props });
  document.body.appendChild(element);
  return element;
}

function change(input: Element, value: string) {
  input.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

describe('c-appeal-form', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('asks for a reason and an optional evidence link, with labels the user can read', async () => {
    const element = mount();
    await Promise.resolve();

    const root = element.shadowRoot!;
    expect(root.querySelector('h4')!.textContent).toBe('Appeal the 2026-Q3 decision');
    const reason = root.querySelector('lightning-textarea') as Element & Record<string, unknown>;
    expect([reason.label, reason.required, reason.maxLength]).toEqual(['Why is the decision wrong?', true, 5000]);
    const evidence = root.querySelector('lightning-input') as Element & Record<string, unknown>;
    expect([evidence.label, evidence.type, evidence.maxLength]).toEqual(['Link to evidence (optional)', 'url', 255]);
    await expect(element).toBeAccessible();
  });

  it('submits the trimmed reason and link; a blank link is sent as null', async () => {
    const element = mount();
    const submit = jest.fn();
    element.addEventListener('submitappeal', submit);
    await Promise.resolve();
    const root = element.shadowRoot!;

    change(root.querySelector('lightning-textarea')!, '  Revenue misses two deals.  ');
    (root.querySelector('lightning-button.submit') as HTMLElement).click();
    expect(submit.mock.calls[0][0].detail).toEqual({ reason: 'Revenue misses two deals.', evidenceUrl: null });
    await expect(element).toBeAccessible();
  });

  it('does not submit without a reason or with a link that is not a web address', async () => {
    const element = mount();
    const submit = jest.fn();
    element.addEventListener('submitappeal', submit);
    await Promise.resolve();
    const root = element.shadowRoot!;

    (root.querySelector('lightning-button.submit') as HTMLElement).click();
    change(root.querySelector('lightning-textarea')!, 'Revenue misses two deals.');
    change(root.querySelector('lightning-input')!, 'javascript:alert(1)');
    (root.querySelector('lightning-button.submit') as HTMLElement).click();
    expect(submit).not.toHaveBeenCalled();
    await expect(element).toBeAccessible();
  });

  it('waits while busy and shows the server’s refusal', async () => {
    const element = mount({ busy: true, errorMessage: 'Only the latest evaluation can be appealed.' });
    const submit = jest.fn();
    element.addEventListener('submitappeal', submit);
    await Promise.resolve();
    const root = element.shadowRoot!;

    expect((root.querySelector('lightning-button.submit') as Element & { disabled: boolean }).disabled).toBe(true);
    expect(root.querySelector('lightning-spinner')).not.toBeNull();
    expect(root.querySelector('[role="alert"]')!.textContent).toBe('Only the latest evaluation can be appealed.');
    change(root.querySelector('lightning-textarea')!, 'Reason.');
    (root.querySelector('lightning-button.submit') as HTMLElement).click();
    expect(submit).not.toHaveBeenCalled();
    await expect(element).toBeAccessible();
  });

  it('cancels with the Cancel button or the Escape key', async () => {
    const element = mount();
    const cancel = jest.fn();
    element.addEventListener('cancel', cancel);
    await Promise.resolve();
    const root = element.shadowRoot!;

    (root.querySelector('lightning-button.cancel') as HTMLElement).click();
    root
      .querySelector('lightning-textarea')!
      .dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(cancel).toHaveBeenCalledTimes(2);
    await expect(element).toBeAccessible();
  });
});
