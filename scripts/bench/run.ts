/*
 * `npm run bench [-- --partners N] [--seed S] [--runs R] [--no-write] [--org-sizes 1000,10000,100000]`
 *
 * On one generated snapshot (scripts/bench/generate.ts; generated when missing, under bench-data/):
 *  (a) the parse floor: every CSV read and parsed by the evaluation's parser, nothing else
 *      (scripts/bench/floor.ts, in a child process);
 *  (b) the full offline evaluation, exactly `partner-program evaluate --snapshot <dir> --out <dir>
 *      --format json > /dev/null` in a child process: wall time, peak RSS, CPU time, partners/s,
 *      rows/s and the ratio to the floor; floor and evaluation alternate, R runs each, medians;
 *  (c) org mode's API calls by kind against the local fake org at 1,000 / 10,000 / 100,000
 *      partners (a separate step, skipped with a message while org mode is missing);
 *  (d) the naive baseline: per-partner REST queries and per-record updates, counted from the data.
 * Prints the figures and writes them to BENCHMARKS.md with the machine and the command.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as prettier from 'prettier';
import { findProjectRoot } from '../lib/project.ts';
import { positiveInteger } from './lib/args.ts';
import { defaultDataDir } from './lib/generator.ts';
import { measure, median, type Measurement } from './lib/measure.ts';
import { countNaiveCalls, REST_PAGE_SIZE, type NaiveCalls } from './lib/naive-baseline.ts';
import { measureOrgCalls, type OrgBench } from './lib/org-calls.ts';

const HELP = `Usage: npm run bench -- [--partners N] [--seed S] [--runs R] [--no-write] [--org-sizes a,b,c] [--skip-org]
                        [--compare label=dir …]

Measures the offline evaluation of N partners (default 100000) against the CSV parse floor, counts
org mode's API calls against the local fake org and a naive per-partner baseline, prints the
figures and writes them to BENCHMARKS.md (unless --no-write). The snapshot is generated into
bench-data/ when missing (npm run bench:data). --compare also measures the evaluate command of
another checkout of the project (e.g. an older commit) on the same snapshot, for before/after.
`;

interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  os: string;
  loadAverage: string;
}

function machine(): Machine {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (match) cpu = match[1].trim();
  } catch {
    // not Linux: os.cpus() has the model
  }
  return {
    cpu,
    cores: os.availableParallelism(),
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    loadAverage: os
      .loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')
  };
}

const int = (value: number): string => Math.round(value).toLocaleString('en-US');
const seconds = (value: number): string => `${value.toFixed(2)} s`;
const mib = (bytes: number | null): string => (bytes === null ? 'n/a' : `${int(bytes / 2 ** 20)} MiB`);

/** Reads every file once so that the first measured run does not pay for the disk. */
function warmPageCache(dir: string): void {
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.csv')) continue;
    readFileSync(path.join(dir, name)).length;
  }
}

/** An evaluate command to measure: this project's, or another checkout's (--compare). */
interface Variant {
  label: string;
  root: string;
  runs: Measurement[];
}

interface Summary {
  ok: boolean;
  seconds: number | null;
  cpu: number | null;
  rss: number | null;
}

function summarizeRuns(runs: Measurement[]): Summary {
  const ok = runs.length > 0 && runs.every((run) => run.ok);
  const done = runs.filter((run) => run.ok);
  return {
    ok,
    seconds: ok ? median(done.map((run) => run.wallSeconds)) : null,
    cpu: medianOf(done, (run) => run.cpuSeconds),
    rss: medianOf(runs, (run) => run.maxRssBytes)
  };
}

interface Figures {
  partners: number;
  seed: number;
  dataDir: string;
  rows: number;
  bytes: number;
  files: Record<string, number>;
  floorRuns: Measurement[];
  floorSeconds: number;
  floorCpu: number | null;
  floorRss: number | null;
  /** The first is this project's evaluate; the others come from --compare. */
  variants: Variant[];
  naive: NaiveCalls;
  org: OrgBench;
  machine: Machine;
  command: string;
  date: string;
}

function medianOf(measurements: Measurement[], pick: (m: Measurement) => number | null): number | null {
  const values = measurements.map(pick).filter((value): value is number => value !== null);
  return values.length > 0 ? median(values) : null;
}

function orgLines(org: OrgBench): string[] {
  if (!org.available) return [org.reason];
  const lines = [
    'One `evaluate --target-org … --apply --yes` run against the fake org (scripts/fake-salesforce, seeded by its',
    "`seedOrg` with `density: light`), with the CLI's own Bulk page size; polling = job status requests while waiting.",
    '',
    '| partners | query jobs | result pages | ingest jobs (all their calls) | notifications | other | total, polling excluded | polling | ingest jobs per object | naive calls, same data | ours ÷ naive |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |'
  ];
  for (const size of org.sizes) {
    if ('error' in size) {
      lines.push(
        `| ${int(size.partners)} | **failed**: ${size.error.replace(/\s+/g, ' ').replace(/\|/g, '\\|').slice(0, 300)} |||||||||`
      );
      continue;
    }
    const perObject = Object.entries(size.ingestJobsPerObject)
      .map(([object, jobs]) => `${object} ${jobs}`)
      .join(', ');
    lines.push(
      `| ${int(size.partners)} | ${size.calls.queryJobs} | ${size.calls.resultPages} | ${size.calls.ingestJobs} | ${size.calls.notifications} | ${size.calls.other} | **${size.total}** | ${size.polling} | ${perObject || '—'} | ${int(size.naive)} | ${(size.total / size.naive).toExponential(2)} |`
    );
  }
  return lines;
}

function targetLines(figures: Figures, result: Summary): string[] {
  const verdict = (ok: boolean | null) => (ok === null ? 'not measured' : ok ? 'met' : '**missed**');
  const ratio = result.seconds === null ? null : result.seconds / figures.floorSeconds;
  const lines = [
    `| evaluation ≤ 1.5 × parse floor (wall time) | ${ratio === null ? 'failed' : ratio.toFixed(2)} | ${verdict(ratio === null ? false : ratio <= 1.5)} |`,
    `| peak memory ≤ 1 GB | ${mib(result.rss)} | ${verdict(result.rss === null ? null : result.rss <= 1e9)} |`
  ];
  const org = figures.org;
  const largest = org.available ? org.sizes.at(-1) : undefined;
  if (!largest || 'error' in largest) {
    lines.push(`| org mode ≤ 50 API calls at 100,000 partners, polling excluded | — | not measured |`);
  } else {
    const jobs = Math.max(0, ...Object.values(largest.ingestJobsPerObject));
    lines.push(
      `| org mode ≤ 50 API calls at ${int(largest.partners)} partners, polling excluded | ${largest.total} (${largest.calls.notifications} of them notification requests) | ${verdict(largest.total <= 50)} |`,
      `| write-back in ≤ 2 ingest jobs per object | ${jobs} | ${verdict(jobs <= 2)} |`
    );
  }
  return lines;
}

function runText(run: Measurement | undefined): string {
  if (!run) return 'not run (an earlier run failed)';
  return run.ok
    ? `${seconds(run.wallSeconds)} (CPU ${seconds(run.cpuSeconds ?? NaN)}, RSS ${mib(run.maxRssBytes)})`
    : `**failed** after ${seconds(run.wallSeconds)}: exit ${run.exit}, RSS ${mib(run.maxRssBytes)}`;
}

function report(figures: Figures): string {
  const { naive } = figures;
  const [main, ...others] = figures.variants;
  const result = summarizeRuns(main.runs);
  const ratio = result.seconds === null ? null : result.seconds / figures.floorSeconds;
  const cpuRatio = result.cpu === null || figures.floorCpu === null ? null : result.cpu / figures.floorCpu;
  const fileRows = Object.entries(figures.files)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([file, rows]) => `${file} ${int(rows)}`)
    .join(', ');
  const failure = main.runs.find((run) => !run.ok);
  const lines = [
    `## Offline evaluation, ${int(figures.partners)} partners`,
    '',
    `Snapshot: ${int(figures.rows)} rows, ${int(figures.bytes / 1e6)} MB (${fileRows}); seed ${figures.seed}.`,
    '',
    '| measure | median |',
    '| --- | ---: |',
    `| (a) parse floor: every CSV through csv-parse, nothing else | ${seconds(figures.floorSeconds)} (CPU ${figures.floorCpu === null ? 'n/a' : seconds(figures.floorCpu)}, RSS ${mib(figures.floorRss)}) |`,
    result.ok
      ? `| (b) evaluate --out --format json: wall time | ${seconds(result.seconds!)} |`
      : `| (b) evaluate --out --format json | **failed**: exit ${failure?.exit ?? '?'} after ${seconds(failure?.wallSeconds ?? NaN)} |`,
    `| (b) peak memory (RSS) | ${mib(result.rss)} |`,
    `| (b) CPU time (user + system) | ${result.cpu === null ? 'n/a' : seconds(result.cpu)} |`,
    ...(result.ok
      ? [
          `| (b) partners/s | ${int(figures.partners / result.seconds!)} |`,
          `| (b) rows/s | ${int(figures.rows / result.seconds!)} |`,
          `| (b) ÷ (a), wall time (target ≤ 1.5) | ${ratio!.toFixed(2)} |`,
          `| (b) ÷ (a), CPU time | ${cpuRatio === null ? 'n/a' : cpuRatio.toFixed(2)} |`
        ]
      : []),
    '',
    'Every run (the floor and each evaluation alternate):',
    '',
    `| run | (a) floor | ${figures.variants.map((variant) => `(b) ${variant.label}`).join(' | ')} |`,
    `| ---: | --- | ${figures.variants.map(() => '---').join(' | ')} |`,
    ...figures.floorRuns.map(
      (floor, index) =>
        `| ${index + 1} | ${seconds(floor.wallSeconds)} (CPU ${seconds(floor.cpuSeconds ?? NaN)}) | ${figures.variants.map((variant) => runText(variant.runs[index])).join(' | ')} |`
    )
  ];
  if (others.length > 0) {
    lines.push(
      '',
      'Compared with other checkouts of the project (same snapshot, same command, medians):',
      '',
      '| evaluate of | wall time | CPU time | peak RSS | ÷ floor (wall) | ÷ floor (CPU) |',
      '| --- | ---: | ---: | ---: | ---: | ---: |'
    );
    for (const variant of figures.variants) {
      const summary = summarizeRuns(variant.runs);
      const failed = variant.runs.find((run) => !run.ok);
      lines.push(
        summary.ok
          ? `| ${variant.label} | ${seconds(summary.seconds!)} | ${seconds(summary.cpu ?? NaN)} | ${mib(summary.rss)} | ${(summary.seconds! / figures.floorSeconds).toFixed(2)} | ${summary.cpu === null || figures.floorCpu === null ? 'n/a' : (summary.cpu / figures.floorCpu).toFixed(2)} |`
          : `| ${variant.label} | **failed** (exit ${failed?.exit ?? '?'} after ${seconds(failed?.wallSeconds ?? NaN)}) | — | ${mib(summary.rss)} | — | — |`
      );
    }
  }
  if (failure)
    lines.push('', 'The failed evaluation ended with:', '', '```', failure.stderrTail.trim().slice(-1200), '```');
  lines.push(
    '',
    '## Targets (issue 7)',
    '',
    '| target | measured | |',
    '| --- | --- | --- |',
    ...targetLines(figures, result)
  );
  lines.push(
    '',
    '## Org mode: API calls against the local fake org',
    '',
    ...orgLines(figures.org),
    '',
    `## Naive baseline (counted from the ${int(figures.partners)}-partner snapshot, not run)`,
    '',
    `Per evaluated partner one REST query per related object (6), with a queryMore call per further ${int(REST_PAGE_SIZE)} records, and one call per record written (Tier_Evaluation__c upsert, Partner_Profile__c update).`,
    '',
    '| calls | count |',
    '| --- | ---: |',
    `| partner list and rates (with queryMore) | ${int(naive.listQueries)} |`,
    `| per-partner queries (${int(naive.evaluatedPartners)} evaluated partners × 6) | ${int(naive.perPartnerQueries)} |`,
    `| queryMore for partners with more than ${int(REST_PAGE_SIZE)} records | ${int(naive.queryMore)} |`,
    `| per-record updates | ${int(naive.recordUpdates)} |`,
    `| **total** | **${int(naive.total)}** |`
  );
  if (figures.org.available) {
    const same = figures.org.sizes.find((size) => size.partners === figures.partners);
    if (same && !('error' in same))
      lines.push(
        '',
        `Org mode ÷ naive at ${int(figures.partners)} partners (both counted on the fake org's data): ${same.total} ÷ ${int(same.naive)} = ${(same.total / same.naive).toExponential(2)}.`
      );
  }
  return lines.join('\n');
}

function benchmarksMarkdown(figures: Figures): string {
  const { machine: m } = figures;
  return `# Benchmarks

Measured by \`npm run bench\` (scripts/bench/run.ts) on ${figures.date}. Reproduce with:

\`\`\`sh
${figures.command}
\`\`\`

Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB memory, Node ${m.node}, ${m.os}; load average
when the run started: ${m.loadAverage} (a shared machine: other work was running, so wall times are
noisy; every figure is the median of the runs listed, and CPU time is given next to wall time: it
counts every thread of the process, V8's garbage collector threads and the worker threads that read
Opportunity.csv included, so it can exceed the wall time).

What is measured, on the same generated snapshot (\`npm run bench:data\`, DESIGN.md §7 format):

- **(a) parse floor**: every CSV of the snapshot read and parsed by the evaluation's own parser
  (csv-parse with the reader's options, \`CSV_PARSE_OPTIONS\`), doing nothing else
  (\`scripts/bench/floor.ts\`, in a child process).
- **(b) offline evaluation**: \`partner-program evaluate --snapshot <dir> --out <dir> --format json > /dev/null\`
  in a child process: reading and checking the snapshot (SHA-256, row counts, every declared
  column's values), metrics, the tier engine, results.json, results.csv and the write-back plan.
  Peak memory is the child's maximum RSS.
- **(c) org mode** against the local fake Salesforce API, API calls by kind.
- **(d) naive baseline**: per-partner REST queries and per-record updates, counted from the data.

${report(figures)}
`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      partners: { type: 'string', default: '100000' },
      seed: { type: 'string', default: '1' },
      runs: { type: 'string', default: '3' },
      data: { type: 'string' },
      'org-sizes': { type: 'string', default: '1000,10000,100000' },
      'skip-org': { type: 'boolean' },
      'no-write': { type: 'boolean' },
      compare: { type: 'string', multiple: true, default: [] },
      help: { type: 'boolean', short: 'h' }
    },
    strict: true
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const root = findProjectRoot() ?? process.cwd();
  const partners = positiveInteger(values.partners, '--partners');
  const seed = positiveInteger(values.seed, '--seed');
  const runs = positiveInteger(values.runs, '--runs');
  const orgSizes = values['org-sizes'].split(',').map((size) => positiveInteger(size, '--org-sizes'));
  const dataDir = path.resolve(values.data ?? defaultDataDir(root, partners, seed));
  const say = (text: string) => process.stdout.write(text + '\n');
  const info = machine();
  say(`Machine: ${info.cpu}, ${info.cores} cores, ${info.memoryGiB} GiB, Node ${info.node}; load ${info.loadAverage}`);

  if (!existsSync(path.join(dataDir, 'manifest.json'))) {
    say(`Generating the snapshot into ${path.relative(root, dataDir)} …`);
    const generated = await measure(
      ['scripts/bench/generate.ts', '--partners', String(partners), '--seed', String(seed), '--out', dataDir],
      { cwd: root }
    );
    if (!generated.ok) throw new Error(`generating the snapshot failed: ${generated.stderrTail}`);
    process.stdout.write(generated.stdout);
  }
  const manifest = JSON.parse(readFileSync(path.join(dataDir, 'manifest.json'), 'utf8')) as {
    files: Record<string, { rows: number }>;
  };
  const files = Object.fromEntries(Object.entries(manifest.files).map(([name, entry]) => [name, entry.rows]));
  const rows = Object.values(files).reduce((sum, count) => sum + count, 0);
  warmPageCache(dataDir);

  const variants: Variant[] = [
    { label: 'this project', root, runs: [] },
    ...values.compare.map((entry) => {
      const [label, dir] = entry.includes('=') ? entry.split(/=(.*)/s) : [entry, entry];
      return { label, root: path.resolve(dir), runs: [] as Measurement[] };
    })
  ];
  const outDir = mkdtempSync(path.join(tmpdir(), 'pp-bench-out-'));
  const floorRuns: Measurement[] = [];
  let bytes = 0;
  try {
    for (let run = 1; run <= runs; run++) {
      const floor = await measure(['scripts/bench/floor.ts', dataDir], { cwd: root });
      if (!floor.ok) throw new Error(`the parse floor failed: ${floor.stderrTail}`);
      bytes = (JSON.parse(floor.stdout) as { bytes: number }).bytes;
      floorRuns.push(floor);
      say(`run ${run}/${runs}: (a) floor ${runText(floor)}`);
      for (const variant of variants) {
        // After a failed evaluation (e.g. out of memory) that command is not run again.
        if (variant.runs.some((previous) => !previous.ok)) continue;
        const target = path.join(outDir, `run-${run}`);
        const evaluation = await measure(
          ['scripts/bin/partner-program.js', 'evaluate', '--snapshot', dataDir, '--out', target, '--format', 'json'],
          { cwd: variant.root, stdoutToNull: true }
        );
        variant.runs.push(evaluation);
        say(`run ${run}/${runs}: (b) ${variant.label}: ${runText(evaluation)}`);
        if (!evaluation.ok) say(evaluation.stderrTail.trim().split('\n').slice(-4).join('\n'));
        rmSync(target, { recursive: true, force: true });
      }
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }

  say('(d) counting the naive baseline from the data …');
  const naive = await countNaiveCalls(dataDir);
  say(
    values['skip-org']
      ? '(c) org mode: skipped (--skip-org)'
      : '(c) org mode: counting API calls against the fake org …'
  );
  const org: OrgBench = values['skip-org']
    ? { available: false, reason: 'org mode: skipped (--skip-org)' }
    : await measureOrgCalls(root, orgSizes, say);
  if (!org.available) say(org.reason);

  const figures: Figures = {
    partners,
    seed,
    dataDir,
    rows,
    bytes,
    files,
    floorRuns,
    floorSeconds: median(floorRuns.map((run) => run.wallSeconds)),
    floorCpu: medianOf(floorRuns, (run) => run.cpuSeconds),
    floorRss: medianOf(floorRuns, (run) => run.maxRssBytes),
    variants,
    naive,
    org,
    machine: info,
    command: `npm run bench -- --partners ${partners} --seed ${seed} --runs ${runs}${values.compare.map((entry) => ` --compare '${entry.replace(/'/g, "'\\''")}'`).join('')}`,
    date: new Date().toISOString().slice(0, 10)
  };
  const text = report(figures);
  say('');
  say(text);
  if (!values['no-write']) {
    const file = path.join(root, 'BENCHMARKS.md');
    // Formatted as `npm test` checks every Markdown file of the project.
    const options = (await prettier.resolveConfig(file)) ?? {};
    writeFileSync(file, await prettier.format(benchmarksMarkdown(figures), { ...options, filepath: file }));
    say('\nWrote BENCHMARKS.md');
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${(error as Error).message}\n`);
  process.exitCode = 1;
});
