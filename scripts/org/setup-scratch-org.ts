/*
 * `npm run org:setup`: one command from a clone to a working scratch org. See --help, and
 * docs/org-setup.md for what each step does and how to do it by hand.
 */
import os from 'node:os';
import path from 'node:path';
import { UserError } from '../lib/errors.ts';
import { findProjectRoot } from '../lib/project.ts';
import { readDataModel } from './lib/data-model.ts';
import { createExecutor, findSfEntry } from './lib/sf-cli.ts';
import { DEFAULT_ALIAS, DEFAULT_DAYS, parseSetupArgs, type SetupArgs } from './lib/setup-args.ts';
import {
  CREATE_WAIT_MINUTES,
  DEFINITION_FILE,
  DATA_LOAD_PERMISSION_SET,
  DEPLOY_WAIT_MINUTES,
  PERMISSION_SET,
  runSetup
} from './lib/setup.ts';
import { readSnapshotTables } from './lib/snapshot-tables.ts';
import { writeTreeFiles } from './lib/write-tree.ts';

const SAMPLE_DIR = 'data/sample';

const HELP = `org:setup: create a scratch org with the partner program deployed and the sample program loaded.

Usage: npm run org:setup -- [--alias <name>] [--dev-hub <alias>] [--duration-days <n>] [--no-data] [--dry-run]

Options:
  --alias <name>         alias of the new scratch org (default ${DEFAULT_ALIAS}); it becomes your default org
  --dev-hub <alias>      alias or username of the Dev Hub (default: the CLI's default Dev Hub)
  --duration-days <n>    days until the scratch org expires, 1 to 30 (default ${DEFAULT_DAYS})
  --no-data              deploy only: no currencies, exchange rates or sample records
  --dry-run              print every command the setup would run, in order, and run none
  --help                 show this help

Steps: check the Salesforce CLI and the Dev Hub; check the sample (${SAMPLE_DIR}) against the data model;
npm run build; create the scratch org (${DEFINITION_FILE}, waits up to ${CREATE_WAIT_MINUTES} minutes); deploy
(waits up to ${DEPLOY_WAIT_MINUTES} minutes); assign ${PERMISSION_SET} and ${DATA_LOAD_PERMISSION_SET} (loads the sample's MDF data in its states) to the admin user; activate the sample's currencies
and create its dated exchange rates; load the sample with sf data import tree; set the evaluation keys.
A failing step stops the setup and says which step failed and what to do.

First time? Log in to your Dev Hub once: npx sf org login web --set-default-dev-hub --alias DevHub

Exit codes: 0 done, 1 a step failed, 2 bad options.
`;

async function main(argv: string[]): Promise<number> {
  let parsed: SetupArgs;
  try {
    parsed = parseSetupArgs(argv);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    process.stderr.write(`Error: ${error.message}\n${error.hint ? `Fix: ${error.hint}\n` : ''}`);
    return 2;
  }
  if (parsed.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const projectDir = findProjectRoot();
  if (!projectDir) {
    process.stderr.write('Error: run the setup inside the project (no sfdx-project.json found here or above).\n');
    return 2;
  }
  const source = path.join(projectDir, 'force-app', 'main', 'default');
  try {
    return await runSetup(
      { ...parsed, snapshotDir: SAMPLE_DIR },
      {
        execute: createExecutor(projectDir),
        out: (line) => process.stdout.write(line + '\n'),
        sfInstalled: () => findSfEntry(projectDir) !== null,
        readSnapshot: (dir) => readSnapshotTables(path.join(projectDir, dir)),
        readDataModel: () => readDataModel(source),
        writeTree: writeTreeFiles,
        treeDir: path.join(os.tmpdir(), `partner-program-sample-${parsed.alias}`)
      }
    );
  } catch (error) {
    process.stderr.write(`Internal error (please report it): ${(error as Error).stack ?? String(error)}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
