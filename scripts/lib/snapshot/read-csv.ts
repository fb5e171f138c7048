import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse';
import { isIsoDate } from '../../../force-app/main/default/lwc/tierEngine/tierEngine.ts';
import { csvLocation, UserError } from '../errors.ts';
import type { Manifest } from './manifest.ts';
import {
  SNAPSHOT_FILES,
  type ColumnSpec,
  type ColumnType,
  type FileSpec,
  type Row,
  type SnapshotObject
} from './schema.ts';

export interface Located<R> {
  row: R;
  /** 1 = the first data row. */
  rowNumber: number;
  line: number;
}

const NUMBER = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;

const FORMAT_HINTS: Record<Exclude<ColumnType, 'text'>, string> = {
  number: 'Write numbers with a dot as decimal separator and no grouping, e.g. 12500.50.',
  date: 'Write dates as YYYY-MM-DD, e.g. 2026-09-30.',
  boolean: 'Write true or false.'
};

function parseCell(text: string, type: ColumnType): string | number | boolean | null | undefined {
  if (text === '') return null;
  switch (type) {
    case 'text':
      return text;
    case 'number':
      return NUMBER.test(text.trim()) ? Number(text) : undefined;
    case 'date':
      return isIsoDate(text) ? text : undefined;
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : undefined;
  }
}

/** Called every PROGRESS_EVERY rows and once at the end of a file (`done`). */
export type ReadProgress = (file: string, rows: number, done: boolean) => void;
const PROGRESS_EVERY = 100_000;

export function snapshotFileName(object: SnapshotObject): string {
  return `${object}.csv`;
}

export function hasSnapshotFile(snapshotDir: string, manifest: Manifest, object: SnapshotObject): boolean {
  const name = snapshotFileName(object);
  return name in manifest.files || existsSync(path.join(snapshotDir, name));
}

/**
 * Streams one snapshot CSV as typed rows. Memory stays flat whatever the file's size. The file's
 * row count and SHA-256 are checked against the manifest once the last row has been read, so a
 * changed or truncated file fails the run before anything is written.
 * `extraColumns` adds required columns (the numeric profile fields `FIELD:` criteria read).
 */
export async function* readSnapshotCsv<O extends SnapshotObject>(
  snapshotDir: string,
  manifest: Manifest,
  object: O,
  extraColumns: Record<string, ColumnSpec> = {},
  progress?: ReadProgress
): AsyncGenerator<Located<Row<O>>> {
  const name = snapshotFileName(object);
  const file = path.join(snapshotDir, name);
  const expected = manifest.files[name];
  if (!expected) {
    throw new UserError(`${name} is not listed in ${path.join(snapshotDir, 'manifest.json')}.`, {
      hint: 'Every CSV of a snapshot is listed in its manifest with its row count and SHA-256; take the snapshot again or add the entry.'
    });
  }
  if (!existsSync(file)) {
    throw new UserError(`Snapshot file missing: ${file} (listed in manifest.json).`, {
      hint: 'Copy the whole snapshot folder, or take the snapshot again.'
    });
  }
  const spec: FileSpec = { ...SNAPSHOT_FILES[object], ...extraColumns };
  const hash = createHash('sha256');
  const source = createReadStream(file);
  source.on('data', (chunk) => hash.update(chunk));
  const parser = source.pipe(parse({ bom: true, info: true, relax_column_count: false, skip_empty_lines: true }));
  source.on('error', (error) => parser.destroy(error));

  let columns: { name: string; index: number; spec: ColumnSpec }[] = [];
  let rowNumber = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (rowNumber === 0 && columns.length === 0) {
        columns = checkHeader(name, record, spec);
        continue;
      }
      rowNumber++;
      if (progress && rowNumber % PROGRESS_EVERY === 0) progress(name, rowNumber, false);
      const row: Record<string, unknown> = {};
      for (const column of columns) {
        const text = column.index >= 0 ? record[column.index] : '';
        const value = parseCell(text, column.spec.type);
        if (value === undefined) {
          throw new UserError(
            `${csvLocation(name, rowNumber, info.lines, column.name)}: "${text}" is not a valid ${column.spec.type}.`,
            { hint: FORMAT_HINTS[column.spec.type as Exclude<ColumnType, 'text'>] }
          );
        }
        row[column.name] = value;
      }
      yield { row: row as Row<O>, rowNumber, line: info.lines };
    }
  } catch (error) {
    if (error instanceof UserError) throw error;
    const csvError = error as Error & { code?: string; lines?: number };
    if (csvError.code?.startsWith('CSV_')) {
      throw new UserError(`${name}, line ${csvError.lines ?? '?'}: the CSV cannot be read: ${csvError.message}`, {
        hint: 'Check quoting and that every row has as many values as the header has columns.'
      });
    }
    throw error;
  }
  progress?.(name, rowNumber, true);
  if (columns.length === 0) {
    throw new UserError(`${name} is empty: it needs at least its header line.`);
  }
  if (rowNumber !== expected.rows) {
    throw new UserError(`${name} has ${rowNumber} rows but manifest.json says ${expected.rows}.`, {
      hint: 'The file was truncated or edited after the snapshot was taken; take the snapshot again.'
    });
  }
  const digest = hash.digest('hex');
  if (digest !== expected.sha256) {
    throw new UserError(`${name} was changed after the snapshot was taken: its SHA-256 does not match manifest.json.`, {
      hint: 'A snapshot is an audit record; take a new snapshot instead of editing one.'
    });
  }
}

function checkHeader(
  name: string,
  header: string[],
  spec: FileSpec
): { name: string; index: number; spec: ColumnSpec }[] {
  const seen = new Map<string, number>();
  header.forEach((column, index) => {
    if (seen.has(column)) {
      throw new UserError(`${name}, line 1: column ${column} appears twice in the header.`);
    }
    seen.set(column, index);
  });
  const missing = Object.entries(spec)
    .filter(([column, columnSpec]) => columnSpec.required && !seen.has(column))
    .map(([column]) => column);
  if (missing.length > 0) {
    throw new UserError(`${name}, line 1: the header lacks column(s) ${missing.join(', ')}.`, {
      hint: `The header has: ${header.join(', ')}. Columns are field API names (docs/snapshot-format.md).`
    });
  }
  return Object.entries(spec).map(([column, columnSpec]) => ({
    name: column,
    index: seen.get(column) ?? -1,
    spec: columnSpec
  }));
}
