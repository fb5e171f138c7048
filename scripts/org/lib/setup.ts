/*
 * The scratch org setup, step by step: check the CLI and the Dev Hub, check the sample data, build,
 * create the scratch org, deploy, assign the admin permission set, activate currencies, create the
 * dated exchange rates, load the sample data and re-key its evaluations. Every command goes through
 * an injected `execute`, so a dry run prints the same commands in the same order without running
 * them, and tests replay sf's JSON answers.
 */
import path from 'node:path';
import { UserError } from '../../lib/errors.ts';
import type { DataModel } from './data-model.ts';
import { displayCommand, parseSfJson, redact, type Command, type Execute, type SfJson } from './sf-cli.ts';
import { snapshotToTree, type SnapshotTables, type TreeConversion } from './tree-plan.ts';

export interface SetupOptions {
  alias: string;
  /** Alias or username of the Dev Hub; null = the CLI's default Dev Hub (target-dev-hub). */
  devHub: string | null;
  durationDays: number;
  /** Load currencies, dated rates and the sample data. */
  data: boolean;
  dryRun: boolean;
  /** Snapshot folder with the sample data, relative to the project. */
  snapshotDir: string;
}

export interface SetupDeps {
  execute: Execute;
  out: (line: string) => void;
  /** Whether the project's CLI is installed (node_modules/.bin/sf). */
  sfInstalled: () => boolean;
  readSnapshot: (snapshotDir: string) => Promise<SnapshotTables>;
  readDataModel: () => DataModel;
  /** Writes the tree files into `dir` and returns the plan file's path. */
  writeTree: (conversion: TreeConversion, dir: string) => string;
  /** Folder for the tree files. */
  treeDir: string;
}

export const PERMISSION_SET = 'Partner_Program_Admin';
/** Lets the sample's MDF requests and claims load in the states they have (MdfWorkflow.isDataLoad). */
export const DATA_LOAD_PERMISSION_SET = 'Partner_Program_Data_Load';
export const DEFINITION_FILE = 'config/project-scratch-def.json';
export const FIX_KEYS_APEX = 'scripts/org/apex/fix-evaluation-keys.apex';
export const CREATE_WAIT_MINUTES = 15;
export const DEPLOY_WAIT_MINUTES = 30;
const LOGIN_HINT = 'npx sf org login web --set-default-dev-hub --alias DevHub';
const KEYS_MARKER = /evaluation keys updated: (\d+)/;
const PLACEHOLDER_USER_ID = '005000000000000AAA';

/** A step that could not complete: what failed, why, and what to do. */
export class StepFailed extends Error {
  readonly details: string[];
  readonly hint: string;
  constructor(message: string, hint: string, details: string[] = []) {
    super(message);
    this.name = 'StepFailed';
    this.hint = hint;
    this.details = details;
  }
}

export interface OrgEntry {
  alias?: string;
  username?: string;
  isDevHub?: boolean;
  connectedStatus?: string;
  isDefaultDevHubUsername?: boolean;
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function asArray(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return value === undefined || value === null ? [] : [value];
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
}

/** SOQL query results of `sf data query --json`. */
function records(json: SfJson | null): Record<string, unknown>[] {
  return asArray(asRecord(json?.result).records).map(asRecord);
}

/** The lines that say why a deploy failed: failed files, else component failures. */
export function deployFailures(json: SfJson): string[] {
  const result = asRecord(json.result ?? json.data);
  const files = asArray(result.files)
    .map(asRecord)
    .filter((file) => file.state === 'Failed')
    .map((file) => {
      const where = file.filePath
        ? ` (${path.basename(str(file.filePath))}${file.lineNumber ? `:${str(file.lineNumber)}` : ''})`
        : '';
      return `${str(file.type)} ${str(file.fullName)}: ${str(file.error)}${where}`;
    });
  if (files.length > 0) return files;
  return asArray(asRecord(result.details).componentFailures)
    .map(asRecord)
    .map((failure) => `${str(failure.componentType)} ${str(failure.fullName)}: ${str(failure.problem)}`);
}

/** The first lines of a long error message (the tree import prints the API's answer in full). */
function firstLines(text: string, count: number): string[] {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  return lines.length <= count ? lines : [...lines.slice(0, count), `… ${lines.length - count} more lines`];
}

/** What the steps share: the options, the commands runner, and what earlier steps found. */
interface Context {
  options: SetupOptions;
  deps: SetupDeps;
  out: (line: string) => void;
  /** Runs one sf command (printing it first); in a dry run only prints it and returns null. */
  sf: (args: string[], failure: Failure) => Promise<SfJson | null>;
  summary: string[];
  snapshot: SnapshotTables | null;
  dataModel: DataModel | undefined;
  /** The sample converted without the admin user's Id: counts, currencies and rates. */
  prepared: TreeConversion | null;
}

interface Failure {
  message: string;
  hint: string;
  details?: (json: SfJson) => string[];
}

interface Step {
  title: string;
  run: (context: Context) => Promise<void>;
  /** Whether a failure from this step on leaves a scratch org behind. */
  orgExists?: boolean;
}

function runSf(options: SetupOptions, deps: SetupDeps): Context['sf'] {
  return async (args, failure) => {
    const command: Command = { program: 'sf', args };
    deps.out(`  $ ${displayCommand(command)}`);
    if (options.dryRun) return null;
    const result = await deps.execute(command);
    const json = parseSfJson(result);
    if (result.exitCode === 0 && json !== null && (json.status === undefined || json.status === 0)) return json;
    const reason = json?.message
      ? redact(str(json.message))
      : redact(result.stderr.trim() || result.stdout.trim() || `exit code ${result.exitCode}`);
    const details = json && failure.details ? failure.details(json).map(redact) : [];
    throw new StepFailed(`${failure.message}: ${firstLines(reason, 25).join('\n  ')}`, failure.hint, details);
  };
}

/** The Dev Hub to use, from `sf org list --json`: the named one, or the CLI's default. */
export function selectDevHub(orgList: SfJson, devHub: string | null): OrgEntry {
  const result = asRecord(orgList.result);
  const hubs = asArray(result.devHubs).map(asRecord) as OrgEntry[];
  const others = asArray(result.nonScratchOrgs).map(asRecord) as OrgEntry[];
  const named = (entry: OrgEntry) => entry.alias === devHub || entry.username === devHub;
  let hub: OrgEntry | undefined;
  if (devHub) {
    hub = hubs.find(named);
    if (!hub && others.some(named)) {
      throw new StepFailed(
        `${devHub} is authorised but is not a Dev Hub.`,
        `Enable Dev Hub in that org (Setup > Dev Hub), or name your Dev Hub with --dev-hub <alias>; log in to it with: ${LOGIN_HINT}`
      );
    }
    if (!hub) {
      throw new StepFailed(
        `No org named ${devHub} is authorised in the Salesforce CLI.`,
        `Log in to your Dev Hub: npx sf org login web --set-default-dev-hub --alias ${devHub}`
      );
    }
  } else {
    hub = hubs.find((entry) => entry.isDefaultDevHubUsername === true);
    if (!hub) {
      const known = hubs.map((entry) => entry.alias ?? entry.username).filter(Boolean);
      throw new StepFailed(
        'No default Dev Hub is set.',
        `Log in to your Dev Hub once: ${LOGIN_HINT}` +
          (known.length > 0 ? ` (or pass --dev-hub with one of: ${known.join(', ')})` : '')
      );
    }
  }
  if (hub.connectedStatus && hub.connectedStatus !== 'Connected') {
    throw new StepFailed(
      `The Dev Hub ${hub.alias ?? hub.username} is authorised but cannot be reached: ${hub.connectedStatus}.`,
      `Log in again: npx sf org login web --set-default-dev-hub --alias ${hub.alias ?? 'DevHub'}`
    );
  }
  return hub;
}

async function checkCli({ deps, sf, out }: Context): Promise<void> {
  if (!deps.sfInstalled()) {
    throw new StepFailed(
      "The project's Salesforce CLI (node_modules/.bin/sf) is not installed.",
      'Run npm install in the project folder, then run the setup again.'
    );
  }
  const version = await sf(['version', '--json'], {
    message: 'The Salesforce CLI does not start',
    hint: 'Run the setup through npm (npm run org:setup), which puts the Node 24 the CLI needs on PATH; if it still fails, run npm install.'
  });
  if (version) out(`  ${str(version.cliVersion) || 'sf'} (${str(version.nodeVersion) || 'node'})`);
}

async function checkDevHub({ options, sf, out }: Context): Promise<void> {
  const orgList = await sf(['org', 'list', '--json'], {
    message: 'The authorised orgs could not be listed',
    hint: `Log in to your Dev Hub: ${LOGIN_HINT}`
  });
  if (!orgList) return;
  const hub = selectDevHub(orgList, options.devHub);
  out(`  Dev Hub: ${hub.alias ? `${hub.alias} (${hub.username ?? ''})` : (hub.username ?? '')}`);
}

/** Converts the sample before an org exists, so a snapshot the org would reject stops the setup here. */
async function checkSample(context: Context): Promise<void> {
  const { options, deps, out } = context;
  try {
    context.snapshot = await deps.readSnapshot(options.snapshotDir);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    throw new StepFailed(
      `The sample ${options.snapshotDir} cannot be read: ${error.message}`,
      error.hint ?? 'Regenerate it with npm run sample:generate, or set up the org without data: --no-data.',
      error.details
    );
  }
  context.dataModel = deps.readDataModel();
  // Any user Id will do for the check; the load uses the admin user's.
  const check = snapshotToTree(context.snapshot, { dataModel: context.dataModel, userId: PLACEHOLDER_USER_ID });
  context.prepared = check;
  if (check.problems.length > 0) {
    const failure = new StepFailed(
      `The org would reject records of ${options.snapshotDir}`,
      'Correct the sample (npm run sample:generate) or the field definitions in force-app, or set up the org without data: --no-data.',
      check.problems
    );
    if (!options.dryRun) throw failure;
    out(`  ! A real run stops here: ${failure.message}:`);
    for (const problem of failure.details) out(`    - ${problem}`);
    out('  The remaining commands follow as if the sample were accepted.');
  }
  const total = Object.values(check.counts).reduce((sum, count) => sum + count, 0);
  const currencies = check.currencies.map((currency) => currency.isoCode).join(', ') || 'none';
  out(
    `  ${total} records in ${check.files.length} files; currencies ${currencies}; ${check.datedRates.length} dated exchange rates`
  );
}

async function build({ options, deps, out }: Context): Promise<void> {
  const command: Command = { program: 'npm', args: ['run', 'build'] };
  out(`  $ ${displayCommand(command)}`);
  if (options.dryRun) return;
  const result = await deps.execute(command);
  if (result.exitCode !== 0) {
    throw new StepFailed(
      'npm run build failed',
      'Fix the TypeScript errors above (run npm run build to see them again), then run the setup again.',
      firstLines(redact(`${result.stdout}\n${result.stderr}`), 40)
    );
  }
}

async function createScratchOrg({ options, sf, out, summary }: Context): Promise<void> {
  const created = await sf(
    [
      'org',
      'create',
      'scratch',
      '--definition-file',
      DEFINITION_FILE,
      '--alias',
      options.alias,
      '--duration-days',
      String(options.durationDays),
      '--set-default',
      '--wait',
      String(CREATE_WAIT_MINUTES),
      ...(options.devHub ? ['--target-dev-hub', options.devHub] : []),
      '--json'
    ],
    {
      message: 'The scratch org could not be created',
      hint:
        "Common causes: the Dev Hub's daily or active scratch org limit (list your orgs: npx sf org list; delete one: " +
        'npx sf org delete scratch --target-org <alias> --no-prompt), or a feature or setting in ' +
        `${DEFINITION_FILE} that the Dev Hub cannot grant. A timeout leaves the request running: npx sf org resume scratch --use-most-recent.`
    }
  );
  if (!created) return;
  const result = asRecord(created.result);
  const expires = str(asRecord(result.scratchOrgInfo).ExpirationDate);
  out(`  ${str(result.username)} (org ${str(result.orgId)})${expires ? `, expires ${expires}` : ''}`);
  summary.push(
    `Scratch org ${options.alias}: ${str(result.username)}, expires ${expires || `in ${options.durationDays} days`}.`
  );
}

async function deploy({ options, sf, out, summary }: Context): Promise<void> {
  const { alias } = options;
  const deployed = await sf(
    ['project', 'deploy', 'start', '--target-org', alias, '--wait', String(DEPLOY_WAIT_MINUTES), '--json'],
    {
      message: 'The deploy failed',
      hint: `Fix the components listed, deploy again (npx sf project deploy start --target-org ${alias} --wait ${DEPLOY_WAIT_MINUTES}), then continue with the remaining steps of docs/org-setup.md.`,
      details: (json) => firstLines(deployFailures(json).join('\n'), 30)
    }
  );
  if (!deployed) return;
  const result = asRecord(deployed.result);
  const count = Number(result.numberComponentsDeployed ?? asArray(result.files).length);
  out(`  ${count} components deployed`);
  summary.push(`Deployed ${count} components.`);
}

async function assignPermissionSet({ options, sf, summary }: Context): Promise<void> {
  const { alias } = options;
  const names = [PERMISSION_SET, DATA_LOAD_PERMISSION_SET];
  const nameFlags = names.flatMap((name) => ['--name', name]);
  const assigned = await sf(['org', 'assign', 'permset', ...nameFlags, '--target-org', alias, '--json'], {
    message: `${names.join(' and ')} could not be assigned`,
    hint: `Check that force-app has permissionsets/${PERMISSION_SET}.permissionset-meta.xml and ${DATA_LOAD_PERMISSION_SET}.permissionset-meta.xml and that they were deployed; then: npx sf org assign permset ${nameFlags.join(' ')} --target-org ${alias}`,
    details: (json) =>
      asArray(asRecord(json.result ?? json.data).failures)
        .map(asRecord)
        .map((failure) => `${str(failure.name)}: ${str(failure.message)}`)
  });
  if (assigned) {
    summary.push(
      `${PERMISSION_SET} and ${DATA_LOAD_PERMISSION_SET} (the sample's MDF data loads in its states) assigned to the admin user.`
    );
  }
}

async function activateCurrencies({ options, sf, out, summary, prepared }: Context): Promise<void> {
  const { alias } = options;
  const hint =
    'Activate them by hand (Setup > Company Settings > Manage Currencies); the scratch definition must enable MultiCurrency.';
  const query = 'SELECT Id, IsoCode, IsActive, IsCorporate FROM CurrencyType';
  const existing = records(
    await sf(['data', 'query', '--query', query, '--target-org', alias, '--json'], {
      message: 'The currencies of the org could not be read',
      hint
    })
  );
  const corporate = existing.find((currency) => currency.IsCorporate === true);
  if (corporate && corporate.IsoCode !== prepared!.corporateCurrency) {
    throw new StepFailed(
      `The org's corporate currency is ${str(corporate.IsoCode)}, but the sample's amounts and rates are relative to ${prepared!.corporateCurrency}.`,
      'Change the corporate currency in Setup > Company Settings > Manage Currencies before loading data, or set up the org with --no-data.'
    );
  }
  for (const currency of prepared!.currencies) {
    const values = `IsoCode=${currency.isoCode} ConversionRate=${currency.conversionRate} DecimalPlaces=${currency.decimalPlaces} IsActive=true`;
    const found = existing.find((row) => row.IsoCode === currency.isoCode);
    if (found?.IsActive === true) {
      out(`  ${currency.isoCode} is already active`);
      continue;
    }
    const args = found
      ? ['data', 'update', 'record', '--sobject', 'CurrencyType', '--record-id', str(found.Id), '--values', values]
      : ['data', 'create', 'record', '--sobject', 'CurrencyType', '--values', values];
    await sf([...args, '--target-org', alias, '--json'], {
      message: `Currency ${currency.isoCode} could not be activated`,
      hint
    });
  }
  const codes = prepared!.currencies.map((currency) => currency.isoCode);
  if (codes.length > 0) summary.push(`Currencies ${codes.join(', ')} active.`);
}

async function createDatedRates({ options, sf, out, summary, prepared }: Context): Promise<void> {
  const { alias } = options;
  const hint =
    'Enter the rates by hand (Setup > Company Settings > Manage Currencies > Manage Dated Exchange Rates; they are listed in DatedConversionRate.csv of the tree folder); advanced currency management must be enabled.';
  const query = 'SELECT IsoCode, StartDate FROM DatedConversionRate';
  const existing = new Set(
    records(
      await sf(['data', 'query', '--query', query, '--target-org', alias, '--json'], {
        message: 'The dated exchange rates of the org could not be read',
        hint
      })
    ).map((rate) => `${str(rate.IsoCode)}|${str(rate.StartDate)}`)
  );
  const missing = prepared!.datedRates.filter((rate) => !existing.has(`${rate.isoCode}|${rate.startDate}`));
  for (const rate of missing) {
    const values = `IsoCode=${rate.isoCode} ConversionRate=${rate.conversionRate} StartDate=${rate.startDate}`;
    await sf(
      [
        'data',
        'create',
        'record',
        '--sobject',
        'DatedConversionRate',
        '--values',
        values,
        '--target-org',
        alias,
        '--json'
      ],
      { message: `The ${rate.isoCode} rate from ${rate.startDate} could not be created`, hint }
    );
  }
  out(`  ${missing.length} dated exchange rates ${options.dryRun ? 'to create' : 'created'}`);
  summary.push(`${prepared!.datedRates.length} dated exchange rates in place.`);
}

/** Partner managers become the admin user, the one user of a new scratch org. */
async function loadSample({ options, deps, sf, out, summary, snapshot, dataModel }: Context): Promise<void> {
  const { alias, dryRun } = options;
  const user = await sf(['org', 'display', 'user', '--target-org', alias, '--json'], {
    message: 'The admin user of the scratch org could not be read',
    hint: `Check the org with: npx sf org display user --target-org ${alias}`
  });
  const userId = str(asRecord(user?.result).id);
  if (user && !/^005[0-9A-Za-z]{12}/.test(userId)) {
    throw new StepFailed(
      'The Id of the admin user could not be found.',
      `Check the org with: npx sf org display user --target-org ${alias}`
    );
  }
  const conversion = snapshotToTree(snapshot!, { dataModel, userId: dryRun ? PLACEHOLDER_USER_ID : userId });
  let planFile = path.join(deps.treeDir, 'plan.json');
  if (!dryRun) {
    try {
      planFile = deps.writeTree(conversion, deps.treeDir);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      throw new StepFailed(error.message, error.hint ?? `Remove ${deps.treeDir} and run the setup again.`);
    }
  }
  out(`  ${dryRun ? 'would write' : 'wrote'} ${planFile} and ${conversion.files.length} record files`);
  for (const warning of conversion.warnings) out(`  note: ${warning}`);
  const imported = await sf(['data', 'import', 'tree', '--plan', planFile, '--target-org', alias, '--json'], {
    message: 'The sample data could not be imported',
    hint:
      'Records of the files before the failing one are already in the org (a tree import is not all-or-nothing). ' +
      `Usual causes: a validation rule, or a field ${PERMISSION_SET} does not let the admin edit. Fix the cause, then delete the org ` +
      `(npx sf org delete scratch --target-org ${alias} --no-prompt) and run the setup again.`
  });
  if (!imported) return;
  const loaded = asArray(imported.result).length;
  out(`  ${loaded} records imported`);
  summary.push(`${loaded} sample records loaded from ${options.snapshotDir}.`);
}

/** Evaluation keys are `<AccountId>-<quarter>`; the loaded keys still name the exported org's Account Ids. */
async function fixEvaluationKeys({ options, sf, out }: Context): Promise<void> {
  const fixed = await sf(['apex', 'run', '--file', FIX_KEYS_APEX, '--target-org', options.alias, '--json'], {
    message: 'The evaluation keys could not be updated',
    hint: `Run it again: npx sf apex run --file ${FIX_KEYS_APEX} --target-org ${options.alias}`,
    details: (json) => {
      const data = asRecord(json.data ?? json.result);
      return [str(data.compileProblem), str(data.exceptionMessage)].filter(Boolean);
    }
  });
  if (!fixed) return;
  const match = KEYS_MARKER.exec(str(asRecord(fixed.result).logs));
  out(`  ${match ? match[1] : 'the'} evaluation keys updated`);
}

/** The steps, in order, for these options. */
export function setupSteps(options: SetupOptions): Step[] {
  const data = options.data;
  return [
    { title: 'Check the Salesforce CLI', run: checkCli },
    { title: 'Check the Dev Hub', run: checkDevHub },
    ...(data ? [{ title: `Check the sample data (${options.snapshotDir}, no org needed)`, run: checkSample }] : []),
    { title: 'Build the components (TypeScript to the .js that is deployed)', run: build },
    {
      title: `Create the scratch org ${options.alias} (waits up to ${CREATE_WAIT_MINUTES} minutes)`,
      run: createScratchOrg
    },
    { title: `Deploy force-app (waits up to ${DEPLOY_WAIT_MINUTES} minutes)`, run: deploy, orgExists: true },
    { title: `Assign ${PERMISSION_SET} to the admin user`, run: assignPermissionSet, orgExists: true },
    ...(data
      ? [
          { title: 'Activate the currencies of the sample', run: activateCurrencies, orgExists: true },
          { title: 'Create the dated exchange rates', run: createDatedRates, orgExists: true },
          { title: 'Load the sample data', run: loadSample, orgExists: true },
          { title: 'Set the evaluation keys to the new Account Ids', run: fixEvaluationKeys, orgExists: true }
        ]
      : [])
  ];
}

export async function runSetup(options: SetupOptions, deps: SetupDeps): Promise<number> {
  const { alias, dryRun } = options;
  const { out } = deps;
  const steps = setupSteps(options);
  const context: Context = {
    options,
    deps,
    out,
    sf: runSf(options, deps),
    summary: [],
    snapshot: null,
    dataModel: undefined,
    prepared: null
  };
  if (dryRun) {
    out('Dry run: the commands the setup runs, in order; nothing is run.');
    out("sf is the project's Salesforce CLI (node_modules/.bin/sf; by hand: npx sf …).");
  }
  for (const [index, step] of steps.entries()) {
    out(`[${index + 1}/${steps.length}] ${step.title}`);
    try {
      await step.run(context);
    } catch (error) {
      if (!(error instanceof StepFailed)) throw error;
      out('');
      out(`Step ${index + 1}/${steps.length} failed (${step.title}).`);
      out(`Error: ${error.message}`);
      for (const detail of error.details) out(`  - ${detail}`);
      out(`What to do: ${error.hint}`);
      if (step.orgExists) {
        out(
          `The scratch org ${alias} exists and counts toward your Dev Hub's limits. Delete it with ` +
            `npx sf org delete scratch --target-org ${alias} --no-prompt, or fix the cause and continue by hand (docs/org-setup.md).`
        );
      }
      return 1;
    }
  }
  if (dryRun) {
    out(`Then: npx sf org open --target-org ${alias}`);
    return 0;
  }
  out('');
  out(`Done: the scratch org ${alias} is ready.`);
  for (const line of context.summary) out(`  ${line}`);
  if (!options.data) out('  No sample data (--no-data): currencies, dated rates and records were not loaded.');
  out('Next step:');
  out(`  npx sf org open --target-org ${alias}`);
  return 0;
}
