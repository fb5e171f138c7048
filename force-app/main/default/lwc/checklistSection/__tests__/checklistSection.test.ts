import { createElement } from 'lwc';
import ChecklistSection from 'c/checklistSection';
import type { SectionView } from 'c/partnerChecklistModel';

const SECTION: SectionView = {
  key: 'whoTheyServe',
  title: 'Who they serve',
  done: 1,
  total: 2,
  percent: 50,
  complete: false,
  items: [
    { key: 'whoTheyServe:Industries__c', kind: 'field', label: 'Industries', done: true, target: 'profile' },
    { key: 'whoTheyServe:Regions__c', kind: 'field', label: 'Regions', done: false, target: 'profile' }
  ]
};

describe('c-checklist-section', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('shows the title, the count and the items, and passes an item’s navigation on', async () => {
    const element = createElement('c-checklist-section', { is: ChecklistSection }) as unknown as HTMLElement &
      Record<string, unknown>;
    element.section = SECTION;
    const navigate = jest.fn();
    element.addEventListener('navigate', navigate);
    document.body.appendChild(element);
    await Promise.resolve();

    const section = element.shadowRoot!.querySelector('section') as HTMLElement;
    expect(section.dataset).toMatchObject({ section: 'whoTheyServe', complete: 'false' });
    expect(section.querySelector('h3')!.textContent).toBe('Who they serve');
    expect(section.querySelector('.count')!.textContent).toBe('1 of 2');
    const items = section.querySelectorAll('c-checklist-item');
    expect(items).toHaveLength(2);
    (items[1].shadowRoot!.querySelector('lightning-button') as HTMLElement).click();
    expect(navigate).toHaveBeenCalledTimes(1);
    expect(navigate.mock.calls[0][0].detail).toEqual({ target: 'profile' });
    await expect(element).toBeAccessible();
  });
});
