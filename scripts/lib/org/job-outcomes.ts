/*
 * What happened to each row of an object: read from the Bulk job result files in the order the jobs
 * ran, so a later job's result for a row replaces an earlier one (a retried row that succeeded is no
 * longer a failure). Only keys and errors are kept in memory.
 */
import path from 'node:path';
import type { JobRecord, ObjectState } from './apply-state.ts';
import type { ResultKind } from './bulk-ingest.ts';
import { readCsvRows } from './csv-files.ts';

export type RowOutcome = { ok: true; jobId: string } | { ok: false; jobId: string; error: string };

export function resultFile(runDir: string, jobId: string, kind: ResultKind): string {
  return path.join(runDir, 'apply', `${jobId}-${kind}.csv`);
}

/** A finished job's result files never change: each is read once per process. */
const jobCache = new Map<string, Map<string, RowOutcome>>();

export async function rowOutcomes(runDir: string, object: ObjectState): Promise<Map<string, RowOutcome>> {
  const outcomes = new Map<string, RowOutcome>();
  for (const job of object.jobs) {
    if (job.phase !== 'finished') continue;
    const file = path.resolve(resultFile(runDir, job.id, 'successfulResults'));
    let results = jobCache.get(file);
    if (!results) {
      results = new Map();
      await addJobOutcomes(runDir, object.keyColumn, job, results);
      jobCache.set(file, results);
    }
    for (const [key, outcome] of results) outcomes.set(key, outcome);
  }
  return outcomes;
}

async function addJobOutcomes(
  runDir: string,
  keyColumn: string,
  job: JobRecord,
  outcomes: Map<string, RowOutcome>
): Promise<void> {
  for await (const row of readCsvRows(resultFile(runDir, job.id, 'successfulResults'))) {
    outcomes.set(row[keyColumn], { ok: true, jobId: job.id });
  }
  for await (const row of readCsvRows(resultFile(runDir, job.id, 'failedResults'))) {
    outcomes.set(row[keyColumn], { ok: false, jobId: job.id, error: row.sf__Error || 'failed without a message' });
  }
  const reason =
    job.state === 'Failed'
      ? `not processed: Bulk job ${job.id} failed: ${job.errorMessage ?? 'no reason given'}`
      : `not processed by Bulk job ${job.id} (${job.state ?? 'unknown state'})`;
  for await (const row of readCsvRows(resultFile(runDir, job.id, 'unprocessedrecords'))) {
    outcomes.set(row[keyColumn], { ok: false, jobId: job.id, error: reason });
  }
}

/** Row failures that are worth one automatic retry (another job held a lock on the record). */
export function isLockError(error: string): boolean {
  return /UNABLE_TO_LOCK_ROW/.test(error);
}
