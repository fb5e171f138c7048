/*
 * Tier decisions (DESIGN.md §3 "Decision rules" 1–8 and "Precise semantics"), evaluated for
 * 2026-Q3 (2026-07-01..2026-09-30, evaluation date 2026-09-30) with the default program.
 */
import type { Decision, MetricValues, PartnerState, TierException } from '../tierEngine';
import { ENGINE_VERSION, decide, evaluateProgram } from '../tierEngine';
import {
  DEFAULT_PROGRAM,
  ELITE_RAW,
  Q3_2026,
  REGISTERED_RAW,
  SELECT_RAW,
  buildProgram,
  partner,
  periodOf,
  settings,
  withRaw
} from './data/program';

function run(
  state: Partial<PartnerState>,
  values: MetricValues,
  program = DEFAULT_PROGRAM,
  period = Q3_2026
): Decision {
  return decide(partner(state), values, program, period);
}

function outcomeOf(decision: Decision) {
  return {
    outcome: decision.outcome,
    previousTier: decision.previousTier,
    qualifiedTier: decision.qualifiedTier,
    resultingTier: decision.resultingTier
  };
}

function result(decision: Decision, tier: string, metric: string) {
  const found = decision.criteria.find((criterion) => criterion.tier === tier && criterion.metric === metric);
  if (!found) throw new Error(`no ${tier} ${metric} in decision`);
  return found;
}

const mean = (values: number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;

const SELECT_PARTNER: Partial<PartnerState> = { currentTier: 'Select' };
const ELITE_PARTNER: Partial<PartnerState> = { currentTier: 'Elite' };

function exception(tier: string, startsOn: string, expiresOn: string): TierException {
  return { tier, startsOn, expiresOn };
}

describe('c-tier-engine qualified tier (rule 2)', () => {
  it('a partner missing every Select criterion qualifies for Registered, which has no criteria', () => {
    const decision = run({}, withRaw(REGISTERED_RAW));
    expect(outcomeOf(decision)).toEqual({
      outcome: 'Retained',
      previousTier: 'Registered',
      qualifiedTier: 'Registered',
      resultingTier: 'Registered'
    });
    expect(decision.criteria.some((criterion) => criterion.tier === 'Registered')).toBe(false);
  });

  it('a partner with no metrics at all still qualifies for Registered', () => {
    const decision = run({}, {});
    expect(decision.qualifiedTier).toBe('Registered');
    expect(decision.criteria.every((criterion) => criterion.gap === 'no data' && !criterion.met)).toBe(true);
  });

  it('meeting every Select criterion but not Elite qualifies for Select', () => {
    expect(run(SELECT_PARTNER, withRaw(SELECT_RAW)).qualifiedTier).toBe('Select');
  });

  it('missing a single Select criterion (1 certified person) drops the qualification to Registered', () => {
    const decision = run({}, withRaw(ELITE_RAW, { CERTIFIED_PEOPLE: 1 }));
    expect(decision.qualifiedTier).toBe('Registered');
    expect(result(decision, 'Select', 'CERTIFIED_PEOPLE')).toMatchObject({
      met: false,
      gap: '1 more certified person'
    });
  });

  it('no data on a Select criterion is not met: qualifies for Registered with gap "no data"', () => {
    const decision = run({}, withRaw(SELECT_RAW, { CSAT_AVG: null }));
    expect(decision.qualifiedTier).toBe('Registered');
    expect(result(decision, 'Select', 'CSAT_AVG')).toMatchObject({ value: null, met: false, gap: 'no data' });
  });

  it('exact thresholds of every Select criterion qualify for Select', () => {
    const decision = run(
      {},
      withRaw({ REVENUE_4Q: 100_000, CSAT_AVG: 80, CERTIFIED_PEOPLE: 2, EVIDENCE_AGE_DAYS: 365, DEAL_HYGIENE_PCT: 70 })
    );
    expect(decision.qualifiedTier).toBe('Select');
  });

  it('exact thresholds of every Elite criterion qualify a Reseller for Elite', () => {
    const decision = run(
      {},
      withRaw({
        REVENUE_4Q: 500_000,
        CSAT_AVG: 90,
        CERTIFIED_PEOPLE: 5,
        EVIDENCE_AGE_DAYS: 180,
        DEAL_HYGIENE_PCT: 85,
        RENEWAL_RATE_PCT: 85
      })
    );
    expect(decision.qualifiedTier).toBe('Elite');
  });
});

describe('c-tier-engine type-specific criteria', () => {
  const eliteWithoutTypeSignals = withRaw(ELITE_RAW, {
    VALIDATED_INTEGRATIONS: undefined,
    RENEWAL_RATE_PCT: undefined,
    SOW_EVIDENCE: undefined
  });

  it('an ISV needs 2 validated integrations for Elite: 1 qualifies for Select, 2 for Elite', () => {
    expect(run({ partnerType: 'ISV' }, withRaw(ELITE_RAW, { VALIDATED_INTEGRATIONS: 1 })).qualifiedTier).toBe('Select');
    expect(run({ partnerType: 'ISV' }, withRaw(ELITE_RAW, { VALIDATED_INTEGRATIONS: 2 })).qualifiedTier).toBe('Elite');
  });

  it('a Reseller does not need validated integrations but needs an 85 % renewal rate', () => {
    expect(run({ partnerType: 'Reseller' }, withRaw(ELITE_RAW, { VALIDATED_INTEGRATIONS: 0 })).qualifiedTier).toBe(
      'Elite'
    );
    expect(run({ partnerType: 'Reseller' }, withRaw(ELITE_RAW, { RENEWAL_RATE_PCT: 84.9 })).qualifiedTier).toBe(
      'Select'
    );
    expect(run({ partnerType: 'Reseller' }, withRaw(ELITE_RAW, { RENEWAL_RATE_PCT: 85 })).qualifiedTier).toBe('Elite');
  });

  it('a Service partner needs a verified SOW or playbook for Elite', () => {
    expect(run({ partnerType: 'Service' }, withRaw(ELITE_RAW, { SOW_EVIDENCE: 0 })).qualifiedTier).toBe('Select');
    expect(run({ partnerType: 'Service' }, withRaw(ELITE_RAW, { SOW_EVIDENCE: 1 })).qualifiedTier).toBe('Elite');
    expect(
      run({ partnerType: 'Service' }, withRaw(ELITE_RAW, { VALIDATED_INTEGRATIONS: 0, RENEWAL_RATE_PCT: 0 }))
        .qualifiedTier
    ).toBe('Elite');
  });

  it('without its type signal (no data), each type falls back to Select', () => {
    for (const partnerType of ['ISV', 'Reseller', 'Service'] as const) {
      const decision = run({ partnerType }, eliteWithoutTypeSignals);
      expect({ partnerType, qualified: decision.qualifiedTier }).toEqual({ partnerType, qualified: 'Select' });
    }
  });

  it('lists exactly the criteria that apply to the partner type: 5 Select + 6 Elite', () => {
    const expected = {
      ISV: 'VALIDATED_INTEGRATIONS',
      Reseller: 'RENEWAL_RATE_PCT',
      Service: 'SOW_EVIDENCE'
    } as const;
    for (const partnerType of ['ISV', 'Reseller', 'Service'] as const) {
      const decision = run({ partnerType }, withRaw(SELECT_RAW));
      const elite = decision.criteria
        .filter((criterion) => criterion.tier === 'Elite')
        .map((criterion) => criterion.metric);
      const select = decision.criteria
        .filter((criterion) => criterion.tier === 'Select')
        .map((criterion) => criterion.metric);
      expect(select.sort()).toEqual([
        'CERTIFIED_PEOPLE',
        'CSAT_AVG',
        'DEAL_HYGIENE_PCT',
        'EVIDENCE_AGE_DAYS',
        'REVENUE_4Q'
      ]);
      expect(elite.sort()).toEqual(
        [
          'CERTIFIED_PEOPLE',
          'CSAT_AVG',
          'DEAL_HYGIENE_PCT',
          'EVIDENCE_AGE_DAYS',
          'REVENUE_4Q',
          expected[partnerType]
        ].sort()
      );
      expect(decision.criteria).toHaveLength(11);
    }
  });

  it('an inactive criterion is not applied', () => {
    const program = buildProgram(
      {},
      DEFAULT_PROGRAM.criteria.map((criterion) =>
        criterion.tier === 'Elite' && criterion.metric === 'RENEWAL_RATE_PCT'
          ? { ...criterion, active: false }
          : criterion
      )
    );
    const decision = run({ partnerType: 'Reseller' }, withRaw(ELITE_RAW, { RENEWAL_RATE_PCT: 10 }), program);
    expect(decision.qualifiedTier).toBe('Elite');
    expect(decision.criteria.some((criterion) => criterion.metric === 'RENEWAL_RATE_PCT')).toBe(false);
  });
});

describe('c-tier-engine Promoted (rule 3)', () => {
  it('Registered meeting Select is promoted to Select', () => {
    const decision = run({}, withRaw(SELECT_RAW));
    expect(outcomeOf(decision)).toEqual({
      outcome: 'Promoted',
      previousTier: 'Registered',
      qualifiedTier: 'Select',
      resultingTier: 'Select'
    });
    expect(decision).toMatchObject({ graceUntil: null, recoveryPlanRequired: false, exceptionExpiresOn: null });
  });

  it('Registered meeting Elite skips Select when promotions may skip a tier', () => {
    const decision = run({}, withRaw(ELITE_RAW));
    expect(outcomeOf(decision)).toEqual({
      outcome: 'Promoted',
      previousTier: 'Registered',
      qualifiedTier: 'Elite',
      resultingTier: 'Elite'
    });
  });

  it('with allowTierSkip false, Registered meeting Elite moves one step only, to Select', () => {
    const program = buildProgram({ allowTierSkip: false });
    const decision = run({}, withRaw(ELITE_RAW), program);
    expect(outcomeOf(decision)).toEqual({
      outcome: 'Promoted',
      previousTier: 'Registered',
      qualifiedTier: 'Elite',
      resultingTier: 'Select'
    });
    expect(decision.nextTier).toBe('Elite');
    expect(decision.progress).toBe(1);
  });

  it('with allowTierSkip false, Select meeting Elite is promoted to Elite', () => {
    const decision = run(SELECT_PARTNER, withRaw(ELITE_RAW), buildProgram({ allowTierSkip: false }));
    expect(outcomeOf(decision)).toEqual({
      outcome: 'Promoted',
      previousTier: 'Select',
      qualifiedTier: 'Elite',
      resultingTier: 'Elite'
    });
  });

  it('a blank current tier (null or empty) means Registered', () => {
    for (const currentTier of [null, '']) {
      const decision = run({ currentTier }, withRaw(SELECT_RAW));
      expect(outcomeOf(decision)).toEqual({
        outcome: 'Promoted',
        previousTier: 'Registered',
        qualifiedTier: 'Select',
        resultingTier: 'Select'
      });
    }
    expect(outcomeOf(run({ currentTier: null }, withRaw(REGISTERED_RAW)))).toEqual({
      outcome: 'Retained',
      previousTier: 'Registered',
      qualifiedTier: 'Registered',
      resultingTier: 'Registered'
    });
  });
});

describe('c-tier-engine Retained and Recovered (rule 4)', () => {
  it('Select meeting Select is retained without grace', () => {
    const decision = run(SELECT_PARTNER, withRaw(SELECT_RAW));
    expect(outcomeOf(decision)).toEqual({
      outcome: 'Retained',
      previousTier: 'Select',
      qualifiedTier: 'Select',
      resultingTier: 'Select'
    });
    expect(decision).toMatchObject({ graceUntil: null, recoveryPlanRequired: false, exceptionExpiresOn: null });
  });

  it('Elite meeting Elite is retained', () => {
    expect(outcomeOf(run(ELITE_PARTNER, withRaw(ELITE_RAW)))).toEqual({
      outcome: 'Retained',
      previousTier: 'Elite',
      qualifiedTier: 'Elite',
      resultingTier: 'Elite'
    });
  });

  it('a running grace period (until 2026-09-30) is cleared when every criterion is met again: Recovered', () => {
    const decision = run({ ...SELECT_PARTNER, graceUntil: '2026-09-30' }, withRaw(SELECT_RAW));
    expect(outcomeOf(decision)).toEqual({
      outcome: 'Recovered',
      previousTier: 'Select',
      qualifiedTier: 'Select',
      resultingTier: 'Select'
    });
    expect(decision).toMatchObject({ graceUntil: null, previousGraceUntil: '2026-09-30', recoveryPlanRequired: false });
  });

  it('grace until the first day of the quarter (2026-07-01) is still running: Recovered', () => {
    const decision = run({ ...SELECT_PARTNER, graceUntil: '2026-07-01' }, withRaw(SELECT_RAW));
    expect(decision.outcome).toBe('Recovered');
    expect(decision.graceUntil).toBeNull();
  });

  it('grace that ended the day before the quarter (2026-06-30) is not running: Retained', () => {
    const decision = run({ ...SELECT_PARTNER, graceUntil: '2026-06-30' }, withRaw(SELECT_RAW));
    expect(decision.outcome).toBe('Retained');
    expect(decision.graceUntil).toBeNull();
    expect(decision.previousGraceUntil).toBe('2026-06-30');
  });

  it('an Elite partner in grace that meets Elite again recovers', () => {
    const decision = run({ ...ELITE_PARTNER, graceUntil: '2026-12-31' }, withRaw(ELITE_RAW));
    expect(decision.outcome).toBe('Recovered');
    expect(decision.resultingTier).toBe('Elite');
  });
});

describe('c-tier-engine Grace (rule 5, narrow miss)', () => {
  it('CSAT 72 is exactly 90 % of 80: grace until the end of the next quarter, recovery plan required', () => {
    const decision = run(SELECT_PARTNER, withRaw(SELECT_RAW, { CSAT_AVG: 72 }));
    expect(outcomeOf(decision)).toEqual({
      outcome: 'Grace',
      previousTier: 'Select',
      qualifiedTier: 'Registered',
      resultingTier: 'Select'
    });
    expect(decision).toMatchObject({
      graceUntil: '2026-12-31',
      recoveryPlanRequired: true,
      previousGraceUntil: null,
      exceptionExpiresOn: null
    });
  });

  it('CSAT 71.992 (89.99 % of 80) is a clear miss: Demoted to Registered', () => {
    const decision = run(SELECT_PARTNER, withRaw(SELECT_RAW, { CSAT_AVG: 71.992 }));
    expect(outcomeOf(decision)).toEqual({
      outcome: 'Demoted',
      previousTier: 'Select',
      qualifiedTier: 'Registered',
      resultingTier: 'Registered'
    });
    expect(decision).toMatchObject({ graceUntil: null, recoveryPlanRequired: false });
  });

  it('revenue 90,000 of 100,000 is narrow (Grace); 89,990 (89.99 %) is not (Demoted)', () => {
    expect(run(SELECT_PARTNER, withRaw(SELECT_RAW, { REVENUE_4Q: 90_000 })).outcome).toBe('Grace');
    expect(run(SELECT_PARTNER, withRaw(SELECT_RAW, { REVENUE_4Q: 89_990 })).outcome).toBe('Demoted');
  });

  it('deal hygiene 63 % of a 70 % rule is exactly 90 %: Grace; 62.9 % is Demoted', () => {
    expect(run(SELECT_PARTNER, withRaw(SELECT_RAW, { DEAL_HYGIENE_PCT: 63 })).outcome).toBe('Grace');
    expect(run(SELECT_PARTNER, withRaw(SELECT_RAW, { DEAL_HYGIENE_PCT: 62.9 })).outcome).toBe('Demoted');
  });

  it('several failed criteria, each within 90 %, still give Grace', () => {
    const decision = run(
      SELECT_PARTNER,
      withRaw(SELECT_RAW, { REVENUE_4Q: 95_000, CSAT_AVG: 75, DEAL_HYGIENE_PCT: 63, EVIDENCE_AGE_DAYS: 400 })
    );
    expect(decision.outcome).toBe('Grace');
    expect(decision.criteria.filter((criterion) => criterion.tier === 'Select' && !criterion.met)).toHaveLength(4);
  });

  it('one narrow and one clear miss: Demoted', () => {
    const decision = run(SELECT_PARTNER, withRaw(SELECT_RAW, { CSAT_AVG: 75, CERTIFIED_PEOPLE: 1 }));
    expect(outcomeOf(decision)).toEqual({
      outcome: 'Demoted',
      previousTier: 'Select',
      qualifiedTier: 'Registered',
      resultingTier: 'Registered'
    });
  });

  it('"<=" rule: evidence 401.5 days (exactly 10 % over 365) and 401 days give Grace', () => {
    expect(run(SELECT_PARTNER, withRaw(SELECT_RAW, { EVIDENCE_AGE_DAYS: 401.5 })).outcome).toBe('Grace');
    expect(run(SELECT_PARTNER, withRaw(SELECT_RAW, { EVIDENCE_AGE_DAYS: 401 })).outcome).toBe('Grace');
  });

  it('"<=" rule: evidence 402 days (more than 10 % over 365) is Demoted', () => {
    expect(run(SELECT_PARTNER, withRaw(SELECT_RAW, { EVIDENCE_AGE_DAYS: 402 })).outcome).toBe('Demoted');
    expect(run(SELECT_PARTNER, withRaw(SELECT_RAW, { EVIDENCE_AGE_DAYS: 401.6 })).outcome).toBe('Demoted');
  });

  it('Elite evidence 198 days (exactly 10 % over 180) gives Grace at Elite; 199 days demotes to Select', () => {
    const narrow = run(ELITE_PARTNER, withRaw(ELITE_RAW, { EVIDENCE_AGE_DAYS: 198 }));
    expect(outcomeOf(narrow)).toEqual({
      outcome: 'Grace',
      previousTier: 'Elite',
      qualifiedTier: 'Select',
      resultingTier: 'Elite'
    });
    expect(narrow.graceUntil).toBe('2026-12-31');
    const clear = run(ELITE_PARTNER, withRaw(ELITE_RAW, { EVIDENCE_AGE_DAYS: 199 }));
    expect(outcomeOf(clear)).toEqual({
      outcome: 'Demoted',
      previousTier: 'Elite',
      qualifiedTier: 'Select',
      resultingTier: 'Select'
    });
  });

  it('Elite revenue 450,000 (90 % of 500,000) gives Grace; a Reseller renewal rate of 76.5 % (90 % of 85) too', () => {
    expect(run(ELITE_PARTNER, withRaw(ELITE_RAW, { REVENUE_4Q: 450_000 })).outcome).toBe('Grace');
    expect(run(ELITE_PARTNER, withRaw(ELITE_RAW, { RENEWAL_RATE_PCT: 76.5 })).outcome).toBe('Grace');
    expect(run(ELITE_PARTNER, withRaw(ELITE_RAW, { RENEWAL_RATE_PCT: 76.4 })).outcome).toBe('Demoted');
  });

  it('an ISV with 1 of 2 validated integrations clearly misses Elite: Demoted to Select', () => {
    const decision = run({ ...ELITE_PARTNER, partnerType: 'ISV' }, withRaw(ELITE_RAW, { VALIDATED_INTEGRATIONS: 1 }));
    expect(outcomeOf(decision)).toEqual({
      outcome: 'Demoted',
      previousTier: 'Elite',
      qualifiedTier: 'Select',
      resultingTier: 'Select'
    });
  });

  it('a failed criterion with no data is never a narrow miss (null value or missing metric)', () => {
    const nullValue = run(SELECT_PARTNER, withRaw(SELECT_RAW, { CSAT_AVG: null }));
    expect(outcomeOf(nullValue)).toEqual({
      outcome: 'Demoted',
      previousTier: 'Select',
      qualifiedTier: 'Registered',
      resultingTier: 'Registered'
    });
    expect(run(SELECT_PARTNER, withRaw(SELECT_RAW, { CSAT_AVG: undefined })).outcome).toBe('Demoted');
    expect(run(SELECT_PARTNER, withRaw(SELECT_RAW, { EVIDENCE_AGE_DAYS: null })).outcome).toBe('Demoted');
  });

  it('no data next to a narrow miss still demotes', () => {
    expect(run(SELECT_PARTNER, withRaw(SELECT_RAW, { CSAT_AVG: 79, DEAL_HYGIENE_PCT: null })).outcome).toBe('Demoted');
  });

  it('grace granted in 2026-Q4 lasts until the end of 2027-Q1 (2027-03-31)', () => {
    const decision = run(SELECT_PARTNER, withRaw(SELECT_RAW, { CSAT_AVG: 75 }), DEFAULT_PROGRAM, periodOf('2026-Q4'));
    expect(decision.outcome).toBe('Grace');
    expect(decision.graceUntil).toBe('2027-03-31');
  });

  it('grace follows the fiscal calendar: FY2027-Q4 (Feb start) ends 2027-01-31, grace until 2027-04-30', () => {
    const feb = settings({ fiscalYearStartMonth: 2, fiscalYearBasedOn: 'End' });
    const decision = run(
      SELECT_PARTNER,
      withRaw(SELECT_RAW, { CSAT_AVG: 75 }),
      buildProgram(feb),
      periodOf('2027-Q4', feb)
    );
    expect(decision.outcome).toBe('Grace');
    expect(decision.graceUntil).toBe('2027-04-30');
  });

  it('an old grace period (ended 2026-06-30, before the quarter) does not prevent a new grace', () => {
    for (const graceUntil of ['2026-06-30', '2025-12-31']) {
      const decision = run({ ...SELECT_PARTNER, graceUntil }, withRaw(SELECT_RAW, { CSAT_AVG: 75 }));
      expect({ graceUntil, outcome: decision.outcome, newGrace: decision.graceUntil }).toEqual({
        graceUntil,
        outcome: 'Grace',
        newGrace: '2026-12-31'
      });
    }
  });
});

describe('c-tier-engine Demoted (rule 5)', () => {
  it('already in grace (until 2026-09-30) and still narrowly missing: Demoted, grace ends', () => {
    const decision = run({ ...SELECT_PARTNER, graceUntil: '2026-09-30' }, withRaw(SELECT_RAW, { CSAT_AVG: 79 }));
    expect(outcomeOf(decision)).toEqual({
      outcome: 'Demoted',
      previousTier: 'Select',
      qualifiedTier: 'Registered',
      resultingTier: 'Registered'
    });
    expect(decision).toMatchObject({
      graceUntil: null,
      previousGraceUntil: '2026-09-30',
      recoveryPlanRequired: false
    });
  });

  it('grace until exactly the quarter start (2026-07-01) counts as in grace: Demoted', () => {
    const decision = run({ ...SELECT_PARTNER, graceUntil: '2026-07-01' }, withRaw(SELECT_RAW, { CSAT_AVG: 79 }));
    expect(decision.outcome).toBe('Demoted');
    expect(decision.resultingTier).toBe('Registered');
  });

  it('an Elite partner in grace that narrowly misses again drops to its qualified tier Select', () => {
    const decision = run({ ...ELITE_PARTNER, graceUntil: '2026-09-30' }, withRaw(ELITE_RAW, { CSAT_AVG: 89 }));
    expect(outcomeOf(decision)).toEqual({
      outcome: 'Demoted',
      previousTier: 'Elite',
      qualifiedTier: 'Select',
      resultingTier: 'Select'
    });
  });

  it('a clear miss demotes Select to Registered', () => {
    const decision = run(SELECT_PARTNER, withRaw(SELECT_RAW, { CERTIFIED_PEOPLE: 1 }));
    expect(outcomeOf(decision)).toEqual({
      outcome: 'Demoted',
      previousTier: 'Select',
      qualifiedTier: 'Registered',
      resultingTier: 'Registered'
    });
  });

  it('Elite clearly missing Elite but meeting Select drops to Select', () => {
    const decision = run(ELITE_PARTNER, withRaw(SELECT_RAW));
    expect(outcomeOf(decision)).toEqual({
      outcome: 'Demoted',
      previousTier: 'Elite',
      qualifiedTier: 'Select',
      resultingTier: 'Select'
    });
    expect(decision.nextTier).toBe('Elite');
  });

  it('Elite meeting nothing drops two tiers, to Registered', () => {
    const decision = run(ELITE_PARTNER, withRaw(REGISTERED_RAW));
    expect(outcomeOf(decision)).toEqual({
      outcome: 'Demoted',
      previousTier: 'Elite',
      qualifiedTier: 'Registered',
      resultingTier: 'Registered'
    });
    expect(decision.nextTier).toBe('Select');
  });
});

describe('c-tier-engine Held by Exception (rule 5)', () => {
  const clearMiss = withRaw(SELECT_RAW, { CERTIFIED_PEOPLE: 0 });

  it('an active exception for the current tier holds it and reports when it expires', () => {
    const decision = run(
      { ...SELECT_PARTNER, exceptions: [exception('Select', '2026-01-01', '2026-12-31')] },
      clearMiss
    );
    expect(outcomeOf(decision)).toEqual({
      outcome: 'Held by Exception',
      previousTier: 'Select',
      qualifiedTier: 'Registered',
      resultingTier: 'Select'
    });
    expect(decision.exceptionExpiresOn).toBe('2026-12-31');
    expect(decision.recoveryPlanRequired).toBe(false);
  });

  it('an exception expiring on the evaluation date (2026-09-30) still holds', () => {
    const decision = run(
      { ...SELECT_PARTNER, exceptions: [exception('Select', '2026-04-01', '2026-09-30')] },
      clearMiss
    );
    expect(decision.outcome).toBe('Held by Exception');
    expect(decision.exceptionExpiresOn).toBe('2026-09-30');
  });

  it('an exception that expired the day before the evaluation date (2026-09-29) does not hold', () => {
    const decision = run(
      { ...SELECT_PARTNER, exceptions: [exception('Select', '2026-04-01', '2026-09-29')] },
      clearMiss
    );
    expect(outcomeOf(decision)).toEqual({
      outcome: 'Demoted',
      previousTier: 'Select',
      qualifiedTier: 'Registered',
      resultingTier: 'Registered'
    });
    expect(decision.exceptionExpiresOn).toBeNull();
  });

  it('an exception starting on the evaluation date holds; one starting the day after does not', () => {
    const onDate = run({ ...SELECT_PARTNER, exceptions: [exception('Select', '2026-09-30', '2027-03-31')] }, clearMiss);
    expect(onDate.outcome).toBe('Held by Exception');
    expect(onDate.exceptionExpiresOn).toBe('2027-03-31');
    const later = run({ ...SELECT_PARTNER, exceptions: [exception('Select', '2026-10-01', '2027-03-31')] }, clearMiss);
    expect(later.outcome).toBe('Demoted');
  });

  it('an exception for a higher tier (Elite) holds a Select partner', () => {
    const decision = run(
      { ...SELECT_PARTNER, exceptions: [exception('Elite', '2026-01-01', '2026-12-31')] },
      clearMiss
    );
    expect(decision.outcome).toBe('Held by Exception');
    expect(decision.resultingTier).toBe('Select');
  });

  it('an exception for a lower tier does not hold: Select exception on an Elite partner', () => {
    const decision = run(
      { ...ELITE_PARTNER, exceptions: [exception('Select', '2026-01-01', '2026-12-31')] },
      withRaw(REGISTERED_RAW)
    );
    expect(outcomeOf(decision)).toEqual({
      outcome: 'Demoted',
      previousTier: 'Elite',
      qualifiedTier: 'Registered',
      resultingTier: 'Registered'
    });
    expect(decision.exceptionExpiresOn).toBeNull();
  });

  it('a Registered exception does not hold a Select partner', () => {
    const decision = run(
      { ...SELECT_PARTNER, exceptions: [exception('Registered', '2026-01-01', '2026-12-31')] },
      clearMiss
    );
    expect(decision.outcome).toBe('Demoted');
  });

  it('an exception comes before grace: a narrow miss with an active exception is Held by Exception', () => {
    const decision = run(
      { ...SELECT_PARTNER, exceptions: [exception('Select', '2026-01-01', '2026-12-31')] },
      withRaw(SELECT_RAW, { CSAT_AVG: 75 })
    );
    expect(decision.outcome).toBe('Held by Exception');
    expect(decision.recoveryPlanRequired).toBe(false);
  });

  it('an exception holds a partner whose grace ran out and that still misses', () => {
    const decision = run(
      { ...SELECT_PARTNER, graceUntil: '2026-09-30', exceptions: [exception('Select', '2026-07-01', '2026-12-31')] },
      withRaw(SELECT_RAW, { CSAT_AVG: 75 })
    );
    expect(decision.outcome).toBe('Held by Exception');
    expect(decision.resultingTier).toBe('Select');
  });

  it('an exception holds against no data too', () => {
    const decision = run(
      { ...SELECT_PARTNER, exceptions: [exception('Select', '2026-01-01', '2026-12-31')] },
      withRaw(SELECT_RAW, { CSAT_AVG: null })
    );
    expect(decision.outcome).toBe('Held by Exception');
  });

  it('an active exception does not stop a partner that meets its tier from being retained or promoted', () => {
    const exceptions = [exception('Select', '2026-01-01', '2026-12-31')];
    expect(run({ ...SELECT_PARTNER, exceptions }, withRaw(SELECT_RAW)).outcome).toBe('Retained');
    expect(run({ ...SELECT_PARTNER, exceptions }, withRaw(ELITE_RAW)).outcome).toBe('Promoted');
  });

  it('only the active exception counts among expired and future ones', () => {
    const decision = run(
      {
        ...SELECT_PARTNER,
        exceptions: [
          exception('Select', '2025-01-01', '2025-12-31'),
          exception('Select', '2026-08-01', '2026-11-15'),
          exception('Select', '2027-01-01', '2027-06-30')
        ]
      },
      clearMiss
    );
    expect(decision.outcome).toBe('Held by Exception');
    expect(decision.exceptionExpiresOn).toBe('2026-11-15');
  });
});

describe('c-tier-engine progress to the next tier (rule 6)', () => {
  it('a Registered partner: the mean of its Select criteria progress (">=" v/t, "<=" t/v)', () => {
    const decision = run({}, withRaw(REGISTERED_RAW));
    expect(decision.nextTier).toBe('Select');
    // revenue 40k/100k, CSAT 70/80, 1/2 people, 365/500 days, hygiene 50/70
    expect(decision.progress).toBeCloseTo(mean([0.4, 0.875, 0.5, 0.73, 50 / 70]), 12);
    expect(decision.nearUpgrade).toBe(false);
  });

  it('no data counts 0 in the mean', () => {
    const decision = run({}, withRaw(REGISTERED_RAW, { CSAT_AVG: null, DEAL_HYGIENE_PCT: undefined }));
    expect(decision.progress).toBeCloseTo(mean([0.4, 0, 0.5, 0.73, 0]), 12);
  });

  it('a Select Reseller: the mean over the 6 Elite criteria that apply to resellers', () => {
    const decision = run(SELECT_PARTNER, withRaw(SELECT_RAW));
    expect(decision.nextTier).toBe('Elite');
    expect(decision.progress).toBeCloseTo(mean([0.5, 84 / 90, 0.6, 0.9, 75 / 85, 80 / 85]), 12);
    expect(decision.nearUpgrade).toBe(false);
  });

  it('a Select ISV: the mean over the 6 Elite criteria that apply to ISVs', () => {
    const decision = run({ ...SELECT_PARTNER, partnerType: 'ISV' }, withRaw(SELECT_RAW));
    expect(decision.progress).toBeCloseTo(mean([0.5, 84 / 90, 0.6, 0.9, 75 / 85, 0.5]), 12);
  });

  it('a Select Service partner with no SOW: that criterion counts 0', () => {
    const decision = run({ ...SELECT_PARTNER, partnerType: 'Service' }, withRaw(SELECT_RAW));
    expect(decision.progress).toBeCloseTo(mean([0.5, 84 / 90, 0.6, 0.9, 75 / 85, 0]), 12);
  });

  it('progress exactly 0.8 (4 of 5 Select criteria met, one at 0) is near upgrade', () => {
    const decision = run(
      {},
      withRaw({ REVENUE_4Q: 100_000, CSAT_AVG: 80, CERTIFIED_PEOPLE: 2, EVIDENCE_AGE_DAYS: 365, DEAL_HYGIENE_PCT: 0 })
    );
    expect(decision.outcome).toBe('Retained');
    expect(decision.progress).toBeCloseTo(0.8, 12);
    expect(decision.nearUpgrade).toBe(true);
  });

  it('progress just below 0.8 is not near upgrade', () => {
    const decision = run(
      {},
      withRaw({ REVENUE_4Q: 99_999, CSAT_AVG: 80, CERTIFIED_PEOPLE: 2, EVIDENCE_AGE_DAYS: 365, DEAL_HYGIENE_PCT: null })
    );
    expect(decision.progress).toBeCloseTo(0.799998, 12);
    expect(decision.nearUpgrade).toBe(false);
  });

  it('the near-upgrade threshold is the program setting', () => {
    const program = buildProgram({ nearUpgradePct: 60 });
    expect(run({}, withRaw(REGISTERED_RAW), program).nearUpgrade).toBe(true);
    expect(run({}, withRaw(REGISTERED_RAW)).nearUpgrade).toBe(false);
  });

  it('at the top tier there is no next tier: nextTier null, progress null, not near upgrade', () => {
    const decision = run(ELITE_PARTNER, withRaw(ELITE_RAW));
    expect(decision).toMatchObject({ nextTier: null, progress: null, nearUpgrade: false });
    const promoted = run({}, withRaw(ELITE_RAW));
    expect(promoted).toMatchObject({ resultingTier: 'Elite', nextTier: null, progress: null, nearUpgrade: false });
  });

  it('a partner kept at Elite in grace has no next tier', () => {
    const decision = run(ELITE_PARTNER, withRaw(ELITE_RAW, { CSAT_AVG: 85 }));
    expect(decision.outcome).toBe('Grace');
    expect(decision).toMatchObject({ nextTier: null, progress: null, nearUpgrade: false });
  });

  it('a Select partner in grace measures progress to Elite', () => {
    const decision = run(SELECT_PARTNER, withRaw(SELECT_RAW, { CSAT_AVG: 72 }));
    expect(decision.outcome).toBe('Grace');
    expect(decision.nextTier).toBe('Elite');
    expect(decision.progress).toBeCloseTo(mean([0.5, 72 / 90, 0.6, 0.9, 75 / 85, 80 / 85]), 12);
  });

  it('a partner demoted from Elite to Registered measures progress to Select', () => {
    const decision = run(ELITE_PARTNER, withRaw(REGISTERED_RAW));
    expect(decision.progress).toBeCloseTo(mean([0.4, 0.875, 0.5, 0.73, 50 / 70]), 12);
  });
});

describe('c-tier-engine evaluateProgram (rules 1, 7, 8)', () => {
  const partners: PartnerState[] = [
    partner({ accountId: 'P-003', name: 'Gamma', currentTier: 'Select' }),
    partner({ accountId: 'P-005', name: 'Epsilon', status: 'Suspended' }),
    partner({ accountId: 'P-001', name: 'Alpha', partnerType: 'ISV', currentTier: 'Elite' }),
    partner({ accountId: 'P-004', name: 'Delta', status: 'Onboarding' }),
    partner({ accountId: 'P-002', name: 'Beta', partnerType: 'Service', currentTier: null }),
    partner({ accountId: 'P-000', name: 'Zero', status: 'Prospect' })
  ];
  const byAccount: Record<string, MetricValues> = {
    'P-001': withRaw(ELITE_RAW, { VALIDATED_INTEGRATIONS: 1 }),
    'P-002': withRaw(SELECT_RAW),
    'P-003': withRaw(SELECT_RAW, { CSAT_AVG: 72 })
  };
  const metricsFor = (accountId: string): MetricValues => byAccount[accountId] ?? {};

  it('evaluates only Active partners, sorted by account id', () => {
    const evaluation = evaluateProgram(partners, metricsFor, DEFAULT_PROGRAM, Q3_2026);
    expect(
      evaluation.decisions.map((decision) => [
        decision.accountId,
        decision.name,
        decision.outcome,
        decision.resultingTier
      ])
    ).toEqual([
      ['P-001', 'Alpha', 'Demoted', 'Select'],
      ['P-002', 'Beta', 'Promoted', 'Select'],
      ['P-003', 'Gamma', 'Grace', 'Select']
    ]);
  });

  it('lists Suspended, Onboarding and Prospect partners as skipped with their status and why', () => {
    const evaluation = evaluateProgram(partners, metricsFor, DEFAULT_PROGRAM, Q3_2026);
    expect(evaluation.skipped.map((skip) => [skip.accountId, skip.name, skip.status])).toEqual([
      ['P-000', 'Zero', 'Prospect'],
      ['P-004', 'Delta', 'Onboarding'],
      ['P-005', 'Epsilon', 'Suspended']
    ]);
    for (const skip of evaluation.skipped) {
      expect(skip.reason).toContain(skip.status);
      expect(skip.reason).toContain('Active');
    }
  });

  it('a blank status is skipped too', () => {
    const evaluation = evaluateProgram(
      [partner({ accountId: 'P-9', status: '' })],
      () => ({}),
      DEFAULT_PROGRAM,
      Q3_2026
    );
    expect(evaluation.decisions).toHaveLength(0);
    expect(evaluation.skipped).toHaveLength(1);
    expect(evaluation.skipped[0].accountId).toBe('P-9');
    expect(evaluation.skipped[0].reason.length).toBeGreaterThan(0);
  });

  it('reports the engine version and the evaluated period', () => {
    const evaluation = evaluateProgram(partners, metricsFor, DEFAULT_PROGRAM, Q3_2026);
    expect(evaluation.engineVersion).toBe(ENGINE_VERSION);
    expect(evaluation.period).toEqual({
      quarter: { label: '2026-Q3', fiscalYear: 2026, quarter: 3, start: '2026-07-01', end: '2026-09-30' },
      windowStart: '2025-10-01',
      windowEnd: '2026-09-30'
    });
  });

  it('gives the same decisions as decide() for each partner', () => {
    const evaluation = evaluateProgram(partners, metricsFor, DEFAULT_PROGRAM, Q3_2026);
    for (const decision of evaluation.decisions) {
      const state = partners.find((candidate) => candidate.accountId === decision.accountId)!;
      expect(decision).toEqual(decide(state, metricsFor(state.accountId), DEFAULT_PROGRAM, Q3_2026));
    }
  });

  it('is byte-identical when run twice and when the input order changes', () => {
    const first = JSON.stringify(evaluateProgram(partners, metricsFor, DEFAULT_PROGRAM, Q3_2026));
    const second = JSON.stringify(evaluateProgram([...partners].reverse(), metricsFor, DEFAULT_PROGRAM, Q3_2026));
    expect(second).toBe(first);
  });

  it('every decision carries value, threshold, rule, met, gap and reason per criterion', () => {
    const evaluation = evaluateProgram(partners, metricsFor, DEFAULT_PROGRAM, Q3_2026);
    for (const decision of evaluation.decisions) {
      expect(decision.criteria.length).toBe(11);
      expect(typeof decision.summary).toBe('string');
      expect(decision.summary.length).toBeGreaterThan(0);
      for (const criterion of decision.criteria) {
        expect(criterion.value === null || typeof criterion.value === 'number').toBe(true);
        expect(typeof criterion.threshold).toBe('number');
        expect(['>=', '<=']).toContain(criterion.operator);
        expect(typeof criterion.met).toBe('boolean');
        expect(criterion.gap === null).toBe(criterion.met);
        expect(typeof criterion.reason).toBe('string');
        expect(criterion.reason.length).toBeGreaterThan(0);
      }
    }
  });

  it('the Grace decision explains the failed criterion with value, threshold and gap', () => {
    const evaluation = evaluateProgram(partners, metricsFor, DEFAULT_PROGRAM, Q3_2026);
    const gamma = evaluation.decisions.find((decision) => decision.accountId === 'P-003')!;
    expect(result(gamma, 'Select', 'CSAT_AVG')).toMatchObject({
      value: 72,
      threshold: 80,
      operator: '>=',
      met: false,
      gap: '8 more points'
    });
    expect(gamma.graceUntil).toBe('2026-12-31');
    expect(gamma.recoveryPlanRequired).toBe(true);
  });

  it('the ISV decision names the missing validated integration', () => {
    const evaluation = evaluateProgram(partners, metricsFor, DEFAULT_PROGRAM, Q3_2026);
    const alpha = evaluation.decisions.find((decision) => decision.accountId === 'P-001')!;
    expect(result(alpha, 'Elite', 'VALIDATED_INTEGRATIONS')).toMatchObject({
      value: 1,
      threshold: 2,
      met: false,
      gap: '1 more validated integration'
    });
  });

  it('does not mutate its inputs', () => {
    const before = JSON.stringify({ partners, byAccount, program: DEFAULT_PROGRAM });
    evaluateProgram(partners, metricsFor, DEFAULT_PROGRAM, Q3_2026);
    expect(JSON.stringify({ partners, byAccount, program: DEFAULT_PROGRAM })).toBe(before);
  });
});
