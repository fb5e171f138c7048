/*
 * Step (c) of `npm run bench`: the API calls org mode makes against the local fake of the
 * Salesforce API (scripts/fake-salesforce), by kind, at several sizes. A separate step: when org
 * mode is not in the project yet, it reports that and the rest of the benchmark runs as usual.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { measure } from './measure.ts';

/**
 * queryJobs: Bulk query jobs created; resultPages: their result pages; ingestJobs: every call of the
 * Bulk ingest jobs (create, upload, close, results); notifications: custom notification requests;
 * other: describes, limits, REST queries (program records, context), composite (run lock).
 */
export const CALL_KINDS = ['queryJobs', 'resultPages', 'ingestJobs', 'notifications', 'other'] as const;
export type CallKind = (typeof CALL_KINDS)[number];

export interface OrgCallCount {
  partners: number;
  calls: Record<CallKind, number>;
  /** Status requests while waiting for Bulk jobs (not counted in `total`). */
  polling: number;
  /** Every call but polling. */
  total: number;
  /** Ingest jobs per object written. */
  ingestJobsPerObject: Record<string, number>;
  /** The naive baseline for the same data (naive-baseline.ts). */
  naive: number;
}

/** A size whose run failed: the error, as the CLI reported it. */
export interface OrgCallFailure {
  partners: number;
  error: string;
}

export type OrgBench =
  { available: false; reason: string } | { available: true; sizes: (OrgCallCount | OrgCallFailure)[] };

/** The modules org mode needs; when one is missing, the step is skipped with the reason. */
const REQUIRED = ['scripts/lib/org', 'scripts/fake-salesforce'];

export function orgModeMissing(root: string): string | null {
  const missing = REQUIRED.filter((folder) => !existsSync(path.join(root, folder)));
  return missing.length > 0 ? `org mode: not available yet (needs ${missing.join(' and ')})` : null;
}

/** Heap for the process that holds both the fake org and the CLI (the fake keeps every request). */
const CHILD_HEAP_MB = 16_384;

export async function measureOrgCalls(
  root: string,
  sizes: number[],
  say: (text: string) => void = () => undefined
): Promise<OrgBench> {
  const missing = orgModeMissing(root);
  if (missing) return { available: false, reason: missing };
  const results: (OrgCallCount | OrgCallFailure)[] = [];
  for (const partners of sizes) {
    const run = await measure(
      [`--max-old-space-size=${CHILD_HEAP_MB}`, 'scripts/bench/org-child.ts', String(partners)],
      { cwd: root }
    );
    if (run.ok) {
      const counts = JSON.parse(run.stdout) as OrgCallCount;
      results.push(counts);
      say(
        `(c) org mode, ${partners} partners: ${counts.total} calls (polling excluded), ${counts.polling} polling, in ${run.wallSeconds.toFixed(1)} s`
      );
    } else {
      const lines = run.stderrTail.trim().split('\n').filter(Boolean);
      const error = run.exit === '1' ? (lines.at(-1) ?? '') : lines.slice(-3).join(' ');
      results.push({ partners, error: `exit ${run.exit}: ${error}` });
      say(`(c) org mode, ${partners} partners: failed (exit ${run.exit})`);
    }
  }
  return { available: true, sizes: results };
}
