/*
 * The CSV files of a run, read as streams (RFC 4180: quoted values may hold commas, "" and line
 * breaks) with a small parser: Bulk job results of 10,000 rows carry each row's criteria JSON, and a
 * general-purpose parser spends most of a run's time on them. Written with csv-stringify.
 */
import { createReadStream, existsSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';

/** Streams a CSV file's records (arrays of values); a missing file yields nothing. */
export async function* readCsvRecords(file: string): AsyncGenerator<string[]> {
  if (!existsSync(file)) return;
  let record: string[] = [];
  let field = '';
  let inQuotes = false;
  // A closing quote was just read: a second quote right after it is an escaped quote.
  let afterQuote = false;
  let first = true;
  const records: string[][] = [];
  for await (const text of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const chunk = first && (text as string).charCodeAt(0) === 0xfeff ? (text as string).slice(1) : (text as string);
    first = false;
    let index = 0;
    while (index < chunk.length) {
      if (inQuotes) {
        const quote = chunk.indexOf('"', index);
        if (quote < 0) {
          field += chunk.slice(index);
          index = chunk.length;
        } else {
          field += chunk.slice(index, quote);
          index = quote + 1;
          inQuotes = false;
          afterQuote = true;
        }
        continue;
      }
      const char = chunk[index];
      if (afterQuote) {
        afterQuote = false;
        if (char === '"') {
          field += '"';
          inQuotes = true;
          index++;
          continue;
        }
      }
      if (char === '"') {
        inQuotes = true;
        index++;
      } else if (char === ',') {
        record.push(field);
        field = '';
        index++;
      } else if (char === '\n' || char === '\r') {
        record.push(field);
        field = '';
        if (!(record.length === 1 && record[0] === '')) records.push(record);
        record = [];
        index++;
      } else {
        let end = index;
        while (end < chunk.length) {
          const next = chunk[end];
          if (next === ',' || next === '\n' || next === '\r' || next === '"') break;
          end++;
        }
        field += chunk.slice(index, end);
        index = end;
      }
    }
    yield* records.splice(0);
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    yield record;
  }
}

/** Streams a CSV's rows as objects keyed by header; a missing or empty file yields nothing. */
export async function* readCsvRows(file: string): AsyncGenerator<Record<string, string>> {
  let header: string[] | null = null;
  for await (const record of readCsvRecords(file)) {
    if (!header) {
      header = record;
      continue;
    }
    const row: Record<string, string> = {};
    for (let index = 0; index < header.length; index++) row[header[index]] = record[index] ?? '';
    yield row;
  }
}

/** A whole CSV file as header and records (for the plan-sized files of a run). */
export async function readCsvTable(file: string): Promise<{ header: string[]; records: string[][] }> {
  const records: string[][] = [];
  for await (const record of readCsvRecords(file)) records.push(record);
  const [header = [], ...rest] = records;
  return { header, records: rest };
}

export function csvText(header: string[], rows: string[][]): string {
  return stringify([header, ...rows]);
}
