/*
 * The rows of a write-back plan that change something in the org. The run's snapshot holds every
 * written field's value before the run (snapshot-queries.ts); a plan row whose every value is
 * already there is left out, so applying the same quarter again sends nothing and changes nothing.
 * Run_Id__c is not compared: it fingerprints the inputs and differs by design between runs.
 */
import { createReadStream } from 'node:fs';
import { copyFile, writeFile } from 'node:fs/promises';
import { CsvRowCounter } from './csv-rows.ts';
import { BULK_NULL } from '../report/write-back-plan.ts';
import { csvText, readCsvRows, readCsvTable } from './csv-files.ts';

const IGNORED = new Set(['Run_Id__c']);
const NUMBER = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;

/** Whether the org's current value already is what the plan writes (empty plan value: left unchanged). */
export function sameValue(planned: string, current: string | undefined): boolean {
  if (planned === '') return true;
  const now = current ?? '';
  if (planned === BULK_NULL) return now === '';
  if (NUMBER.test(planned) && NUMBER.test(now)) return Number(planned) === Number(now);
  return planned === now;
}

export interface PlanChanges {
  planned: number;
  changed: number;
}

/** Writes the changed rows of `planFile` (header included) to `outFile`. */
export async function writePlanChanges(
  planFile: string,
  beforeFile: string,
  keyColumn: string,
  outFile: string
): Promise<PlanChanges> {
  const before = new Map<string, Record<string, string>>();
  for await (const row of readCsvRows(beforeFile)) before.set(row[keyColumn], row);
  if (before.size === 0) {
    // Nothing of this object in the org yet: every row changes something.
    await copyFile(planFile, outFile);
    const counter = new CsvRowCounter();
    for await (const chunk of createReadStream(planFile)) counter.push(chunk as Buffer);
    const rows = Math.max(0, counter.records - 1);
    return { planned: rows, changed: rows };
  }
  const { header, records: rows } = await readCsvTable(planFile);
  const keyIndex = header.indexOf(keyColumn);
  const changed = rows.filter((row) => {
    const current = before.get(row[keyIndex]);
    if (!current) return true;
    return header.some((column, index) => !IGNORED.has(column) && !sameValue(row[index], current[column]));
  });
  await writeFile(outFile, csvText(header, changed));
  return { planned: rows.length, changed: changed.length };
}
