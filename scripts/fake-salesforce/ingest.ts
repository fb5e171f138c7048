/*
 * What a Bulk API 2.0 ingest job does to the fake org: upsert on an external id or update by Id,
 * CSV values as Bulk API 2.0 reads them (empty leaves a field unchanged, #N/A clears it), one result
 * per row in successfulResults (sf__Id, sf__Created), failedResults (sf__Id, sf__Error) or
 * unprocessedrecords, followed by the uploaded columns.
 */
import { csvLine, parseCsv } from './csv.ts';
import type { FakeField } from './schema.ts';
import { FakeApiError, type FakeStore, type Row, type Value } from './store.ts';

export interface IngestResults {
  successfulResults: string;
  failedResults: string;
  unprocessedrecords: string;
  processed: number;
  failed: number;
}

export interface IngestSpec {
  object: string;
  operation: string;
  externalIdFieldName?: string;
  data: string;
  /** A test's row fault: an sf__Error text fails the row. */
  rowFault?: (object: string, row: Record<string, string>) => string | null;
}

const NUMERIC = new Set(['double', 'currency', 'percent', 'int', 'long']);

function convert(field: FakeField, text: string): Value {
  if (text === '#N/A') return null;
  if (field.type === 'boolean') {
    if (text !== 'true' && text !== 'false')
      throw new Error(
        `INVALID_TYPE_ON_FIELD_IN_RECORD:${field.name}: value not of required type: ${text}:${field.name}`
      );
    return text === 'true';
  }
  if (NUMERIC.has(field.type)) {
    const value = Number(text);
    if (!Number.isFinite(value))
      throw new Error(
        `INVALID_TYPE_ON_FIELD_IN_RECORD:${field.name}: value not of required type: ${text}:${field.name}`
      );
    return value;
  }
  if (field.type === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    throw new Error(`INVALID_TYPE_ON_FIELD_IN_RECORD:${field.name}: value not of required type: ${text}:${field.name}`);
  }
  return text;
}

/** The uploaded columns must all be fields of the object, or the whole job fails (as Salesforce's does). */
export function checkColumns(store: FakeStore, object: string, header: string[]): string | null {
  for (const column of header) {
    if (!store.field(object, column)) return `InvalidBatch : Field name not found : ${column}`;
  }
  return null;
}

export function processIngest(store: FakeStore, spec: IngestSpec): IngestResults {
  const { header, rows, texts } = parseCsv(spec.data);
  const success = [csvLine(['sf__Id', 'sf__Created', ...header])];
  const failed = [csvLine(['sf__Id', 'sf__Error', ...header])];
  let failures = 0;
  // Existing records by external id, built once per job (not one table scan per row).
  const byKey = new Map<string, Row>();
  if (spec.operation === 'upsert') {
    for (const row of store.rows(spec.object)) {
      const key = row[spec.externalIdFieldName!];
      if (key !== null && key !== undefined) byKey.set(String(key).toLowerCase(), row);
    }
  }
  for (const [index, input] of rows.entries()) {
    const original = texts[index];
    let existing: Row | undefined;
    try {
      const fault = spec.rowFault?.(spec.object, input) ?? null;
      if (fault) throw new Error(fault);
      existing = findTarget(store, spec, input, byKey);
      const values: Row = {};
      for (const column of header) {
        if (column === 'Id') continue;
        const text = input[column];
        if (text === '') continue;
        const field = store.field(spec.object, column)!;
        const value = convert(field, text);
        if (existing) {
          if (field.relationshipOrder !== undefined) {
            if (String(existing[field.name] ?? '').slice(0, 15) !== String(value ?? '').slice(0, 15)) {
              throw new Error(`FIELD_INTEGRITY_EXCEPTION:${field.name} cannot be reparented:${field.name}`);
            }
            continue;
          }
          if (!field.updateable)
            throw new Error(
              `INVALID_FIELD_FOR_INSERT_UPDATE:Unable to create/update fields: ${field.name}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.:${field.name}`
            );
        } else if (!field.createable) {
          throw new Error(
            `INVALID_FIELD_FOR_INSERT_UPDATE:Unable to create/update fields: ${field.name}.:${field.name}`
          );
        }
        values[field.name] = value;
      }
      if (existing) {
        store.update(existing, values);
        success.push(`${csvLine([String(existing.Id), 'false']).slice(0, -1)},${original}\n`);
      } else {
        const required = store
          .object(spec.object)
          .fields.filter(
            (field) => field.name.endsWith('__c') && !field.nillable && field.createable && field.type !== 'boolean'
          )
          .find((field) => values[field.name] === undefined || values[field.name] === null);
        if (required)
          throw new Error(`REQUIRED_FIELD_MISSING:Required fields are missing: [${required.name}]:${required.name}`);
        const row = store.insert(spec.object, values);
        if (spec.externalIdFieldName) byKey.set(String(row[spec.externalIdFieldName]).toLowerCase(), row);
        success.push(`${csvLine([String(row.Id), 'true']).slice(0, -1)},${original}\n`);
      }
    } catch (error) {
      if (error instanceof FakeApiError) throw error;
      failures++;
      failed.push(
        `${csvLine([existing ? String(existing.Id) : '', (error as Error).message]).slice(0, -1)},${original}\n`
      );
    }
  }
  return {
    successfulResults: success.join(''),
    failedResults: failed.join(''),
    unprocessedrecords: csvLine(header),
    processed: rows.length,
    failed: failures
  };
}

function findTarget(
  store: FakeStore,
  spec: IngestSpec,
  input: Record<string, string>,
  byKey: Map<string, Row>
): Row | undefined {
  if (spec.operation === 'update') {
    const found = store.get(input.Id ?? '');
    if (!found || found.object !== spec.object)
      throw new Error(`INVALID_CROSS_REFERENCE_KEY:invalid cross reference id:--`);
    return found.row;
  }
  const keyField = spec.externalIdFieldName!;
  const key = input[keyField];
  if (!key) throw new Error(`MISSING_ARGUMENT:${keyField} not specified:--`);
  return byKey.get(key.toLowerCase());
}

/** The results of a job that failed before processing: every row unprocessed. */
export function failedJobResults(data: string): IngestResults {
  const { header, rows } = parseCsv(data);
  return {
    successfulResults: csvLine(['sf__Id', 'sf__Created', ...header]),
    failedResults: csvLine(['sf__Id', 'sf__Error', ...header]),
    unprocessedrecords: [csvLine(header), ...rows.map((row) => csvLine(header.map((column) => row[column])))].join(''),
    processed: 0,
    failed: 0
  };
}
