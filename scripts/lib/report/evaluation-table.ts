import { tiersByRank, type Decision } from '../../../force-app/main/default/lwc/tierEngine/tierEngine.ts';
import type { EvaluationRun } from '../run-evaluation.ts';
import { missingText, OUTCOMES, summarize, type Summary } from './result-document.ts';
import { percentText, renderTable } from './text-table.ts';

/** One partner's row of the terminal table (a few short strings, so a streamed run can keep them all). */
export function evaluationTableRow(run: EvaluationRun, decision: Decision): string[] {
  return [
    decision.name,
    decision.partnerType,
    decision.previousTier,
    decision.resultingTier,
    decision.outcome,
    decision.nextTier ?? '—',
    percentText(decision.progress),
    missingText(decision, run.manifest.corporateCurrency) || '—',
    decision.accountId
  ];
}

/**
 * The terminal report of an evaluation: summary first, then one row per partner. A streamed run
 * passes the summary and rows it collected; otherwise they are computed here.
 */
export function evaluationTable(run: EvaluationRun, collected?: { summary: Summary; rows: string[][] }): string {
  const { period, manifest } = run;
  const summary = collected?.summary ?? summarize(run);
  const rows = collected?.rows ?? [...run.decisions()].map((decision) => evaluationTableRow(run, decision));
  const out: string[] = [];
  out.push(
    `Quarterly tier evaluation ${period.quarter.label}: evaluation date ${period.quarter.end}, window ${period.windowStart} to ${period.windowEnd}`
  );
  out.push(
    `Snapshot ${manifest.source}, exported ${manifest.exportedAt}; amounts in ${manifest.corporateCurrency}; engine ${run.engineVersion}; rules ${run.criteriaHash}; run ${run.runId}`
  );
  out.push('');
  out.push(`${summary.partnersEvaluated} partners evaluated, ${summary.partnersSkipped} skipped.`);
  out.push('');
  const tiers = tiersByRank(run.program.tiers).map((tier) => tier.name);
  out.push(
    renderTable(
      [{ header: 'Tier' }, { header: 'Before', align: 'right' }, { header: 'After', align: 'right' }],
      tiers.map((tier) => [tier, String(summary.tiersBefore[tier] ?? 0), String(summary.tiersAfter[tier] ?? 0)])
    )
  );
  out.push('');
  out.push(`Outcomes: ${OUTCOMES.map((outcome) => `${outcome} ${summary.outcomes[outcome]}`).join(', ')}`);

  const section = (title: string, lines: string[]) => {
    out.push('');
    out.push(`${title} (${lines.length})`);
    out.push(...(lines.length > 0 ? lines.map((line) => `  ${line}`) : ['  none']));
  };
  section(
    `Near upgrade: progress to the next tier of at least ${run.program.settings.nearUpgradePct} %`,
    summary.nearUpgrade.map(
      (entry) => `${entry.name}: ${entry.tier} -> ${entry.nextTier}, ${percentText(entry.progress)}`
    )
  );
  section(
    'Grace: tier kept, written recovery plan required',
    summary.grace.map((entry) => `${entry.name}: ${entry.tier} until ${entry.graceUntil}; missing ${entry.missing}`)
  );
  section(
    'Held by exception',
    summary.heldByException.map(
      (entry) => `${entry.name}: ${entry.tier}, exception expires ${entry.exceptionExpiresOn}`
    )
  );
  section(
    'Skipped',
    run.skipped.map((entry) => `${entry.name}: ${entry.reason}`)
  );
  out.push('');
  out.push(
    renderTable(
      [
        { header: 'Partner' },
        { header: 'Type' },
        { header: 'Before' },
        { header: 'After' },
        { header: 'Outcome' },
        { header: 'Next' },
        { header: 'Progress', align: 'right' },
        { header: 'What is missing' }
      ],
      // Sorted by name for reading; JSON and CSV keep the engine's order (by Account Id).
      [...rows].sort((a, b) => a[0].localeCompare(b[0]) || a[8].localeCompare(b[8])).map((row) => row.slice(0, 8))
    )
  );
  if (run.warnings.length > 0) {
    out.push('');
    out.push(`Warnings (${run.warnings.length})`);
    out.push(...run.warnings.map((warning) => `  ${warning}`));
  }
  return out.join('\n') + '\n';
}
