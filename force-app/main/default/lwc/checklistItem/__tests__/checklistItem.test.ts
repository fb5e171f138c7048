import { createElement } from 'lwc';
import ChecklistItem from 'c/checklistItem';

function mount(item: Record<string, unknown>): HTMLElement {
  const element = createElement('c-checklist-item', { is: ChecklistItem }) as unknown as HTMLElement &
    Record<string, unknown>;
  element.item = item;
  document.body.appendChild(element);
  return element;
}

describe('c-checklist-item', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('makes an open item a button that asks to navigate to where it is completed', async () => {
    const element = mount({ key: 'serve:Industries__c', label: 'Industries', done: false, target: 'profile' });
    const navigate = jest.fn();
    element.addEventListener('navigate', navigate);
    await Promise.resolve();

    const line = element.shadowRoot!.querySelector('.item') as HTMLElement;
    expect(line.dataset.done).toBe('false');
    expect((line.querySelector('lightning-icon') as Element & { alternativeText: string }).alternativeText).toBe(
      'Open'
    );
    const button = line.querySelector('lightning-button') as HTMLElement & { label: string; title: string };
    expect([button.label, button.title]).toEqual(['Industries', 'Fill in: Industries']);
    button.click();
    expect(navigate.mock.calls[0][0].detail).toEqual({ target: 'profile' });
    await expect(element).toBeAccessible();
  });

  it('names the action after the target: evidence or a related list', async () => {
    const evidence = mount({ key: 'e', label: 'A case study', done: false, target: 'evidence' });
    const plays = mount({ key: 'p', label: 'Plays', done: false, target: 'plays' });
    await Promise.resolve();

    expect((evidence.shadowRoot!.querySelector('lightning-button') as HTMLElement).title).toBe(
      'Add evidence: A case study'
    );
    expect((plays.shadowRoot!.querySelector('lightning-button') as HTMLElement).title).toBe('Open the list: Plays');
    await expect(plays).toBeAccessible();
  });

  it('shows a done item, or an open one without a place to act, as text', async () => {
    const done = mount({ key: 'd', label: 'Industries', done: true, target: 'profile' });
    const noTarget = mount({ key: 'n', label: 'Gaps identified', done: false, target: null });
    await Promise.resolve();

    expect(done.shadowRoot!.querySelector('lightning-button')).toBeNull();
    expect(done.shadowRoot!.querySelector('.label')!.textContent).toBe('Industries');
    expect(
      (done.shadowRoot!.querySelector('lightning-icon') as Element & { alternativeText: string }).alternativeText
    ).toBe('Done');
    expect(noTarget.shadowRoot!.querySelector('lightning-button')).toBeNull();
    await expect(done).toBeAccessible();
  });
});
