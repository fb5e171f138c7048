/*
 * Reads a snapshot folder into the rows the tree conversion takes, through the project's snapshot
 * reader: the manifest's row counts and checksums are checked and every known column is typed.
 * Extra columns (such as numeric profile fields) are kept as text; the conversion types them.
 */
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { readManifest } from '../../lib/snapshot/manifest.ts';
import { hasSnapshotFile, readSnapshotCsv, snapshotFileName } from '../../lib/snapshot/read-csv.ts';
import { ALL_SNAPSHOT_FILES, type ColumnSpec, type SnapshotFileObject } from '../../lib/snapshot/schema.ts';
import { TREE_OBJECTS, type SnapshotTables, type TableRow } from './tree-plan.ts';

const OBJECTS: SnapshotFileObject[] = [...TREE_OBJECTS, 'DatedConversionRate'];

/** The header line of a CSV file (read from its first 64 KiB). */
function readHeader(file: string): string[] {
  const buffer = Buffer.alloc(64 * 1024);
  const fd = openSync(file, 'r');
  let length: number;
  try {
    length = readSync(fd, buffer, 0, buffer.length, 0);
  } finally {
    closeSync(fd);
  }
  const text = buffer.subarray(0, length).toString('utf8');
  const firstLine = text.split(/\r?\n/, 1)[0];
  const [header] = parse(firstLine, { bom: true }) as string[][];
  return header ?? [];
}

export async function readSnapshotTables(snapshotDir: string): Promise<SnapshotTables> {
  const manifest = await readManifest(snapshotDir);
  const tables: SnapshotTables['tables'] = {};
  for (const object of OBJECTS) {
    if (!hasSnapshotFile(snapshotDir, manifest, object)) continue;
    const known: Record<string, unknown> = ALL_SNAPSHOT_FILES[object];
    const extra: Record<string, ColumnSpec> = {};
    const file = path.join(snapshotDir, snapshotFileName(object));
    // A listed but missing file is reported by readSnapshotCsv, with its fix.
    const header = existsSync(file) ? readHeader(file) : [];
    for (const column of header) {
      if (!(column in known)) extra[column] = { type: 'text', required: false };
    }
    const rows: TableRow[] = [];
    for await (const { row } of readSnapshotCsv(snapshotDir, manifest, object, extra)) {
      rows.push(row as TableRow);
    }
    tables[object] = rows;
  }
  return { corporateCurrency: manifest.corporateCurrency, exportedAt: manifest.exportedAt, tables };
}
