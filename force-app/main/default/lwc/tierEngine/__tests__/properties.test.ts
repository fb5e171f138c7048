/*
 * Properties of the engine (DESIGN.md §3 rules 2, 6 and 7), checked with fast-check over
 * generated partners and metrics for the default program.
 */
import fc from 'fast-check';
import type { MetricValue, MetricValues, Operator, PartnerState, TierException } from '../tierEngine';
import { criterionProgress, decide, evaluateProgram } from '../tierEngine';
import { AT_LEAST_METRICS, DEFAULT_PROGRAM, Q3_2026, TIER_RANK, buildProgram } from './data/program';

const RUNS = { numRuns: 300 };

/** Realistic ranges per metric, so that every tier and every outcome is reached. */
const RANGES: Record<string, [number, number, boolean]> = {
  REVENUE_4Q: [0, 900_000, false],
  CSAT_AVG: [0, 100, false],
  CERTIFIED_PEOPLE: [0, 9, true],
  EVIDENCE_AGE_DAYS: [0, 700, true],
  DEAL_HYGIENE_PCT: [0, 100, false],
  VALIDATED_INTEGRATIONS: [0, 4, true],
  RENEWAL_RATE_PCT: [0, 100, false],
  SOW_EVIDENCE: [0, 3, true]
};

function valueArb(min: number, max: number, integer: boolean): fc.Arbitrary<number> {
  // Bias towards thresholds and the narrow-miss band by mixing in exact threshold-ish values.
  const base = integer ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  const thresholds = DEFAULT_PROGRAM.criteria
    .map((criterion) => criterion.threshold)
    .filter((t) => t >= min && t <= max);
  const near = fc
    .tuple(fc.constantFrom(...(thresholds.length ? thresholds : [max])), fc.constantFrom(0.89, 0.9, 0.95, 1, 1.1, 1.11))
    .map(([threshold, factor]) => threshold * factor);
  return fc.oneof({ arbitrary: base, weight: 3 }, { arbitrary: near, weight: 1 });
}

const metricValueArb = (metric: string): fc.Arbitrary<MetricValue | undefined> => {
  const [min, max, integer] = RANGES[metric];
  return fc.oneof(
    { arbitrary: valueArb(min, max, integer).map((value): MetricValue => ({ value })), weight: 8 },
    { arbitrary: fc.constant<MetricValue>({ value: null, note: 'nothing recorded' }), weight: 1 },
    { arbitrary: fc.constant(undefined), weight: 1 }
  );
};

const metricsArb: fc.Arbitrary<MetricValues> = fc
  .record(Object.fromEntries(Object.keys(RANGES).map((metric) => [metric, metricValueArb(metric)])))
  .map((record) => {
    const values: MetricValues = {};
    for (const [metric, value] of Object.entries(record)) if (value !== undefined) values[metric] = value;
    return values;
  });

/** A day between 2025-01-01 and 2027-12-31 as YYYY-MM-DD. */
const dateArb = fc
  .integer({ min: 0, max: 1094 })
  .map((days) => new Date(Date.UTC(2025, 0, 1) + days * 86_400_000).toISOString().slice(0, 10));

const exceptionArb: fc.Arbitrary<TierException> = fc
  .tuple(fc.constantFrom('Registered', 'Select', 'Elite'), dateArb, dateArb)
  .map(([tier, a, b]) => ({ tier, startsOn: a < b ? a : b, expiresOn: a < b ? b : a }));

const partnerArb = (accountId: string): fc.Arbitrary<PartnerState> =>
  fc.record({
    accountId: fc.constant(accountId),
    name: fc.string({ maxLength: 12 }),
    partnerType: fc.constantFrom('Reseller', 'Service', 'ISV' as const),
    status: fc.constantFrom('Active', 'Active', 'Active', 'Suspended', 'Onboarding', 'Prospect', ''),
    currentTier: fc.constantFrom<string | null>(null, '', 'Registered', 'Select', 'Elite'),
    graceUntil: fc.option(dateArb, { nil: null }),
    exceptions: fc.array(exceptionArb, { maxLength: 2 })
  });

const activePartnerArb: fc.Arbitrary<PartnerState> = partnerArb('001A').map((state) => ({
  ...state,
  status: 'Active'
}));

/** Unique account ids, each with a partner and its metrics. */
const populationArb = fc
  .uniqueArray(fc.stringMatching(/^[0-9A-Za-z]{3,6}$/), { minLength: 0, maxLength: 8 })
  .chain((ids) =>
    fc.tuple(fc.tuple(...ids.map((id) => partnerArb(id))), fc.tuple(...ids.map(() => metricsArb)), fc.boolean())
  )
  .map(([partners, metrics, allowTierSkip]) => ({
    partners: partners as PartnerState[],
    metrics: Object.fromEntries(partners.map((state, index) => [state.accountId, metrics[index]])) as Record<
      string,
      MetricValues
    >,
    allowTierSkip
  }));

describe('c-tier-engine properties: determinism (rule 7)', () => {
  it('the same inputs give byte-identical JSON', () => {
    fc.assert(
      fc.property(populationArb, ({ partners, metrics, allowTierSkip }) => {
        const program = buildProgram({ allowTierSkip });
        const first = JSON.stringify(evaluateProgram(partners, (id) => metrics[id] ?? {}, program, Q3_2026));
        const copy = JSON.parse(JSON.stringify({ partners, metrics })) as {
          partners: PartnerState[];
          metrics: Record<string, MetricValues>;
        };
        const second = JSON.stringify(
          evaluateProgram(copy.partners, (id) => copy.metrics[id] ?? {}, buildProgram({ allowTierSkip }), Q3_2026)
        );
        expect(second).toBe(first);
      }),
      RUNS
    );
  });

  it('the order in which partners are listed does not change the output', () => {
    fc.assert(
      fc.property(
        populationArb.chain((population) =>
          fc.tuple(
            fc.constant(population),
            fc.shuffledSubarray(population.partners, { minLength: population.partners.length })
          )
        ),
        ([{ partners, metrics }, shuffled]) => {
          const a = JSON.stringify(evaluateProgram(partners, (id) => metrics[id] ?? {}, DEFAULT_PROGRAM, Q3_2026));
          const b = JSON.stringify(evaluateProgram(shuffled, (id) => metrics[id] ?? {}, DEFAULT_PROGRAM, Q3_2026));
          expect(b).toBe(a);
        }
      ),
      RUNS
    );
  });
});

describe('c-tier-engine properties: monotonicity of the qualified tier (rule 2)', () => {
  it('raising any ">=" metric never lowers the qualified tier', () => {
    fc.assert(
      fc.property(
        activePartnerArb,
        metricsArb,
        fc.constantFrom(...AT_LEAST_METRICS),
        fc.double({ min: 0, max: 1_000_000, noNaN: true, noDefaultInfinity: true }),
        (state, values, metric, raise) => {
          const before = decide(state, values, DEFAULT_PROGRAM, Q3_2026);
          const current = values[metric]?.value;
          // From no data, any value is a raise; otherwise add a non-negative amount.
          const raised: MetricValues = { ...values, [metric]: { value: current == null ? raise : current + raise } };
          const after = decide(state, raised, DEFAULT_PROGRAM, Q3_2026);
          expect(TIER_RANK[after.qualifiedTier]).toBeGreaterThanOrEqual(TIER_RANK[before.qualifiedTier]);
        }
      ),
      RUNS
    );
  });

  it('lowering the evidence age ("<=" rule) never lowers the qualified tier', () => {
    fc.assert(
      fc.property(activePartnerArb, metricsArb, fc.integer({ min: 0, max: 700 }), (state, values, lower) => {
        const before = decide(state, values, DEFAULT_PROGRAM, Q3_2026);
        const current = values.EVIDENCE_AGE_DAYS?.value;
        const fresher = current == null ? lower : Math.max(0, current - lower);
        const after = decide(state, { ...values, EVIDENCE_AGE_DAYS: { value: fresher } }, DEFAULT_PROGRAM, Q3_2026);
        expect(TIER_RANK[after.qualifiedTier]).toBeGreaterThanOrEqual(TIER_RANK[before.qualifiedTier]);
      }),
      RUNS
    );
  });
});

describe('c-tier-engine properties: decision invariants (rules 3-6)', () => {
  it('progress is within 0..1, and null exactly at the top tier', () => {
    fc.assert(
      fc.property(activePartnerArb, metricsArb, fc.boolean(), (state, values, allowTierSkip) => {
        const decision = decide(state, values, buildProgram({ allowTierSkip }), Q3_2026);
        if (decision.resultingTier === 'Elite') {
          expect(decision.progress).toBeNull();
          expect(decision.nextTier).toBeNull();
          expect(decision.nearUpgrade).toBe(false);
        } else {
          expect(decision.progress).not.toBeNull();
          expect(decision.progress!).toBeGreaterThanOrEqual(0);
          expect(decision.progress!).toBeLessThanOrEqual(1);
          expect(decision.nextTier).toBe(decision.resultingTier === 'Registered' ? 'Select' : 'Elite');
        }
      }),
      RUNS
    );
  });

  it('each criterion result is consistent: progress 0..1, met gives progress 1 and no gap, no data is never met', () => {
    fc.assert(
      fc.property(activePartnerArb, metricsArb, (state, values) => {
        const decision = decide(state, values, DEFAULT_PROGRAM, Q3_2026);
        for (const result of decision.criteria) {
          expect(result.progress).toBeGreaterThanOrEqual(0);
          expect(result.progress).toBeLessThanOrEqual(1);
          if (result.met) {
            expect(result.progress).toBe(1);
            expect(result.gap).toBeNull();
          } else {
            expect(typeof result.gap).toBe('string');
          }
          if (result.value === null) {
            expect(result.met).toBe(false);
            expect(result.gap).toBe('no data');
            expect(result.progress).toBe(0);
          }
        }
      }),
      RUNS
    );
  });

  it('the resulting tier follows the outcome', () => {
    fc.assert(
      fc.property(activePartnerArb, metricsArb, (state, values) => {
        const d = decide(state, values, DEFAULT_PROGRAM, Q3_2026);
        const previous = TIER_RANK[d.previousTier];
        const qualified = TIER_RANK[d.qualifiedTier];
        const resulting = TIER_RANK[d.resultingTier];
        expect(d.previousTier).toBe(state.currentTier || 'Registered');
        switch (d.outcome) {
          case 'Promoted':
            expect(qualified).toBeGreaterThan(previous);
            expect(resulting).toBe(qualified);
            break;
          case 'Retained':
          case 'Recovered':
            expect(qualified).toBe(previous);
            expect(resulting).toBe(previous);
            expect(d.graceUntil).toBeNull();
            break;
          case 'Grace':
            expect(qualified).toBeLessThan(previous);
            expect(resulting).toBe(previous);
            expect(d.graceUntil).toBe('2026-12-31');
            expect(d.recoveryPlanRequired).toBe(true);
            break;
          case 'Held by Exception':
            expect(qualified).toBeLessThan(previous);
            expect(resulting).toBe(previous);
            expect(d.exceptionExpiresOn! >= '2026-09-30').toBe(true);
            break;
          case 'Demoted':
            expect(qualified).toBeLessThan(previous);
            expect(resulting).toBe(qualified);
            expect(d.graceUntil).toBeNull();
            break;
        }
        expect(d.recoveryPlanRequired).toBe(d.outcome === 'Grace');
      }),
      RUNS
    );
  });
});

describe('c-tier-engine properties: criterionProgress', () => {
  const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
  const operator = fc.constantFrom<Operator>('>=', '<=');

  it('is always within 0..1 for arbitrary finite values and thresholds', () => {
    fc.assert(
      fc.property(operator, finite, finite, (op, value, threshold) => {
        const progress = criterionProgress(op, value, threshold);
        expect(Number.isNaN(progress)).toBe(false);
        expect(progress).toBeGreaterThanOrEqual(0);
        expect(progress).toBeLessThanOrEqual(1);
      }),
      { numRuns: 1000 }
    );
  });

  it('is 0 for no data', () => {
    fc.assert(
      fc.property(operator, finite, (op, threshold) => {
        expect(criterionProgress(op, null, threshold)).toBe(0);
      })
    );
  });

  it('">=": min(1, value / threshold) for a positive threshold and non-negative value', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e9, noNaN: true }),
        fc.double({ min: 1e-6, max: 1e9, noNaN: true }),
        (value, threshold) => {
          expect(criterionProgress('>=', value, threshold)).toBe(Math.min(1, value / threshold));
        }
      ),
      { numRuns: 1000 }
    );
  });

  it('"<=": 1 when met, threshold / value otherwise, for a non-negative threshold', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1e9, noNaN: true }),
        fc.double({ min: 0, max: 1e9, noNaN: true }),
        (value, threshold) => {
          const expected = value <= threshold ? 1 : threshold / value;
          expect(criterionProgress('<=', value, threshold)).toBe(expected);
        }
      ),
      { numRuns: 1000 }
    );
  });
});
