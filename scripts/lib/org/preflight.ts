/*
 * Checks before a run touches anything: enough daily API requests and Bulk API jobs left, every
 * field the run reads or writes exists in the org and the running user may read or edit it. Each
 * problem says what to do about it; all problems are reported at once.
 */
import { UserError } from '../errors.ts';
import type { Limit, SObjectDescribe } from './rest.ts';

/** What a run needs from the org's daily allocations. */
export interface LimitNeeds {
  apiRequests: number;
  bulkQueryJobs: number;
  bulkBatches: number;
}

/** Share of each daily allocation a run leaves untouched for the org's other users and integrations. */
export const LIMIT_RESERVE = 0.05;

const LIMIT_NAMES: [keyof LimitNeeds, string, string][] = [
  ['apiRequests', 'DailyApiRequests', 'API requests'],
  ['bulkQueryJobs', 'DailyBulkV2QueryJobs', 'Bulk API 2.0 query jobs'],
  ['bulkBatches', 'DailyBulkApiBatches', 'Bulk API batches']
];

export function limitProblems(limits: Record<string, Limit>, needs: LimitNeeds): string[] {
  const problems: string[] = [];
  for (const [need, name, what] of LIMIT_NAMES) {
    const limit = limits[name];
    if (!limit || needs[need] === 0) continue;
    const reserve = Math.ceil(limit.Max * LIMIT_RESERVE);
    if (limit.Remaining - needs[need] < reserve) {
      problems.push(
        `${name}: ${limit.Remaining.toLocaleString('en-US')} of ${limit.Max.toLocaleString('en-US')} daily ${what} left; this run needs about ${needs[need].toLocaleString('en-US')} and leaves ${reserve.toLocaleString('en-US')} (${LIMIT_RESERVE * 100} %) for everyone else. Run it after the 24-hour usage has dropped, or ask Salesforce for a higher allocation.`
      );
    }
  }
  return problems;
}

/** Fields a run reads: `missing` lists `Object.Field` entries the org lacks or hides. */
export function readProblems(missing: string[]): string[] {
  return missing.map(
    (entry) =>
      `${entry} does not exist or is not visible to you: deploy the package (docs/org-setup.md) and assign the Partner_Program_Admin permission set.`
  );
}

export interface WriteTarget {
  object: string;
  columns: readonly string[];
  /** Whether rows are inserted (upsert) or only updated. */
  operation: 'upsert' | 'update';
  externalIdFieldName?: string;
}

/** Fields a run writes: each must exist and be editable for the running user (describe applies field-level security). */
export function writeProblems(describe: SObjectDescribe | null | undefined, target: WriteTarget): string[] {
  const fix = 'assign the Partner_Program_Admin permission set to the user you logged in as';
  if (!describe)
    return [
      `${target.object} does not exist in the org or is not visible to you: deploy the package (docs/org-setup.md).`
    ];
  const problems: string[] = [];
  if (!describe.updateable || (target.operation === 'upsert' && !describe.createable)) {
    problems.push(
      `You may not ${target.operation === 'upsert' ? 'create and edit' : 'edit'} ${target.object} records: ${fix}.`
    );
  }
  const fields = new Map(describe.fields.map((field) => [field.name, field]));
  for (const column of target.columns) {
    if (column === 'Id') continue;
    const field = fields.get(column);
    if (!field) {
      problems.push(
        `${target.object}.${column} does not exist or is not visible to you: deploy the package (docs/org-setup.md) and ${fix}.`
      );
      continue;
    }
    // A master-detail field cannot change its parent (not reparentable): it is only set on insert.
    const masterDetail = (field as { relationshipOrder?: number | null }).relationshipOrder != null;
    const editable =
      target.operation === 'upsert' ? field.createable && (field.updateable || masterDetail) : field.updateable;
    if (!editable) problems.push(`${target.object}.${column} is not editable for you (field-level security): ${fix}.`);
  }
  if (target.externalIdFieldName) {
    const key = fields.get(target.externalIdFieldName);
    if (key && !key.externalId) {
      problems.push(
        `${target.object}.${target.externalIdFieldName} is not an external ID in the org: deploy the package again.`
      );
    }
  }
  return problems;
}

/** Throws one error listing every problem, or returns when there is none. */
export function assertPreflight(problems: string[], target: string): void {
  if (problems.length === 0) return;
  throw new UserError(
    `Pre-flight check of the org "${target}" failed (${problems.length} problem(s)); nothing was changed.`,
    {
      details: problems,
      hint: 'Fix the problems above and run the command again.'
    }
  );
}
