/*
 * Org mode against the fake org, for step (c) of the benchmark: a fake Salesforce (the HTTP server
 * of scripts/fake-salesforce) seeded with `partners` partners, and one whole
 * `evaluate --target-org … --apply --yes` run of the CLI in this process, with the CLI's own defaults
 * (Bulk result page size and all) except that retries and polls do not wait. Every request the fake
 * received is then counted by kind. Loaded only when org mode exists (org-calls.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../cli/main.ts';
import { fakeSession } from '../../fake-salesforce/fake-session.ts';
import type { RecordedRequest } from '../../fake-salesforce/fake-org.ts';
import { seedOrg } from '../../fake-salesforce/seed.ts';
import { startFakeSalesforce } from '../../fake-salesforce/server.ts';
import { SNAPSHOT_DIR } from '../../lib/org/run-folder.ts';
import { countNaiveCalls } from './naive-baseline.ts';
import type { CallKind, OrgCallCount } from './org-calls.ts';

/** What kind of API call a request is; `polling` is a status request while a Bulk job runs. */
export function callKind(request: Pick<RecordedRequest, 'method' | 'path'>): CallKind | 'polling' {
  const bulk = /\/jobs\/(query|ingest)(?:\/([^/]+)(?:\/(\w+))?)?\/?$/.exec(request.path);
  if (bulk) {
    const [, api, job, resource] = bulk;
    if (job && !resource && request.method === 'GET') return 'polling';
    if (api === 'ingest') return 'ingestJobs';
    if (!job && request.method === 'POST') return 'queryJobs';
    if (resource === 'results') return 'resultPages';
  }
  if (/\/customNotificationAction\/?$/.test(request.path)) return 'notifications';
  return 'other';
}

/** The CLI's org seams for the fake: its session, no waiting, a fixed clock, no questions. */
function fakeDeps(fake: Awaited<ReturnType<typeof startFakeSalesforce>>) {
  return {
    connect: async (target: string) => fakeSession(fake, { target }),
    retry: { attempts: 4, baseDelayMs: 1000, maxDelayMs: 30_000, sleep: async () => undefined },
    poll: { intervalMs: 0, timeoutMs: 600_000, sleep: async () => undefined, now: Date.now },
    now: () => new Date('2026-10-05T06:00:00.000Z'),
    confirm: async () => true,
    canConfirm: false,
    host: 'bench'
  };
}

export async function countOrgCalls(_root: string, partners: number, _seed: number): Promise<OrgCallCount> {
  const fake = await startFakeSalesforce({ pollsUntilDone: 1 });
  const scratch = mkdtempSync(path.join(tmpdir(), 'pp-bench-org-'));
  try {
    await seedOrg(fake.org, { partners, density: 'light' });
    const runDir = path.join(scratch, 'run');
    let err = '';
    const io = {
      stdout: () => undefined,
      stderr: (text: string) => {
        err += text;
      },
      interactive: false,
      org: fakeDeps(fake)
    };
    const code = await main(['evaluate', '--target-org', 'fake', '--run-dir', runDir, '--apply', '--yes'], io);
    if (code !== 0) throw new Error(`evaluate --target-org failed (exit ${code}): ${err.trim().slice(-500)}`);

    const calls: Record<CallKind, number> = { queryJobs: 0, resultPages: 0, ingestJobs: 0, notifications: 0, other: 0 };
    const ingestJobsPerObject: Record<string, number> = {};
    let polling = 0;
    for (const request of fake.org.requests) {
      const kind = callKind(request);
      if (kind === 'polling') {
        polling++;
        continue;
      }
      calls[kind]++;
      if (kind === 'ingestJobs' && request.method === 'POST') {
        const object = (JSON.parse(request.body) as { object?: string }).object ?? '?';
        ingestJobsPerObject[object] = (ingestJobsPerObject[object] ?? 0) + 1;
      }
    }
    // The naive baseline of the same data: the snapshot this run took of the fake org.
    const naive = await countNaiveCalls(path.join(runDir, SNAPSHOT_DIR));
    const total = Object.values(calls).reduce((sum, count) => sum + count, 0);
    return { partners, calls, polling, total, ingestJobsPerObject, naive: naive.total };
  } finally {
    await fake.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}
