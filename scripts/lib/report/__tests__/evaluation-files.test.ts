/*
 * The streamed outputs of an evaluation (results.json, results.csv, the write-back plan) are exactly
 * what the whole-document functions give, and are written without ever holding every decision:
 * each partner is decided once, written to all four files and let go (the memory bound of issue 7).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runEvaluation, type EvaluationRun } from '../../run-evaluation.ts';
import { writeEvaluationFiles } from '../evaluation-files.ts';
import { evaluationTable } from '../evaluation-table.ts';
import { resultDocument, resultDocumentJson } from '../result-document.ts';
import { resultsCsv } from '../results-csv.ts';
import { writeBackPlan } from '../write-back-plan.ts';

let scratch: string;
beforeEach(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'pp-files-'));
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

/** The run with `evaluation` (every decision at once) made to fail when touched. */
function streamingOnly(run: EvaluationRun): EvaluationRun {
  return Object.create(run, {
    evaluation: {
      get() {
        throw new Error('every decision was held at once');
      }
    }
  }) as EvaluationRun;
}

describe('writeEvaluationFiles on the sample', () => {
  it('writes the four files in one pass, equal to the whole-document functions', async () => {
    const run = await runEvaluation({ snapshotDir: 'data/sample' });
    const written = await writeEvaluationFiles(streamingOnly(run), scratch, { tableRows: true });
    expect(written.files.map((file) => path.basename(file))).toEqual([
      'results.json',
      'results.csv',
      'Tier_Evaluation__c.csv',
      'Partner_Profile__c.csv'
    ]);
    const read = (name: string) => readFileSync(path.join(scratch, name), 'utf8');
    const document = resultDocument(run);
    expect(read('results.json')).toBe(JSON.stringify(document, null, 2) + '\n');
    expect(read('results.json')).toBe([...resultDocumentJson(run)].join(''));
    expect(read('results.csv')).toBe(resultsCsv(run));
    const plan = writeBackPlan(run);
    expect(read('Tier_Evaluation__c.csv')).toBe(plan.evaluations);
    expect(read('Partner_Profile__c.csv')).toBe(plan.profiles);
    expect(written.summary).toEqual(document.summary);
    expect(evaluationTable(run, { summary: written.summary, rows: written.tableRows! })).toBe(evaluationTable(run));
    expect(document.summary.partnersEvaluated).toBe(written.tableRows!.length);
  });

  it('streams --format json to stdout without holding every decision either', async () => {
    const run = await runEvaluation({ snapshotDir: 'data/sample' });
    const text = [...resultDocumentJson(streamingOnly(run))].join('');
    expect(JSON.parse(text).partners).toHaveLength(resultDocument(run).partners.length);
  });

  it('leaves nothing behind when a write fails', async () => {
    const run = await runEvaluation({ snapshotDir: 'data/sample' });
    const failing = Object.create(run, {
      decisions: {
        value: function* () {
          yield* run.decisions();
          throw new Error('disk full');
        }
      }
    }) as EvaluationRun;
    await expect(writeEvaluationFiles(failing, scratch)).rejects.toThrow('disk full');
    expect(require('node:fs').readdirSync(scratch)).toEqual([]);
  });
});
