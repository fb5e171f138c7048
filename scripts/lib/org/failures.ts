/** failures.csv: one row per record Salesforce did not write, with its error, for review and --retry-failed. */
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ObjectState } from './apply-state.ts';
import { csvText } from './csv-files.ts';
import type { RowOutcome } from './job-outcomes.ts';
import { FAILURES_FILE } from './run-folder.ts';

export const FAILURE_COLUMNS = ['Object', 'Key', 'Error', 'Bulk_Job_Id'];

export interface ObjectOutcomes {
  object: ObjectState;
  outcomes: Map<string, RowOutcome>;
}

/** Writes failures.csv (or removes it when nothing failed); returns the number of failed rows. */
export async function writeFailures(runDir: string, results: ObjectOutcomes[]): Promise<number> {
  const rows: string[][] = [];
  for (const { object, outcomes } of results) {
    for (const [key, outcome] of [...outcomes].sort(([a], [b]) => a.localeCompare(b))) {
      if (!outcome.ok) rows.push([object.object, key, outcome.error, outcome.jobId]);
    }
  }
  const file = path.join(runDir, FAILURES_FILE);
  if (rows.length === 0) await rm(file, { force: true });
  else await writeFile(file, csvText(FAILURE_COLUMNS, rows));
  return rows.length;
}
