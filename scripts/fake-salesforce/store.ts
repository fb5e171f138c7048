/*
 * The fake org's records: one table per object, ids with the object's key prefix, lookups by id,
 * and SOQL evaluation (fields, parent paths such as Started_By__r.Name, the WHERE forms soql.ts
 * parses). Values are kept typed: text, number, boolean or null; dates and datetimes as ISO text.
 */
import type { FakeField, FakeObject } from './schema.ts';
import { SoqlError, type Condition, type Query } from './soql.ts';

export type Value = string | number | boolean | null;
export type Row = Record<string, Value>;

export class FakeApiError extends Error {
  readonly status: number;
  readonly errorCode: string;
  constructor(status: number, errorCode: string, message: string) {
    super(message);
    this.status = status;
    this.errorCode = errorCode;
  }
}

/** `YYYY-MM-DDTHH:MM:SS.000Z`: second precision, like LastModifiedDate. */
export function timestamp(date = new Date()): string {
  return new Date(Math.floor(date.getTime() / 1000) * 1000).toISOString();
}

export class FakeStore {
  readonly schema: Map<string, FakeObject>;
  private readonly tables = new Map<string, Row[]>();
  private readonly ids = new Map<string, { object: string; row: Row }>();
  private counter = 0;
  private readonly fieldIndex = new Map<string, Map<string, FakeField>>();

  constructor(schema: Map<string, FakeObject>) {
    this.schema = schema;
  }

  object(name: string): FakeObject {
    const object = this.schema.get(name);
    if (!object) throw new FakeApiError(400, 'INVALID_TYPE', `sObject type '${name}' is not supported.`);
    return object;
  }

  field(object: string, name: string): FakeField | undefined {
    let fields = this.fieldIndex.get(object);
    if (!fields) {
      fields = new Map(this.object(object).fields.map((field) => [field.name.toLowerCase(), field]));
      this.fieldIndex.set(object, fields);
    }
    return fields.get(name.toLowerCase());
  }

  rows(object: string): Row[] {
    let table = this.tables.get(object);
    if (!table) {
      table = [];
      this.tables.set(object, table);
    }
    return table;
  }

  get(id: string): { object: string; row: Row } | undefined {
    return this.ids.get(id.slice(0, 15));
  }

  newId(object: string): string {
    const prefix = this.object(object).keyPrefix;
    return `${prefix}FK${(++this.counter).toString(36).toUpperCase().padStart(10, '0')}AAA`;
  }

  insert(object: string, values: Row): Row {
    const now = timestamp();
    const row: Row = { Id: this.newId(object), CreatedDate: now, LastModifiedDate: now, ...values };
    this.rows(object).push(row);
    this.ids.set(String(row.Id).slice(0, 15), { object, row });
    return row;
  }

  update(row: Row, values: Row): void {
    Object.assign(row, values, { LastModifiedDate: timestamp() });
  }

  /** The record whose `field` equals `value` (external ids are not case-sensitive). */
  findBy(object: string, field: string, value: string): Row | undefined {
    const wanted = value.toLowerCase();
    return this.rows(object).find((row) => String(row[field] ?? '').toLowerCase() === wanted);
  }

  /** Resolves `Field` or `Parent__r.Field` on a row; throws INVALID_FIELD for unknown names. */
  resolve(object: string, row: Row, path: string): Value {
    const [head, ...rest] = path.split('.');
    if (rest.length === 0) {
      const field = this.field(object, head);
      if (!field) throw new FakeApiError(400, 'INVALID_FIELD', `No such column '${head}' on entity '${object}'.`);
      return row[field.name] ?? null;
    }
    const relation = this.object(object).fields.find(
      (field) => field.relationshipName?.toLowerCase() === head.toLowerCase()
    );
    if (!relation)
      throw new FakeApiError(400, 'INVALID_FIELD', `Didn't understand relationship '${head}' on ${object}.`);
    const parentId = row[relation.name];
    const parent = typeof parentId === 'string' ? this.get(parentId) : undefined;
    if (!parent) return null;
    return this.resolve(parent.object, parent.row, rest.join('.'));
  }

  /** Rows matching the query (fields checked, WHERE applied, ORDER BY and LIMIT). */
  select(query: Query): Row[] {
    this.object(query.object);
    for (const path of query.fields) this.resolve(query.object, {}, path);
    // A semi-join's values are computed once per query, not once per row.
    const semiJoins = new Map<Condition, Set<string>>();
    for (const condition of query.where) {
      if (condition.kind !== 'in') continue;
      if (condition.subquery.fields.length !== 1) throw new SoqlError('a semi-join selects one field');
      const [field] = condition.subquery.fields;
      semiJoins.set(
        condition,
        new Set(
          this.select(condition.subquery).map((sub) =>
            String(this.resolve(condition.subquery.object, sub, field) ?? '').slice(0, 15)
          )
        )
      );
    }
    let rows = this.rows(query.object).filter((row) =>
      query.where.every((condition) => this.matches(query.object, row, condition, semiJoins))
    );
    if (query.orderBy) {
      const key = query.orderBy;
      rows = [...rows].sort((a, b) =>
        String(this.resolve(query.object, a, key)).localeCompare(String(this.resolve(query.object, b, key)))
      );
    }
    if (query.limit !== null) rows = rows.slice(0, query.limit);
    return rows;
  }

  private matches(object: string, row: Row, condition: Condition, semiJoins: Map<Condition, Set<string>>): boolean {
    const value = this.resolve(object, row, condition.field);
    if (condition.kind === 'in') return value !== null && semiJoins.get(condition)!.has(String(value).slice(0, 15));
    const equal =
      condition.value === null
        ? value === null || value === ''
        : typeof condition.value === 'boolean'
          ? value === condition.value
          : String(value ?? '').toLowerCase() === condition.value.toLowerCase();
    return condition.operator === '=' ? equal : !equal;
  }
}
