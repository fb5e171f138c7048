/** The text an apply ends with: per object what was written, what failed and where to look, and what to do next. */
import path from 'node:path';
import type { ApplyReport } from './apply-run.ts';
import { FAILURES_FILE } from './run-folder.ts';

const count = (value: number) => value.toLocaleString('en-US');

export function applyReportText(report: ApplyReport, runDir: string, target: string): string {
  const lines: string[] = [];
  if (report.status === 'declined')
    return `Nothing was written to ${target}. To apply this run later: partner-program apply ${runDir}\n`;
  if (report.status === 'nothing-to-do') {
    return `Nothing to write: every row of the plan is already in ${target} (${report.objects.map((object) => `${object.object} ${count(object.planned)} rows`).join(', ')}).\n`;
  }
  lines.push(`Applied to ${target}:`);
  for (const object of report.objects) {
    const jobs =
      object.jobs.length > 0 ? ` (Bulk job${object.jobs.length === 1 ? '' : 's'} ${object.jobs.join(', ')})` : '';
    lines.push(
      `  ${object.object}: ${count(object.changed)} of ${count(object.planned)} rows change; ${count(object.written)} written, ${count(object.failed)} failed${jobs}`
    );
    for (const failure of object.jobFailures) lines.push(`  ${failure}`);
  }
  if (report.notifications) {
    const { sent, failed, skipped, withoutManager, partners } = report.notifications;
    let line = `  Notifications: ${count(sent)} sent to partner managers (about ${count(partners)} partner${partners === 1 ? '' : 's'})`;
    if (skipped > 0) line += `, ${count(skipped)} sent earlier`;
    if (failed > 0) line += `, ${count(failed)} failed (see notifications.csv)`;
    if (withoutManager > 0) line += `, ${count(withoutManager)} partner(s) without a partner manager`;
    lines.push(line);
  }
  if (report.failures > 0) {
    lines.push(
      `${count(report.failures)} row(s) were not written: ${path.join(runDir, FAILURES_FILE)} lists each with Salesforce's error.`,
      `Fix the cause, then: partner-program apply ${runDir} --retry-failed`
    );
  }
  return lines.join('\n') + '\n';
}
