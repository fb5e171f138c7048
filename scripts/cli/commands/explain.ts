import { explainText } from '../../lib/report/explain-text.ts';
import { findPartner } from '../../lib/find-partner.ts';
import { UserError } from '../../lib/errors.ts';
import { runEvaluation } from '../../lib/run-evaluation.ts';
import { readManifest } from '../../lib/snapshot/manifest.ts';
import { progressReporter, EXIT_CODES_HELP, pickFormat, requireOption, type Command } from '../command.ts';

export const explainCommand: Command = {
  name: 'explain',
  summary: 'Explain one partner’s decision: every criterion in plain language and the records behind each number.',
  help: `Usage: partner-program explain <account id | profile id | name> --snapshot <dir> [--quarter YYYY-Qn] [--criteria <dir>] [--format table|json]

Shows one partner's evaluation for a quarter: the outcome and the rule behind it, every criterion
of every tier with value, threshold and what is missing, and the records each metric is made of
(which opportunities counted as revenue and at what exchange rate, which certifications and
evidence counted and why others did not), so a partner manager can answer an appeal with data.

Options:
  --snapshot <dir>   snapshot folder (manifest.json + CSVs), e.g. data/sample
  --quarter YYYY-Qn  fiscal quarter; default: the last quarter that ended before the export
  --criteria <dir>   custom metadata records that replace the deployed ones of the same types
  --format <f>       table (default) or json
  -h, --help         show this help

The partner is found by Account Id (15 or 18 characters), Partner Profile Id, its exact name, or
a part of its name that matches only one partner.

Examples:
  partner-program explain "Northwind" --snapshot data/sample
  partner-program explain 001Dn00000PpA01AAF --snapshot data/sample --quarter 2026-Q2 --format json

${EXIT_CODES_HELP}
`,
  options: {
    snapshot: { type: 'string' },
    quarter: { type: 'string' },
    criteria: { type: 'string' },
    format: { type: 'string' },
    help: { type: 'boolean', short: 'h' }
  },
  allowPositionals: true,
  async run(values, positionals, io) {
    const snapshotDir = requireOption(
      values.snapshot,
      '--snapshot',
      'explain',
      '"Partner name" --snapshot data/sample'
    );
    const format = pickFormat(values.format, ['table', 'json'] as const);
    if (positionals.length !== 1) {
      throw new UserError(
        positionals.length === 0
          ? 'Name the partner to explain.'
          : 'Name exactly one partner (quote a name with spaces).',
        {
          hint: 'For example: partner-program explain "Northwind Systems" --snapshot data/sample'
        }
      );
    }
    const manifest = await readManifest(snapshotDir);
    const partner = await findPartner(snapshotDir, manifest, positionals[0]);
    const run = await runEvaluation({
      snapshotDir,
      quarter: values.quarter as string | undefined,
      criteriaDir: values.criteria as string | undefined,
      detailFor: (candidate) => candidate.accountId === partner.accountId,
      progress: progressReporter(io, format === 'table')
    });
    const decision = run.evaluation.decisions.find((candidate) => candidate.accountId === partner.accountId);
    const skipped = run.evaluation.skipped.find((candidate) => candidate.accountId === partner.accountId);
    if (format === 'json') {
      io.stdout(
        JSON.stringify(
          {
            quarter: run.period.quarter.label,
            evaluationDate: run.period.quarter.end,
            windowStart: run.period.windowStart,
            windowEnd: run.period.windowEnd,
            corporateCurrency: run.manifest.corporateCurrency,
            partner: decision ?? null,
            skipped: skipped ?? null,
            metrics: run.metrics.get(partner.accountId) ?? {},
            records: run.snapshot.detail
          },
          null,
          2
        ) + '\n'
      );
      return 0;
    }
    if (!decision) {
      io.stdout(
        `${partner.name} (${partner.accountId}) was not evaluated for ${run.period.quarter.label}: ${skipped?.reason ?? 'not found'}\n`
      );
      return 0;
    }
    io.stdout(explainText(run, decision, run.snapshot.detail));
    return 0;
  }
};
