/* c/partnerChecklistModel: profile completeness by section and the 90-day activation checklist. */
import {
  ACTIVATION_DAYS,
  buildChecklistView,
  type ActivationKey,
  type ChecklistData,
  type SectionSpec
} from 'c/partnerChecklistModel';

const SECTIONS: SectionSpec[] = [
  {
    key: 'serve',
    title: 'Who they serve',
    items: [
      { kind: 'field', field: 'Industries__c', label: 'Industries' },
      { kind: 'field', field: 'Regions__c', label: 'Regions' },
      { kind: 'evidence', types: ['Reference Customer'], label: 'A reference customer' }
    ]
  },
  {
    key: 'deliver',
    title: 'What they deliver',
    items: [
      { kind: 'certifiedPeople', min: 1, label: 'Certified people' },
      { kind: 'evidence', types: ['SOW', 'Playbook'], label: 'SOW or playbook' },
      { kind: 'plays', min: 2, label: 'Plays' }
    ]
  }
];

const LABELS: Record<ActivationKey, string> = {
  coMarketingAsset: 'Co-marketing',
  icpDeals: 'ICP deals',
  deliveryWithCsat: 'Delivery',
  profileConfirmed: 'Profile confirmed',
  nextTierGaps: 'Gaps'
};

const DATA: ChecklistData = {
  profileId: 'a01000000000001AAA',
  accountName: 'Example Partner',
  onboardedOn: '2026-08-01',
  reviewCadence: 'Monthly',
  lastReviewedOn: '2026-09-20',
  reviewOverdue: false,
  fields: { Industries__c: true, Regions__c: false },
  evidenceByType: { Playbook: 1, 'Co-Marketing Asset': 0 },
  certifiedPeople: 0,
  activePlays: 2,
  activation: {
    coMarketingAssetLive: true,
    icpRegisteredDeals: 2,
    deliveryWithCsat: false,
    profileConfirmed: false,
    nextTierGapsIdentified: true
  }
};

describe('c-partner-checklist-model', () => {
  it('counts what is done per section and overall, rounding the percent down', () => {
    const view = buildChecklistView(DATA, SECTIONS, LABELS, '2026-10-05');

    expect(
      view.sections.map(({ key, done, total, percent, complete }) => ({ key, done, total, percent, complete }))
    ).toEqual([
      { key: 'serve', done: 1, total: 3, percent: 33, complete: false },
      { key: 'deliver', done: 2, total: 3, percent: 66, complete: false }
    ]);
    expect([view.done, view.total, view.percent]).toEqual([3, 6, 50]);
  });

  it('marks each item done from its field, evidence (any of its types), certified people or plays', () => {
    const items = buildChecklistView(DATA, SECTIONS, LABELS, '2026-10-05').sections.flatMap((section) => section.items);

    expect(items.map(({ key, done, target }) => ({ key, done, target }))).toEqual([
      { key: 'serve:Industries__c', done: true, target: 'profile' },
      { key: 'serve:Regions__c', done: false, target: 'profile' },
      { key: 'serve:evidence:Reference Customer', done: false, target: 'evidence' },
      { key: 'deliver:certifiedPeople', done: false, target: 'certifications' },
      { key: 'deliver:evidence:SOW+Playbook', done: true, target: 'evidence' },
      { key: 'deliver:plays', done: true, target: 'plays' }
    ]);
  });

  it('gives the activation checklist its due date 90 days after onboarding', () => {
    const view = buildChecklistView(DATA, SECTIONS, LABELS, '2026-10-30');

    expect(ACTIVATION_DAYS).toBe(90);
    expect(view.activation.dueOn).toBe('2026-10-30');
    expect(view.activation.status).toBe('open');
    expect(view.activation.items.map((item) => [item.key, item.done])).toEqual([
      ['coMarketingAsset', true],
      ['icpDeals', true],
      ['deliveryWithCsat', false],
      ['profileConfirmed', false],
      ['nextTierGaps', true]
    ]);
    expect([view.activation.done, view.activation.total]).toEqual([3, 5]);
  });

  it('is overdue the day after the due date, complete when every step is done, unscheduled without onboarding', () => {
    expect(buildChecklistView(DATA, SECTIONS, LABELS, '2026-10-31').activation.status).toBe('overdue');
    const allDone = {
      ...DATA,
      activation: {
        coMarketingAssetLive: true,
        icpRegisteredDeals: 3,
        deliveryWithCsat: true,
        profileConfirmed: true,
        nextTierGapsIdentified: true
      }
    };
    expect(buildChecklistView(allDone, SECTIONS, LABELS, '2027-05-01').activation.status).toBe('complete');
    expect(buildChecklistView({ ...DATA, onboardedOn: null }, SECTIONS, LABELS, '2026-10-05').activation).toMatchObject(
      {
        dueOn: null,
        status: 'unscheduled'
      }
    );
  });

  it('needs two registered deals for the ICP step', () => {
    const one = { ...DATA, activation: { ...DATA.activation, icpRegisteredDeals: 1 } };
    expect(buildChecklistView(one, SECTIONS, LABELS, '2026-10-05').activation.items[1].done).toBe(false);
  });

  it('passes the review state on and copes with missing parts of the data', () => {
    const view = buildChecklistView(
      { profileId: 'a01000000000002AAA', reviewOverdue: true },
      SECTIONS,
      LABELS,
      '2026-10-05'
    );

    expect(view.review).toEqual({ overdue: true, lastReviewedOn: null, cadence: null });
    expect(view.done).toBe(0);
    expect(view.activation.status).toBe('unscheduled');
  });
});
