import type { Decision, Skipped } from '../../../force-app/main/default/lwc/tierEngine/tierEngine.ts';
import type { EvaluationRun } from '../run-evaluation.ts';
import { csvRecord } from './csv-text.ts';
import { missingText } from './result-document.ts';

/** results.csv: one row per partner (evaluated or skipped) with the metric values that decided it. */
export function resultsCsv(run: EvaluationRun): string {
  return [...resultsCsvRecords(run)].join('');
}

/** The metric columns of results.csv: every metric an active criterion reads, sorted. */
export function metricColumns(run: EvaluationRun): string[] {
  return [
    ...new Set(run.program.criteria.filter((criterion) => criterion.active).map((criterion) => criterion.metric))
  ].sort();
}

/** results.csv's header record. */
export function resultsCsvHeader(run: EvaluationRun): string {
  return csvRecord([
    'AccountId',
    'Name',
    'PartnerType',
    'Status',
    'PreviousTier',
    'QualifiedTier',
    'ResultingTier',
    'Outcome',
    'GraceUntil',
    'ExceptionExpiresOn',
    'NextTier',
    'ProgressPct',
    'NearUpgrade',
    ...metricColumns(run),
    'Missing',
    'Summary'
  ]);
}

/** results.csv's record of one evaluated partner. */
export function resultsCsvDecisionRecord(run: EvaluationRun, decision: Decision, metrics = metricColumns(run)): string {
  const values = run.metrics.get(decision.accountId) ?? {};
  return csvRecord([
    decision.accountId,
    decision.name,
    decision.partnerType,
    'Active',
    decision.previousTier,
    decision.qualifiedTier,
    decision.resultingTier,
    decision.outcome,
    decision.graceUntil ?? '',
    decision.exceptionExpiresOn ?? '',
    decision.nextTier ?? '',
    decision.progress === null ? '' : (decision.progress * 100).toFixed(2),
    String(decision.nearUpgrade),
    ...metrics.map((metric) => {
      const value = values[metric]?.value;
      return value === null || value === undefined ? '' : Number(value.toFixed(4));
    }),
    missingText(decision, run.manifest.corporateCurrency),
    decision.summary
  ]);
}

/** results.csv's record of one skipped partner (not Active). */
export function resultsCsvSkippedRecord(run: EvaluationRun, skipped: Skipped, metrics = metricColumns(run)): string {
  const partner = run.partners.get(skipped.accountId)!;
  return csvRecord([
    skipped.accountId,
    skipped.name,
    partner.partnerType,
    skipped.status,
    partner.currentTier ?? '',
    '',
    '',
    'Skipped',
    '',
    '',
    '',
    '',
    '',
    ...metrics.map(() => ''),
    '',
    skipped.reason
  ]);
}

/** results.csv record by record (header first), so a large file is written without building it whole. */
export function* resultsCsvRecords(run: EvaluationRun): Generator<string> {
  const metrics = metricColumns(run);
  yield resultsCsvHeader(run);
  for (const decision of run.decisions()) yield resultsCsvDecisionRecord(run, decision, metrics);
  for (const skipped of run.skipped) yield resultsCsvSkippedRecord(run, skipped, metrics);
}
