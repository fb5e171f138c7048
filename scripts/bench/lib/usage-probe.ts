/*
 * Preloaded into a measured child process (`node --import ./scripts/bench/lib/usage-probe.ts …`):
 * when the process exits, writes its own resource usage (peak RSS, CPU time) as JSON to the file
 * named by BENCH_USAGE_FILE. Works on any OS Node runs on, unlike /usr/bin/time.
 */
import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const target = process.env.BENCH_USAGE_FILE;
// Worker threads inherit the preload; only the main thread's exit is the process's.
if (target && isMainThread) {
  process.on('exit', (code) => {
    const usage = process.resourceUsage();
    writeFileSync(
      target,
      JSON.stringify({
        code,
        maxRssBytes: usage.maxRSS * 1024,
        userSeconds: usage.userCPUTime / 1e6,
        systemSeconds: usage.systemCPUTime / 1e6
      })
    );
  });
}
