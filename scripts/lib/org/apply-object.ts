/*
 * Writes one object's changed rows through Bulk API 2.0 ingest: at most two jobs per object and
 * invocation (the rows, then once more the rows another transaction had locked), each step recorded
 * in state.json first. An unfinished job from an earlier, interrupted invocation is re-attached by
 * its id, or aborted when its upload may be incomplete; rows that already have a result are not sent
 * again, so a resumed run never writes a row twice.
 */
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { saveState, type ApplyState, type JobRecord, type ObjectState } from './apply-state.ts';
import {
  createIngestJob,
  downloadJobResults,
  getIngestJob,
  RESULT_KINDS,
  setJobState,
  uploadJobData,
  type IngestJobInfo
} from './bulk-ingest.ts';
import { csvText, readCsvTable } from './csv-files.ts';
import { OrgJobError } from './errors.ts';
import type { SalesforceClient } from './http.ts';
import { isLockError, resultFile, rowOutcomes } from './job-outcomes.ts';
import { waitForJob, type PollOptions } from './poll.ts';
import { backoffDelay } from './retry.ts';

export const MAX_JOBS_PER_OBJECT = 2;

export interface ApplyContext {
  client: SalesforceClient;
  runDir: string;
  state: ApplyState;
  poll: PollOptions;
  progress?: (text: string) => void;
}

/** Which rows to send: those without a result yet, or (retry) those that failed. */
export type RowSelection = { kind: 'pending' } | { kind: 'failed' };

const save = (context: ApplyContext) => saveState(context.runDir, context.state);

export async function applyObject(context: ApplyContext, object: ObjectState, selection: RowSelection): Promise<void> {
  for (const job of object.jobs) {
    if (job.phase === 'created' || job.phase === 'uploaded' || job.phase === 'closed') {
      context.progress?.(`  ${object.object}: re-attaching to Bulk job ${job.id}\n`);
      await settleJob(context, object, job);
    }
  }
  for (let created = 0; created < MAX_JOBS_PER_OBJECT; created++) {
    if (created === 0 && selection.kind === 'pending' && object.jobs.length === 0) {
      // A first write: every changed row is pending, and the changes file is the job's data as it is.
      if (object.changed === 0) return;
      await runJob(context, object, object.changesFile, object.changed);
      continue;
    }
    const outcomes = await rowOutcomes(context.runDir, object);
    const lastJob = object.jobs.at(-1)?.id;
    const lockFailures = [...outcomes.values()].some(
      (outcome) => !outcome.ok && outcome.jobId === lastJob && isLockError(outcome.error)
    );
    if (created > 0 && !lockFailures) return;
    const wanted = (key: string): boolean => {
      const outcome = outcomes.get(key);
      if (created > 0)
        return outcome !== undefined && !outcome.ok && outcome.jobId === lastJob && isLockError(outcome.error);
      return selection.kind === 'pending' ? outcome === undefined : outcome !== undefined && !outcome.ok;
    };
    const subset = await writeSubset(context, object, wanted);
    if (subset.rows === 0) return;
    if (created > 0) {
      context.progress?.(`  ${object.object}: ${subset.rows} row(s) were locked by another update; retrying once\n`);
      await context.client.retry.sleep(backoffDelay(created, context.client.retry));
    }
    await runJob(context, object, subset.file, subset.rows);
  }
}

/** Writes the changed rows `wanted` selects into the next job's file. */
async function writeSubset(
  context: ApplyContext,
  object: ObjectState,
  wanted: (key: string) => boolean
): Promise<{ file: string; rows: number }> {
  const { header, records: rows } = await readCsvTable(path.join(context.runDir, object.changesFile));
  const keyIndex = header.indexOf(object.keyColumn);
  const selected = rows.filter((row) => wanted(row[keyIndex]));
  const file = path.join('apply', `${object.object}-${object.jobs.length + 1}.csv`);
  if (selected.length > 0) await writeFile(path.join(context.runDir, file), csvText(header, selected));
  return { file, rows: selected.length };
}

async function runJob(context: ApplyContext, object: ObjectState, file: string, rows: number): Promise<void> {
  const { client } = context;
  const info = await createIngestJob(client, {
    object: object.object,
    operation: object.operation,
    externalIdFieldName: object.externalIdFieldName
  });
  const job: JobRecord = { id: info.id, file, rows, phase: 'created', state: info.state };
  object.jobs.push(job);
  await save(context);
  context.progress?.(`  ${object.object}: uploading ${rows.toLocaleString('en-US')} rows (Bulk job ${job.id})\n`);
  await uploadJobData(client, job.id, path.join(context.runDir, file));
  job.phase = 'uploaded';
  await save(context);
  await setJobState(client, job.id, 'UploadComplete');
  job.phase = 'closed';
  await save(context);
  await finishJob(context, object, job);
}

/** Brings a job recorded by an interrupted invocation to an end. */
async function settleJob(context: ApplyContext, object: ObjectState, job: JobRecord): Promise<void> {
  const info = await getIngestJob(context.client, job.id);
  if (info.state === 'Open') {
    if (job.phase === 'uploaded') {
      await setJobState(context.client, job.id, 'UploadComplete');
      job.phase = 'closed';
      await save(context);
      await finishJob(context, object, job);
      return;
    }
    // The upload may not have completed: discard the job, its rows are sent again in a new one.
    await setJobState(context.client, job.id, 'Aborted');
    job.phase = 'aborted';
    job.state = 'Aborted';
    await save(context);
    return;
  }
  if (info.state === 'Aborted') {
    job.phase = 'aborted';
    job.state = info.state;
    await save(context);
    return;
  }
  job.phase = 'closed';
  await finishJob(context, object, job);
}

/** Waits for the job to end and downloads its record results. */
async function finishJob(context: ApplyContext, object: ObjectState, job: JobRecord): Promise<void> {
  const result = await waitForJob<IngestJobInfo>(
    () => getIngestJob(context.client, job.id),
    context.poll,
    (info) => {
      job.state = info.state;
      context.progress?.(
        `  ${object.object}: Bulk job ${job.id} ${info.state}, ${(info.numberRecordsProcessed ?? 0).toLocaleString('en-US')} of ${job.rows.toLocaleString('en-US')} rows processed\n`
      );
    }
  );
  if (result === 'timeout') {
    await save(context);
    throw new OrgJobError(
      job.id,
      `Bulk job ${job.id} (${object.object}) is still ${job.state ?? 'running'} after ${Math.round(context.poll.timeoutMs / 1000)} s; it keeps running in Salesforce.`
    );
  }
  job.state = result.state;
  job.processed = result.numberRecordsProcessed;
  job.failed = result.numberRecordsFailed;
  job.errorMessage = result.errorMessage;
  if (result.state === 'Aborted') {
    job.phase = 'aborted';
    await save(context);
    return;
  }
  for (const kind of RESULT_KINDS) {
    await downloadJobResults(context.client, job.id, kind, resultFile(context.runDir, job.id, kind));
  }
  job.phase = 'finished';
  await save(context);
}
