/** CSV as Bulk API 2.0 writes it (every value quoted, null as an empty unquoted value, LF line ends) and reads it. */
import type { Value } from './store.ts';

export function csvCell(value: Value): string {
  if (value === null || value === undefined) return '';
  return `"${String(value).replace(/"/g, '""')}"`;
}

export function csvLine(values: Value[]): string {
  return values.map(csvCell).join(',') + '\n';
}

/** RFC 4180 records of a CSV text (quoted values may hold commas, quotes as "" and line breaks). */
export function csvRecords(text: string): string[][] {
  return csvRecordsWithText(text).map((record) => record.values);
}

/** The records with each record's own text (without its line end), to echo rows back in job results. */
export function csvRecordsWithText(text: string): { values: string[]; text: string }[] {
  const records: { values: string[]; text: string }[] = [];
  let record: string[] = [];
  let position = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let start = position;
  const length = text.length;
  while (position < length) {
    let value: string;
    if (text[position] === '"') {
      let end = position + 1;
      let parts = '';
      for (;;) {
        const quote = text.indexOf('"', end);
        if (quote < 0) throw new Error('CSV: unclosed quote');
        parts += text.slice(end, quote);
        if (text[quote + 1] === '"') {
          parts += '"';
          end = quote + 2;
        } else {
          position = quote + 1;
          break;
        }
      }
      value = parts;
    } else {
      let end = position;
      while (end < length && text[end] !== ',' && text[end] !== '\n' && text[end] !== '\r') end++;
      value = text.slice(position, end);
      position = end;
    }
    record.push(value);
    if (text[position] === ',') {
      position++;
      if (position === length) record.push('');
      continue;
    }
    const end = position;
    if (text[position] === '\r') position++;
    if (text[position] === '\n' || position >= length) {
      position++;
      if (!(record.length === 1 && record[0] === '')) records.push({ values: record, text: text.slice(start, end) });
      record = [];
      start = position;
    }
  }
  return records;
}

export interface ParsedCsv {
  header: string[];
  rows: Record<string, string>[];
  /** Each data row's CSV text, as uploaded. */
  texts: string[];
}

export function parseCsv(text: string): ParsedCsv {
  const [first, ...data] = csvRecordsWithText(text);
  const header = first?.values ?? [];
  return {
    header,
    rows: data.map((record) => Object.fromEntries(header.map((column, index) => [column, record.values[index] ?? '']))),
    texts: data.map((record) => record.text)
  };
}
