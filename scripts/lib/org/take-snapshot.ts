/*
 * Takes a snapshot (DESIGN.md §7, docs/snapshot-format.md) from the org: one Bulk API 2.0 query job
 * per object, results streamed page by page into `<Object>.csv`, then manifest.json with each file's
 * row count and SHA-256. Written into a temporary folder and renamed into place at the end, so a
 * snapshot folder is always complete.
 */
import { appendFile, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../errors.ts';
import { SNAPSHOT_FORMAT, type Manifest } from '../snapshot/manifest.ts';
import { bulkQueryToFile, sha256File } from './bulk-query.ts';
import { staticRateRows, type CurrencyFacts } from './currency.ts';
import type { SalesforceClient } from './http.ts';
import type { PollOptions } from './poll.ts';
import type { SnapshotQuery } from './snapshot-queries.ts';

export interface SnapshotOptions {
  client: SalesforceClient;
  dir: string;
  queries: SnapshotQuery[];
  orgId: string;
  currency: CurrencyFacts;
  exportedAt: string;
  pageSize: number;
  poll: PollOptions;
  /** Query jobs running at once. */
  concurrency: number;
  /** One line per finished object (shown on a terminal). */
  progress?: (line: string) => void;
}

export interface SnapshotFileResult {
  object: string;
  rows: number;
  jobId: string;
  pages: number;
  sha256: string;
}

export interface TakenSnapshot {
  manifest: Manifest;
  files: SnapshotFileResult[];
}

async function assertWritable(dir: string): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch {
    return;
  }
  if (entries.length > 0) {
    throw new UserError(`${dir} already exists and is not empty.`, {
      hint: 'A snapshot is written into a new folder: name one that does not exist yet.'
    });
  }
}

async function runPool<T, R>(items: T[], size: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
  return results;
}

export async function takeSnapshot(options: SnapshotOptions): Promise<TakenSnapshot> {
  await assertWritable(options.dir);
  const staging = `${options.dir}.partial-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  try {
    const files = await runPool(options.queries, options.concurrency, async (query) => {
      const file = path.join(staging, `${query.object}.csv`);
      const result = await bulkQueryToFile(options.client, {
        soql: query.soql,
        columns: query.columns,
        file,
        pageSize: options.pageSize,
        poll: options.poll
      });
      let { rows, sha256 } = result;
      if (query.object === 'DatedConversionRate' && rows === 0 && options.currency.staticRates.length > 0) {
        // No dated rates (advanced currency management off): the static rates apply on every date.
        await writeFile(file, '"Id","IsoCode","ConversionRate","StartDate","NextStartDate"\n');
        await appendFile(file, staticRateRows(options.currency));
        rows = options.currency.staticRates.length;
        sha256 = await sha256File(file);
      }
      options.progress?.(
        `  ${query.object}: ${rows.toLocaleString('en-US')} rows (job ${result.jobId}, ${result.pages} page${result.pages === 1 ? '' : 's'})\n`
      );
      return { object: query.object, rows, sha256, jobId: result.jobId, pages: result.pages };
    });
    const manifest: Manifest = {
      format: SNAPSHOT_FORMAT,
      source: options.orgId,
      exportedAt: options.exportedAt,
      corporateCurrency: options.currency.corporateCurrency,
      files: {}
    };
    for (const file of [...files].sort((a, b) => a.object.localeCompare(b.object))) {
      manifest.files[`${file.object}.csv`] = { rows: file.rows, sha256: file.sha256 };
    }
    await writeFile(path.join(staging, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
    await rm(options.dir, { recursive: true, force: true });
    await mkdir(path.dirname(options.dir), { recursive: true });
    await rename(staging, options.dir);
    return { manifest, files };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}
