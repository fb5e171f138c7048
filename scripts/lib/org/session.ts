/**
 * An authenticated connection to one org, as the rest of org mode sees it. The access token is only
 * ever read to build the Authorization header of a request: never printed, logged or written.
 */
export interface OrgSession {
  /** The alias or username the admin named with --target-org (used in "log in again" messages). */
  target: string;
  /** The instance URL as the Salesforce CLI stores it (often with a trailing slash). */
  instanceUrl: string;
  /** The org id (00D…, 18 characters when known). */
  orgId: string;
  username: string;
  /** The running user's id, when the auth store knows it. */
  userId: string | undefined;
  accessToken(): string;
  /** Tries to get a fresh access token after a 401; resolves false when the session cannot be refreshed. */
  refresh?(): Promise<boolean>;
}

/** Resolves `--target-org` to a session; the real one reads the Salesforce CLI's auth store, tests pass a fake. */
export type ConnectOrg = (target: string) => Promise<OrgSession>;

/** The message every expired or revoked session ends in. */
export function loginHint(target: string): string {
  return `log in again: npx sf org login web --alias ${target}`;
}
