/** Waiting for an asynchronous Bulk API job, with a deadline. */
import { sleep } from './retry.ts';

export interface PollOptions {
  /** Pause after the first status request; each further pause is 1.5 times longer, up to maxIntervalMs. */
  intervalMs: number;
  maxIntervalMs?: number;
  /** Give up waiting (the job keeps running in Salesforce) after this long. */
  timeoutMs: number;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
}

export const DEFAULT_POLL: PollOptions = {
  intervalMs: 1000,
  maxIntervalMs: 15_000,
  timeoutMs: 30 * 60_000,
  sleep,
  now: Date.now
};

const FINAL_STATES = new Set(['JobComplete', 'Failed', 'Aborted']);

/** Polls until the job reaches a final state, or returns 'timeout' at the deadline. */
export async function waitForJob<J extends { state: string }>(
  status: () => Promise<J>,
  options: PollOptions,
  onStatus?: (job: J) => void
): Promise<J | 'timeout'> {
  const deadline = options.now() + options.timeoutMs;
  let interval = options.intervalMs;
  for (;;) {
    const job = await status();
    onStatus?.(job);
    if (FINAL_STATES.has(job.state)) return job;
    if (options.now() >= deadline) return 'timeout';
    await options.sleep(interval);
    interval = Math.min(options.maxIntervalMs ?? options.intervalMs, interval * 1.5);
  }
}
