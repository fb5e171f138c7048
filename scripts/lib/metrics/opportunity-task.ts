/*
 * Reading Opportunity.csv, by far the largest file, in worker threads (opportunity-worker.ts)
 * while the main thread reads the other files. With two workers the file is cut at a record
 * boundary near its middle and each worker reads one part; the main thread computes the file's
 * SHA-256 meanwhile and checks row count and checksum once both are done.
 *
 * The result is the same as reading the file in the main thread: the same checks, the same counters
 * (sums of whole cents and counts: exact in any order), the same records for explain (in file
 * order). When a part fails, the result says so and the caller reads the file again in one piece,
 * which reports the first error exactly as a one-piece read does (row, line and column).
 */
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { findProjectRoot } from '../project.ts';
import { UserError } from '../errors.ts';
import type { Manifest } from '../snapshot/manifest.ts';
import {
  checkSnapshotCsv,
  csvHeader,
  csvRecordBoundary,
  snapshotCsvDigest,
  snapshotFileName,
  type CsvPart,
  type ReadProgress
} from '../snapshot/read-csv.ts';
import type { CurrencyConverter } from './currency.ts';
import { emptyOpportunityCounts, type OpportunityCounts, type OpportunityRules } from './opportunities.ts';
import type { PartnerDetail } from './partner-detail.ts';

/** Changed with every change of the task or the answers, so that a worker of other code refuses. */
export const TASK_VERSION = 2;

export interface OpportunityTask {
  version: number;
  snapshotDir: string;
  manifest: Manifest;
  /** Partner i's Account Id (the order of the counters). */
  accountIds: string[];
  rates: ReturnType<CurrencyConverter['periodList']>;
  rules: OpportunityRules;
  /** The partner whose opportunities `explain` lists (-1: none). */
  detailIndex: number;
  /** The part of the file this worker reads; null: the whole file, with every file-level check. */
  part: CsvPart | null;
  progress: boolean;
}

export type WorkerAnswer =
  | { type: 'progress'; rows: number }
  | { type: 'done'; rows: number; counts: OpportunityCounts; detail: PartnerDetail['opportunities'] }
  | {
      type: 'error';
      userError: boolean;
      message: string;
      hint: string | undefined;
      details: string[];
      stack: string | undefined;
    };

export type OpportunityResult =
  | { ok: true; rows: number; counts: OpportunityCounts; detail: PartnerDetail['opportunities'] }
  /** A part could not be read, or a worker failed: read the file in the main thread instead. */
  | { ok: false };

/** Below this size the file is read in the main thread: a worker's start costs more than it saves. */
export const WORKER_MIN_BYTES = 32 * 2 ** 20;
/** From this size, and on two or more cores, two workers read one half each. */
export const TWO_WORKERS_MIN_BYTES = 64 * 2 ** 20;

const FILE = 'Opportunity.csv';
const WORKER_FILE = path.join('scripts', 'lib', 'metrics', 'opportunity-worker.ts');

/**
 * The worker's source file, or null: in the project of the running script (the CLI's bin), else in
 * the project of the current folder.
 */
function workerFile(): string | null {
  const candidates = [findProjectRoot(path.dirname(process.argv[1] ?? '.')), findProjectRoot()];
  for (const root of candidates) {
    if (root && existsSync(path.join(root, WORKER_FILE))) return path.join(root, WORKER_FILE);
  }
  return null;
}

/**
 * How many workers read Opportunity.csv: 0 (the main thread reads it), 1 or 2. `parallel` forces
 * workers (true: two) or forbids them (false); by default they are used for a large file on a
 * machine with at least two cores.
 */
export function opportunityWorkers(snapshotDir: string, parallel: boolean | undefined): 0 | 1 | 2 {
  if (parallel === false || workerFile() === null) return 0;
  if (parallel === true) return 2;
  if (availableParallelism() < 2) return 0;
  const file = path.join(snapshotDir, FILE);
  const size = existsSync(file) ? statSync(file).size : 0;
  return size >= TWO_WORKERS_MIN_BYTES ? 2 : size >= WORKER_MIN_BYTES ? 1 : 0;
}

/** Old-generation heap of each Opportunity.csv worker. */
const WORKER_HEAP_MB = 256;

interface RunningWorker {
  result: Promise<Extract<WorkerAnswer, { type: 'done' }>>;
  stop: () => void;
}

function startWorker(task: Omit<OpportunityTask, 'version'>, onProgress: (rows: number) => void): RunningWorker {
  // A worker keeps only its counters; a bounded heap makes it collect its parsing garbage early
  // instead of growing the process by hundreds of megabytes. Should a very large program not fit,
  // the worker stops and the main thread reads the file instead (the caller's fallback).
  const worker = new Worker(workerFile()!, {
    workerData: { ...task, version: TASK_VERSION },
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB }
  });
  const result = new Promise<Extract<WorkerAnswer, { type: 'done' }>>((resolve, reject) => {
    let settled = false;
    worker.on('message', (answer: WorkerAnswer) => {
      if (answer.type === 'progress') {
        onProgress(answer.rows);
        return;
      }
      settled = true;
      if (answer.type === 'done') resolve(answer);
      else if (answer.userError) reject(new UserError(answer.message, { hint: answer.hint, details: answer.details }));
      else reject(Object.assign(new Error(answer.message), { stack: answer.stack }));
      void worker.terminate();
    });
    worker.on('error', (error) => {
      if (!settled) reject(error);
      settled = true;
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`the ${FILE} worker stopped (exit code ${code}) without an answer`));
      settled = true;
    });
  });
  // A rejection nobody awaits yet (the main thread is still reading its files) is not "unhandled".
  result.catch(() => undefined);
  return { result, stop: () => void worker.terminate() };
}

function addCounts(into: OpportunityCounts, from: OpportunityCounts): void {
  for (const key of Object.keys(into) as (keyof OpportunityCounts)[]) {
    const target = into[key];
    const source = from[key];
    for (let index = 0; index < target.length; index++) target[index] += source[index];
  }
}

/** Reads the file in two parts, one per worker; null when it has no boundary to cut at. */
async function readInTwoParts(
  task: Omit<OpportunityTask, 'version' | 'part' | 'progress'>,
  progress: ReadProgress | undefined,
  started: RunningWorker[],
  isStopped: () => boolean
): Promise<OpportunityResult | null> {
  const file = path.join(task.snapshotDir, snapshotFileName('Opportunity'));
  const size = statSync(file).size;
  const boundary = await csvRecordBoundary(file, Math.floor(size / 2));
  if (boundary === null || boundary >= size || isStopped()) return null;
  const header = await csvHeader(file);
  if (isStopped()) return null;
  const digest = snapshotCsvDigest(task.snapshotDir, task.manifest, 'Opportunity');
  digest.catch(() => undefined);
  const read = [0, 0];
  const parts: CsvPart[] = [
    { start: 0, end: boundary, header: null },
    { start: boundary, header }
  ];
  parts.forEach((part, index) =>
    started.push(
      startWorker({ ...task, part, progress: progress !== undefined }, (rows) => {
        read[index] = rows;
        progress?.(FILE, read[0] + read[1], false);
      })
    )
  );
  const settled = await Promise.allSettled(started.map((worker) => worker.result));
  if (settled.some((outcome) => outcome.status === 'rejected')) return { ok: false };
  const [first, second] = settled.map(
    (outcome) => (outcome as PromiseFulfilledResult<Extract<WorkerAnswer, { type: 'done' }>>).value
  );
  const rows = first.rows + second.rows;
  checkSnapshotCsv(task.snapshotDir, task.manifest, 'Opportunity', rows, await digest);
  progress?.(FILE, rows, true);
  addCounts(first.counts, second.counts);
  return { ok: true, rows, counts: first.counts, detail: [...first.detail, ...second.detail] };
}

/**
 * Starts reading Opportunity.csv in `workers` worker threads. The promise settles with the
 * counters, or `{ ok: false }` (read it in the main thread), or the UserError of a one-worker read
 * (a bad value, a changed file: the message a main-thread read gives).
 */
export function startOpportunityWorkers(
  task: Omit<OpportunityTask, 'version' | 'part' | 'progress'>,
  workers: 1 | 2,
  progress: ReadProgress | undefined
): { result: Promise<OpportunityResult>; stop: () => void } {
  const started: RunningWorker[] = [];
  let stopped = false;
  const whole = async (): Promise<OpportunityResult> => {
    const worker = startWorker({ ...task, part: null, progress: progress !== undefined }, (rows) =>
      progress?.(FILE, rows, false)
    );
    started.push(worker);
    let answer: Extract<WorkerAnswer, { type: 'done' }>;
    try {
      answer = await worker.result;
    } catch (error) {
      if (error instanceof UserError) throw error;
      return { ok: false };
    }
    progress?.(FILE, answer.rows, true);
    return { ok: true, rows: answer.rows, counts: answer.counts, detail: answer.detail };
  };
  const result = (async (): Promise<OpportunityResult> => {
    if (workers === 2) {
      const split = await readInTwoParts(task, progress, started, () => stopped);
      if (split !== null) return split;
    }
    if (stopped) return { ok: true, rows: 0, counts: emptyOpportunityCounts(0), detail: [] };
    return whole();
  })();
  result.catch(() => undefined);
  return {
    result,
    stop: () => {
      stopped = true;
      for (const worker of started) worker.stop();
    }
  };
}
