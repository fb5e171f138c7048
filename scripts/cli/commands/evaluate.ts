import path from 'node:path';
import { UserError } from '../../lib/errors.ts';
import { evaluateInOrg } from '../../lib/org/evaluate-org.ts';
import { evaluationTable } from '../../lib/report/evaluation-table.ts';
import { writeEvaluationFiles } from '../../lib/report/evaluation-files.ts';
import { resultDocumentJson } from '../../lib/report/result-document.ts';
import { resultsCsvRecords } from '../../lib/report/results-csv.ts';
import { runEvaluation } from '../../lib/run-evaluation.ts';
import { copyFileTo } from '../../lib/write-outputs.ts';
import {
  progressReporter,
  EXIT_CODES_HELP,
  FORMAT_VALUES,
  pickFormat,
  requireOption,
  type Command
} from '../command.ts';

export const evaluateCommand: Command = {
  name: 'evaluate',
  summary: 'Evaluate every partner’s tier for a quarter and show who moves, why, and what is missing.',
  help: `Usage: partner-program evaluate --snapshot <dir> [--quarter YYYY-Qn] [--criteria <dir>] [--format table|json|csv] [--out <dir>]
       partner-program evaluate --target-org <alias|username> [--quarter YYYY-Qn] [--apply [--yes] [--no-notify]] [--run-dir <dir>] [--format table|json|csv]

Evaluates every Active partner of a snapshot for one fiscal quarter with the program's rules
(the custom metadata records in force-app, or --criteria) and prints the decisions. Nothing is
written to any org: --out writes the results and the write-back plan for a later upload.

Options:
  --snapshot <dir>   snapshot folder (manifest.json + CSVs), e.g. data/sample
  --quarter YYYY-Qn  fiscal quarter to evaluate; default: the last quarter that ended before the
                     snapshot was exported
  --criteria <dir>   custom metadata records that replace the deployed ones of the same types
  --format <f>       table (default), json (one document) or csv (one row per partner)
  --out <dir>        also write results.json, results.csv and the write-back plan
                     (Tier_Evaluation__c.csv to upsert on Evaluation_Key__c,
                     Partner_Profile__c.csv to update by Id) for Bulk API 2.0
  -h, --help         show this help

Org mode (--target-org): takes a snapshot of the org (Bulk API 2.0) into a new run folder
(default runs/<orgId>-<quarter>-<time>), evaluates it with the org's own program records, prints
the same report and writes the write-back plan there. A dry run unless --apply is given. The login
comes from the Salesforce CLI (npx sf org login web --alias <alias>); see docs/org-mode.md.
  --target-org <org> alias or username of an org you logged in to with the Salesforce CLI
  --apply            after a confirmation, write the decisions to the org (Bulk API 2.0), as
                     partner-program apply <run dir> would
  --yes              do not ask for confirmation (required for --apply when not on a terminal)
  --no-notify        with --apply: send no notifications to partner managers
  --run-dir <dir>    the run folder to create (must not exist or be empty)

Examples:
  partner-program evaluate --snapshot data/sample
  partner-program evaluate --snapshot data/sample --quarter 2026-Q2 --format json
  partner-program evaluate --snapshot data/sample --out out/2026-Q3
  partner-program evaluate --target-org prod
  partner-program evaluate --target-org prod --quarter 2026-Q3 --apply

${EXIT_CODES_HELP}
`,
  options: {
    snapshot: { type: 'string' },
    quarter: { type: 'string' },
    criteria: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    'target-org': { type: 'string' },
    apply: { type: 'boolean' },
    yes: { type: 'boolean' },
    'no-notify': { type: 'boolean' },
    'run-dir': { type: 'string' },
    help: { type: 'boolean', short: 'h' }
  },
  allowPositionals: false,
  async run(values, _positionals, io) {
    if (typeof values['target-org'] === 'string') {
      for (const flag of ['snapshot', 'criteria', 'out']) {
        if (values[flag] !== undefined) {
          throw new UserError(`--${flag} does not go with --target-org.`, {
            hint: 'Org mode reads the org and its own program records and writes into a run folder (--run-dir).'
          });
        }
      }
      return evaluateInOrg(
        {
          target: values['target-org'],
          quarter: values.quarter as string | undefined,
          apply: values.apply === true,
          yes: values.yes === true,
          notify: values['no-notify'] !== true,
          runDir: values['run-dir'] as string | undefined,
          format: pickFormat(values.format, FORMAT_VALUES)
        },
        io
      );
    }
    for (const flag of ['apply', 'yes', 'no-notify', 'run-dir']) {
      if (values[flag] !== undefined) {
        throw new UserError(`--${flag} goes with --target-org only.`, {
          hint: 'For example: partner-program evaluate --target-org prod --apply'
        });
      }
    }
    const snapshotDir = requireOption(values.snapshot, '--snapshot', 'evaluate', '--snapshot data/sample');
    const format = pickFormat(values.format, FORMAT_VALUES);
    const run = await runEvaluation({
      snapshotDir,
      quarter: values.quarter as string | undefined,
      criteriaDir: values.criteria as string | undefined,
      progress: progressReporter(io, format === 'table')
    });
    if (typeof values.out === 'string') {
      const outDir = path.resolve(values.out);
      const written = await writeEvaluationFiles(run, outDir, { tableRows: format === 'table' });
      io.stderr(
        `Wrote ${written.files.length} files to ${values.out}: ${written.files.map((file) => path.basename(file)).join(', ')}\n`
      );
      if (format === 'json') await copyFileTo(path.join(outDir, 'results.json'), io);
      else if (format === 'csv') await copyFileTo(path.join(outDir, 'results.csv'), io);
      else io.stdout(evaluationTable(run, { summary: written.summary, rows: written.tableRows! }));
    } else if (format === 'json') {
      for (const piece of resultDocumentJson(run)) io.stdout(piece);
    } else if (format === 'csv') {
      for (const piece of resultsCsvRecords(run)) io.stdout(piece);
    } else {
      io.stdout(evaluationTable(run));
    }
    return 0;
  }
};
