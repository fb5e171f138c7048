/*
 * What the org-mode commands share: the test seams (a fake org instead of the Salesforce CLI's auth
 * store, fast retries and polls, a fixed clock, a scripted confirmation), the confirmation prompt on
 * a terminal, and progress lines that appear on an interactive terminal only.
 */
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline/promises';
import type { CliIo } from '../../cli/command.ts';
import { UserError } from '../errors.ts';
import { connectWithSfCli } from './connect-sf-cli.ts';
import { SalesforceClient } from './http.ts';
import { DEFAULT_POLL, type PollOptions } from './poll.ts';
import { DEFAULT_RETRY, type RetryPolicy } from './retry.ts';
import type { ConnectOrg, OrgSession } from './session.ts';

export interface OrgDeps {
  connect: ConnectOrg;
  retry: RetryPolicy;
  poll: PollOptions;
  /** Records per Bulk query results page (maxRecords). */
  pageSize: number;
  now: () => Date;
  /** Asks a yes/no question; resolves true for yes. */
  confirm: (question: string) => Promise<boolean>;
  /** Whether a person can answer the confirmation (stdin and stderr are terminals). */
  canConfirm: boolean;
  host?: string;
}

/** A CliIo that may carry test seams for org mode (the bin passes none). */
export type OrgCliIo = CliIo & { org?: Partial<OrgDeps> };

export const DEFAULT_PAGE_SIZE = 50_000;

async function askOnTerminal(question: string): Promise<boolean> {
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await prompt.question(question);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    prompt.close();
  }
}

export function orgDeps(io: OrgCliIo): OrgDeps {
  return {
    connect: connectWithSfCli,
    retry: DEFAULT_RETRY,
    poll: DEFAULT_POLL,
    pageSize: DEFAULT_PAGE_SIZE,
    now: () => new Date(),
    confirm: askOnTerminal,
    canConfirm: Boolean(process.stdin.isTTY) && io.interactive,
    ...io.org
  };
}

export interface OpenOrg {
  session: OrgSession;
  client: SalesforceClient;
}

export async function openOrg(target: string, deps: OrgDeps): Promise<OpenOrg> {
  const session = await deps.connect(target);
  return { session, client: new SalesforceClient(session, { retry: deps.retry }) };
}

/** Refuses --apply without --yes when no one can answer the prompt (pipes, CI). */
export function requireConfirmation(yes: boolean, deps: OrgDeps, command: string): void {
  if (yes || deps.canConfirm) return;
  throw new UserError('Writing to the org needs a confirmation, and there is no terminal to ask on.', {
    hint: `Run it in a terminal, or add --yes to confirm in advance: partner-program ${command} --yes`
  });
}

/** Progress lines on stderr, on an interactive terminal only (never in pipes, CI or --format json). */
export function orgProgress(io: CliIo, enabled: boolean): ((text: string) => void) | undefined {
  if (!io.interactive || !enabled) return undefined;
  return (text) => io.stderr(text);
}

/** A unique id for a run folder: Run_Id__c of its lock. */
export function newLockId(orgId: string, quarter: string, now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `${orgId.slice(0, 15)}-${quarter}-${stamp}-${randomBytes(4).toString('hex')}`;
}
