/** An OrgSession for the fake org (what the Salesforce CLI's auth store gives the real CLI). */
import type { OrgSession } from '../lib/org/session.ts';
import type { FakeSalesforce } from './server.ts';

export function fakeSession(
  fake: FakeSalesforce,
  options: { target?: string; userId?: string; refreshable?: boolean; token?: string } = {}
): OrgSession {
  let token = options.token ?? fake.org.token;
  return {
    target: options.target ?? 'fake-org',
    instanceUrl: fake.instanceUrl,
    orgId: fake.org.orgId,
    username: 'admin@partner-program.test',
    userId: options.userId,
    accessToken: () => token,
    ...(options.refreshable
      ? {
          refresh: async () => {
            token = fake.org.token;
            return true;
          }
        }
      : {})
  };
}
