import { csvRecord } from './csv-text.ts';
import { evaluationTableRow } from './evaluation-table.ts';
import { ResultDocumentWriter, type Summary } from './result-document.ts';
import { metricColumns, resultsCsvDecisionRecord, resultsCsvHeader, resultsCsvSkippedRecord } from './results-csv.ts';
import { EVALUATION_COLUMNS, evaluationPlanRecord, PROFILE_COLUMNS, profilePlanRecord } from './write-back-plan.ts';
import type { EvaluationRun } from '../run-evaluation.ts';
import { UserError } from '../errors.ts';
import { stageOutputs } from '../write-outputs.ts';

/** The files of an evaluation: the results and the write-back plan for Bulk API 2.0. */
export const EVALUATION_FILES = ['results.json', 'results.csv', 'Tier_Evaluation__c.csv', 'Partner_Profile__c.csv'];

/** Decisions written between two returns to the event loop. */
const YIELD_EVERY = 1_000;

export interface WrittenEvaluation {
  files: string[];
  summary: Summary;
  /** The terminal table's rows, when asked for. */
  tableRows?: string[][];
}

/**
 * Writes results.json, results.csv and the write-back plan in one pass over the partners: each
 * partner is decided once, written to all four files and let go, so memory holds the partners'
 * metrics but never every decision at once. All files or none (a failure removes the partial ones).
 */
export async function writeEvaluationFiles(
  run: EvaluationRun,
  outDir: string,
  options: { tableRows?: boolean } = {}
): Promise<WrittenEvaluation> {
  const staged = await stageOutputs(outDir, EVALUATION_FILES);
  const [json, results, evaluations, profiles] = EVALUATION_FILES.map((name) => staged.files[name]);
  const tableRows: string[][] | undefined = options.tableRows ? [] : undefined;
  const metrics = metricColumns(run);
  let summary: Summary;
  try {
    const document = new ResultDocumentWriter(run, (text) => json.write(text));
    results.write(resultsCsvHeader(run));
    evaluations.write(csvRecord(EVALUATION_COLUMNS));
    profiles.write(csvRecord(PROFILE_COLUMNS));
    let sinceYield = 0;
    for (const decision of run.decisions()) {
      // Back to the event loop now and then: V8 finishes its garbage collections in tasks there,
      // and a loop that never yields lets the heap fill with dead strings (+400 MB at 100,000).
      if (++sinceYield === YIELD_EVERY) {
        sinceYield = 0;
        await new Promise((resolve) => setImmediate(resolve));
      }
      document.decision(decision);
      results.write(resultsCsvDecisionRecord(run, decision, metrics));
      evaluations.write(evaluationPlanRecord(run, decision));
      profiles.write(profilePlanRecord(run, decision));
      tableRows?.push(evaluationTableRow(run, decision));
    }
    for (const skipped of run.skipped) results.write(resultsCsvSkippedRecord(run, skipped, metrics));
    summary = document.end();
  } catch (error) {
    await staged.abort();
    if (error instanceof UserError) throw error;
    const reason = (error as NodeJS.ErrnoException).code ? (error as Error).message : null;
    if (reason) throw new UserError(`Cannot write to ${outDir}: ${reason}. Nothing was written.`);
    throw error;
  }
  const files = await staged.commit();
  return { files, summary, tableRows };
}
