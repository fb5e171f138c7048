/*
 * The tier engine: every decision rule of the partner program (DESIGN.md §3), in one pure module.
 *
 * It is imported as `c/tierEngine` by the Lightning components and by relative path from the admin
 * CLI in `scripts/`, so the checklist a partner sees and the quarterly decision can never disagree.
 * It must stay free of `lwc`/`lightning` imports, of I/O and of clocks: the same inputs give the
 * same decisions, byte for byte.
 */

export const ENGINE_VERSION = '1.0.0';

export const TIER_REGISTERED = 'Registered';

export type Operator = '>=' | '<=';
export type PartnerType = 'Reseller' | 'Service' | 'ISV';
export type CriterionPartnerType = 'All' | PartnerType;
export type Outcome = 'Promoted' | 'Retained' | 'Recovered' | 'Grace' | 'Demoted' | 'Held by Exception';

/** A date as `YYYY-MM-DD`; ISO dates compare correctly as strings. */
export type IsoDate = string;

export interface TierDefinition {
  /** DeveloperName of the Partner_Tier__mdt record, e.g. `Select`. */
  name: string;
  label: string;
  rank: number;
  description: string;
}

export interface Criterion {
  /** DeveloperName of the Tier_Criterion__mdt record. */
  name: string;
  tier: string;
  partnerType: CriterionPartnerType;
  category: 'Results' | 'Capabilities';
  /** A metric code (`REVENUE_4Q`, …) or `FIELD:<Api_Name__c>` of Partner_Profile__c. */
  metric: string;
  operator: Operator;
  threshold: number;
  /** `currency`, `%`, or a plural noun (`certified people`, `days`) used in gap texts. */
  unit: string;
  label: string;
  helpText: string;
  sortOrder: number;
  active: boolean;
}

export interface ProgramSettings {
  windowQuarters: number;
  graceQuarters: number;
  /** A failed criterion is a narrow miss when it reaches this share (percent) of its threshold. */
  narrowMissPct: number;
  /** Progress (percent) to the next tier from which a partner is "near upgrade". */
  nearUpgradePct: number;
  fiscalYearStartMonth: number;
  /** Whether fiscal year `YYYY` is named after the calendar year it starts in or ends in. */
  fiscalYearBasedOn: 'Start' | 'End';
  allowTierSkip: boolean;
}

export interface Program {
  tiers: TierDefinition[];
  criteria: Criterion[];
  settings: ProgramSettings;
  corporateCurrency: string;
}

/** A metric's value for one partner; `null` means "no data", which is never met. */
export interface MetricValue {
  value: number | null;
  /** Why there is no data (or what the value is made of), in plain language. */
  note?: string;
}
export type MetricValues = Record<string, MetricValue | undefined>;

export interface TierException {
  tier: string;
  startsOn: IsoDate;
  expiresOn: IsoDate;
}

export interface PartnerState {
  accountId: string;
  name: string;
  partnerType: PartnerType;
  status: string;
  /** Blank means Registered. */
  currentTier: string | null;
  graceUntil: IsoDate | null;
  exceptions: TierException[];
}

export interface Quarter {
  /** `YYYY-Qn`, a fiscal quarter. */
  label: string;
  fiscalYear: number;
  quarter: number;
  start: IsoDate;
  /** The evaluation date: the quarter's last day. */
  end: IsoDate;
}

export interface EvaluationPeriod {
  quarter: Quarter;
  windowStart: IsoDate;
  windowEnd: IsoDate;
}

export interface CriterionResult {
  criterion: string;
  tier: string;
  category: Criterion['category'];
  label: string;
  metric: string;
  operator: Operator;
  threshold: number;
  unit: string;
  value: number | null;
  met: boolean;
  /** 0..1, as defined for progress to the next tier. */
  progress: number;
  /** What is missing, in words (`2 more certified people`); null when met. */
  gap: string | null;
  reason: string;
}

export interface Decision {
  accountId: string;
  name: string;
  partnerType: PartnerType;
  previousTier: string;
  qualifiedTier: string;
  resultingTier: string;
  outcome: Outcome;
  /** One sentence that explains the outcome with the rule that produced it. */
  summary: string;
  previousGraceUntil: IsoDate | null;
  graceUntil: IsoDate | null;
  recoveryPlanRequired: boolean;
  exceptionExpiresOn: IsoDate | null;
  nextTier: string | null;
  /** Progress to the next tier, 0..1; null at the top tier. */
  progress: number | null;
  nearUpgrade: boolean;
  criteria: CriterionResult[];
}

export interface Skipped {
  accountId: string;
  name: string;
  status: string;
  reason: string;
}

export interface ProgramEvaluation {
  engineVersion: string;
  period: EvaluationPeriod;
  decisions: Decision[];
  skipped: Skipped[];
}

/* ---------------------------------------------------------------------------- metric catalog */

/**
 * The metrics a criterion can name (DESIGN.md §3), each with the Partner_Profile__c field that
 * stores its latest value, so components can show live progress from the profile alone.
 */
export const METRICS = {
  REVENUE_4Q: {
    profileField: 'Metric_Revenue_4Q__c',
    short: 'revenue',
    label: 'Closed-won partner revenue, last four quarters'
  },
  CSAT_AVG: { profileField: 'Metric_CSAT__c', short: 'CSAT', label: 'Average CSAT after delivery' },
  ESCALATION_RATE_PCT: {
    profileField: 'Metric_Escalation_Rate__c',
    short: 'escalations',
    label: 'Escalated delivery reviews'
  },
  RENEWAL_RATE_PCT: { profileField: 'Metric_Renewal_Rate__c', short: 'renewal rate', label: 'Renewal rate' },
  DEAL_HYGIENE_PCT: {
    profileField: 'Metric_Deal_Hygiene__c',
    short: 'deal hygiene',
    label: 'Registered deals with owner and next step'
  },
  CERTIFIED_PEOPLE: {
    profileField: 'Metric_Certified_People__c',
    short: 'certified people',
    label: 'Active certified people'
  },
  VALIDATED_INTEGRATIONS: {
    profileField: 'Metric_Validated_Integrations__c',
    short: 'integrations',
    label: 'Validated integrations'
  },
  SOW_EVIDENCE: { profileField: 'Metric_SOW_Evidence__c', short: 'SOW/playbook', label: 'Verified SOWs or playbooks' },
  EVIDENCE_AGE_DAYS: {
    profileField: 'Metric_Evidence_Age_Days__c',
    short: 'proof age',
    label: 'Age of the newest verified proof'
  }
} as const;

export type MetricCode = keyof typeof METRICS;

/** Criteria may also read any numeric Partner_Profile__c field: `FIELD:<Api_Name__c>`. */
export const FIELD_METRIC_PREFIX = 'FIELD:';
const FIELD_METRIC_PATTERN = /^FIELD:([A-Za-z][A-Za-z0-9_]*__c)$/;

export function isMetricCode(metric: string): metric is MetricCode {
  return Object.prototype.hasOwnProperty.call(METRICS, metric);
}

/** The profile field a `FIELD:` metric reads, or null when `metric` is not a field metric. */
export function fieldMetricName(metric: string): string | null {
  return FIELD_METRIC_PATTERN.exec(metric)?.[1] ?? null;
}

export function isKnownMetric(metric: string): boolean {
  return isMetricCode(metric) || fieldMetricName(metric) !== null;
}

/** A metric's name in a few words, for compact lists ("revenue", "CSAT", or the field's API name). */
export function metricShortName(metric: string): string {
  return isMetricCode(metric) ? METRICS[metric].short : (fieldMetricName(metric) ?? metric);
}

/* ------------------------------------------------------------------ dates and fiscal quarters */

const DAY_MS = 86_400_000;
const QUARTER_PATTERN = /^(\d{4})-Q([1-4])$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(text: string): boolean {
  const match = DATE_PATTERN.exec(text);
  if (!match) return false;
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0–99 to 1900–1999, and orgs with dated
  // exchange rates start their first rate on 0001-01-01.
  const date = new Date(0);
  date.setUTCFullYear(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return toIsoDate(date) === text;
}

function toIsoDate(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

function dateFromParts(year: number, monthIndex: number, day: number): IsoDate {
  return toIsoDate(new Date(Date.UTC(year, monthIndex, day)));
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
}

/** First calendar month (0-based, may exceed 11) and year of fiscal year `fiscalYear`. */
function fiscalYearStart(fiscalYear: number, settings: ProgramSettings): { year: number; month: number } {
  const month = settings.fiscalYearStartMonth - 1;
  const namedByEnd = settings.fiscalYearBasedOn === 'End' && month > 0;
  return { year: namedByEnd ? fiscalYear - 1 : fiscalYear, month };
}

function quarterFromIndex(fiscalYear: number, quarter: number, settings: ProgramSettings): Quarter {
  const { year, month } = fiscalYearStart(fiscalYear, settings);
  const startMonth = month + (quarter - 1) * 3;
  return {
    label: `${fiscalYear}-Q${quarter}`,
    fiscalYear,
    quarter,
    start: dateFromParts(year, startMonth, 1),
    end: dateFromParts(year, startMonth + 3, 0)
  };
}

/** Parses `YYYY-Qn`; returns null for anything else. */
export function parseQuarter(label: string, settings: ProgramSettings): Quarter | null {
  const match = QUARTER_PATTERN.exec(label.trim());
  if (!match) return null;
  return quarterFromIndex(Number(match[1]), Number(match[2]), settings);
}

/** The quarter `offset` quarters after `quarter` (negative: before). */
export function shiftQuarter(quarter: Quarter, offset: number, settings: ProgramSettings): Quarter {
  const index = quarter.fiscalYear * 4 + (quarter.quarter - 1) + offset;
  return quarterFromIndex(Math.floor(index / 4), (index % 4) + 1, settings);
}

/** The fiscal quarter that contains `date`. */
export function quarterContaining(date: IsoDate, settings: ProgramSettings): Quarter {
  const year = Number(date.slice(0, 4));
  for (const fiscalYear of [year - 1, year, year + 1]) {
    for (let quarter = 1; quarter <= 4; quarter++) {
      const candidate = quarterFromIndex(fiscalYear, quarter, settings);
      if (candidate.start <= date && date <= candidate.end) return candidate;
    }
  }
  throw new Error(`No fiscal quarter contains ${date}`);
}

/** The evaluated quarter and its rolling window, which ends on the quarter's last day. */
export function evaluationPeriod(quarter: Quarter, settings: ProgramSettings): EvaluationPeriod {
  const first = shiftQuarter(quarter, -(settings.windowQuarters - 1), settings);
  return { quarter, windowStart: first.start, windowEnd: quarter.end };
}

/* ------------------------------------------------------------------------------- formatting */

function groupThousands(integerDigits: string): string {
  return integerDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Deterministic, locale-independent number text: grouped thousands, trailing zeros trimmed. */
export function formatNumber(value: number, maxDecimals = 2): string {
  const fixed = Math.abs(value).toFixed(maxDecimals);
  const [integer, fraction = ''] = fixed.split('.');
  const trimmed = fraction.replace(/0+$/, '');
  const sign = value < 0 && Number(fixed) !== 0 ? '-' : '';
  return `${sign}${groupThousands(integer)}${trimmed ? '.' + trimmed : ''}`;
}

/** A metric value with its unit, as a partner would read it. */
export function formatValue(value: number, unit: string, currency: string): string {
  if (unit === 'currency') return `${value < 0 ? '-' : ''}${currency} ${groupThousands(Math.abs(value).toFixed(2))}`;
  if (unit === '%') return `${formatNumber(value, 1)} %`;
  return `${formatNumber(value, 2)} ${unit}`.trim();
}

/** Rounds a shortfall up at the shown precision, so a real miss never reads as "0 more". */
function ceilTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.ceil(value * factor - 1e-9) / factor;
}

/** "1 more certified person", "1 day over": units are written as plural nouns in the metadata. */
function singularUnit(unit: string): string {
  if (/people$/.test(unit)) return unit.replace(/people$/, 'person');
  if (/[^aeiou]ies$/.test(unit)) return unit.replace(/ies$/, 'y');
  if (/[^s]s$/.test(unit)) return unit.slice(0, -1);
  return unit;
}

function gapText(criterion: Criterion, value: number, currency: string): string {
  const difference = Math.abs(criterion.threshold - value);
  const over = criterion.operator === '<=';
  if (criterion.unit === 'currency') {
    // Whole currency units: "USD 1 more" is never shown for 0.40 missing, nor "USD 0.00".
    const amount = formatValue(Math.max(1, Math.ceil(difference - 1e-9)), 'currency', currency);
    return over ? `${amount} over the limit` : `${amount} more`;
  }
  if (criterion.unit === '%') {
    const points = formatNumber(Math.max(0.1, ceilTo(difference, 1)), 1);
    return over ? `${points} percentage points over the limit` : `${points} percentage points more`;
  }
  const amount = formatNumber(Math.max(0.01, ceilTo(difference, 2)), 2);
  const unit = amount === '1' ? singularUnit(criterion.unit) : criterion.unit;
  return (over ? `${amount} ${unit} over the limit` : `${amount} more ${unit}`).replace(/\s+/g, ' ').trim();
}

/* ------------------------------------------------------------------------- criteria and tiers */

export function operatorWords(operator: Operator): string {
  return operator === '>=' ? 'at least' : 'at most';
}

export function isMet(operator: Operator, value: number, threshold: number): boolean {
  return operator === '>=' ? value >= threshold : value <= threshold;
}

/** A criterion's contribution to progress (DESIGN.md §3 rule 6), always within 0..1. */
export function criterionProgress(operator: Operator, value: number | null, threshold: number): number {
  if (value === null) return 0;
  if (isMet(operator, value, threshold)) return 1;
  if (operator === '>=') return threshold > 0 ? clamp01(value / threshold) : 0;
  return value > 0 ? clamp01(threshold / value) : 0;
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/** Compared in whole percent points so that the boundary (exactly 90 %) is not lost to floating point. */
function isNarrowMiss(result: CriterionResult, narrowMissPct: number): boolean {
  if (result.value === null) return false;
  if (result.operator === '>=') return result.value * 100 >= result.threshold * narrowMissPct;
  return result.value * 100 <= result.threshold * (200 - narrowMissPct);
}

export function tiersByRank(tiers: TierDefinition[]): TierDefinition[] {
  return [...tiers].sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name));
}

export function applicableCriteria(program: Program, tier: string, partnerType: PartnerType): Criterion[] {
  return program.criteria
    .filter(
      (criterion) =>
        criterion.active &&
        criterion.tier === tier &&
        (criterion.partnerType === 'All' || criterion.partnerType === partnerType)
    )
    .sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name));
}

export function assessCriterion(
  criterion: Criterion,
  metric: MetricValue | undefined,
  currency: string
): CriterionResult {
  const value = metric?.value ?? null;
  const base = {
    criterion: criterion.name,
    tier: criterion.tier,
    category: criterion.category,
    label: criterion.label,
    metric: criterion.metric,
    operator: criterion.operator,
    threshold: criterion.threshold,
    unit: criterion.unit,
    value
  };
  const required = `${operatorWords(criterion.operator)} ${formatValue(criterion.threshold, criterion.unit, currency)}`;
  if (value === null) {
    const why = metric?.note ? `: ${metric.note}` : '';
    return {
      ...base,
      met: false,
      progress: 0,
      gap: 'no data',
      reason: `No data${why}. Counts as not met (required: ${required}).`
    };
  }
  const met = isMet(criterion.operator, value, criterion.threshold);
  const thresholdShown = formatValue(criterion.threshold, criterion.unit, currency);
  let shown = formatValue(value, criterion.unit, currency);
  // A miss smaller than the shown precision must not read "80 (required: at least 80)".
  if (!isMet(criterion.operator, value, criterion.threshold) && shown === thresholdShown) {
    shown = `${criterion.operator === '>=' ? 'just below' : 'just above'} ${thresholdShown}`;
  }
  return {
    ...base,
    met,
    progress: criterionProgress(criterion.operator, value, criterion.threshold),
    gap: met ? null : gapText(criterion, value, currency),
    reason: met ? `Met: ${shown} (required: ${required}).` : `Not met: ${shown} (required: ${required}).`
  };
}

/**
 * Rule 6: a partner is "near upgrade" when its progress to the next tier (0..1) reaches the
 * near-upgrade setting. Compared in percent points, like the narrow miss, so that exactly 80 % counts.
 */
export function isNearUpgrade(progress: number | null, settings: ProgramSettings): boolean {
  return progress !== null && progress * 100 >= settings.nearUpgradePct - 1e-9;
}

/** Mean progress over the criteria of one tier; a tier without criteria is complete. */
export function tierProgress(results: CriterionResult[]): number {
  if (results.length === 0) return 1;
  return clamp01(results.reduce((sum, result) => sum + result.progress, 0) / results.length);
}

/* ---------------------------------------------------------------------------------- decisions */

function tierRank(tiers: TierDefinition[], name: string): number {
  const tier = tiers.find((candidate) => candidate.name === name);
  if (!tier) throw new Error(`Unknown tier "${name}"`);
  return tier.rank;
}

function isInGrace(graceUntil: IsoDate | null, quarter: Quarter): boolean {
  return graceUntil !== null && graceUntil >= quarter.start;
}

/** `CSAT (3 more points); revenue (USD 12,000.00 more)`: the misses in a few words each. */
function listMisses(results: CriterionResult[]): string {
  return results.map((result) => `${metricShortName(result.metric)} (${result.gap})`).join('; ');
}

function criteriaCount(count: number): string {
  return count === 1 ? '1 criterion' : `${count} criteria`;
}

/**
 * Decides one Active partner's tier for a quarter (DESIGN.md §3 rules 2–6, 8).
 * `metrics` holds the partner's metric values for the evaluation window.
 */
export function decide(
  partner: PartnerState,
  metrics: MetricValues,
  program: Program,
  period: EvaluationPeriod
): Decision {
  const { settings } = program;
  const quarter = period.quarter;
  const ranked = tiersByRank(program.tiers);
  const previousTier = partner.currentTier || TIER_REGISTERED;
  const previousRank = tierRank(ranked, previousTier);
  const currency = program.corporateCurrency;

  const resultsByTier = new Map<string, CriterionResult[]>();
  for (const tier of ranked) {
    const results = applicableCriteria(program, tier.name, partner.partnerType).map((criterion) =>
      assessCriterion(criterion, metrics[criterion.metric], currency)
    );
    resultsByTier.set(tier.name, results);
  }
  const resultsOf = (tier: string): CriterionResult[] => resultsByTier.get(tier) ?? [];
  const failedOf = (tier: string): CriterionResult[] => resultsOf(tier).filter((result) => !result.met);
  const tierAbove = (tier: TierDefinition): TierDefinition | undefined =>
    ranked.find((other) => other.rank > tier.rank);

  // Rule 2: the highest tier all of whose applicable criteria are met (the lowest tier has none).
  let qualified = ranked[0];
  for (const tier of ranked) {
    if (resultsOf(tier.name).every((result) => result.met)) qualified = tier;
  }

  const inGrace = isInGrace(partner.graceUntil, quarter);
  let outcome: Outcome;
  let resulting: TierDefinition;
  let graceUntil: IsoDate | null = null;
  let exceptionExpiresOn: IsoDate | null = null;
  let summary: string;

  if (qualified.rank > previousRank) {
    resulting = qualified;
    if (!settings.allowTierSkip) resulting = ranked.find((tier) => tier.rank > previousRank) ?? qualified;
    outcome = 'Promoted';
    summary = `All ${qualified.label} criteria met: promoted from ${previousTier} to ${resulting.label}.`;
  } else if (qualified.rank === previousRank) {
    resulting = qualified;
    outcome = inGrace ? 'Recovered' : 'Retained';
    summary = inGrace
      ? `All ${previousTier} criteria met again during grace: keeps ${previousTier}, grace cleared.`
      : tierAbove(qualified)
        ? `${qualified.rank === ranked[0].rank ? 'Misses' : `Meets ${previousTier}; misses`} ${tierAbove(qualified)!.label} on ${listMisses(failedOf(tierAbove(qualified)!.name))}: stays ${previousTier}.`
        : `All ${previousTier} criteria met: keeps ${previousTier}.`;
  } else {
    const failed = failedOf(previousTier);
    const holding = partner.exceptions
      .filter((exception) => exception.startsOn <= quarter.end && quarter.end <= exception.expiresOn)
      .filter((exception) => ranked.some((tier) => tier.name === exception.tier && tier.rank >= previousRank))
      .sort((a, b) => b.expiresOn.localeCompare(a.expiresOn))[0];
    if (holding) {
      resulting = ranked.find((tier) => tier.name === previousTier)!;
      outcome = 'Held by Exception';
      exceptionExpiresOn = holding.expiresOn;
      graceUntil = partner.graceUntil;
      summary = `Misses ${criteriaCount(failed.length)} of ${previousTier}: ${listMisses(failed)}; an exception holds ${previousTier} until ${holding.expiresOn}.`;
    } else if (!inGrace && failed.every((result) => isNarrowMiss(result, settings.narrowMissPct))) {
      resulting = ranked.find((tier) => tier.name === previousTier)!;
      outcome = 'Grace';
      graceUntil = shiftQuarter(quarter, settings.graceQuarters, settings).end;
      summary = `Narrowly misses ${criteriaCount(failed.length)} of ${previousTier}: ${listMisses(failed)}; keeps ${previousTier} in grace until ${graceUntil}, a written recovery plan is required.`;
    } else {
      resulting = qualified;
      outcome = 'Demoted';
      summary = inGrace
        ? `Still misses ${criteriaCount(failed.length)} of ${previousTier} after the grace period: ${listMisses(failed)}; demoted to ${qualified.label}.`
        : `Misses ${criteriaCount(failed.length)} of ${previousTier}, not narrowly: ${listMisses(failed)}; demoted to ${qualified.label}.`;
    }
  }

  const next = ranked.find((tier) => tier.rank > resulting.rank) ?? null;
  const progress = next ? tierProgress(resultsOf(next.name)) : null;
  return {
    accountId: partner.accountId,
    name: partner.name,
    partnerType: partner.partnerType,
    previousTier,
    qualifiedTier: qualified.name,
    resultingTier: resulting.name,
    outcome,
    summary,
    previousGraceUntil: partner.graceUntil,
    graceUntil,
    recoveryPlanRequired: outcome === 'Grace',
    exceptionExpiresOn,
    nextTier: next ? next.name : null,
    progress,
    nearUpgrade: isNearUpgrade(progress, settings),
    criteria: ranked.flatMap((tier) => resultsOf(tier.name))
  };
}

/** Rule 1: only Active partners are evaluated; the others are skipped with the reason (null when Active). */
export function skippedPartner(partner: PartnerState): Skipped | null {
  if (partner.status === 'Active') return null;
  return {
    accountId: partner.accountId,
    name: partner.name,
    status: partner.status || '(blank)',
    reason: `Status is ${partner.status || 'blank'}; only Active partners are evaluated.`
  };
}

/** Partners in the order every evaluation reports them: by Account Id. */
export function partnersInOrder(partners: PartnerState[]): PartnerState[] {
  return [...partners].sort((a, b) => (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0));
}

/**
 * The decisions of every Active partner, one at a time and in evaluateProgram's order, so that a
 * caller can write each decision and let it go (100,000 decisions held at once take half a gigabyte).
 */
export function* eachDecision(
  partners: PartnerState[],
  metricsFor: (accountId: string) => MetricValues,
  program: Program,
  period: EvaluationPeriod
): Generator<Decision> {
  for (const partner of partnersInOrder(partners)) {
    if (skippedPartner(partner)) continue;
    yield decide(partner, metricsFor(partner.accountId), program, period);
  }
}

/** Evaluates every partner (rule 1: only Active partners; others are skipped with the reason). */
export function evaluateProgram(
  partners: PartnerState[],
  metricsFor: (accountId: string) => MetricValues,
  program: Program,
  period: EvaluationPeriod
): ProgramEvaluation {
  const skipped = partnersInOrder(partners)
    .map(skippedPartner)
    .filter((entry): entry is Skipped => entry !== null);
  const decisions = [...eachDecision(partners, metricsFor, program, period)];
  return { engineVersion: ENGINE_VERSION, period, decisions, skipped };
}
