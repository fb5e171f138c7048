/*
 * The org-mode suite against a real org, through the Salesforce CLI's own auth store. It runs only
 * when PARTNER_PROGRAM_TEST_ORG names an org alias you logged in to (npx sf org login web --alias
 * <alias>) that has the package deployed (a scratch org from npm run org:setup is ideal); writing
 * to the org additionally needs PARTNER_PROGRAM_TEST_ORG_WRITE=1. See docs/org-mode.md.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../../cli/main.ts';
import { connectWithSfCli } from '../connect-sf-cli.ts';
import { SalesforceClient } from '../http.ts';
import { limits } from '../rest.ts';
import { folderText } from './helpers/run-folder-text.ts';

const target = process.env.PARTNER_PROGRAM_TEST_ORG;
const write = process.env.PARTNER_PROGRAM_TEST_ORG_WRITE === '1';
const MINUTES = 60_000;

if (!target) {
  process.stderr.write(
    'real-org.test.ts: skipped because PARTNER_PROGRAM_TEST_ORG is not set (no org alias configured); ' +
      'set it to an org alias with the package deployed to run it (docs/org-mode.md).\n'
  );
}

function io() {
  const captured = {
    out: '',
    err: '',
    stdout: (text: string) => void (captured.out += text),
    stderr: (text: string) => void (captured.err += text),
    interactive: false
  };
  return captured;
}

// Skipped, not deleted, without an org alias: the suite needs a real org and a login.
const suite = target ? describe : describe.skip;

suite(`a real org (${target ?? 'PARTNER_PROGRAM_TEST_ORG not set'})`, () => {
  const runRoot = mkdtempSync(path.join(tmpdir(), 'pp-real-org-'));

  it(
    'connects through the Salesforce CLI auth store with the pinned API version',
    async () => {
      const session = await connectWithSfCli(target!);
      expect(session.orgId).toMatch(/^00D/);
      const client = new SalesforceClient(session);
      const orgLimits = await limits(client);
      expect(orgLimits.DailyApiRequests.Max).toBeGreaterThan(0);
    },
    5 * MINUTES
  );

  it(
    'takes a snapshot that evaluate --snapshot reads, and never stores the token',
    async () => {
      const out = path.join(runRoot, 'snapshot');
      const captured = io();
      expect(await main(['snapshot', '--target-org', target!, '--out', out], captured)).toBe(0);
      const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
      expect(manifest.source).toMatch(/^00D/);
      const offline = io();
      expect(await main(['evaluate', '--snapshot', out, '--format', 'json'], offline)).toBe(0);
      const session = await connectWithSfCli(target!);
      expect(folderText(out)).not.toContain(session.accessToken());
      expect(captured.out + captured.err).not.toContain(session.accessToken());
    },
    15 * MINUTES
  );

  it(
    'evaluates in a dry run: a run folder with the plan, nothing written',
    async () => {
      const runDir = path.join(runRoot, 'dry-run');
      const captured = io();
      expect(await main(['evaluate', '--target-org', target!, '--run-dir', runDir], captured)).toBe(0);
      expect(captured.err).toContain('Dry run: nothing was written');
    },
    15 * MINUTES
  );

  (write ? it : it.skip)(
    'applies, and applying again changes nothing (PARTNER_PROGRAM_TEST_ORG_WRITE=1 only)',
    async () => {
      const first = io();
      expect(
        await main(
          [
            'evaluate',
            '--target-org',
            target!,
            '--run-dir',
            path.join(runRoot, 'apply-1'),
            '--apply',
            '--yes',
            '--no-notify'
          ],
          first
        )
      ).toBe(0);
      const second = io();
      expect(
        await main(
          [
            'evaluate',
            '--target-org',
            target!,
            '--run-dir',
            path.join(runRoot, 'apply-2'),
            '--apply',
            '--yes',
            '--no-notify'
          ],
          second
        )
      ).toBe(0);
      expect(second.err).toContain('Nothing to write');
    },
    30 * MINUTES
  );
});
