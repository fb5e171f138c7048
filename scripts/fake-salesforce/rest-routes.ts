/** The fake's REST API: SOQL query with nextRecordsUrl paging, describe, limits, sObject Collections and Rows, the custom notification action. */
import type { FakeOrg } from './fake-org.ts';
import { apiError, json, type FakeHttpRequest, type FakeHttpResponse } from './http-types.ts';
import { parseSoql } from './soql.ts';
import { FakeApiError, type Row, type Value } from './store.ts';

/** REST datetimes look like 2026-10-05T06:00:00.000+0000. */
function restValue(value: Value, type: string | undefined): Value {
  if (typeof value === 'string' && type === 'datetime') return value.replace(/Z$/, '+0000');
  return value;
}

function recordJson(org: FakeOrg, object: string, row: Row, fields: string[], apiVersion: string) {
  const record: Record<string, unknown> = {
    attributes: { type: object, url: `/services/data/v${apiVersion}/sobjects/${object}/${String(row.Id)}` }
  };
  for (const path of fields) {
    const parts = path.split('.');
    if (parts.length === 1) {
      const field = org.store.field(object, path);
      record[field?.name ?? path] = restValue(org.store.resolve(object, row, path), field?.type);
      continue;
    }
    // Parent__r.Field: a nested record (null when there is no parent).
    const value = org.store.resolve(object, row, path);
    const [relation, leaf] = [parts[0], parts.slice(1).join('.')];
    const nested = (record[relation] ??= value === null ? null : { attributes: { type: 'Parent' } }) as Record<
      string,
      unknown
    > | null;
    if (nested) nested[leaf] = value;
  }
  return record;
}

function page(
  org: FakeOrg,
  records: Record<string, unknown>[],
  offset: number,
  cursor: string | null,
  apiVersion: string
) {
  const size = org.options.restPageSize;
  const slice = records.slice(offset, offset + size);
  const done = offset + size >= records.length;
  const id = cursor ?? (done ? null : org.newCursor(records));
  return json(200, {
    totalSize: records.length,
    done,
    ...(done ? {} : { nextRecordsUrl: `/services/data/v${apiVersion}/query/${id}-${offset + size}` }),
    records: slice
  });
}

export function query(org: FakeOrg, request: FakeHttpRequest): FakeHttpResponse {
  if (request.segments.length === 2) {
    const [cursor, offset] = request.segments[1].split('-');
    const records = org.restCursors.get(cursor);
    if (!records) return apiError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
    return page(org, records, Number(offset), cursor, request.apiVersion);
  }
  const soql = request.query.get('q') ?? '';
  const parsed = parseSoql(soql);
  const rows = org.store.select(parsed);
  const records = rows.map((row) => recordJson(org, parsed.object, row, parsed.fields, request.apiVersion));
  return page(org, records, 0, null, request.apiVersion);
}

export function describe(org: FakeOrg, object: string): FakeHttpResponse {
  const found = org.store.schema.get(object);
  if (!found) return apiError(404, 'NOT_FOUND', 'The requested resource does not exist');
  return json(200, found);
}

interface SaveResult {
  id?: string;
  success: boolean;
  errors: { statusCode: string; message: string; fields: string[] }[];
}

function uniqueViolation(org: FakeOrg, object: string, values: Row, self: Row | null): SaveResult | null {
  for (const field of org.store.object(object).fields) {
    if (!field.unique) continue;
    const value = values[field.name];
    if (value === undefined || value === null) continue;
    const other = org.store.findBy(object, field.name, String(value));
    if (other && other !== self) {
      return {
        success: false,
        errors: [
          {
            statusCode: 'DUPLICATE_VALUE',
            message: `duplicate value found: ${field.name} duplicates value on record with id: ${String(other.Id)}`,
            fields: [field.name]
          }
        ]
      };
    }
  }
  return null;
}

function fieldValues(org: FakeOrg, object: string, record: Record<string, unknown>): Row {
  const values: Row = {};
  for (const [name, value] of Object.entries(record)) {
    if (name === 'attributes' || name === 'id' || name === 'Id') continue;
    const field = org.store.field(object, name);
    if (!field) throw new FakeApiError(400, 'INVALID_FIELD', `No such column '${name}' on sobject of type ${object}`);
    values[field.name] = value as Value;
  }
  return values;
}

export function collections(org: FakeOrg, request: FakeHttpRequest): FakeHttpResponse {
  const body = JSON.parse(request.body) as { allOrNone?: boolean; records: Record<string, unknown>[] };
  const results: SaveResult[] = body.records.map((record) => {
    const object = (record.attributes as { type: string }).type;
    const values = fieldValues(org, object, record);
    if (request.method === 'POST') {
      const violation = uniqueViolation(org, object, values, null);
      if (violation) return violation;
      return { id: String(org.store.insert(object, values).Id), success: true, errors: [] };
    }
    const target = org.store.get(String(record.id ?? ''));
    if (!target)
      return {
        success: false,
        errors: [{ statusCode: 'ENTITY_IS_DELETED', message: 'entity is deleted', fields: [] }]
      };
    const violation = uniqueViolation(org, object, values, target.row);
    if (violation) return violation;
    org.store.update(target.row, values);
    return { id: String(target.row.Id), success: true, errors: [] };
  });
  return json(200, results);
}

/** PATCH /sobjects/<Object>/<Id>, honouring If-Unmodified-Since (412 when the record changed since). */
export function updateRow(org: FakeOrg, request: FakeHttpRequest, object: string, id: string): FakeHttpResponse {
  const target = org.store.get(id);
  if (!target || target.object !== object) return apiError(404, 'NOT_FOUND', 'The requested resource does not exist');
  const since = request.headers['if-unmodified-since'];
  if (since !== undefined) {
    const limit = Date.parse(since);
    if (Number.isNaN(limit)) return apiError(400, 'INVALID_HEADER', 'If-Unmodified-Since is not an HTTP date');
    if (Date.parse(String(target.row.LastModifiedDate)) > limit) {
      return apiError(
        412,
        'PRECONDITION_FAILED',
        'The requested resource has been modified since the If-Unmodified-Since date'
      );
    }
  }
  org.store.update(target.row, fieldValues(org, object, JSON.parse(request.body) as Record<string, unknown>));
  return { status: 204 };
}

export function customNotification(org: FakeOrg, request: FakeHttpRequest): FakeHttpResponse {
  const { inputs } = JSON.parse(request.body) as { inputs: Record<string, unknown>[] };
  const results = inputs.map((input) => {
    const type = org.store.get(String(input.customNotifTypeId ?? ''));
    const recipients = (input.recipientIds ?? []) as string[];
    const errors: { statusCode: string; message: string }[] = [];
    if (!type || type.object !== 'CustomNotificationType') {
      errors.push({ statusCode: 'INVALID_CROSS_REFERENCE_KEY', message: 'invalid customNotifTypeId' });
    }
    if (!input.title || !input.body)
      errors.push({ statusCode: 'REQUIRED_FIELD_MISSING', message: 'title and body are required' });
    if (recipients.length === 0 || recipients.some((id) => org.store.get(id)?.object !== 'User')) {
      errors.push({ statusCode: 'INVALID_CROSS_REFERENCE_KEY', message: 'invalid recipientIds' });
    }
    if (errors.length === 0) {
      org.notifications.push({
        customNotifTypeId: String(input.customNotifTypeId),
        recipientIds: recipients,
        title: String(input.title),
        body: String(input.body),
        targetId: String(input.targetId)
      });
    }
    return {
      actionName: 'customNotificationAction',
      errors: errors.length === 0 ? null : errors,
      isSuccess: errors.length === 0,
      outputValues:
        errors.length === 0 ? { SuccessMessage: 'Your custom notification is processed successfully.' } : null
    };
  });
  return json(200, results);
}
