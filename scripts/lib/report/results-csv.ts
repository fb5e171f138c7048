import type { EvaluationRun } from '../run-evaluation.ts';
import { csvRecord } from './csv-text.ts';
import { missingText } from './result-document.ts';

/** results.csv: one row per partner (evaluated or skipped) with the metric values that decided it. */
export function resultsCsv(run: EvaluationRun): string {
  return [...resultsCsvRecords(run)].join('');
}

/** results.csv record by record (header first), so a large file is written without building it whole. */
export function* resultsCsvRecords(run: EvaluationRun): Generator<string> {
  const metrics = [
    ...new Set(run.program.criteria.filter((criterion) => criterion.active).map((criterion) => criterion.metric))
  ].sort();
  const header = [
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
    ...metrics,
    'Missing',
    'Summary'
  ];
  yield csvRecord(header);
  for (const decision of run.evaluation.decisions) {
    const values = run.metrics.get(decision.accountId) ?? {};
    yield csvRecord([
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
  for (const skipped of run.evaluation.skipped) {
    const partner = run.partners.get(skipped.accountId)!;
    yield csvRecord([
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
}
