import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse';
import { isIsoDate } from '../../../force-app/main/default/lwc/tierEngine/tierEngine.ts';
import { csvLocation, UserError } from '../errors.ts';
import type { Manifest } from './manifest.ts';
import {
  ALL_SNAPSHOT_FILES,
  type ColumnSpec,
  type ColumnType,
  type FileSpec,
  type Row,
  type SnapshotFileObject
} from './schema.ts';

export interface Located<R> {
  row: R;
  /** 1 = the first data row. */
  rowNumber: number;
  line: number;
}

/**
 * The parser options of every snapshot read (the benchmark's parse floor uses exactly these).
 * Records carry no line numbers (csv-parse's `info` copies several objects per record): the line
 * of a row is looked up again only when a message needs it (`csvLinesOfRows`).
 */
export const CSV_PARSE_OPTIONS = { bom: true, relax_column_count: false, skip_empty_lines: true } as const;

const NUMBER = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;

const FORMAT_HINTS: Record<Exclude<ColumnType, 'text'>, string> = {
  number: 'Write numbers with a dot as decimal separator and no grouping, e.g. 12500.50.',
  date: 'Write dates as YYYY-MM-DD, e.g. 2026-09-30.',
  datetime: 'Write date-times as Bulk API 2.0 does, e.g. 2026-09-30T14:05:00.000Z.',
  boolean: 'Write true or false.'
};

/** Answers of isIsoDate by text: a snapshot has a few thousand distinct dates in millions of cells. */
const DATE_ANSWERS = new Map<string, boolean>();
const DATE_ANSWERS_MAX = 1 << 16;

/**
 * Exactly tierEngine's `isIsoDate` (the engine's own answer, remembered per distinct text), without
 * building a Date for every date cell of the snapshot.
 */
export function isIsoDateText(text: string): boolean {
  let answer = DATE_ANSWERS.get(text);
  if (answer === undefined) {
    answer = isIsoDate(text);
    if (DATE_ANSWERS.size < DATE_ANSWERS_MAX) DATE_ANSWERS.set(text, answer);
  }
  return answer;
}

const DATETIME = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:?\d{2})$/;

/** A Bulk API 2.0 date-time (`2026-09-30T14:05:00.000Z`): a valid date, a time and a zone. */
export function isIsoDateTimeText(text: string): boolean {
  const match = DATETIME.exec(text);
  return match !== null && isIsoDateText(match[1]) && !Number.isNaN(Date.parse(text));
}

function skipDigits(text: string, from: number): number {
  let index = from;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code < 48 || code > 57) break;
    index++;
  }
  return index;
}

/**
 * A number cell's value, or undefined when it is not a number: `-?digits[.digits][e±digits]`,
 * surrounding white space allowed. The common case (no white space) is checked by a character scan;
 * anything else takes the regular expression, so both accept exactly the same texts.
 */
export function parseNumberText(text: string): number | undefined {
  let index = text.charCodeAt(0) === 45 ? 1 : 0;
  let next = skipDigits(text, index);
  let strict = next > index;
  index = next;
  if (strict && index < text.length && text.charCodeAt(index) === 46) {
    next = skipDigits(text, index + 1);
    strict = next > index + 1;
    index = next;
  }
  if (strict && index < text.length && (text.charCodeAt(index) | 32) === 101) {
    let digits = index + 1;
    const sign = text.charCodeAt(digits);
    if (sign === 43 || sign === 45) digits++;
    next = skipDigits(text, digits);
    strict = next > digits;
    index = next;
  }
  if (strict && index === text.length) return Number(text);
  return NUMBER.test(text.trim()) ? Number(text) : undefined;
}

function parseCell(text: string, type: ColumnType): string | number | boolean | null | undefined {
  if (text === '') return null;
  switch (type) {
    case 'text':
      return text;
    case 'number':
      return parseNumberText(text);
    case 'date':
      return isIsoDateText(text) ? text : undefined;
    case 'datetime':
      return isIsoDateTimeText(text) ? text : undefined;
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : undefined;
  }
}

/** Called every PROGRESS_EVERY rows and once at the end of a file (`done`). */
export type ReadProgress = (file: string, rows: number, done: boolean) => void;
const PROGRESS_EVERY = 100_000;
/** Bigger reads than the stream default (64 KiB): fewer parser calls, same memory bound. */
export const READ_CHUNK_BYTES = 1 << 20;

export function snapshotFileName(object: SnapshotFileObject): string {
  return `${object}.csv`;
}

export function hasSnapshotFile(snapshotDir: string, manifest: Manifest, object: SnapshotFileObject): boolean {
  const name = snapshotFileName(object);
  return name in manifest.files || existsSync(path.join(snapshotDir, name));
}

/** The file of `object`, after checking that the manifest lists it and that it exists. */
function listedFile(snapshotDir: string, manifest: Manifest, object: SnapshotFileObject) {
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
  return { name, file, expected };
}

function invalidValue(name: string, rowNumber: number, line: number, column: string, text: string, type: ColumnType) {
  return new UserError(`${csvLocation(name, rowNumber, line, column)}: "${text}" is not a valid ${type}.`, {
    hint: FORMAT_HINTS[type as Exclude<ColumnType, 'text'>]
  });
}

/** A csv-parse error (bad quoting, wrong number of values) as the message the user sees. */
function unreadable(name: string, error: unknown): unknown {
  if (error instanceof UserError) return error;
  const csvError = error as Error & { code?: string; lines?: number };
  if (csvError.code?.startsWith('CSV_')) {
    return new UserError(`${name}, line ${csvError.lines ?? '?'}: the CSV cannot be read: ${csvError.message}`, {
      hint: 'Check quoting and that every row has as many values as the header has columns.'
    });
  }
  return error;
}

/** After the last row: the file had a header, as many rows as the manifest says, and its SHA-256. */
function checkComplete(
  name: string,
  hasHeader: boolean,
  rowNumber: number,
  expected: { rows: number; sha256: string },
  digest: string
) {
  if (!hasHeader) {
    throw new UserError(`${name} is empty: it needs at least its header line.`);
  }
  if (rowNumber !== expected.rows) {
    throw new UserError(`${name} has ${rowNumber} rows but manifest.json says ${expected.rows}.`, {
      hint: 'The file was truncated or edited after the snapshot was taken; take the snapshot again.'
    });
  }
  if (digest !== expected.sha256) {
    throw new UserError(`${name} was changed after the snapshot was taken: its SHA-256 does not match manifest.json.`, {
      hint: 'A snapshot is an audit record; take a new snapshot instead of editing one.'
    });
  }
}

/**
 * Streams one snapshot CSV as typed rows. Memory stays flat whatever the file's size. The file's
 * row count and SHA-256 are checked against the manifest once the last row has been read, so a
 * changed or truncated file fails the run before anything is written.
 * `extraColumns` adds required columns (the numeric profile fields `FIELD:` criteria read).
 * For the large files of an evaluation, `scanSnapshotCsv` does the same checks without building
 * an object per row.
 */
export async function* readSnapshotCsv<O extends SnapshotFileObject>(
  snapshotDir: string,
  manifest: Manifest,
  object: O,
  extraColumns: Record<string, ColumnSpec> = {},
  progress?: ReadProgress
): AsyncGenerator<Located<Row<O>>> {
  const { name, file, expected } = listedFile(snapshotDir, manifest, object);
  const spec: FileSpec = { ...ALL_SNAPSHOT_FILES[object], ...extraColumns };
  const hash = createHash('sha256');
  const source = createReadStream(file);
  source.on('data', (chunk) => hash.update(chunk));
  const parser = source.pipe(parse({ ...CSV_PARSE_OPTIONS, info: true }));
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
        if (value === undefined) throw invalidValue(name, rowNumber, info.lines, column.name, text, column.spec.type);
        row[column.name] = value;
      }
      yield { row: row as Row<O>, rowNumber, line: info.lines };
    }
  } catch (error) {
    throw unreadable(name, error);
  }
  progress?.(name, rowNumber, true);
  checkComplete(name, columns.length > 0, rowNumber, expected, hash.digest('hex'));
}

/**
 * Where each declared column of a file is in its records: the cell index, or -1 for an optional
 * column the file does not have (read it as empty, i.e. null).
 */
export type ColumnIndex<O extends SnapshotFileObject> = Record<keyof (typeof ALL_SNAPSHOT_FILES)[O], number> &
  Record<string, number>;

/** Handles one data row: `cells` are the raw texts (every declared column already validated). */
export type RowHandler = (cells: string[], rowNumber: number) => void;

/**
 * A problem with one row that a row handler found (a duplicate, an unknown tier): thrown from the
 * handler; the reader looks up the row's line and throws the UserError `describe` builds with it.
 */
export class RowProblem extends Error {
  readonly rowNumber: number;
  readonly describe: (line: number) => UserError;

  constructor(rowNumber: number, describe: (line: number) => UserError) {
    super(`row ${rowNumber}`);
    this.rowNumber = rowNumber;
    this.describe = describe;
  }
}

/** Lines (1 = the header) of the given data rows of a snapshot file, found by parsing it again. */
export async function csvLinesOfRows(file: string, rowNumbers: Iterable<number>): Promise<Map<number, number>> {
  const wanted = new Set(rowNumbers);
  const lines = new Map<number, number>();
  if (wanted.size === 0) return lines;
  const last = Math.max(...wanted);
  const parser = createReadStream(file).pipe(parse({ ...CSV_PARSE_OPTIONS, info: true }));
  let record = -1;
  try {
    for await (const { info } of parser as AsyncIterable<{ info: { lines: number } }>) {
      record++;
      if (wanted.has(record)) lines.set(record, info.lines);
      if (record >= last) break;
    }
  } finally {
    parser.destroy();
  }
  return lines;
}

/** A byte range of a CSV file that starts at a record boundary (see `csvRecordBoundary`). */
export interface CsvPart {
  start: number;
  /** Exclusive; undefined: to the end of the file. */
  end?: number;
  /** The file's header record when the part does not start with it; null when it does. */
  header: string[] | null;
}

/**
 * Parses `part` of a file (all of it by default) and hands each data row, its declared columns
 * validated, to the row handler `handler` returns for the header's column index. `onBytes` sees
 * every chunk read, in order (for the SHA-256). Row numbers count from 1 within the part. Errors
 * are raw: a RowProblem, a UserError of the header check, or a csv-parse error.
 */
async function scanRecords<O extends SnapshotFileObject>(
  file: string,
  name: string,
  spec: FileSpec,
  part: CsvPart,
  handler: (columns: ColumnIndex<O>) => RowHandler,
  progress: ReadProgress | undefined,
  onBytes?: (chunk: Buffer) => void
): Promise<{ rows: number; hasHeader: boolean }> {
  const source = createReadStream(file, {
    highWaterMark: READ_CHUNK_BYTES,
    start: part.start,
    end: part.end === undefined ? undefined : part.end - 1
  });
  const parser = parse(CSV_PARSE_OPTIONS);

  let hasHeader = false;
  let onRow: RowHandler = () => undefined;
  // The columns whose values can be invalid, in the header check's order (text is always valid).
  let checked: { name: string; index: number; type: ColumnType }[] = [];
  let rowNumber = 0;

  const useHeader = (record: string[]): void => {
    const columns = checkHeader(name, record, spec);
    hasHeader = true;
    checked = columns
      .filter((column) => column.index >= 0 && column.spec.type !== 'text')
      .map((column) => ({ name: column.name, index: column.index, type: column.spec.type }));
    const index: Record<string, number> = {};
    for (const column of columns) index[column.name] = column.index;
    onRow = handler(index as ColumnIndex<O>);
  };
  if (part.header !== null) useHeader(part.header);

  const handle = (record: string[]): void => {
    if (!hasHeader) {
      useHeader(record);
      return;
    }
    rowNumber++;
    if (progress && rowNumber % PROGRESS_EVERY === 0) progress(name, rowNumber, false);
    for (let position = 0; position < checked.length; position++) {
      const column = checked[position];
      const text = record[column.index];
      if (text === '') continue;
      const valid =
        column.type === 'date'
          ? isIsoDateText(text)
          : column.type === 'datetime'
            ? isIsoDateTimeText(text)
            : column.type === 'boolean'
              ? text === 'true' || text === 'false'
              : parseNumberText(text) !== undefined;
      if (!valid) {
        const { name: columnName, type } = column;
        throw new RowProblem(rowNumber, (line) => invalidValue(name, rowNumber, line, columnName, text, type));
      }
    }
    onRow(record, rowNumber);
  };

  await new Promise<void>((resolve, reject) => {
    let failed = false;
    const fail = (error: unknown): void => {
      if (failed) return;
      failed = true;
      source.unpipe(parser);
      source.destroy();
      parser.destroy();
      reject(error);
    };
    if (onBytes) source.on('data', (chunk) => onBytes(chunk as Buffer));
    source.on('error', fail);
    parser.on('error', fail);
    parser.on('readable', () => {
      try {
        let record: string[] | null;
        while (!failed && (record = parser.read() as string[] | null) !== null) handle(record);
      } catch (error) {
        fail(error);
      }
    });
    parser.on('end', () => {
      if (!failed) resolve();
    });
    source.pipe(parser);
  });
  return { rows: rowNumber, hasHeader };
}

/**
 * Streams one snapshot CSV to a row handler, with the checks of `readSnapshotCsv` (header, every
 * declared column's values, row count, SHA-256) and the same messages, but without an object or a
 * promise per row: the handler reads the cells it needs through the column index it was given.
 * `handler` is called once with the index, after the header has been read, and returns the row
 * handler. Returns the number of data rows.
 *
 * Cells are validated in place (no Date per date cell), and the line of a row is looked up only
 * when a message names it, so reading costs little more than parsing.
 */
export async function scanSnapshotCsv<O extends SnapshotFileObject>(
  snapshotDir: string,
  manifest: Manifest,
  object: O,
  handler: (columns: ColumnIndex<O>) => RowHandler,
  options: { extraColumns?: Record<string, ColumnSpec>; progress?: ReadProgress } = {}
): Promise<number> {
  const { name, file, expected } = listedFile(snapshotDir, manifest, object);
  const spec: FileSpec = { ...ALL_SNAPSHOT_FILES[object], ...options.extraColumns };
  const hash = createHash('sha256');
  let scanned: { rows: number; hasHeader: boolean };
  try {
    scanned = await scanRecords(file, name, spec, { start: 0, header: null }, handler, options.progress, (chunk) =>
      hash.update(chunk)
    );
  } catch (error) {
    if (error instanceof RowProblem) {
      const lines = await csvLinesOfRows(file, [error.rowNumber]);
      throw error.describe(lines.get(error.rowNumber) ?? error.rowNumber + 1);
    }
    throw unreadable(name, error);
  }
  options.progress?.(name, scanned.rows, true);
  checkComplete(name, scanned.hasHeader, scanned.rows, expected, hash.digest('hex'));
  return scanned.rows;
}

/**
 * One part of a snapshot CSV (a worker thread's share of a large file): the same parsing and
 * validation as `scanSnapshotCsv`, but no file-level checks and raw errors (row numbers count
 * within the part): the caller checks the whole file with `checkSnapshotCsv`, and on any error
 * reads the file again in one piece for the message.
 */
export async function scanSnapshotCsvPart<O extends SnapshotFileObject>(
  snapshotDir: string,
  manifest: Manifest,
  object: O,
  part: CsvPart,
  handler: (columns: ColumnIndex<O>) => RowHandler,
  options: { extraColumns?: Record<string, ColumnSpec>; progress?: ReadProgress } = {}
): Promise<number> {
  const { name, file } = listedFile(snapshotDir, manifest, object);
  const spec: FileSpec = { ...ALL_SNAPSHOT_FILES[object], ...options.extraColumns };
  const { rows, hasHeader } = await scanRecords(file, name, spec, part, handler, options.progress);
  if (!hasHeader) throw new Error(`${name}: no header in the part from byte ${part.start}`);
  return rows;
}

/** The SHA-256 of a snapshot file (for `checkSnapshotCsv`, when the file was read in parts). */
export async function snapshotCsvDigest(
  snapshotDir: string,
  manifest: Manifest,
  object: SnapshotFileObject
): Promise<string> {
  const { file } = listedFile(snapshotDir, manifest, object);
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: READ_CHUNK_BYTES })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The file-level checks after a file was read in parts: its row count and SHA-256, as `scanSnapshotCsv` makes them. */
export function checkSnapshotCsv(
  snapshotDir: string,
  manifest: Manifest,
  object: SnapshotFileObject,
  rows: number,
  digest: string
): void {
  const { name, expected } = listedFile(snapshotDir, manifest, object);
  checkComplete(name, true, rows, expected, digest);
}

/** The header record of a CSV file. */
export async function csvHeader(file: string): Promise<string[]> {
  const parser = createReadStream(file, { highWaterMark: 1 << 16 }).pipe(parse(CSV_PARSE_OPTIONS));
  try {
    for await (const record of parser as AsyncIterable<string[]>) return record;
  } finally {
    parser.destroy();
  }
  return [];
}

const QUOTE = 0x22;
const NEWLINE = 0x0a;

/**
 * The offset just after the first record delimiter at or after `near`: a line feed preceded by an
 * even number of quote characters. In a CSV that csv-parse accepts (quotes only around fields, a
 * quote inside doubled) that is exactly a record boundary; for any other file the first part's
 * parse fails, and the caller falls back to reading the file in one piece. Null when there is none.
 */
export async function csvRecordBoundary(file: string, near: number): Promise<number | null> {
  let quotes = 0;
  let offset = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: READ_CHUNK_BYTES })) {
    const bytes = chunk as Buffer;
    const from = Math.max(0, near - offset);
    for (
      let index = bytes.indexOf(QUOTE);
      index >= 0 && index < Math.min(from, bytes.length);
      index = bytes.indexOf(QUOTE, index + 1)
    )
      quotes++;
    for (let index = from; index < bytes.length; index++) {
      const byte = bytes[index];
      if (byte === QUOTE) quotes++;
      else if (byte === NEWLINE && quotes % 2 === 0) return offset + index + 1;
    }
    offset += bytes.length;
  }
  return null;
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
