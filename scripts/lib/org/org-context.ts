/**
 * What org mode reads before anything else: the org's limits, the describes of the objects a run
 * reads and writes, the program (custom metadata) and the currency setup. A fixed number of REST
 * calls, whatever the number of partners.
 */
import type { OrgProgram } from './program-from-org.ts';
import { readProgramFromOrg } from './program-from-org.ts';
import { readCurrencyFacts, type CurrencyFacts } from './currency.ts';
import type { SalesforceClient } from './http.ts';
import { LOCK_OBJECT } from './lock.ts';
import { describe, limits, type Limit, type SObjectDescribe } from './rest.ts';
import { SNAPSHOT_OBJECTS } from './snapshot-queries.ts';

export interface OrgContext {
  limits: Record<string, Limit>;
  describes: Map<string, SObjectDescribe | null>;
  program: OrgProgram;
  currency: CurrencyFacts;
}

export async function describeAll(
  client: SalesforceClient,
  objects: readonly string[]
): Promise<Map<string, SObjectDescribe | null>> {
  const describes = new Map<string, SObjectDescribe | null>();
  for (const object of objects) describes.set(object, await describe(client, object));
  return describes;
}

/** Everything a snapshot (and, with `forApply`, a write) needs to know about the org. */
export async function readOrgContext(client: SalesforceClient, forApply: boolean, source: string): Promise<OrgContext> {
  const orgLimits = await limits(client);
  const describes = await describeAll(client, forApply ? [...SNAPSHOT_OBJECTS, LOCK_OBJECT] : SNAPSHOT_OBJECTS);
  const program = await readProgramFromOrg(client, source);
  const currency = await readCurrencyFacts(client, describes);
  return { limits: orgLimits, describes, program, currency };
}
