/** The run files' CSV reader against csv-parse, including values that straddle read chunks, and the row counter. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { CsvRowCounter } from '../csv-rows.ts';
import { readCsvRecords, readCsvRows } from '../csv-files.ts';

const write = (text: string) => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'pp-csv-')), 'file.csv');
  writeFileSync(file, text);
  return file;
};

async function records(file: string): Promise<string[][]> {
  const all: string[][] = [];
  for await (const record of readCsvRecords(file)) all.push(record);
  return all;
}

describe('readCsvRecords', () => {
  it('reads what csv-parse reads: quotes, escaped quotes, commas, line breaks, CRLF, empty values', async () => {
    const text = '\ufeff"a","b","c"\r\n"x ""y"", z","line\nbreak",\r\n,,"last"\n"",plain,"tail"';
    expect(await records(write(text))).toEqual([
      ['a', 'b', 'c'],
      ['x "y", z', 'line\nbreak', ''],
      ['', '', 'last'],
      ['', 'plain', 'tail']
    ]);
  });

  it('is exact across read chunks (values larger than a chunk, quotes at chunk edges)', async () => {
    const rows = Array.from({ length: 400 }, (_, index) => [
      `key-${index}`,
      `"${'x'.repeat(3000 + index)}", quoted`,
      index % 2 ? 'multi\nline' : ''
    ]);
    const text = stringify([['Key', 'Big', 'Note'], ...rows]);
    expect(text.length).toBeGreaterThan(1 << 20);
    expect(await records(write(text))).toEqual(parse(text));
    const keyed: string[] = [];
    for await (const row of readCsvRows(write(text))) keyed.push(row.Key);
    expect(keyed).toEqual(rows.map((row) => row[0]));
  });

  it('yields nothing for a missing file', async () => {
    expect(await records('/nonexistent/file.csv')).toEqual([]);
  });
});

describe('CsvRowCounter', () => {
  it('counts records, not lines, and a last record without a line feed', () => {
    const counter = new CsvRowCounter();
    const text = Buffer.from('"h"\n"a\nb","c"\n"d","e""\n"\n"f","g"');
    counter.push(text.subarray(0, 7));
    counter.push(text.subarray(7));
    expect(counter.records).toBe(parse(text, { relax_column_count: true }).length);
  });
});
