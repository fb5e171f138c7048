/** The running user's id (Started_By__c of the run lock): from the auth store, else looked up by username. */
import { UserError } from '../errors.ts';
import type { SalesforceClient } from './http.ts';
import { queryAll, soqlString, type SObjectRecord } from './rest.ts';

/** The query that finds the running user, or null when the auth store already knows the id. */
export function runningUserQuery(client: SalesforceClient): string | null {
  return client.session.userId ? null : `SELECT Id FROM User WHERE Username = ${soqlString(client.session.username)}`;
}

/** The running user's id from the auth store, else from the answer to runningUserQuery. */
export function runningUserFrom(client: SalesforceClient, records: SObjectRecord[]): string {
  if (client.session.userId) return client.session.userId;
  const [user] = records;
  if (!user) {
    throw new UserError(`The user ${client.session.username} was not found in the org.`, {
      hint: `Log in again: npx sf org login web --alias ${client.session.target}`
    });
  }
  return String(user.Id);
}

export async function runningUserId(client: SalesforceClient): Promise<string> {
  if (client.session.userId) return client.session.userId;
  const [user] = await queryAll(client, `SELECT Id FROM User WHERE Username = ${soqlString(client.session.username)}`);
  if (!user) {
    throw new UserError(`The user ${client.session.username} was not found in the org.`, {
      hint: `Log in again: npx sf org login web --alias ${client.session.target}`
    });
  }
  return String(user.Id);
}
