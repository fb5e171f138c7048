/*
 * The fake's Bulk API 2.0: query jobs whose CSV results are paged with maxRecords and locators
 * (Sforce-Locator, Sforce-NumberOfRecords; every page a complete CSV with its header), and ingest
 * jobs through their whole lifecycle (Open, UploadComplete, InProgress, JobComplete / Failed /
 * Aborted) with record results.
 */
import { csvLine } from './csv.ts';
import type { FakeOrg, IngestJob, QueryJob } from './fake-org.ts';
import { apiError, json, type FakeHttpRequest, type FakeHttpResponse } from './http-types.ts';
import { checkColumns, failedJobResults, processIngest } from './ingest.ts';
import { parseCsv } from './csv.ts';
import { parseSoql } from './soql.ts';
import { timestamp } from './store.ts';

let jobCounter = 0;
const newJobId = () => `750FK${String(++jobCounter).padStart(10, '0')}AAA`;

function queryJobInfo(job: QueryJob, apiVersion: string) {
  return {
    id: job.id,
    operation: 'query',
    object: job.object,
    createdById: '005FK0000000001AAA',
    createdDate: job.createdDate,
    systemModstamp: job.createdDate,
    state: job.state,
    concurrencyMode: 'Parallel',
    contentType: 'CSV',
    apiVersion: Number(apiVersion),
    lineEnding: 'LF',
    columnDelimiter: 'COMMA',
    ...(job.state === 'JobComplete'
      ? { numberRecordsProcessed: job.rows.length, retries: 0, totalProcessingTime: 42 }
      : {})
  };
}

export function createQueryJob(org: FakeOrg, request: FakeHttpRequest): FakeHttpResponse {
  const body = JSON.parse(request.body) as { operation?: string; query?: string };
  if (body.operation !== 'query' && body.operation !== 'queryAll') {
    return apiError(400, 'INVALIDJOB', `InvalidJob : Invalid operation: ${String(body.operation)}`);
  }
  const query = parseSoql(body.query ?? '');
  const rows = org.store
    .select(query)
    .map((row) => query.fields.map((path) => org.store.resolve(query.object, row, path)));
  const job: QueryJob = {
    id: newJobId(),
    object: query.object,
    soql: body.query ?? '',
    state: 'UploadComplete',
    polls: 0,
    columns: query.fields,
    rows,
    createdDate: timestamp()
  };
  org.queryJobs.set(job.id, job);
  org.limits.DailyBulkV2QueryJobs.Remaining--;
  return json(200, queryJobInfo(job, request.apiVersion));
}

export function queryJob(org: FakeOrg, request: FakeHttpRequest, id: string): FakeHttpResponse {
  const job = org.queryJobs.get(id);
  if (!job) return apiError(404, 'NOT_FOUND', 'The requested resource does not exist');
  if (request.method === 'GET' && job.state !== 'JobComplete') {
    job.state = job.polls++ < org.options.pollsUntilDone ? 'InProgress' : 'JobComplete';
  }
  return json(200, queryJobInfo(job, request.apiVersion));
}

export function queryResults(org: FakeOrg, request: FakeHttpRequest, id: string): FakeHttpResponse {
  const job = org.queryJobs.get(id);
  if (!job) return apiError(404, 'NOT_FOUND', 'The requested resource does not exist');
  if (job.state !== 'JobComplete') return apiError(400, 'INVALIDJOB', 'InvalidJob : the job has not completed');
  const size = Number(request.query.get('maxRecords') ?? org.options.bulkPageSize);
  const locator = request.query.get('locator');
  const offset = locator ? Number(Buffer.from(locator, 'base64url').toString('utf8')) : 0;
  const slice = job.rows.slice(offset, offset + size);
  const next = offset + size < job.rows.length ? Buffer.from(String(offset + size)).toString('base64url') : 'null';
  return {
    status: 200,
    headers: {
      'Content-Type': 'text/csv',
      'Sforce-Locator': next,
      'Sforce-NumberOfRecords': String(slice.length)
    },
    body: csvLine(job.columns) + slice.map(csvLine).join('')
  };
}

function ingestJobInfo(job: IngestJob, apiVersion: string) {
  return {
    id: job.id,
    operation: job.operation,
    object: job.object,
    createdById: '005FK0000000001AAA',
    createdDate: job.createdDate,
    systemModstamp: job.createdDate,
    state: job.state,
    ...(job.externalIdFieldName ? { externalIdFieldName: job.externalIdFieldName } : {}),
    concurrencyMode: 'Parallel',
    contentType: 'CSV',
    apiVersion: Number(apiVersion),
    jobType: 'V2Ingest',
    contentUrl: `services/data/v${apiVersion}/jobs/ingest/${job.id}/batches`,
    lineEnding: 'LF',
    columnDelimiter: 'COMMA',
    numberRecordsProcessed: job.processed,
    numberRecordsFailed: job.failed,
    retries: 0,
    totalProcessingTime: 0,
    apiActiveProcessingTime: 0,
    apexProcessingTime: 0,
    ...(job.errorMessage ? { errorMessage: job.errorMessage } : {})
  };
}

export function createIngestJob(org: FakeOrg, request: FakeHttpRequest): FakeHttpResponse {
  const body = JSON.parse(request.body) as Record<string, string>;
  if (!org.store.schema.has(body.object)) {
    return apiError(400, 'INVALIDJOB', `InvalidJob : Unable to find object: ${body.object}`);
  }
  if (!['insert', 'update', 'upsert', 'delete'].includes(body.operation)) {
    return apiError(400, 'INVALIDJOB', `InvalidJob : Invalid operation: ${body.operation}`);
  }
  if (body.operation === 'upsert') {
    const key = body.externalIdFieldName ? org.store.field(body.object, body.externalIdFieldName) : undefined;
    if (!key || !key.externalId) {
      return apiError(
        400,
        'INVALIDJOB',
        `InvalidJob : External ID was blank or not an external id field for ${body.object}`
      );
    }
  }
  const job: IngestJob = {
    id: newJobId(),
    object: body.object,
    operation: body.operation,
    externalIdFieldName: body.externalIdFieldName,
    state: 'Open',
    polls: 0,
    data: null,
    createdDate: timestamp(),
    processed: 0,
    failed: 0
  };
  org.ingestJobs.set(job.id, job);
  return json(200, ingestJobInfo(job, request.apiVersion));
}

export function uploadIngestData(org: FakeOrg, request: FakeHttpRequest, id: string): FakeHttpResponse {
  const job = org.ingestJobs.get(id);
  if (!job) return apiError(404, 'NOT_FOUND', 'The requested resource does not exist');
  if (!(request.headers['content-type'] ?? '').startsWith('text/csv')) {
    return apiError(400, 'INVALIDJOB', 'InvalidJob : Content-Type must be text/csv');
  }
  if (job.state !== 'Open') return apiError(409, 'INVALIDJOB', `InvalidJob : Job is in state ${job.state}`);
  if (job.data !== null) return apiError(400, 'INVALIDJOB', 'InvalidJob : Found multiple contents for job');
  job.data = request.body;
  return { status: 201 };
}

function process(org: FakeOrg, job: IngestJob): void {
  const data = job.data ?? '';
  const jobError =
    org.jobFault?.(job) ??
    checkColumns(org.store, job.object, parseCsv(data.slice(0, data.indexOf('\n') + 1 || undefined)).header);
  if (jobError) {
    job.state = 'Failed';
    job.errorMessage = jobError;
    job.results = failedJobResults(data);
    return;
  }
  const results = processIngest(org.store, {
    object: job.object,
    operation: job.operation,
    externalIdFieldName: job.externalIdFieldName,
    data,
    rowFault: org.rowFault ?? undefined
  });
  job.results = results;
  job.processed = results.processed;
  job.failed = results.failed;
  job.state = 'JobComplete';
  org.limits.DailyBulkApiBatches.Remaining -= Math.max(1, Math.ceil(results.processed / 10_000));
}

export function ingestJob(org: FakeOrg, request: FakeHttpRequest, id: string): FakeHttpResponse {
  const job = org.ingestJobs.get(id);
  if (!job) return apiError(404, 'NOT_FOUND', 'The requested resource does not exist');
  if (request.method === 'PATCH') {
    const { state } = JSON.parse(request.body) as { state: string };
    if (state === 'UploadComplete') {
      if (job.state !== 'Open') return apiError(409, 'INVALIDJOB', `InvalidJob : Job is in state ${job.state}`);
      if (job.data === null) return apiError(400, 'INVALIDJOB', 'InvalidJob : No data uploaded');
      job.state = 'UploadComplete';
    } else if (state === 'Aborted') {
      if (['JobComplete', 'Failed', 'Aborted'].includes(job.state)) {
        return apiError(409, 'INVALIDJOB', `InvalidJob : Job is in state ${job.state}`);
      }
      job.state = 'Aborted';
    } else {
      return apiError(400, 'INVALIDJOB', `InvalidJob : Invalid state: ${state}`);
    }
    return json(200, ingestJobInfo(job, request.apiVersion));
  }
  if (job.state === 'UploadComplete' || job.state === 'InProgress') {
    if (org.stuckObjects.has(job.object) || job.polls++ < org.options.pollsUntilDone) job.state = 'InProgress';
    else process(org, job);
  }
  return json(200, ingestJobInfo(job, request.apiVersion));
}

export function ingestResults(org: FakeOrg, id: string, kind: string): FakeHttpResponse {
  const job = org.ingestJobs.get(id);
  if (!job) return apiError(404, 'NOT_FOUND', 'The requested resource does not exist');
  const results = job.results as Record<string, string> | undefined;
  if (!results) return apiError(400, 'INVALIDJOB', `InvalidJob : Job is in state ${job.state}`);
  return { status: 200, headers: { 'Content-Type': 'text/csv' }, body: results[kind] };
}
