/**
 * What org mode reads before anything else: the org's limits, the describes of the objects a run
 * reads and writes, the program (custom metadata) and the currency setup. Three API calls (limits,
 * one composite of describes, one composite of queries), whatever the number of partners.
 */
import type { OrgProgram } from './program-from-org.ts';
import { programFromOrgRecords, programQueries } from './program-from-org.ts';
import { currencyFacts, currencyQuery, type CurrencyFacts } from './currency.ts';
import type { SalesforceClient } from './http.ts';
import { LOCK_OBJECT } from './lock.ts';
import { NOTIFICATION_TYPE_QUERY } from './notifications.ts';
import { runningUserFrom, runningUserQuery } from './running-user.ts';
import { describeMany, limits, queryMany, type Limit, type SObjectDescribe } from './rest.ts';
import { SNAPSHOT_OBJECTS } from './snapshot-queries.ts';

export interface OrgContext {
  /** The Partner_Tier_Change notification type's id (null: not in the org); read only when asked for. */
  notificationTypeId?: string | null;
  /** The running user's id, when asked for. */
  userId?: string;
  limits: Record<string, Limit>;
  describes: Map<string, SObjectDescribe | null>;
  program: OrgProgram;
  currency: CurrencyFacts;
}

/** The describes of `objects`, in one composite call (a fixed cost, whatever the number of partners). */
export async function describeAll(
  client: SalesforceClient,
  objects: readonly string[]
): Promise<Map<string, SObjectDescribe | null>> {
  return describeMany(client, objects);
}

/**
 * Everything a snapshot (and, with `forApply`, a write) needs to know about the org. A write also
 * needs the notification type and the running user: their lookups ride along with the describes.
 */
export async function readOrgContext(
  client: SalesforceClient,
  forApply: boolean,
  source: string,
  lookups: { notificationType?: boolean; user?: boolean } = {}
): Promise<OrgContext> {
  const orgLimits = await limits(client);
  const userQuery = lookups.user ? runningUserQuery(client) : null;
  const soqls = [...(lookups.notificationType ? [NOTIFICATION_TYPE_QUERY] : []), ...(userQuery ? [userQuery] : [])];
  const describes = await describeMany(client, forApply ? [...SNAPSHOT_OBJECTS, LOCK_OBJECT] : SNAPSHOT_OBJECTS, soqls);
  const [typeRecords, userRecords] = lookups.notificationType
    ? [describes.queries?.[0], describes.queries?.[1]]
    : [undefined, describes.queries?.[0]];
  const notificationTypeId = lookups.notificationType
    ? typeRecords?.[0]
      ? String(typeRecords[0].Id)
      : null
    : undefined;
  const userId = lookups.user ? runningUserFrom(client, userQuery ? (userRecords ?? []) : []) : undefined;
  // The program's four queries and the currency query fit one composite call (5 queries at most).
  const programSoql = programQueries();
  const currencySoql = currencyQuery(describes);
  const answers = await queryMany(client, [...programSoql, currencySoql.soql]);
  const program = programFromOrgRecords(answers.slice(0, programSoql.length), source);
  const currency = currencyFacts(answers[programSoql.length], currencySoql.multiCurrency);
  return { limits: orgLimits, describes, program, currency, notificationTypeId, userId };
}
