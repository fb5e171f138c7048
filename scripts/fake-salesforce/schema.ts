/*
 * The fake org's schema: the project's own objects and fields (force-app plus the standard-object
 * allowlist the verify check uses), shaped as the REST describe resource answers. Options make the
 * org single-currency or hide fields from the running user (field-level security).
 */
import { findProjectRoot } from '../lib/project.ts';
import { buildSchemaIndex, type FieldInfo, type SchemaIndex } from '../verify/schema-index.ts';

export interface FakeField {
  name: string;
  type: string;
  createable: boolean;
  updateable: boolean;
  nillable: boolean;
  externalId: boolean;
  unique: boolean;
  referenceTo: string[];
  relationshipName: string | null;
  relationshipOrder?: number;
}

export interface FakeObject {
  name: string;
  createable: boolean;
  updateable: boolean;
  queryable: boolean;
  keyPrefix: string;
  fields: FakeField[];
}

export interface SchemaOptions {
  multiCurrency: boolean;
  /** `Object.Field` entries the running user cannot see (absent from describe and SOQL). */
  hiddenFields: string[];
  /** `Object.Field` entries the running user can read but not edit. */
  readOnlyFields: string[];
}

const TYPES: Record<string, string> = {
  Id: 'id',
  Text: 'string',
  TextArea: 'textarea',
  LongTextArea: 'textarea',
  Html: 'textarea',
  Picklist: 'picklist',
  MultiselectPicklist: 'multipicklist',
  Url: 'url',
  Email: 'email',
  Phone: 'phone',
  Lookup: 'reference',
  MasterDetail: 'reference',
  Hierarchy: 'reference',
  MetadataRelationship: 'reference',
  Number: 'double',
  Currency: 'currency',
  Percent: 'percent',
  Summary: 'double',
  Checkbox: 'boolean',
  Date: 'date',
  DateTime: 'datetime',
  AutoNumber: 'string'
};

const PREFIXES: Record<string, string> = {
  Account: '001',
  Contact: '003',
  Opportunity: '006',
  User: '005',
  Organization: '00D',
  CurrencyType: '02B',
  DatedConversionRate: '04w',
  CustomNotificationType: '0ML'
};

let cached: SchemaIndex | null = null;
function projectIndex(): SchemaIndex {
  cached ??= buildSchemaIndex(findProjectRoot() ?? process.cwd());
  return cached;
}

function describeField(object: string, field: FieldInfo, options: SchemaOptions): FakeField {
  const readOnly = field.readOnly || options.readOnlyFields.includes(`${object}.${field.name}`);
  const masterDetail = field.type === 'MasterDetail';
  return {
    name: field.name,
    type: TYPES[field.type] ?? 'string',
    createable: !readOnly && field.name !== 'Id',
    updateable: !readOnly && !masterDetail && field.name !== 'Id',
    nillable: !field.required,
    externalId: field.externalId,
    unique: field.externalId,
    referenceTo: field.referenceTo,
    relationshipName: field.relationshipName ?? null,
    ...(masterDetail ? { relationshipOrder: 0 } : {})
  };
}

/** Standard fields the fake org has beyond the verify allowlist. */
const EXTRA_FIELDS: Record<string, FakeField[]> = {
  Organization: [
    {
      name: 'DefaultCurrencyIsoCode',
      type: 'picklist',
      createable: false,
      updateable: false,
      nillable: true,
      externalId: false,
      unique: false,
      referenceTo: [],
      relationshipName: null
    }
  ]
};

/** Describes of every object the fake org has, by API name. */
export function fakeSchema(options: SchemaOptions): Map<string, FakeObject> {
  const objects = new Map<string, FakeObject>();
  let custom = 0;
  for (const info of projectIndex().objects.values()) {
    if (info.kind === 'other' && /(__History|__Share)$/.test(info.name)) continue;
    if (!options.multiCurrency && (info.name === 'DatedConversionRate' || info.name === 'CurrencyType')) continue;
    const fields = [...info.fields.values()]
      .filter((field) => options.multiCurrency || field.name !== 'CurrencyIsoCode')
      .filter((field) => !options.hiddenFields.includes(`${info.name}.${field.name}`))
      .map((field) => describeField(info.name, field, options));
    for (const extra of EXTRA_FIELDS[info.name] ?? []) {
      if (!fields.some((field) => field.name === extra.name)) fields.push(extra);
    }
    objects.set(info.name, {
      name: info.name,
      createable: true,
      updateable: true,
      queryable: true,
      keyPrefix: PREFIXES[info.name] ?? `a${(custom++).toString(36).padStart(2, '0')}`,
      fields
    });
  }
  return objects;
}
