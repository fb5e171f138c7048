import { createElement } from 'lwc';
import EvaluationItem from 'c/evaluationItem';
import { buildHistoryView, type HistoryData } from 'c/tierHistoryModel';
import SKYLARK_PARTNER from '../../tierHistory/__tests__/data/skylark-partner.json';
import SKYLARK_MANAGER from '../../tierHistory/__tests__/data/skylark-manager.json';

function mount(props: Record<string, unknown>): HTMLElement {
  const element = createElement('c-evaluation-item', { is: EvaluationItem }) as unknown as HTMLElement;
  Object.assign(element, props);
  document.body.appendChild(element);
  return element;
}

describe('c-evaluation-item', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('shows outcome, tiers, summary and the criteria as evaluated, and offers the appeal', async () => {
    const [latest] = buildHistoryView(SKYLARK_PARTNER as HistoryData).evaluations;
    const element = mount({ evaluation: latest });
    const appeal = jest.fn();
    element.addEventListener('appeal', appeal);
    await Promise.resolve();

    const root = element.shadowRoot!;
    expect((root.querySelector('lightning-badge') as Element & { label: string }).label).toBe('Grace');
    expect(root.querySelector('.tiers')!.textContent).toBe('Elite → Elite');
    expect(root.querySelector('summary')!.textContent).toBe('Criteria as evaluated');
    expect(root.querySelectorAll('li.criterion')).toHaveLength(11);
    const button = root.querySelector('lightning-button.appeal-action') as HTMLElement & { label: string };
    expect(button.label).toBe('Appeal this decision');
    button.click();
    expect(appeal.mock.calls[0][0].detail).toEqual({ evaluationId: latest.id });
    await expect(element).toBeAccessible();
  });

  it('hides the appeal action while the form is open', async () => {
    const [latest] = buildHistoryView(SKYLARK_PARTNER as HistoryData).evaluations;
    const element = mount({ evaluation: latest, formOpen: true });
    await Promise.resolve();

    expect(element.shadowRoot!.querySelector('lightning-button.appeal-action')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows the appeal with its status, reason and response', async () => {
    const history = SKYLARK_MANAGER as HistoryData;
    const decided = {
      ...history,
      evaluations: history.evaluations!.map((evaluation, index) =>
        index === 0
          ? { ...evaluation, appeal: { ...evaluation.appeal!, status: 'Denied', response: 'The deals closed in Q4.' } }
          : evaluation
      )
    };
    const [latest] = buildHistoryView(decided).evaluations;
    const element = mount({ evaluation: latest });
    await Promise.resolve();

    const appeal = element.shadowRoot!.querySelector('.appeal')!;
    expect(appeal.querySelector('.status')!.textContent).toBe('Appeal denied');
    expect(appeal.querySelector('.reason')!.textContent).toBe(`Reason: ${history.evaluations![0].appeal!.reason}`);
    expect(appeal.querySelector('.response')!.textContent).toBe('Response: The deals closed in Q4.');
    await expect(element).toBeAccessible();
  });
});
