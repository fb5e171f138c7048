/*
 * Runs the CLI in a child process against a fake org (for tests that kill a run mid-write):
 * node cli-child.ts <instance URL> <org id> <command> [args…], the session token in FAKE_ORG_TOKEN.
 * Retries and polls do not wait; the clock is fixed at 2026-10-05 like the in-process tests.
 */
import { main } from '../../../../cli/main.ts';

const [instanceUrl, orgId, ...argv] = process.argv.slice(2);
const token = process.env.FAKE_ORG_TOKEN ?? '';
const io = {
  stdout: (text: string) => process.stdout.write(text),
  stderr: (text: string) => process.stderr.write(text),
  interactive: false,
  org: {
    connect: async (target: string) => ({
      target,
      instanceUrl,
      orgId,
      username: 'admin@partner-program.test',
      userId: undefined,
      accessToken: () => token
    }),
    retry: { attempts: 4, baseDelayMs: 0, maxDelayMs: 0, sleep: async () => undefined },
    poll: { intervalMs: 0, timeoutMs: 600_000, sleep: async () => undefined, now: Date.now },
    pageSize: 5,
    now: () => new Date('2026-10-05T06:00:00.000Z'),
    confirm: async () => true,
    canConfirm: false,
    host: 'child-host'
  }
};
process.exitCode = await main(argv, io);
