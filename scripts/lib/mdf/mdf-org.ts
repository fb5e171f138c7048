/*
 * `mdf --target-org`: reads the MDF objects from the org with the existing org-mode machinery (the
 * Salesforce CLI's login, Bulk API 2.0 query jobs paged to disk, pre-flight checks of limits and
 * fields) into a snapshot-shaped folder (manifest.json with row counts and SHA-256 + one CSV per
 * object), which the report then reads exactly as it reads `--snapshot`. Nothing in the org changes.
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { UserError } from '../errors.ts';
import { bulkQueryToFile } from '../org/bulk-query.ts';
import { readCurrencyFacts } from '../org/currency.ts';
import { openOrg, orgDeps, orgProgress, type OrgCliIo } from '../org/org-cli.ts';
import { describeAll } from '../org/org-context.ts';
import { assertPreflight, limitProblems, readProblems } from '../org/preflight.ts';
import { limits, type SObjectDescribe } from '../org/rest.ts';
import { SNAPSHOT_FORMAT, type Manifest } from '../snapshot/manifest.ts';
import { MDF_SNAPSHOT_FILES, SNAPSHOT_FILES } from '../snapshot/schema.ts';

export interface MdfQuery {
  object: string;
  columns: string[];
  soql: string;
}

/** Partner accounts and campaigns that MDF requests name; all budgets, requests and claims. */
const FILTERS: Record<string, string> = {
  Account: 'Id IN (SELECT Account__c FROM MDF_Request__c)',
  Campaign: 'Id IN (SELECT Campaign__c FROM MDF_Request__c)'
};

/** The partner accounts' names only: the rest of Account.csv is the evaluation's. */
const SPECS: Record<string, Record<string, { required: boolean }>> = {
  Account: { Id: SNAPSHOT_FILES.Account.Id, Name: SNAPSHOT_FILES.Account.Name },
  ...MDF_SNAPSHOT_FILES
};

/** The objects `mdf --target-org` reads, in query order. */
export const MDF_ORG_OBJECTS = Object.keys(SPECS);

/** One SOQL per object from the reader's own column list; optional columns the org lacks are left out. */
export function mdfQueries(describes: Map<string, SObjectDescribe | null>): { queries: MdfQuery[]; missing: string[] } {
  const queries: MdfQuery[] = [];
  const missing: string[] = [];
  for (const object of MDF_ORG_OBJECTS) {
    const describe = describes.get(object);
    if (!describe) {
      missing.push(`${object} (the object)`);
      continue;
    }
    const available = new Set(describe.fields.map((field) => field.name));
    const columns: string[] = [];
    for (const [column, { required }] of Object.entries(SPECS[object])) {
      if (available.has(column)) columns.push(column);
      else if (required) missing.push(`${object}.${column}`);
    }
    const filter = FILTERS[object];
    queries.push({
      object,
      columns,
      soql: `SELECT ${columns.join(', ')} FROM ${object}${filter ? ` WHERE ${filter}` : ''}`
    });
  }
  return { queries, missing };
}

async function assertEmpty(dir: string): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch {
    return;
  }
  if (entries.length > 0) {
    throw new UserError(`${dir} already exists and is not empty.`, {
      hint: 'Name a new folder for --run-dir, or leave it out (the data is then read into a temporary folder).'
    });
  }
}

export interface MdfOrgSnapshot {
  dir: string;
  /** True when `dir` is a temporary folder the caller removes after the report. */
  temporary: boolean;
}

/** Reads the MDF objects of the org into `runDir` (or a temporary folder) and returns the folder. */
export async function readMdfFromOrg(
  target: string,
  runDir: string | undefined,
  io: OrgCliIo
): Promise<MdfOrgSnapshot> {
  const deps = orgDeps(io);
  const { session, client } = await openOrg(target, deps);
  const orgLimits = await limits(client);
  const describes = await describeAll(client, [...MDF_ORG_OBJECTS, 'Opportunity']);
  const plan = mdfQueries(describes);
  assertPreflight(
    [
      ...readProblems(plan.missing),
      ...limitProblems(orgLimits, { apiRequests: 60, bulkQueryJobs: plan.queries.length, bulkBatches: 0 })
    ],
    target
  );
  const currency = await readCurrencyFacts(client, describes);
  const dir = runDir ? path.resolve(runDir) : await mkdtemp(path.join(tmpdir(), 'partner-program-mdf-'));
  if (runDir) await assertEmpty(dir);
  await mkdir(dir, { recursive: true });
  const progress = orgProgress(io, true);
  try {
    const manifest: Manifest = {
      format: SNAPSHOT_FORMAT,
      source: session.orgId,
      exportedAt: deps.now().toISOString(),
      corporateCurrency: currency.corporateCurrency,
      files: {}
    };
    for (const query of plan.queries) {
      const result = await bulkQueryToFile(client, {
        soql: query.soql,
        columns: query.columns,
        file: path.join(dir, `${query.object}.csv`),
        pageSize: deps.pageSize,
        poll: deps.poll
      });
      manifest.files[`${query.object}.csv`] = { rows: result.rows, sha256: result.sha256 };
      progress?.(`  ${query.object}: ${result.rows.toLocaleString('en-US')} rows (job ${result.jobId})\n`);
    }
    await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
    return { dir, temporary: !runDir };
  } catch (error) {
    if (!runDir) await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
