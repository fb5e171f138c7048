import { METRICS, type Decision } from '../../../force-app/main/default/lwc/tierEngine/tierEngine.ts';
import type { EvaluationRun } from '../run-evaluation.ts';
import { csvRecord } from './csv-text.ts';

/** Bulk API 2.0 leaves a field unchanged for an empty value and sets it to null for `#N/A`. */
export const BULK_NULL = '#N/A';
const PLAN_METRICS = Object.keys(METRICS) as (keyof typeof METRICS)[];

function orNull(value: string | number | null | undefined): string {
  return value === null || value === undefined ? BULK_NULL : String(value);
}

function round(value: number, decimals: number): string {
  return value.toFixed(decimals).replace(/\.?0+$/, '') || '0';
}

function progressPercent(progress: number | null): string {
  return progress === null ? BULK_NULL : round(progress * 100, 2);
}

/** Criteria as they were on the day, stored on the evaluation so an appeal can be answered later. */
function criteriaJson(decision: Decision): string {
  return JSON.stringify(
    decision.criteria.map((result) => ({
      tier: result.tier,
      criterion: result.criterion,
      metric: result.metric,
      operator: result.operator,
      threshold: result.threshold,
      value: result.value,
      met: result.met,
      gap: result.gap
    }))
  );
}

export const EVALUATION_COLUMNS = [
  'Evaluation_Key__c',
  'Partner_Profile__c',
  'Quarter__c',
  'Window_Start__c',
  'Window_End__c',
  'Previous_Tier__c',
  'Previous_Grace_Until__c',
  'Qualified_Tier__c',
  'Resulting_Tier__c',
  'Outcome__c',
  'Grace_Until__c',
  'Exception_Expires_On__c',
  'Next_Tier__c',
  'Progress__c',
  'Near_Upgrade__c',
  'Summary__c',
  'Criteria_Results__c',
  'Run_Id__c',
  'Criteria_Hash__c',
  'Engine_Version__c'
];

export const PROFILE_COLUMNS = [
  'Id',
  'Tier__c',
  'Tier_Since__c',
  'Grace_Until__c',
  'Last_Evaluated_On__c',
  'Next_Tier__c',
  'Next_Tier_Progress__c',
  'Near_Upgrade__c',
  ...PLAN_METRICS.map((metric) => METRICS[metric].profileField),
  'Metrics_As_Of__c'
];

/** `<AccountId>-<YYYY>-Q<n>`: the external id that makes re-applying a quarter an update, not a duplicate. */
export function evaluationKey(accountId: string, quarter: string): string {
  return `${accountId}-${quarter}`;
}

/**
 * The write-back plan: Tier_Evaluation__c rows to upsert on Evaluation_Key__c and
 * Partner_Profile__c rows to update by Id, as Bulk API 2.0 ingest CSVs.
 */
export function writeBackPlan(run: EvaluationRun): { evaluations: string; profiles: string } {
  const plan = writeBackPlanRecords(run);
  return { evaluations: [...plan.evaluations].join(''), profiles: [...plan.profiles].join('') };
}

/** The plan's two files record by record (header first), to write them without building them whole. */
export function writeBackPlanRecords(run: EvaluationRun): {
  evaluations: Iterable<string>;
  profiles: Iterable<string>;
} {
  return { evaluations: evaluationRecords(run), profiles: profileRecords(run) };
}

/** The plan's Tier_Evaluation__c record of one decision (upsert on Evaluation_Key__c). */
export function evaluationPlanRecord(run: EvaluationRun, decision: Decision): string {
  const { period } = run;
  const quarter = period.quarter;
  const partner = run.partners.get(decision.accountId)!;
  return csvRecord([
    evaluationKey(decision.accountId, quarter.label),
    partner.profileId,
    quarter.label,
    period.windowStart,
    period.windowEnd,
    decision.previousTier,
    orNull(decision.previousGraceUntil),
    decision.qualifiedTier,
    decision.resultingTier,
    decision.outcome,
    orNull(decision.graceUntil),
    orNull(decision.exceptionExpiresOn),
    orNull(decision.nextTier),
    progressPercent(decision.progress),
    String(decision.nearUpgrade),
    decision.summary,
    criteriaJson(decision),
    run.runId,
    run.criteriaHash,
    run.engineVersion
  ]);
}

/** The plan's Partner_Profile__c record of one decision (update by Id). */
export function profilePlanRecord(run: EvaluationRun, decision: Decision): string {
  const quarter = run.period.quarter;
  const nextQuarterStart = new Date(Date.parse(quarter.end) + 86_400_000).toISOString().slice(0, 10);
  const partner = run.partners.get(decision.accountId)!;
  const metrics = run.metrics.get(decision.accountId) ?? {};
  const tierChanged = decision.resultingTier !== decision.previousTier;
  return csvRecord([
    partner.profileId,
    decision.resultingTier,
    // A new tier applies from the first day after the evaluated quarter; unchanged tiers keep their date.
    tierChanged ? nextQuarterStart : '',
    orNull(decision.graceUntil),
    quarter.end,
    orNull(decision.nextTier),
    progressPercent(decision.progress),
    String(decision.nearUpgrade),
    ...PLAN_METRICS.map((metric) => {
      const value = metrics[metric]?.value;
      return value === null || value === undefined ? BULK_NULL : round(value, 2);
    }),
    quarter.end
  ]);
}

function* evaluationRecords(run: EvaluationRun): Generator<string> {
  yield csvRecord(EVALUATION_COLUMNS);
  for (const decision of run.decisions()) yield evaluationPlanRecord(run, decision);
}

function* profileRecords(run: EvaluationRun): Generator<string> {
  yield csvRecord(PROFILE_COLUMNS);
  for (const decision of run.decisions()) yield profilePlanRecord(run, decision);
}
