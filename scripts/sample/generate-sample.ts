/*
 * Writes the bundled sample program, data/sample/: one CSV per SObject and manifest.json, in the
 * format of docs/snapshot-format.md. Deterministic: no clock, no Math.random(); running it twice
 * gives byte-identical files.
 *
 *   node scripts/sample/generate-sample.ts
 *
 * The scenarios are in scenarios.ts; the expected decisions, written by hand from the rules, are in
 * scripts/__tests__/golden/sample-expected.json; the storyline is in data/sample/README.md.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { stringify } from 'csv-stringify/sync';
import { buildSnapshot } from './build.ts';
import { EXPORTED_AT } from './dates.ts';
import { SCENARIOS } from './scenarios.ts';
import { COLUMNS } from './tables.ts';
import type { SObjectName } from './tables.ts';

const OUTPUT_DIR = fileURLToPath(new URL('../../data/sample/', import.meta.url));

function main(): void {
  const tables = buildSnapshot(SCENARIOS);
  mkdirSync(OUTPUT_DIR, { recursive: true });
  // Remove CSVs of an earlier run that this run would not write.
  for (const file of readdirSync(OUTPUT_DIR)) {
    if (file.endsWith('.csv') && !(file.slice(0, -4) in COLUMNS)) rmSync(OUTPUT_DIR + file);
  }

  const files: Record<string, { rows: number; sha256: string }> = {};
  for (const name of (Object.keys(COLUMNS) as SObjectName[]).sort()) {
    const rows = tables[name];
    const text = stringify(rows, { header: true, columns: [...COLUMNS[name]], record_delimiter: '\n' });
    const bytes = Buffer.from(text, 'utf8');
    writeFileSync(`${OUTPUT_DIR}${name}.csv`, bytes);
    files[`${name}.csv`] = { rows: rows.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  }

  const manifest = {
    format: 'partner-program-snapshot/1',
    source: 'sample',
    exportedAt: EXPORTED_AT,
    corporateCurrency: 'USD',
    files
  };
  writeFileSync(`${OUTPUT_DIR}manifest.json`, JSON.stringify(manifest, null, 2) + '\n');

  for (const [file, entry] of Object.entries(files))
    console.log(`${file.padEnd(30)} ${String(entry.rows).padStart(5)} rows`);
  console.log(`Wrote ${Object.keys(files).length} CSV files and manifest.json to data/sample/`);
}

main();
