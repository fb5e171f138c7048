/*
 * One SOQL per snapshot object, built from SNAPSHOT_FILES (the reader's own column list), so the
 * snapshot org mode writes is exactly what `evaluate --snapshot` reads. Optional columns the org does
 * not have (CurrencyIsoCode in a single-currency org) are left out; a missing required column is a
 * pre-flight problem. Two objects add columns: the numeric profile fields FIELD: criteria read, and
 * for the two objects the write-back plan writes, every written field, so the snapshot also holds
 * each field's value before the run (the plan then sends only rows that change something).
 */
import { fieldMetricName, type Criterion } from '../../../force-app/main/default/lwc/tierEngine/tierEngine.ts';
import { EVALUATION_COLUMNS, PROFILE_COLUMNS } from '../report/write-back-plan.ts';
import { SNAPSHOT_FILES, type SnapshotObject } from '../snapshot/schema.ts';
import type { SObjectDescribe } from './rest.ts';

export interface SnapshotQuery {
  object: SnapshotObject;
  columns: string[];
  soql: string;
}

/** Partner data only: accounts that have a profile, opportunities with a partner, certified contacts. */
const FILTERS: Partial<Record<SnapshotObject, string>> = {
  Account: 'Id IN (SELECT Account__c FROM Partner_Profile__c)',
  Opportunity: 'Partner_Account__c != null',
  Contact: 'Id IN (SELECT Contact__c FROM Partner_Certification__c)'
};

/** The snapshot objects in the order they are queried. */
export const SNAPSHOT_OBJECTS = Object.keys(SNAPSHOT_FILES) as SnapshotObject[];

/** Objects only a multi-currency org has. */
export const CURRENCY_OBJECTS: SnapshotObject[] = ['DatedConversionRate'];

function extraColumns(object: SnapshotObject, criteria: Criterion[]): string[] {
  if (object === 'Partner_Profile__c') {
    const fields = criteria.map((criterion) => fieldMetricName(criterion.metric)).filter((field) => field !== null);
    return [...fields, ...PROFILE_COLUMNS];
  }
  if (object === 'Tier_Evaluation__c') return [...EVALUATION_COLUMNS];
  return [];
}

export interface QueryPlan {
  queries: SnapshotQuery[];
  /** Required columns the org lacks or hides from the running user: `Object.Field`. */
  missing: string[];
}

/** The queries for the objects the org has; `describes` maps each object to its describe (null: not in the org). */
export function snapshotQueries(describes: Map<string, SObjectDescribe | null>, criteria: Criterion[]): QueryPlan {
  const queries: SnapshotQuery[] = [];
  const missing: string[] = [];
  for (const object of SNAPSHOT_OBJECTS) {
    const describe = describes.get(object);
    if (!describe) {
      if (CURRENCY_OBJECTS.includes(object)) continue;
      missing.push(`${object} (the object)`);
      continue;
    }
    const available = new Set(describe.fields.map((field) => field.name));
    const spec = SNAPSHOT_FILES[object] as Record<string, { required: boolean }>;
    const columns: string[] = [];
    for (const [column, { required }] of Object.entries(spec)) {
      if (available.has(column)) columns.push(column);
      else if (required) missing.push(`${object}.${column}`);
    }
    for (const column of extraColumns(object, criteria)) {
      if (columns.includes(column)) continue;
      if (available.has(column)) columns.push(column);
      else missing.push(`${object}.${column}`);
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
