/** REST API resources org mode reads: SOQL query (paged by nextRecordsUrl), describe, limits. */
import { dataPath } from './api-version.ts';
import { compositeGet } from './composite.ts';
import { OrgApiError } from './errors.ts';
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

/**
 * Several small SOQL queries in as few API calls as the Composite resource allows (5 queries per
 * call); every record of each, in order.
 */
export async function queryMany(client: SalesforceClient, soqls: string[]): Promise<SObjectRecord[][]> {
  const paths = soqls.map((soql) => `${dataPath('query')}?q=${encodeURIComponent(soql)}`);
  const answers = await compositeGet(client, paths);
  const results: SObjectRecord[][] = [];
  for (const [index, answer] of answers.entries()) {
    if (answer.status !== 200) throw subrequestError(`GET ${dataPath('query')}`, answer.status, answer.body);
    let page = answer.body as QueryPage;
    const records = [...page.records];
    while (!page.done && page.nextRecordsUrl) {
      page = await client.json<QueryPage>('GET', page.nextRecordsUrl);
      records.push(...page.records);
    }
    results[index] = records;
  }
  return results;
}

/** A failed subrequest of a composite call, as the request alone would have failed. */
function subrequestError(request: string, status: number, body: unknown): OrgApiError {
  const [first] = Array.isArray(body) ? (body as { errorCode?: string; message?: string }[]) : [];
  return new OrgApiError(request, status, first?.errorCode ?? 'UNKNOWN_ERROR', first?.message ?? 'no message');
}

/**
 * Describes of several objects (null for an object the org does not have), and the records of a
 * few small queries riding along, in one API call per 25 subrequests.
 */
export async function describeMany(
  client: SalesforceClient,
  objects: readonly string[],
  soqls: string[] = []
): Promise<Map<string, SObjectDescribe | null> & { queries?: SObjectRecord[][] }> {
  const queryPaths = soqls.map((soql) => `${dataPath('query')}?q=${encodeURIComponent(soql)}`);
  const answers = await compositeGet(client, [
    ...objects.map((object) => dataPath(`sobjects/${object}/describe`)),
    ...queryPaths
  ]);
  const describes = new Map<string, SObjectDescribe | null>();
  objects.forEach((object, index) => {
    const answer = answers[index];
    if (answer.status === 404) describes.set(object, null);
    else if (answer.status !== 200) {
      throw subrequestError(`GET ${dataPath(`sobjects/${object}/describe`)}`, answer.status, answer.body);
    } else describes.set(object, answer.body as SObjectDescribe);
  });
  const queries: SObjectRecord[][] = [];
  for (const [index, answer] of answers.slice(objects.length).entries()) {
    if (answer.status !== 200) throw subrequestError(`GET ${dataPath('query')}`, answer.status, answer.body);
    const page = answer.body as QueryPage;
    const records = [...page.records];
    let next = page;
    while (!next.done && next.nextRecordsUrl) {
      next = await client.json<QueryPage>('GET', next.nextRecordsUrl);
      records.push(...next.records);
    }
    queries[index] = records;
  }
  return Object.assign(describes, { queries });
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
