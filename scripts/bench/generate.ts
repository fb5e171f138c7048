/*
 * Writes a deterministic benchmark snapshot (scripts/bench/lib/generator.ts).
 *
 *   npm run bench:data -- --partners 100000 --seed 1 [--out bench-data/partners-100000-seed-1]
 *
 * The default folder is under bench-data/ (git-ignored). Rows written per file are shown on an
 * interactive terminal.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { findProjectRoot } from '../lib/project.ts';
import { defaultDataDir, generateSnapshot } from './lib/generator.ts';
import { positiveInteger } from './lib/args.ts';

const HELP = `Usage: npm run bench:data -- [--partners N] [--seed S] [--out dir] [--opportunities-per-partner K]

Writes a deterministic snapshot of N partners (default 100000) in the snapshot format of
docs/snapshot-format.md: per 100,000 partners 2,000,000 opportunities, 400,000 delivery reviews,
300,000 certifications, 500,000 evidence records, stored evaluations, exceptions and dated rates.
Default folder: bench-data/partners-N-seed-S.
`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      partners: { type: 'string', default: '100000' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
      'opportunities-per-partner': { type: 'string' },
      help: { type: 'boolean', short: 'h' }
    },
    strict: true
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const partners = positiveInteger(values.partners, '--partners');
  const seed = positiveInteger(values.seed, '--seed');
  const root = findProjectRoot() ?? process.cwd();
  const outDir = path.resolve(values.out ?? defaultDataDir(root, partners, seed));
  const perPartner = values['opportunities-per-partner'];
  const interactive = Boolean(process.stderr.isTTY);
  const started = performance.now();
  const result = generateSnapshot({
    partners,
    seed,
    outDir,
    opportunitiesPerPartner: perPartner === undefined ? undefined : Number(perPartner),
    progress: interactive
      ? (file, rows, total) =>
          process.stderr.write(
            `\r  writing ${file}: ${rows.toLocaleString('en-US')}${total ? ` of ${total.toLocaleString('en-US')}` : ''} rows\x1b[K`
          )
      : undefined
  });
  if (interactive) process.stderr.write('\r\x1b[K');
  for (const [file, written] of Object.entries(result.files).sort(([a], [b]) => a.localeCompare(b)))
    process.stdout.write(
      `${file.padEnd(30)} ${written.rows.toLocaleString('en-US').padStart(11)} rows ${(written.bytes / 1e6).toFixed(1).padStart(8)} MB\n`
    );
  process.stdout.write(
    `Wrote ${result.totalRows.toLocaleString('en-US')} rows (${(result.totalBytes / 1e6).toFixed(1)} MB) to ${path.relative(process.cwd(), outDir) || '.'} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:data: ${(error as Error).message}\n`);
  process.exitCode = 1;
});
