/*
 * The real connection: `--target-org <alias|username>` resolved through @salesforce/core from the
 * Salesforce CLI's own auth store (`sf org login web|jwt`). Nothing here reads a credential from a
 * flag, a file of ours or the environment, and the token stays inside the session object.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Org as SfOrg } from '@salesforce/core';
import { UserError } from '../errors.ts';
import { findProjectRoot } from '../project.ts';
import { API_VERSION } from './api-version.ts';
import { loginHint, type OrgSession } from './session.ts';

export async function connectWithSfCli(target: string): Promise<OrgSession> {
  // Loaded on demand (offline commands never pay for it), with require: @salesforce/core is CommonJS.
  const require = createRequire(path.join(findProjectRoot() ?? process.cwd(), 'package.json'));
  const { Org } = require('@salesforce/core') as typeof import('@salesforce/core');
  let org: SfOrg;
  try {
    org = await Org.create({ aliasOrUsername: target });
  } catch (error) {
    const name = (error as Error).name;
    throw new UserError(`No Salesforce login found for "${target}" (${name}).`, {
      hint: `Log in with the Salesforce CLI first: npx sf org login web --alias ${target} (npx sf org list shows your logins).`
    });
  }
  const connection = org.getConnection(API_VERSION);
  const fields = connection.getAuthInfoFields();
  if (!connection.accessToken || !connection.instanceUrl) {
    throw new UserError(`The login for "${target}" has no usable session.`, { hint: loginHint(target) });
  }
  return {
    target,
    instanceUrl: connection.instanceUrl,
    orgId: org.getOrgId(),
    username: org.getUsername() ?? fields.username ?? target,
    userId: fields.userId,
    accessToken: () => connection.accessToken ?? '',
    refresh: async () => {
      try {
        await org.refreshAuth();
        return Boolean(connection.accessToken);
      } catch {
        return false;
      }
    }
  };
}
