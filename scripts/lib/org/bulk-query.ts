/*
 * Bulk API 2.0 query jobs, streamed to one CSV file per object. Results are paged here, not by
 * jsforce (its bulk2.query breaks on the second page, TOOLING.md): each page is a complete CSV with
 * its own header, the next page's locator is in Sforce-Locator ("null" after the last page). Pages
 * are appended to the file as they arrive, so memory stays flat whatever the object's size.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { dataPath } from './api-version.ts';
import { CsvRowCounter, csvHeaderLine } from './csv-rows.ts';
import { OrgJobError } from './errors.ts';
import type { SalesforceClient } from './http.ts';
import { backoffDelay, isNetworkError } from './retry.ts';
import { waitForJob, type PollOptions } from './poll.ts';

export interface BulkQueryOptions {
  soql: string;
  /** The SOQL's field list, for the header of an empty result. */
  columns: string[];
  file: string;
  /** maxRecords per results page. */
  pageSize: number;
  poll: PollOptions;
  /** Rows written so far (for a progress display). */
  progress?: (rows: number, done: boolean) => void;
}

export interface BulkQueryResult {
  jobId: string;
  rows: number;
  pages: number;
  sha256: string;
}

interface QueryJobInfo {
  id: string;
  state: string;
  errorMessage?: string;
  numberRecordsProcessed?: number;
}

const DOWNLOAD_TIMEOUT_MS = 15 * 60_000;
const LF = 0x0a;

export async function bulkQueryToFile(client: SalesforceClient, options: BulkQueryOptions): Promise<BulkQueryResult> {
  const job = await client.json<QueryJobInfo>('POST', dataPath('jobs/query'), {
    json: { operation: 'query', query: options.soql, contentType: 'CSV', columnDelimiter: 'COMMA', lineEnding: 'LF' }
  });
  const finished = await waitForJob<QueryJobInfo>(
    () => client.json<QueryJobInfo>('GET', dataPath(`jobs/query/${job.id}`)),
    options.poll
  );
  if (finished === 'timeout') {
    throw new OrgJobError(
      job.id,
      `Bulk query job ${job.id} (${objectOf(options.soql)}) did not finish within ${Math.round(options.poll.timeoutMs / 1000)} s.`
    );
  }
  if (finished.state !== 'JobComplete') {
    throw new OrgJobError(
      job.id,
      `Bulk query job ${job.id} (${objectOf(options.soql)}) ended ${finished.state}: ${finished.errorMessage ?? 'no reason given'}.`
    );
  }
  const partial = `${options.file}.partial`;
  const handle = await open(partial, 'w');
  let rows = 0;
  let pages = 0;
  let offset = 0;
  const header: { bytes: Buffer | null } = { bytes: null };
  try {
    let locator: string | null = null;
    do {
      const page = await downloadPage(client, job.id, locator, options.pageSize, handle, offset, header);
      offset = page.offset;
      rows += page.rows;
      pages++;
      locator = page.next;
      options.progress?.(rows, false);
    } while (locator !== null);
    if (offset === 0) await handle.write(csvHeaderLine(options.columns), 0, 'utf8');
  } catch (error) {
    await handle.close();
    await rm(partial, { force: true });
    throw error;
  }
  await handle.close();
  await rename(partial, options.file);
  options.progress?.(rows, true);
  return { jobId: job.id, rows, pages, sha256: await sha256File(options.file) };
}

interface PageResult {
  next: string | null;
  rows: number;
  offset: number;
}

/** One results page appended at `offset`; a page whose body breaks off is fetched again by its locator. */
async function downloadPage(
  client: SalesforceClient,
  jobId: string,
  locator: string | null,
  pageSize: number,
  handle: FileHandle,
  offset: number,
  header: { bytes: Buffer | null }
): Promise<PageResult> {
  const policy = client.retry;
  const headerBefore = header.bytes;
  for (let attempt = 1; ; attempt++) {
    const response = await client.request('GET', dataPath(`jobs/query/${jobId}/results`), {
      query: { maxRecords: pageSize, locator: locator ?? undefined },
      accept: 'text/csv',
      timeoutMs: DOWNLOAD_TIMEOUT_MS
    });
    const next = response.headers.get('Sforce-Locator');
    const expected = response.headers.get('Sforce-NumberOfRecords');
    try {
      const written = await appendPage(response, handle, offset, header);
      if (expected !== null && Number(expected) !== written.rows) {
        throw new OrgJobError(
          jobId,
          `Bulk query job ${jobId}: a results page said ${expected} records but held ${written.rows}.`
        );
      }
      return { next: next === null || next === 'null' || next === '' ? null : next, ...written };
    } catch (error) {
      // Undo the broken attempt: the file, and the header it may have recorded.
      await handle.truncate(offset);
      header.bytes = headerBefore;
      if (!isNetworkError(error) || attempt >= policy.attempts) throw error;
      await policy.sleep(backoffDelay(attempt, policy));
    }
  }
}

/** Writes one page; pages after the first lose their header line (checked to be the same header). */
async function appendPage(
  response: Response,
  handle: FileHandle,
  start: number,
  header: { bytes: Buffer | null }
): Promise<{ rows: number; offset: number }> {
  const counter = new CsvRowCounter();
  const firstPage = header.bytes === null;
  let offset = start;
  const write = async (bytes: Uint8Array) => {
    if (bytes.length === 0) return;
    counter.push(bytes);
    await handle.write(bytes, 0, bytes.length, offset);
    offset += bytes.length;
  };
  // Bytes before the end of the header line; null once the header line has been handled.
  let head: Buffer | null = Buffer.alloc(0);
  for await (const chunk of response.body ?? []) {
    const bytes = Buffer.from(chunk as Uint8Array);
    if (head === null) {
      await write(bytes);
      continue;
    }
    head = Buffer.concat([head, bytes]);
    const end = head.indexOf(LF);
    if (end < 0) continue;
    const line = head.subarray(0, end + 1);
    if (firstPage) {
      header.bytes = Buffer.from(line);
      await write(head);
    } else {
      if (!line.equals(header.bytes!)) throw new Error('a results page has a different header than the first page');
      await write(head.subarray(end + 1));
    }
    head = null;
  }
  if (head !== null && head.length > 0 && firstPage) {
    // Only a header, without a line feed.
    header.bytes = Buffer.concat([head, Buffer.from([LF])]);
    await write(header.bytes);
  }
  if (counter.lastByte !== -1 && counter.lastByte !== LF) await write(Buffer.from([LF]));
  const headerLines = firstPage && header.bytes !== null ? 1 : 0;
  return { rows: Math.max(0, counter.recordEnds - headerLines), offset };
}

/** The SHA-256 of a file, read as a stream. */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function objectOf(soql: string): string {
  return /\bFROM\s+(\w+)/i.exec(soql)?.[1] ?? 'query';
}
