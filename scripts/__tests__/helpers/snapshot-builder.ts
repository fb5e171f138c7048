import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { SNAPSHOT_FILES, type SnapshotObject } from '../../lib/snapshot/schema.ts';

export type Cell = string | number | boolean | null | undefined;
export type Table = Record<string, Cell>[];

export interface SnapshotSpec {
  exportedAt?: string;
  corporateCurrency?: string;
  tables: Partial<Record<SnapshotObject, Table>>;
  /** Write these raw file contents instead of generating them (for malformed-input tests). */
  raw?: Record<string, string>;
  /** Manifest entries to leave out (to test a file missing from the manifest). */
  unlisted?: string[];
}

function cellText(value: Cell): string {
  if (value === null || value === undefined) return '';
  return String(value);
}

/** Writes a snapshot folder the way `snapshot --target-org` would, with a correct manifest. */
export function writeSnapshot(spec: SnapshotSpec, dir = mkdtempSync(path.join(tmpdir(), 'pp-snapshot-'))): string {
  const files: Record<string, { rows: number; sha256: string }> = {};
  const objects = Object.keys(SNAPSHOT_FILES) as SnapshotObject[];
  for (const object of objects) {
    const rows = spec.tables[object];
    const name = `${object}.csv`;
    if (rows === undefined && !spec.raw?.[name]) {
      if (object === 'DatedConversionRate' || object === 'Contact') continue;
    }
    const header = Object.entries(SNAPSHOT_FILES[object])
      .filter(([, column]) => column.required)
      .map(([column]) => column);
    for (const row of rows ?? [])
      for (const column of Object.keys(row)) if (!header.includes(column)) header.push(column);
    const content =
      spec.raw?.[name] ??
      stringify([header, ...(rows ?? []).map((row) => header.map((column) => cellText(row[column])))]);
    writeFileSync(path.join(dir, name), content);
    if (spec.unlisted?.includes(name)) continue;
    const lines = content.split('\n').filter((line) => line.length > 0).length;
    files[name] = { rows: Math.max(0, lines - 1), sha256: createHash('sha256').update(content).digest('hex') };
  }
  writeFileSync(
    path.join(dir, 'manifest.json'),
    JSON.stringify(
      {
        format: 'partner-program-snapshot/1',
        source: 'test',
        exportedAt: spec.exportedAt ?? '2026-10-05T06:00:00.000Z',
        corporateCurrency: spec.corporateCurrency ?? 'USD',
        files
      },
      null,
      2
    )
  );
  return dir;
}

/** A capturing IO for running the CLI in-process. */
export function captureIo() {
  const io = {
    out: '',
    err: '',
    stdout: (text: string) => (io.out += text),
    stderr: (text: string) => (io.err += text),
    interactive: false
  };
  return io;
}
