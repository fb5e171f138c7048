/*
 * Assessing one criterion (DESIGN.md §3 "Metrics", rules 6 and 8, "Precise semantics"):
 * met/not met, progress, no data, and the gap and reason texts an appeal is answered with.
 */
import type { Criterion } from '../tierEngine';
import { assessCriterion, criterionProgress } from '../tierEngine';
import { criterionOf } from './data/program';

const USD = 'USD';

function assess(criterion: Criterion, value: number | null, note?: string) {
  return assessCriterion(criterion, note === undefined ? { value } : { value, note }, USD);
}

function custom(operator: '>=' | '<=', threshold: number, unit: string): Criterion {
  return { ...criterionOf('Select', 'CERTIFIED_PEOPLE'), name: 'Custom', operator, threshold, unit };
}

const SELECT_CERTIFIED = criterionOf('Select', 'CERTIFIED_PEOPLE');
const SELECT_REVENUE = criterionOf('Select', 'REVENUE_4Q');
const SELECT_CSAT = criterionOf('Select', 'CSAT_AVG');
const SELECT_AGE = criterionOf('Select', 'EVIDENCE_AGE_DAYS');
const SELECT_HYGIENE = criterionOf('Select', 'DEAL_HYGIENE_PCT');
const ELITE_AGE = criterionOf('Elite', 'EVIDENCE_AGE_DAYS');

describe('c-tier-engine assessCriterion: ">=" rules', () => {
  it('is met exactly at the threshold (2 certified people for Select)', () => {
    const result = assess(SELECT_CERTIFIED, 2);
    expect(result).toMatchObject({ value: 2, threshold: 2, operator: '>=', met: true, progress: 1, gap: null });
    expect(result.reason).toMatch(/^Met/);
  });

  it('is met above the threshold with progress capped at 1', () => {
    expect(assess(SELECT_CERTIFIED, 7)).toMatchObject({ met: true, progress: 1, gap: null });
  });

  it('is not met just below the threshold: 1 of 2 certified people', () => {
    const result = assess(SELECT_CERTIFIED, 1);
    expect(result).toMatchObject({ value: 1, threshold: 2, met: false, progress: 0.5 });
    expect(result.gap).toBe('1 more certified person');
    expect(result.reason).toMatch(/^Not met/);
  });

  it('reports the full threshold as the gap for value 0, with progress 0', () => {
    const result = assess(SELECT_CERTIFIED, 0);
    expect(result).toMatchObject({ met: false, progress: 0, gap: '2 more certified people' });
  });

  it('compares the unrounded value: CSAT 79.995 does not meet 80', () => {
    const result = assess(SELECT_CSAT, 79.995);
    expect(result.met).toBe(false);
    expect(result.progress).toBeCloseTo(79.995 / 80, 12);
  });

  it('revenue exactly 100,000 meets Select; 99,999.99 does not and misses USD 1.00', () => {
    expect(assess(SELECT_REVENUE, 100_000)).toMatchObject({ met: true, progress: 1, gap: null });
    const below = assess(SELECT_REVENUE, 99_999.99);
    expect(below.met).toBe(false);
    expect(below.gap).toBe('USD 1.00 more');
  });

  it('currency shortfall is shown with the currency and grouped thousands: 87,500 of 100,000', () => {
    const result = assess(SELECT_REVENUE, 87_500);
    expect(result).toMatchObject({ met: false, progress: 0.875, gap: 'USD 12,500.00 more' });
    expect(result.reason).toContain('87,500');
    expect(result.reason).toContain('100,000');
  });

  it('currency shortfall is rounded up to whole units: 12,499.60 missing shows USD 12,500.00', () => {
    expect(assess(SELECT_REVENUE, 87_500.4).gap).toBe('USD 12,500.00 more');
    expect(assess(SELECT_REVENUE, 99_999.6).gap).toBe('USD 1.00 more');
  });

  it('percent shortfall is in percentage points: hygiene 62.5 vs 70', () => {
    const result = assess(SELECT_HYGIENE, 62.5);
    expect(result).toMatchObject({ met: false, gap: '7.5 percentage points more' });
    expect(result.progress).toBeCloseTo(62.5 / 70, 12);
    expect(assess(SELECT_HYGIENE, 70)).toMatchObject({ met: true, progress: 1, gap: null });
  });

  it('noun units are used as written: 3 more points of CSAT', () => {
    expect(assess(SELECT_CSAT, 77).gap).toBe('3 more points');
  });

  it('threshold 0: value 0 is met with progress 1; a negative value is not met with progress 0', () => {
    const zero = custom('>=', 0, 'certified people');
    expect(assess(zero, 0)).toMatchObject({ met: true, progress: 1, gap: null });
    const negative = assess(zero, -1);
    expect(negative.met).toBe(false);
    expect(negative.progress).toBe(0);
  });
});

describe('c-tier-engine assessCriterion: "<=" rules', () => {
  it('is met exactly at the limit (365 days for Select)', () => {
    const result = assess(SELECT_AGE, 365);
    expect(result).toMatchObject({ value: 365, threshold: 365, operator: '<=', met: true, progress: 1, gap: null });
    expect(result.reason).toMatch(/^Met/);
  });

  it('is met below the limit, including value 0', () => {
    expect(assess(SELECT_AGE, 12)).toMatchObject({ met: true, progress: 1, gap: null });
    expect(assess(SELECT_AGE, 0)).toMatchObject({ met: true, progress: 1, gap: null });
  });

  it('is not met one day over the limit; progress = threshold / value', () => {
    const result = assess(SELECT_AGE, 366);
    expect(result.met).toBe(false);
    expect(result.progress).toBeCloseTo(365 / 366, 12);
    expect(result.gap).toBe('1 day over the limit');
  });

  it('reports days over the limit: 225 vs 180 is "45 days over the limit"', () => {
    const result = assess(ELITE_AGE, 225);
    expect(result).toMatchObject({ met: false, progress: 0.8, gap: '45 days over the limit' });
    expect(result.reason).toMatch(/^Not met/);
    expect(result.reason).toContain('225');
    expect(result.reason).toContain('180');
  });

  it('threshold 0: value 0 is met; value 3 is not met with progress 0', () => {
    const zero = custom('<=', 0, 'days');
    expect(assess(zero, 0)).toMatchObject({ met: true, progress: 1, gap: null });
    expect(assess(zero, 3)).toMatchObject({ met: false, progress: 0, gap: '3 days over the limit' });
  });

  it('percent over a "<=" limit is in percentage points', () => {
    const escalations = custom('<=', 10, '%');
    expect(assess(escalations, 12.5)).toMatchObject({ met: false, progress: 0.8 });
    expect(assess(escalations, 12.5).gap).toMatch(/^2\.5 percentage points/);
  });
});

describe('c-tier-engine assessCriterion: no data', () => {
  it('a null value is not met, progress 0, gap "no data", reason starting with "No data"', () => {
    const result = assess(SELECT_CSAT, null);
    expect(result).toMatchObject({ value: null, met: false, progress: 0, gap: 'no data' });
    expect(result.reason).toMatch(/^No data/);
  });

  it('a missing metric is treated as no data', () => {
    const result = assessCriterion(SELECT_CSAT, undefined, USD);
    expect(result).toMatchObject({ value: null, met: false, progress: 0, gap: 'no data' });
    expect(result.reason).toMatch(/^No data/);
  });

  it('no data is never met, even for a "<=" rule', () => {
    const result = assess(SELECT_AGE, null);
    expect(result).toMatchObject({ value: null, met: false, progress: 0, gap: 'no data' });
    expect(result.reason).toMatch(/^No data/);
  });

  it('no data is never met, even against threshold 0', () => {
    expect(assess(custom('>=', 0, 'days'), null)).toMatchObject({ met: false, progress: 0, gap: 'no data' });
  });

  it('the reason carries the note explaining why there is no data', () => {
    const result = assess(SELECT_CSAT, null, 'no delivery review in the window');
    expect(result.reason).toMatch(/^No data/);
    expect(result.reason).toContain('no delivery review in the window');
  });
});

describe('c-tier-engine assessCriterion: the result carries the criterion', () => {
  it('copies name, tier, category, label, metric, operator, threshold and unit', () => {
    const result = assess(SELECT_REVENUE, 120_000);
    expect(result).toEqual({
      criterion: SELECT_REVENUE.name,
      tier: 'Select',
      category: 'Results',
      label: 'Closed-won partner revenue in the last four quarters',
      metric: 'REVENUE_4Q',
      operator: '>=',
      threshold: 100_000,
      unit: 'currency',
      value: 120_000,
      met: true,
      progress: 1,
      gap: null,
      reason: expect.stringMatching(/^Met/)
    });
  });
});

describe('c-tier-engine criterionProgress', () => {
  it.each([
    ['>=', 50, 100, 0.5],
    ['>=', 100, 100, 1],
    ['>=', 150, 100, 1],
    ['>=', 0, 100, 0],
    ['>=', 0, 0, 1],
    ['<=', 400, 200, 0.5],
    ['<=', 200, 200, 1],
    ['<=', 10, 200, 1],
    ['<=', 0, 200, 1],
    ['<=', 0, 0, 1],
    ['<=', 5, 0, 0]
  ] as const)('%s: value %p against %p is %p', (operator, value, threshold, expected) => {
    expect(criterionProgress(operator, value, threshold)).toBe(expected);
  });

  it('is 0 for no data under either operator', () => {
    expect(criterionProgress('>=', null, 100)).toBe(0);
    expect(criterionProgress('<=', null, 100)).toBe(0);
  });

  it('is threshold / value for an unmet "<=" rule: 365 / 500 = 0.73', () => {
    expect(criterionProgress('<=', 500, 365)).toBeCloseTo(0.73, 12);
  });
});

describe('c-tier-engine misses smaller than the shown precision', () => {
  it('never reads as met: the value says "just below" and the gap is rounded up, not to zero', () => {
    const csat = assess(SELECT_CSAT, 79.999);
    expect(csat.met).toBe(false);
    expect(csat.reason).toBe('Not met: just below 80 points (required: at least 80 points).');
    expect(csat.gap).toBe('0.01 more points');
  });

  it('rounds a percent shortfall up to a tenth of a point and a ≤ excess up to a hundredth', () => {
    expect(assess(SELECT_HYGIENE, 69.96).gap).toBe('0.1 percentage points more');
    const age = assess(SELECT_AGE, 365.001);
    expect(age.gap).toBe('0.01 days over the limit');
    expect(age.reason).toBe('Not met: just above 365 days (required: at most 365 days).');
  });

  it('rounds a currency shortfall of cents up to one whole unit', () => {
    const revenue = assess(SELECT_REVENUE, 99999.6);
    expect(revenue.gap).toBe('USD 1.00 more');
  });
});

describe('c-tier-engine gap wording', () => {
  it('uses the singular unit for exactly one: "1 more certified person", "1 day over the limit"', () => {
    expect(assess(SELECT_CERTIFIED, 1).gap).toBe('1 more certified person');
    expect(assess(SELECT_AGE, 366).gap).toBe('1 day over the limit');
    expect(assess(SELECT_CERTIFIED, 0).gap).toBe('2 more certified people');
  });
});
