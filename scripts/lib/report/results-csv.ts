import { stringify } from 'csv-stringify/sync';
import type { EvaluationRun } from '../run-evaluation.ts';
import { missingText } from './result-document.ts';

/** results.csv: one row per partner (evaluated or skipped) with the metric values that decided it. */
export function resultsCsv(run: EvaluationRun): string {
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
  const rows: (string | number)[][] = [];
  for (const decision of run.evaluation.decisions) {
    const values = run.metrics.get(decision.accountId) ?? {};
    rows.push([
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
    rows.push([
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
  return stringify([header, ...rows]);
}
