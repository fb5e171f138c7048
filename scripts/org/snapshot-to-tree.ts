/*
 * `node scripts/org/snapshot-to-tree.ts`: converts a snapshot folder (default data/sample) into a
 * `sf data import tree` plan with its record files, plus the currencies and dated exchange rates
 * the data needs. Nothing is sent to any org; the setup script (setup-scratch-org.ts) runs the
 * import, or you run it yourself: sf data import tree --plan <out>/plan.json --target-org <alias>.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { UserError } from '../lib/errors.ts';
import { readDataModel } from './lib/data-model.ts';
import { readSnapshotTables } from './lib/snapshot-tables.ts';
import { snapshotToTree, summariseConversion } from './lib/tree-plan.ts';
import { CURRENCIES_FILE, RATES_CSV, writeTreeFiles } from './lib/write-tree.ts';

const HELP = `snapshot-to-tree: convert a snapshot into a "sf data import tree" plan (no org is contacted).

Usage: node scripts/org/snapshot-to-tree.ts [--snapshot <dir>] [--out <dir>] [--user-id <id>] [--no-check]

Options:
  --snapshot <dir>  the snapshot folder (default data/sample)
  --out <dir>       where to write plan.json and the record files (default: a new temporary folder);
                    an existing folder must be empty or an earlier output
  --user-id <id>    Id of the user who loads the data in the target org: partner managers are set to
                    it (find it with: npx sf org display user --target-org <alias>); without it
                    Partner_Manager__c is left empty, which active profiles do not accept
  --no-check        do not check the columns against the data model in force-app
  --help            show this help

Writes plan.json and <Object>-<n>.json (at most 200 records each, parents first), ${CURRENCIES_FILE}
(currencies to activate, dated rates to create) and ${RATES_CSV}. Then:
  npx sf data import tree --plan <out>/plan.json --target-org <alias>
Exchange rates and currencies are not part of a tree import: see docs/org-setup.md.

Exit codes: 0 written, 2 bad input or data the org would reject (nothing written), 1 internal error.
`;

async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      snapshot: { type: 'string', default: 'data/sample' },
      out: { type: 'string' },
      'user-id': { type: 'string' },
      'no-check': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false }
    },
    strict: true,
    allowPositionals: false
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const userId = values['user-id'];
  if (userId !== undefined && !/^005[0-9A-Za-z]{12}([0-9A-Za-z]{3})?$/.test(userId)) {
    throw new UserError(`--user-id ${userId} is not a user Id (15 or 18 characters starting with 005).`);
  }
  const dataModel = values['no-check'] ? undefined : readDataModel(path.join('force-app', 'main', 'default'));
  const conversion = snapshotToTree(await readSnapshotTables(values.snapshot), { dataModel, userId });
  for (const warning of conversion.warnings) process.stderr.write(`Note: ${warning}\n`);
  if (conversion.problems.length > 0) {
    throw new UserError(`The org would reject records of ${values.snapshot}; nothing was written.`, {
      details: conversion.problems,
      hint: 'Correct the snapshot, or the field definitions in force-app, or use --no-check to write the files anyway.'
    });
  }
  const outDir = values.out ?? mkdtempSync(path.join(os.tmpdir(), 'partner-program-tree-'));
  const planFile = writeTreeFiles(conversion, outDir);
  process.stdout.write(
    [
      `Wrote ${planFile}`,
      ...summariseConversion(conversion),
      `Next: npx sf data import tree --plan ${planFile} --target-org <alias>`
    ]
      .map((line) => line + '\n')
      .join('')
  );
  return 0;
}

try {
  process.exitCode = await run(process.argv.slice(2));
} catch (error) {
  if (error instanceof UserError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    const userError = error as UserError;
    const lines = [`Error: ${userError.message}`, ...(userError.details ?? []).map((detail) => `  - ${detail}`)];
    if (userError.hint) lines.push(`Fix: ${userError.hint}`);
    else if (!(error instanceof UserError)) lines.push('Fix: see --help for the options.');
    process.stderr.write(lines.join('\n') + '\n');
    process.exitCode = 2;
  } else {
    process.stderr.write(`Internal error: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  }
}
