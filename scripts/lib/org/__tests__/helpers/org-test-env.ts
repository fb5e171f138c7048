/*
 * A fake org (HTTP server on 127.0.0.1) with generated partners, and the CLI wired to it in-process:
 * retries and polls that do not wait (the delays asked for are recorded), a fixed clock (2026-10-05,
 * so the default quarter is 2026-Q3) and a scripted confirmation.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../../../cli/main.ts';
import { fakeSession } from '../../../../fake-salesforce/fake-session.ts';
import type { FakeOrgOptions } from '../../../../fake-salesforce/fake-org.ts';
import { seedOrg, type SeededOrg } from '../../../../fake-salesforce/seed.ts';
import { startFakeSalesforce, type FakeSalesforce } from '../../../../fake-salesforce/server.ts';
import type { OrgDeps } from '../../org-cli.ts';

export const NOW = new Date('2026-10-05T06:00:00.000Z');

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

export interface OrgTestEnv {
  fake: FakeSalesforce;
  seeded: SeededOrg;
  /** Backoff delays the CLI asked for (never actually waited). */
  delays: number[];
  deps(overrides?: Partial<OrgDeps>): Partial<OrgDeps>;
  run(argv: string[], overrides?: Partial<OrgDeps> & { interactive?: boolean }): Promise<CliResult>;
  /** A new, not yet existing run folder path. */
  runDir(): string;
  close(): Promise<void>;
}

export async function orgTestEnv(
  options: { partners?: number; density?: 'full' | 'light'; fake?: FakeOrgOptions } = {}
): Promise<OrgTestEnv> {
  const fake = await startFakeSalesforce({ pollsUntilDone: 1, ...options.fake });
  const seeded = await seedOrg(fake.org, { partners: options.partners ?? 12, density: options.density });
  const delays: number[] = [];
  const deps = (overrides: Partial<OrgDeps> = {}): Partial<OrgDeps> => ({
    connect: async (target) => fakeSession(fake, { target }),
    retry: {
      attempts: 4,
      baseDelayMs: 1000,
      maxDelayMs: 30_000,
      sleep: async (ms) => {
        delays.push(ms);
      }
    },
    poll: { intervalMs: 0, timeoutMs: 60_000, sleep: async () => undefined, now: Date.now },
    pageSize: 5,
    now: () => NOW,
    confirm: async () => true,
    canConfirm: false,
    host: 'test-host',
    ...overrides
  });
  return {
    fake,
    seeded,
    delays,
    deps,
    async run(argv, overrides = {}) {
      const { interactive = false, ...rest } = overrides;
      const io = {
        out: '',
        err: '',
        stdout: (text: string) => {
          io.out += text;
        },
        stderr: (text: string) => {
          io.err += text;
        },
        interactive,
        org: deps(rest)
      };
      const code = await main(argv, io);
      return { code, out: io.out, err: io.err };
    },
    runDir: () => path.join(mkdtempSync(path.join(tmpdir(), 'pp-org-run-')), 'run'),
    close: () => fake.close()
  };
}
