/*
 * Test fixture: the default program of DESIGN.md §3 ("Default program" and "Program settings"),
 * in the engine's `Program` shape, plus small builders for partners, metrics and periods.
 * Written from the specification, not from the engine.
 */
import type {
  Criterion,
  CriterionPartnerType,
  EvaluationPeriod,
  MetricValues,
  Operator,
  PartnerState,
  PartnerType,
  Program,
  ProgramSettings,
  TierDefinition
} from '../../tierEngine';
import { evaluationPeriod, parseQuarter } from '../../tierEngine';

export const TIERS: TierDefinition[] = [
  { name: 'Registered', label: 'Registered', rank: 1, description: 'New partners' },
  { name: 'Select', label: 'Select', rank: 2, description: 'Consistent contributors' },
  { name: 'Elite', label: 'Elite', rank: 3, description: 'Strategic partners' }
];

export const TIER_RANK: Record<string, number> = { Registered: 1, Select: 2, Elite: 3 };

/** Units used in gap texts (`currency`, `%`, or a plural noun). */
export const UNITS: Record<string, string> = {
  REVENUE_4Q: 'currency',
  CSAT_AVG: 'points',
  CERTIFIED_PEOPLE: 'certified people',
  EVIDENCE_AGE_DAYS: 'days',
  DEAL_HYGIENE_PCT: '%',
  VALIDATED_INTEGRATIONS: 'validated integrations',
  RENEWAL_RATE_PCT: '%',
  SOW_EVIDENCE: 'SOWs or playbooks'
};

/** Metrics whose default-program rules are `>=` (EVIDENCE_AGE_DAYS is the only `<=` rule). */
export const AT_LEAST_METRICS = [
  'REVENUE_4Q',
  'CSAT_AVG',
  'CERTIFIED_PEOPLE',
  'DEAL_HYGIENE_PCT',
  'VALIDATED_INTEGRATIONS',
  'RENEWAL_RATE_PCT',
  'SOW_EVIDENCE'
] as const;

export const ALL_METRICS = [...AT_LEAST_METRICS, 'EVIDENCE_AGE_DAYS'] as const;

type Row = [
  tier: string,
  label: string,
  metric: string,
  operator: Operator,
  threshold: number,
  types: CriterionPartnerType,
  category: Criterion['category']
];

/** The table of DESIGN.md §3, row by row. */
const ROWS: Row[] = [
  ['Select', 'Closed-won partner revenue in the last four quarters', 'REVENUE_4Q', '>=', 100_000, 'All', 'Results'],
  ['Select', 'Average CSAT after delivery (0–100)', 'CSAT_AVG', '>=', 80, 'All', 'Results'],
  ['Select', 'Active certified people', 'CERTIFIED_PEOPLE', '>=', 2, 'All', 'Capabilities'],
  ['Select', 'Verified proof no older than one year', 'EVIDENCE_AGE_DAYS', '<=', 365, 'All', 'Capabilities'],
  ['Select', 'Registered opportunities with owner and next step', 'DEAL_HYGIENE_PCT', '>=', 70, 'All', 'Results'],
  ['Elite', 'Closed-won partner revenue in the last four quarters', 'REVENUE_4Q', '>=', 500_000, 'All', 'Results'],
  ['Elite', 'Average CSAT after delivery (0–100)', 'CSAT_AVG', '>=', 90, 'All', 'Results'],
  ['Elite', 'Active certified people', 'CERTIFIED_PEOPLE', '>=', 5, 'All', 'Capabilities'],
  ['Elite', 'Verified proof no older than six months', 'EVIDENCE_AGE_DAYS', '<=', 180, 'All', 'Capabilities'],
  ['Elite', 'Registered opportunities with owner and next step', 'DEAL_HYGIENE_PCT', '>=', 85, 'All', 'Results'],
  ['Elite', 'Validated integrations', 'VALIDATED_INTEGRATIONS', '>=', 2, 'ISV', 'Capabilities'],
  ['Elite', 'Renewal rate', 'RENEWAL_RATE_PCT', '>=', 85, 'Reseller', 'Results'],
  ['Elite', 'Verified SOW or playbook', 'SOW_EVIDENCE', '>=', 1, 'Service', 'Capabilities']
];

export const DEFAULT_CRITERIA: Criterion[] = ROWS.map(
  ([tier, label, metric, operator, threshold, partnerType, category], index) => ({
    name: `${tier}_${metric}${partnerType === 'All' ? '' : '_' + partnerType}`,
    tier,
    partnerType,
    category,
    metric,
    operator,
    threshold,
    unit: UNITS[metric],
    label,
    helpText: `${label} (${operator} ${threshold})`,
    sortOrder: (index + 1) * 10,
    active: true
  })
);

/** Program settings, record `Default`. */
export const DEFAULT_SETTINGS: ProgramSettings = {
  windowQuarters: 4,
  graceQuarters: 1,
  narrowMissPct: 90,
  nearUpgradePct: 80,
  fiscalYearStartMonth: 1,
  fiscalYearBasedOn: 'End',
  allowTierSkip: true
};

export function settings(overrides: Partial<ProgramSettings> = {}): ProgramSettings {
  return { ...DEFAULT_SETTINGS, ...overrides };
}

export function buildProgram(
  overrides: Partial<ProgramSettings> = {},
  criteria: Criterion[] = DEFAULT_CRITERIA
): Program {
  return {
    tiers: TIERS.map((tier) => ({ ...tier })),
    criteria: criteria.map((criterion) => ({ ...criterion })),
    settings: settings(overrides),
    corporateCurrency: 'USD'
  };
}

export const DEFAULT_PROGRAM: Program = buildProgram();

/** The criterion of the default program for a tier and metric. */
export function criterionOf(tier: string, metric: string): Criterion {
  const found = DEFAULT_CRITERIA.find((criterion) => criterion.tier === tier && criterion.metric === metric);
  if (!found) throw new Error(`No ${tier} criterion on ${metric}`);
  return found;
}

/** The evaluation period of a quarter label under the given settings. */
export function periodOf(label: string, programSettings: ProgramSettings = DEFAULT_SETTINGS): EvaluationPeriod {
  const quarter = parseQuarter(label, programSettings);
  if (!quarter) throw new Error(`Bad quarter ${label}`);
  return evaluationPeriod(quarter, programSettings);
}

/** 2026-Q3: 2026-07-01..2026-09-30, window 2025-10-01..2026-09-30. */
export const Q3_2026: EvaluationPeriod = periodOf('2026-Q3');

export function partner(overrides: Partial<PartnerState> = {}): PartnerState {
  return {
    accountId: '001000000000001AAA',
    name: 'Acme Partners',
    partnerType: 'Reseller' as PartnerType,
    status: 'Active',
    currentTier: 'Registered',
    graceUntil: null,
    exceptions: [],
    ...overrides
  };
}

export type RawMetrics = Partial<Record<string, number | null>>;

/** Builds MetricValues; `null` = no data, a key set to `undefined` = metric missing entirely. */
export function metrics(raw: RawMetrics): MetricValues {
  const values: MetricValues = {};
  for (const [metric, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    values[metric] = { value };
  }
  return values;
}

/** Meets every Elite criterion of every partner type. */
export const ELITE_RAW: RawMetrics = {
  REVENUE_4Q: 650_000,
  CSAT_AVG: 93,
  CERTIFIED_PEOPLE: 6,
  EVIDENCE_AGE_DAYS: 40,
  DEAL_HYGIENE_PCT: 90,
  VALIDATED_INTEGRATIONS: 3,
  RENEWAL_RATE_PCT: 88,
  SOW_EVIDENCE: 2
};

/** Meets every Select criterion and clearly misses Elite (revenue at half of the Elite threshold). */
export const SELECT_RAW: RawMetrics = {
  REVENUE_4Q: 250_000,
  CSAT_AVG: 84,
  CERTIFIED_PEOPLE: 3,
  EVIDENCE_AGE_DAYS: 200,
  DEAL_HYGIENE_PCT: 75,
  VALIDATED_INTEGRATIONS: 1,
  RENEWAL_RATE_PCT: 80,
  SOW_EVIDENCE: 0
};

/** Clearly misses every Select criterion. */
export const REGISTERED_RAW: RawMetrics = {
  REVENUE_4Q: 40_000,
  CSAT_AVG: 70,
  CERTIFIED_PEOPLE: 1,
  EVIDENCE_AGE_DAYS: 500,
  DEAL_HYGIENE_PCT: 50,
  VALIDATED_INTEGRATIONS: 0,
  RENEWAL_RATE_PCT: 40,
  SOW_EVIDENCE: 0
};

export function withRaw(base: RawMetrics, overrides: RawMetrics = {}): MetricValues {
  const merged: RawMetrics = { ...base };
  for (const [metric, value] of Object.entries(overrides)) {
    if (value === undefined) delete merged[metric];
    else merged[metric] = value;
  }
  return metrics(merged);
}
