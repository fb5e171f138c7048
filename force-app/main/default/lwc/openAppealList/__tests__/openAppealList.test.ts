import { createElement } from 'lwc';
import OpenAppealList from 'c/openAppealList';
import { buildHistoryView, type HistoryData } from 'c/tierHistoryModel';
import SKYLARK_MANAGER from '../../tierHistory/__tests__/data/skylark-manager.json';

function mount(appeals: unknown[]): HTMLElement {
  const element = createElement('c-open-appeal-list', { is: OpenAppealList }) as unknown as HTMLElement &
    Record<string, unknown>;
  element.appeals = appeals;
  document.body.appendChild(element);
  return element;
}

describe('c-open-appeal-list', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('lists each open appeal with partner, quarter, status, date, reason and evidence, and opens it', async () => {
    const element = mount(buildHistoryView(SKYLARK_MANAGER as HistoryData).openAppeals);
    const open = jest.fn();
    element.addEventListener('openrecord', open);
    await Promise.resolve();

    const root = element.shadowRoot!;
    expect(root.querySelector('h3')!.textContent).toBe('Open appeals');
    const entry = root.querySelector('li.open-appeal')!;
    const button = entry.querySelector('lightning-button') as HTMLElement & { label: string; title: string };
    expect([button.label, button.title]).toEqual([
      'Skylark Metrics: evaluation 2026-Q3',
      'Open the appeal of Skylark Metrics'
    ]);
    expect(entry.querySelector('.status')!.textContent).toBe('Appeal submitted');
    expect((entry.querySelector('lightning-formatted-date-time') as Element & { value: string }).value).toBe(
      '2026-10-06T09:15:00.000Z'
    );
    expect(entry.querySelector('.reason')!.textContent).toBe(SKYLARK_MANAGER.openAppeals[0].reason);
    expect((entry.querySelector('lightning-formatted-url') as Element & { label: string }).label).toBe(
      'Evidence from Skylark Metrics'
    );
    button.click();
    expect(open.mock.calls[0][0].detail).toEqual({ recordId: SKYLARK_MANAGER.openAppeals[0].id });
    await expect(element).toBeAccessible();
  });

  it('says when there are no open appeals', async () => {
    const element = mount([]);
    await Promise.resolve();

    expect(element.shadowRoot!.querySelector('.empty')!.textContent).toBe('No open appeals.');
    await expect(element).toBeAccessible();
  });
});
