/** REST API resources org mode reads: SOQL query (paged by nextRecordsUrl), describe, limits. */
import { dataPath } from './api-version.ts';
import type { SalesforceClient } from './http.ts';

export type SObjectRecord = Record<string, unknown> & { attributes?: { type: string; url?: string } };

interface QueryPage {
  totalSize: number;
  done: boolean;
  nextRecordsUrl?: string;
  records: SObjectRecord[];
}

/**
 * Every record of a SOQL query through the REST API, following nextRecordsUrl. For small result
 * sets only (program records, the run lock, currencies): partner data goes through Bulk API 2.0.
 */
export async function queryAll(client: SalesforceClient, soql: string): Promise<SObjectRecord[]> {
  const records: SObjectRecord[] = [];
  let page = await client.json<QueryPage>('GET', dataPath('query'), { query: { q: soql } });
  records.push(...page.records);
  while (!page.done && page.nextRecordsUrl) {
    page = await client.json<QueryPage>('GET', page.nextRecordsUrl);
    records.push(...page.records);
  }
  return records;
}

/** A SOQL string literal. */
export function soqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

export interface FieldDescribe {
  name: string;
  type: string;
  createable: boolean;
  updateable: boolean;
  nillable: boolean;
  externalId: boolean;
  unique?: boolean;
  referenceTo?: string[];
  relationshipName?: string | null;
}

export interface SObjectDescribe {
  name: string;
  createable: boolean;
  updateable: boolean;
  queryable: boolean;
  fields: FieldDescribe[];
}

/** The object's describe for the running user (field-level security applied), or null when the org has no such object. */
export async function describe(client: SalesforceClient, object: string): Promise<SObjectDescribe | null> {
  const response = await client.request('GET', dataPath(`sobjects/${object}/describe`), { allow: [404] });
  if (response.status === 404) {
    await response.body?.cancel();
    return null;
  }
  return (await response.json()) as SObjectDescribe;
}

export interface Limit {
  Max: number;
  Remaining: number;
}

/** The org's limits resource: `{ DailyApiRequests: { Max, Remaining }, … }`. */
export async function limits(client: SalesforceClient): Promise<Record<string, Limit>> {
  return client.json<Record<string, Limit>>('GET', dataPath('limits'));
}
