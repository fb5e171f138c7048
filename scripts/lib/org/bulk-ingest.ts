/*
 * Bulk API 2.0 ingest jobs: create, upload the CSV (streamed from disk), close, wait, and stream the
 * successful, failed and unprocessed record results back to disk.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { rename } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { dataPath } from './api-version.ts';
import type { SalesforceClient } from './http.ts';

export interface IngestJobInfo {
  id: string;
  object: string;
  operation: string;
  state: 'Open' | 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Failed' | 'Aborted';
  externalIdFieldName?: string;
  numberRecordsProcessed?: number;
  numberRecordsFailed?: number;
  errorMessage?: string;
}

export interface IngestJobSpec {
  object: string;
  operation: 'upsert' | 'update';
  externalIdFieldName?: string;
}

export type ResultKind = 'successfulResults' | 'failedResults' | 'unprocessedrecords';
export const RESULT_KINDS: ResultKind[] = ['successfulResults', 'failedResults', 'unprocessedrecords'];

const UPLOAD_TIMEOUT_MS = 15 * 60_000;

export async function createIngestJob(client: SalesforceClient, spec: IngestJobSpec): Promise<IngestJobInfo> {
  return client.json<IngestJobInfo>('POST', dataPath('jobs/ingest'), {
    json: {
      object: spec.object,
      operation: spec.operation,
      ...(spec.externalIdFieldName ? { externalIdFieldName: spec.externalIdFieldName } : {}),
      contentType: 'CSV',
      columnDelimiter: 'COMMA',
      lineEnding: 'LF'
    }
  });
}

/** Uploads the job's CSV, streamed from `file` (re-opened if the request is retried). */
export async function uploadJobData(client: SalesforceClient, jobId: string, file: string): Promise<void> {
  const response = await client.request('PUT', dataPath(`jobs/ingest/${jobId}/batches`), {
    body: () => Readable.toWeb(createReadStream(file)) as unknown as BodyInit,
    contentType: 'text/csv',
    timeoutMs: UPLOAD_TIMEOUT_MS
  });
  await response.body?.cancel();
}

export async function setJobState(
  client: SalesforceClient,
  jobId: string,
  state: 'UploadComplete' | 'Aborted'
): Promise<IngestJobInfo> {
  return client.json<IngestJobInfo>('PATCH', dataPath(`jobs/ingest/${jobId}`), { json: { state } });
}

export async function getIngestJob(client: SalesforceClient, jobId: string): Promise<IngestJobInfo> {
  return client.json<IngestJobInfo>('GET', dataPath(`jobs/ingest/${jobId}`));
}

/** Streams one kind of record results to `file` (CSV: sf__Id, sf__Created or sf__Error, then the uploaded columns). */
export async function downloadJobResults(
  client: SalesforceClient,
  jobId: string,
  kind: ResultKind,
  file: string
): Promise<void> {
  const response = await client.request('GET', dataPath(`jobs/ingest/${jobId}/${kind}/`), {
    accept: 'text/csv',
    timeoutMs: UPLOAD_TIMEOUT_MS
  });
  const partial = `${file}.partial`;
  if (response.body) {
    await pipeline(Readable.fromWeb(response.body as never), createWriteStream(partial));
  } else {
    await pipeline(Readable.from([]), createWriteStream(partial));
  }
  await rename(partial, file);
}
