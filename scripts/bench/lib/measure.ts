/*
 * Runs one command in a child process and measures it: wall time (spawn to exit), peak RSS and CPU
 * time. The child preloads usage-probe.ts, which reports its own process.resourceUsage() on exit;
 * for a child that dies without exiting normally (out of memory), the peak RSS is the last VmHWM
 * read from /proc while it ran (Linux), so a crash is still reported with its memory.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findProjectRoot } from '../../lib/project.ts';

const PROBE = path.join(findProjectRoot() ?? process.cwd(), 'scripts', 'bench', 'lib', 'usage-probe.ts');

export interface Measurement {
  ok: boolean;
  /** Exit code, or the signal that ended the child. */
  exit: string;
  wallSeconds: number;
  cpuSeconds: number | null;
  maxRssBytes: number | null;
  stdout: string;
  /** The end of the child's stderr, for a failure's message. */
  stderrTail: string;
}

/** Peak resident set size so far (VmHWM) of a running process, in bytes; null off Linux. */
function highWaterMark(pid: number): number | null {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

export async function measure(
  args: string[],
  options: { cwd: string; stdoutToNull?: boolean; env?: Record<string, string> }
): Promise<Measurement> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'pp-bench-usage-'));
  const usageFile = path.join(scratch, 'usage.json');
  const devNull = options.stdoutToNull ? openSync('/dev/null', 'w') : null;
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', PROBE, ...args], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env, BENCH_USAGE_FILE: usageFile },
    stdio: ['ignore', devNull ?? 'pipe', 'pipe']
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-4000)));
  let polledRss: number | null = null;
  const poll = setInterval(() => {
    const rss = child.pid ? highWaterMark(child.pid) : null;
    if (rss !== null) polledRss = Math.max(polledRss ?? 0, rss);
  }, 100);
  const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (exitCode, exitSignal) => resolve({ code: exitCode, signal: exitSignal }))
  );
  const wallSeconds = (performance.now() - started) / 1000;
  clearInterval(poll);
  if (devNull !== null) closeSync(devNull);
  let usage: { maxRssBytes: number; userSeconds: number; systemSeconds: number } | null = null;
  if (existsSync(usageFile)) usage = JSON.parse(readFileSync(usageFile, 'utf8'));
  rmSync(scratch, { recursive: true, force: true });
  return {
    ok: code === 0,
    exit: signal ?? String(code),
    wallSeconds,
    cpuSeconds: usage ? usage.userSeconds + usage.systemSeconds : null,
    maxRssBytes: usage ? usage.maxRssBytes : polledRss,
    stdout,
    stderrTail: stderr
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
