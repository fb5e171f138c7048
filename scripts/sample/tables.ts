/*
 * The CSV files of the snapshot and their columns (docs/snapshot-format.md), and the value
 * formatting Bulk API 2.0 uses: dates YYYY-MM-DD, booleans true/false, dot decimals, empty = null.
 */

import { ALL_SNAPSHOT_FILES, type SnapshotFileObject } from '../lib/snapshot/schema.ts';

export type Row = Record<string, string>;

/** Columns beyond the snapshot format that the sample carries (a numeric field for FIELD: criteria). */
/** MDF requests carry what a submission needs in an org (validation rule Submission_Complete). */
const EXTRA_COLUMNS: Partial<Record<SnapshotFileObject, string[]>> = {
  Partner_Profile__c: ['Joint_Customers__c'],
  MDF_Request__c: ['Goal__c', 'Target_Audience__c']
};
/**
 * Opportunities name their end customer in Name; the customer accounts themselves are not in the
 * sample. MDF amounts are in the corporate currency, so the MDF files carry no CurrencyIsoCode.
 */
const OMITTED_COLUMNS: Partial<Record<SnapshotFileObject, string[]>> = {
  Opportunity: ['AccountId'],
  MDF_Budget__c: ['CurrencyIsoCode'],
  MDF_Request__c: ['CurrencyIsoCode'],
  MDF_Claim__c: ['CurrencyIsoCode']
};

/** Each file's header: the snapshot format's columns (one source of truth), as the sample uses them. */
export const COLUMNS = Object.fromEntries(
  (Object.keys(ALL_SNAPSHOT_FILES) as SnapshotFileObject[]).map((name) => [
    name,
    [
      ...Object.keys(ALL_SNAPSHOT_FILES[name]).filter((column) => !OMITTED_COLUMNS[name]?.includes(column)),
      ...(EXTRA_COLUMNS[name] ?? [])
    ]
  ])
) as Record<SnapshotFileObject, string[]>;

export type SObjectName = keyof typeof COLUMNS;
export type Tables = Record<SObjectName, Row[]>;

export function emptyTables(): Tables {
  const tables = {} as Tables;
  for (const name of Object.keys(COLUMNS) as SObjectName[]) tables[name] = [];
  return tables;
}

/** Integer cents as a decimal amount with two decimals (`123456.70`). */
export function money(cents: number): string {
  if (!Number.isInteger(cents) || cents < 0) throw new Error(`Invalid amount in cents: ${cents}`);
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

export function bool(value: boolean): string {
  return value ? 'true' : 'false';
}

/** A lower-case ASCII slug for URLs and e-mail domains. */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
