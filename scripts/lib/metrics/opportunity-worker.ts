/*
 * Worker thread: reads Opportunity.csv, or one part of it, with every check of the reader
 * (columns, values; for the whole file also row count and SHA-256) and folds it into per-partner
 * opportunity counters, while the main thread reads the other files. Started by
 * opportunity-task.ts; answers with one message: the counters (their buffers transferred, not
 * copied) or the error.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { UserError } from '../errors.ts';
import { scanSnapshotCsv, scanSnapshotCsvPart, type ReadProgress } from '../snapshot/read-csv.ts';
import { CurrencyConverter } from './currency.ts';
import { emptyOpportunityCounts, opportunityRowHandler } from './opportunities.ts';
import { TASK_VERSION, type OpportunityTask, type WorkerAnswer } from './opportunity-task.ts';
import type { PartnerDetail } from './partner-detail.ts';

async function run(task: OpportunityTask): Promise<Extract<WorkerAnswer, { type: 'done' }>> {
  if (task.version !== TASK_VERSION) throw new Error(`task version ${task.version}, this worker reads ${TASK_VERSION}`);
  const converter = new CurrencyConverter(task.rules.corporateCurrency);
  for (const period of task.rates) converter.addRate(period.isoCode, period.start, period.nextStart, period.rate);
  converter.seal();
  const partnerIndex = new Map<string, number>();
  task.accountIds.forEach((accountId, index) => partnerIndex.set(accountId, index));
  const counts = emptyOpportunityCounts(task.accountIds.length);
  const detail = { index: task.detailIndex, opportunities: [] as PartnerDetail['opportunities'] };
  const handler = opportunityRowHandler(task.rules, converter, partnerIndex, counts, detail);
  const progress: ReadProgress | undefined = task.progress
    ? (_file, rows, done) => {
        if (!done) parentPort!.postMessage({ type: 'progress', rows } satisfies WorkerAnswer);
      }
    : undefined;
  const rows =
    task.part === null
      ? await scanSnapshotCsv(task.snapshotDir, task.manifest, 'Opportunity', handler, { progress })
      : await scanSnapshotCsvPart(task.snapshotDir, task.manifest, 'Opportunity', task.part, handler, { progress });
  return { type: 'done', rows, counts, detail: detail.opportunities };
}

run(workerData as OpportunityTask).then(
  (answer) => {
    parentPort!.postMessage(
      answer,
      Object.values(answer.counts).map((array: Float64Array | Int32Array) => array.buffer as ArrayBuffer)
    );
  },
  (error: unknown) => {
    const failure = error as Error;
    parentPort!.postMessage({
      type: 'error',
      userError: error instanceof UserError,
      message: failure.message,
      hint: error instanceof UserError ? error.hint : undefined,
      details: error instanceof UserError ? error.details : [],
      stack: failure.stack
    } satisfies WorkerAnswer);
  }
);
