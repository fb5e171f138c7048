/*
 * c/tierProgressModel: what the tier progress component shows, from the engine's rules applied to the
 * profile's metric snapshot.
 */
import { buildTierProgressView, type TierProgressData } from 'c/tierProgressModel';
import IRONBARK from '../../tierProgress/__tests__/data/ironbark.json';

const base = IRONBARK as TierProgressData;

function data(overrides: Partial<TierProgressData>): TierProgressData {
  return { ...base, ...overrides };
}

describe('c-tier-progress-model', () => {
  it('takes the next tier, its applicable criteria and the progress to it from the engine', () => {
    const view = buildTierProgressView(base, '2026-10-05');

    expect(view.tier.name).toBe('Select');
    expect(view.nextTier?.name).toBe('Elite');
    // Reseller: the five Elite criteria for all types plus the renewal rate, in sort order.
    expect(view.nextCriteria.map((criterion) => criterion.key)).toEqual([
      'Elite_Revenue_4Q',
      'Elite_CSAT',
      'Elite_Certified_People',
      'Elite_Evidence_Age',
      'Elite_Deal_Hygiene',
      'Elite_Renewal_Rate_Reseller'
    ]);
    expect(view.nextMetCount).toBe(5);
    expect(view.progress).toBeCloseTo((5 + 70 / 85) / 6, 12);
    expect(view.percent).toBe(97);
    expect(view.nearUpgrade).toBe(true);
    expect(view.atRisk).toEqual([]);
    expect(view.nextBenefits.map((benefit) => benefit.benefit)).toEqual([
      'Market development funds',
      'Dedicated partner manager',
      'Joint business planning',
      'Lead sharing'
    ]);
  });

  it('formats values and thresholds with their units and keeps the engine’s gap', () => {
    const renewal = buildTierProgressView(base, '2026-10-05').nextCriteria.at(-1)!;

    expect(renewal).toMatchObject({
      met: false,
      hasData: true,
      valueText: '70 %',
      thresholdText: '85 %',
      justMissed: false,
      percent: 82,
      gap: '15 percentage points more'
    });
  });

  it('treats a metric without a value as no data: not met, no progress', () => {
    const view = buildTierProgressView(data({ metrics: { ...base.metrics, RENEWAL_RATE_PCT: null } }), '2026-10-05');
    const renewal = view.nextCriteria.at(-1)!;

    expect(renewal).toMatchObject({ met: false, hasData: false, valueText: null, progress: 0, gap: 'no data' });
    expect(view.percent).toBe(83);
    expect(view.nearUpgrade).toBe(true);
  });

  it('flags a miss smaller than the shown precision, so it never reads like the threshold', () => {
    const view = buildTierProgressView(data({ metrics: { ...base.metrics, RENEWAL_RATE_PCT: 84.96 } }), '2026-10-05');

    expect(view.nextCriteria.at(-1)).toMatchObject({ valueText: '85 %', thresholdText: '85 %', justMissed: true });
  });

  it('rounds the progress down, so 79.9 % does not read as the 80 % near upgrade needs', () => {
    // Registered → Select: three criteria met, revenue and CSAT at 49.75 % each: (3 + 2 × 0.4975) / 5 = 0.799.
    const view = buildTierProgressView(
      data({
        tier: 'Registered',
        metrics: {
          REVENUE_4Q: 49750,
          CSAT_AVG: 39.8,
          CERTIFIED_PEOPLE: 2,
          EVIDENCE_AGE_DAYS: 365,
          DEAL_HYGIENE_PCT: 70
        }
      }),
      '2026-10-05'
    );

    expect(view.nextTier?.name).toBe('Select');
    expect(view.progress).toBeCloseTo(0.799, 12);
    expect(view.percent).toBe(79);
    expect(view.nearUpgrade).toBe(false);
  });

  it('shows a blank tier as Registered, and the top tier without a next tier', () => {
    expect(buildTierProgressView(data({ tier: null }), '2026-10-05').tier.name).toBe('Registered');
    const elite = buildTierProgressView(data({ tier: 'Elite' }), '2026-10-05');
    expect(elite.nextTier).toBeNull();
    expect(elite.progress).toBeNull();
    expect(elite.percent).toBeNull();
    expect(elite.nearUpgrade).toBe(false);
    expect(elite.nextCriteria).toEqual([]);
    expect(elite.atRisk.map((criterion) => criterion.key)).toEqual(['Elite_Renewal_Rate_Reseller']);
  });

  it('applies only criteria for all types to a profile without a partner type', () => {
    const view = buildTierProgressView(data({ partnerType: null }), '2026-10-05');
    expect(view.nextCriteria.map((criterion) => criterion.key)).not.toContain('Elite_Renewal_Rate_Reseller');
    expect(view.nextCriteria).toHaveLength(5);
  });

  it('reads FIELD: metrics from the values the controller adds for them', () => {
    const criteria = [
      ...base.program.criteria,
      {
        name: 'Elite_Joint_Customers',
        tier: 'Elite',
        partnerType: 'All' as const,
        category: 'Capabilities' as const,
        metric: 'FIELD:Joint_Customers__c',
        operator: '>=' as const,
        threshold: 10,
        unit: 'joint customers',
        label: 'Joint customers',
        helpText: '',
        sortOrder: 99,
        active: true
      }
    ];
    const view = buildTierProgressView(
      data({
        program: { ...base.program, criteria },
        metrics: { ...base.metrics, 'FIELD:Joint_Customers__c': 4 }
      }),
      '2026-10-05'
    );

    expect(view.nextCriteria.at(-1)).toMatchObject({
      key: 'Elite_Joint_Customers',
      valueText: '4 joint customers',
      gap: '6 more joint customers'
    });
  });

  it('says whether a grace period still runs and whether the recovery plan is on file', () => {
    const grace = data({ graceUntil: '2026-12-31', gracePlan: false });
    expect(buildTierProgressView(grace, '2026-12-31').grace).toEqual({
      until: '2026-12-31',
      active: true,
      planOnFile: false
    });
    expect(buildTierProgressView({ ...grace, gracePlan: true }, '2027-01-01').grace).toEqual({
      until: '2026-12-31',
      active: false,
      planOnFile: true
    });
    expect(buildTierProgressView(data({ graceUntil: null }), '2026-10-05').grace).toBeNull();
  });

  it('names the tier an exception holds, and ignores one for a lower tier', () => {
    const view = buildTierProgressView(
      data({ activeException: { tier: 'Select', expiresOn: '2026-11-30' } }),
      '2026-10-05'
    );
    expect(view.exception).toEqual({
      tier: expect.objectContaining({ name: 'Select', label: 'Select' }),
      expiresOn: '2026-11-30'
    });
    const elite = data({ tier: 'Elite', activeException: { tier: 'Select', expiresOn: '2026-11-30' } });
    expect(buildTierProgressView(elite, '2026-10-05').exception).toBeNull();
  });

  it('leaves the data it is given unchanged (wired data is frozen)', () => {
    const frozen = JSON.parse(JSON.stringify(base));
    const deepFreeze = (value: unknown): unknown => {
      if (value && typeof value === 'object') {
        Object.values(value).forEach(deepFreeze);
        Object.freeze(value);
      }
      return value;
    };
    deepFreeze(frozen);
    expect(() => buildTierProgressView(frozen as TierProgressData, '2026-10-05')).not.toThrow();
  });
});

describe('c-tier-progress-model and TierProgressController', () => {
  it('the controller reads every metric from the profile field the engine names for it', () => {
    const { readFileSync } = require('node:fs') as typeof import('node:fs');
    const path = require('node:path') as typeof import('node:path');
    const { METRICS } = require('c/tierEngine') as typeof import('c/tierEngine');
    const apex = readFileSync(path.resolve(__dirname, '../../../classes/TierProgressController.cls'), 'utf8');
    const mapped = Object.fromEntries(
      Array.from(apex.matchAll(/'(\w+)' => Partner_Profile__c\.(\w+__c)/g), (match) => [match[1], match[2]])
    );
    expect(mapped).toEqual(
      Object.fromEntries(Object.entries(METRICS).map(([code, metric]) => [code, metric.profileField]))
    );
  });
});
