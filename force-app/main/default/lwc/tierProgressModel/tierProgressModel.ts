/*
 * What the tier progress component shows, computed from TierProgressController.getTierProgress with
 * the tier engine (c/tierEngine): the same criteria, assessment, progress and near-upgrade rule as the
 * quarterly evaluation and `partner-program explain`, applied to the metric snapshot stored on the
 * partner profile. No rule is restated here; this module only picks and shapes the engine's results.
 * Pure TypeScript (no `lwc`/`lightning` imports), so it is tested on its own.
 */
import {
  applicableCriteria,
  assessCriterion,
  formatValue,
  isNearUpgrade,
  tierProgress,
  tiersByRank,
  TIER_REGISTERED,
  type Criterion,
  type CriterionResult,
  type IsoDate,
  type MetricValues,
  type Operator,
  type PartnerType,
  type Program,
  type ProgramSettings,
  type TierDefinition
} from 'c/tierEngine';
import { floorPercent } from 'c/partnerProgramUtils';

/* ------------------------------------------------------------------ the Apex contract */

export interface TierBenefitData {
  tier: string;
  benefit: string;
  description?: string | null;
  sortOrder?: number | null;
}

export interface ProgramData {
  tiers: TierDefinition[];
  criteria: Criterion[];
  settings: ProgramSettings;
  benefits?: TierBenefitData[] | null;
}

/** TierProgressController.getTierProgress: one partner's profile state and the deployed program. */
export interface TierProgressData {
  profileId: string;
  accountId?: string | null;
  accountName?: string | null;
  partnerType?: string | null;
  status?: string | null;
  /** Blank means Registered. */
  tier?: string | null;
  tierSince?: IsoDate | null;
  graceUntil?: IsoDate | null;
  /** Whether the profile's recovery plan (Grace_Plan__c) is filled in. */
  gracePlan?: boolean | null;
  activeException?: { tier: string; expiresOn: IsoDate } | null;
  lastEvaluatedOn?: IsoDate | null;
  metricsAsOf?: IsoDate | null;
  corporateCurrency?: string | null;
  /** Metric code (or `FIELD:<Api_Name__c>`) → the value stored on the profile; null = no data. */
  metrics?: Record<string, number | null | undefined> | null;
  program: ProgramData;
}

/* ------------------------------------------------------------------ the view */

export interface CriterionView {
  /** The criterion's name (Tier_Criterion__mdt DeveloperName), unique within the view. */
  key: string;
  tier: string;
  label: string;
  helpText: string;
  metric: string;
  operator: Operator;
  unit: string;
  met: boolean;
  hasData: boolean;
  value: number | null;
  threshold: number;
  /** The value with its unit (`USD 470,000.00`, `92.5 points`); null when there is no data. */
  valueText: string | null;
  /** The threshold with its unit. */
  thresholdText: string;
  /** Not met although the shown value reads like the threshold (a miss below the shown precision). */
  justMissed: boolean;
  /** The engine's progress of this criterion, 0..1, and as whole percent (rounded down). */
  progress: number;
  percent: number;
  /** What is missing in words, from the engine (English); null when met. */
  gap: string | null;
  /** The engine's reason (English), e.g. `Not met: USD 470,000.00 (required: at least USD 500,000.00).` */
  reason: string;
}

export interface BenefitView {
  key: string;
  benefit: string;
  description: string;
}

export interface TierProgressView {
  profileId: string;
  accountName: string;
  partnerType: string;
  status: string;
  tier: TierDefinition;
  tierSince: IsoDate | null;
  lastEvaluatedOn: IsoDate | null;
  metricsAsOf: IsoDate | null;
  currency: string;
  /** The tier above the current one; null at the top tier. */
  nextTier: TierDefinition | null;
  /** Progress to the next tier, 0..1 (null at the top tier), and as whole percent rounded down. */
  progress: number | null;
  percent: number | null;
  nearUpgrade: boolean;
  nextCriteria: CriterionView[];
  nextMetCount: number;
  nextBenefits: BenefitView[];
  /** The criteria of the current tier, and those of them not met (what puts the tier at risk). */
  currentCriteria: CriterionView[];
  atRisk: CriterionView[];
  grace: { until: IsoDate; active: boolean; planOnFile: boolean } | null;
  /** The exception in force that holds the current tier (one for a lower tier holds nothing). */
  exception: { tier: TierDefinition; expiresOn: IsoDate } | null;
}

const PARTNER_TYPES: readonly string[] = ['Reseller', 'Service', 'ISV'];

function metricValues(metrics: TierProgressData['metrics']): MetricValues {
  const values: MetricValues = {};
  for (const [code, value] of Object.entries(metrics ?? {})) {
    values[code] = { value: typeof value === 'number' && Number.isFinite(value) ? value : null };
  }
  return values;
}

function tierNamed(ranked: TierDefinition[], name: string): TierDefinition {
  return (
    ranked.find((tier) => tier.name === name) ?? {
      // A tier the program does not define (renamed or deleted): shown by name, below every tier.
      name,
      label: name,
      rank: (ranked[0]?.rank ?? 1) - 1,
      description: ''
    }
  );
}

function criterionView(criterion: Criterion, result: CriterionResult, currency: string): CriterionView {
  const valueText = result.value === null ? null : formatValue(result.value, result.unit, currency);
  const thresholdText = formatValue(result.threshold, result.unit, currency);
  return {
    key: criterion.name,
    tier: criterion.tier,
    label: criterion.label,
    helpText: criterion.helpText ?? '',
    metric: criterion.metric,
    operator: criterion.operator,
    unit: criterion.unit,
    met: result.met,
    hasData: result.value !== null,
    value: result.value,
    threshold: result.threshold,
    valueText,
    thresholdText,
    justMissed: !result.met && valueText === thresholdText,
    progress: result.progress,
    percent: floorPercent(result.progress),
    gap: result.gap,
    reason: result.reason
  };
}

/**
 * The tier progress view of one partner. `today` (YYYY-MM-DD) only tells whether a grace period is
 * still running; everything else comes from the data.
 */
export function buildTierProgressView(data: TierProgressData, today: IsoDate): TierProgressView {
  const currency = data.corporateCurrency || 'USD';
  const program: Program = {
    tiers: data.program.tiers,
    criteria: data.program.criteria,
    settings: data.program.settings,
    corporateCurrency: currency
  };
  const ranked = tiersByRank(program.tiers);
  const tier = tierNamed(ranked, data.tier || TIER_REGISTERED);
  const nextTier = ranked.find((candidate) => candidate.rank > tier.rank) ?? null;
  // Criteria for "All" types apply whatever the type; a profile without a type sees only those.
  const partnerType = (PARTNER_TYPES.includes(data.partnerType ?? '') ? data.partnerType : 'All') as PartnerType;
  const values = metricValues(data.metrics);
  const assess = (tierName: string) =>
    applicableCriteria(program, tierName, partnerType).map((criterion) => ({
      criterion,
      result: assessCriterion(criterion, values[criterion.metric], currency)
    }));
  const current = assess(tier.name);
  const next = nextTier ? assess(nextTier.name) : [];
  const progress = nextTier ? tierProgress(next.map(({ result }) => result)) : null;
  const currentCriteria = current.map(({ criterion, result }) => criterionView(criterion, result, currency));
  const nextCriteria = next.map(({ criterion, result }) => criterionView(criterion, result, currency));
  const benefits = (data.program.benefits ?? [])
    .filter((benefit) => nextTier !== null && benefit.tier === nextTier.name)
    .sort((a, b) => (a.sortOrder ?? 0) - (b.sortOrder ?? 0) || a.benefit.localeCompare(b.benefit));

  return {
    profileId: data.profileId,
    accountName: data.accountName ?? '',
    partnerType: data.partnerType ?? '',
    status: data.status ?? '',
    tier,
    tierSince: data.tierSince ?? null,
    lastEvaluatedOn: data.lastEvaluatedOn ?? null,
    metricsAsOf: data.metricsAsOf ?? null,
    currency,
    nextTier,
    progress,
    percent: progress === null ? null : floorPercent(progress),
    nearUpgrade: isNearUpgrade(progress, program.settings),
    nextCriteria,
    nextMetCount: nextCriteria.filter((view) => view.met).length,
    nextBenefits: benefits.map((benefit, index) => ({
      key: `${benefit.tier}-${index}`,
      benefit: benefit.benefit,
      description: benefit.description ?? ''
    })),
    currentCriteria,
    atRisk: currentCriteria.filter((view) => !view.met),
    grace: data.graceUntil
      ? { until: data.graceUntil, active: data.graceUntil >= today, planOnFile: Boolean(data.gracePlan) }
      : null,
    exception: exceptionHolding(data.activeException, tier, ranked)
  };
}

/** An exception in force holds the tier when it is for at least the current tier (DESIGN.md §3 rule 5). */
function exceptionHolding(
  exception: TierProgressData['activeException'],
  current: TierDefinition,
  ranked: TierDefinition[]
): TierProgressView['exception'] {
  if (!exception) return null;
  const tier = tierNamed(ranked, exception.tier);
  return tier.rank >= current.rank ? { tier, expiresOn: exception.expiresOn } : null;
}
