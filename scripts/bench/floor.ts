/*
 * The parse floor: reads every CSV listed in a snapshot's manifest with the evaluation's own parser
 * (csv-parse with the reader's options, CSV_PARSE_OPTIONS, and its read size) and does nothing else
 * with the records. `npm run bench` runs it in a child process and times it; the evaluation is
 * compared with it.
 *
 *   node scripts/bench/floor.ts <snapshot dir> [--iterate]
 *
 * Records are drained the way the reader drains them (a synchronous read() loop on 'readable');
 * --iterate uses `for await` over the parser instead (slower: a promise per record), for comparison.
 * Prints one JSON line: { "files": n, "rows": n, "bytes": n }.
 */
import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse';
import { readManifest } from '../lib/snapshot/manifest.ts';
import { CSV_PARSE_OPTIONS, READ_CHUNK_BYTES } from '../lib/snapshot/read-csv.ts';

async function parseFile(file: string, iterate: boolean): Promise<number> {
  const parser = createReadStream(file, { highWaterMark: READ_CHUNK_BYTES }).pipe(parse(CSV_PARSE_OPTIONS));
  let records = 0;
  if (iterate) {
    for await (const _record of parser) records++;
    return records - 1;
  }
  await new Promise<void>((resolve, reject) => {
    parser.on('readable', () => {
      while (parser.read() !== null) records++;
    });
    parser.on('end', resolve);
    parser.on('error', reject);
  });
  return records - 1;
}

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: node scripts/bench/floor.ts <snapshot dir> [--iterate]');
  const iterate = process.argv.includes('--iterate');
  const manifest = await readManifest(dir);
  let rows = 0;
  let bytes = 0;
  const names = Object.keys(manifest.files).sort();
  for (const name of names) {
    const file = path.join(dir, name);
    rows += await parseFile(file, iterate);
    bytes += statSync(file).size;
  }
  process.stdout.write(JSON.stringify({ files: names.length, rows, bytes }) + '\n');
}

await main();
