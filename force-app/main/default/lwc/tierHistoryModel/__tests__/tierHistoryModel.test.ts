/* c/tierHistoryModel: past evaluations, their criteria as evaluated, and the appeals. */
import { buildHistoryView, type HistoryData } from 'c/tierHistoryModel';
import SKYLARK_PARTNER from '../../tierHistory/__tests__/data/skylark-partner.json';
import SKYLARK_MANAGER from '../../tierHistory/__tests__/data/skylark-manager.json';

describe('c-tier-history-model', () => {
  it('lists the evaluations newest first with outcome tone and tier change', () => {
    const shuffled = { ...SKYLARK_PARTNER, evaluations: [...SKYLARK_PARTNER.evaluations].reverse() } as HistoryData;
    const view = buildHistoryView(shuffled);

    expect(
      view.evaluations.map(({ quarter, outcome, tone, tierChanged }) => ({ quarter, outcome, tone, tierChanged }))
    ).toEqual([
      { quarter: '2026-Q3', outcome: 'Grace', tone: 'warning', tierChanged: false },
      { quarter: '2026-Q2', outcome: 'Retained', tone: 'neutral', tierChanged: false }
    ]);
  });

  it('groups the stored criteria by tier with the engine’s short metric names', () => {
    const [latest] = buildHistoryView(SKYLARK_PARTNER as HistoryData).evaluations;

    expect(latest.groups.map(({ tier, met, total }) => ({ tier, met, total }))).toEqual([
      { tier: 'Select', met: 5, total: 5 },
      { tier: 'Elite', met: 5, total: 6 }
    ]);
    expect(latest.groups[1].criteria[0]).toMatchObject({
      criterion: 'Elite_Revenue_4Q',
      name: 'revenue',
      met: false,
      valueText: '470,000',
      requirementText: '≥ 500,000',
      gap: 'USD 30,000.00 more'
    });
    expect(latest.groups[0].criteria.find((criterion) => criterion.criterion === 'Select_Evidence_Age')).toMatchObject({
      requirementText: '≤ 365',
      gap: null
    });
  });

  it('lets the partner appeal only the latest evaluation, and not while an appeal is open', () => {
    const partner = buildHistoryView(SKYLARK_PARTNER as HistoryData);
    expect(partner.evaluations.map((evaluation) => evaluation.appealable)).toEqual([true, false]);

    const open = buildHistoryView({ ...(SKYLARK_MANAGER as HistoryData), canAppeal: true });
    expect(open.evaluations[0].appeal).toMatchObject({ status: 'Submitted', open: true });
    expect(open.evaluations[0].appealable).toBe(false);

    const denied = SKYLARK_MANAGER.evaluations.map((evaluation, index) =>
      index === 0
        ? { ...evaluation, appeal: { ...evaluation.appeal!, status: 'Denied', response: 'Deals closed in Q4.' } }
        : evaluation
    );
    const again = buildHistoryView({ ...(SKYLARK_MANAGER as HistoryData), canAppeal: true, evaluations: denied });
    expect(again.evaluations[0].appeal).toMatchObject({ status: 'Denied', open: false });
    expect(again.evaluations[0].appealable).toBe(true);
  });

  it('rounds the stored progress down and keeps at least one evaluation', () => {
    const data: HistoryData = {
      profileId: 'a01000000000001AAA',
      evaluations: [
        {
          id: 'a06000000000001AAA',
          quarter: '2026-Q3',
          progress: 79.99,
          outcome: 'Promoted',
          previousTier: 'Registered',
          resultingTier: 'Select'
        },
        { id: 'a06000000000002AAA', quarter: '2026-Q2', progress: null, outcome: 'Retained' }
      ]
    };
    const view = buildHistoryView(data, 0);

    expect(view.evaluations).toHaveLength(1);
    expect(view.evaluations[0]).toMatchObject({ progressPercent: 79, tone: 'success', tierChanged: true, groups: [] });
    expect(view.canAppeal).toBe(false);
    expect(view.canReview).toBe(false);
  });

  it('passes the open appeals on, keyed by id', () => {
    expect(buildHistoryView(SKYLARK_MANAGER as HistoryData).openAppeals).toEqual([
      { ...SKYLARK_MANAGER.openAppeals[0], key: SKYLARK_MANAGER.openAppeals[0].id }
    ]);
  });
});
