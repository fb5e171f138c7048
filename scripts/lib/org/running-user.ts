/** The running user's id (Started_By__c of the run lock): from the auth store, else looked up by username. */
import { UserError } from '../errors.ts';
import type { SalesforceClient } from './http.ts';
import { queryAll, soqlString } from './rest.ts';

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
