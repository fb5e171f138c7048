/*
 * An index of the project's schema, read from force-app source: objects and their fields with types
 * and picklist values, custom metadata records, labels, Apex classes, tabs and component bundles.
 * Standard objects and fields come from the allowlist in standard-schema.ts. Names are looked up
 * case-insensitively, as the platform does.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { packageDirectories, walkFiles } from './sfdx-files.ts';
import {
  CUSTOM_METADATA_STANDARD_FIELDS,
  FIELD_TYPES,
  MAX_TRACKED_FIELDS,
  STANDARD_OBJECTS,
  customObjectStandardFields,
  historyObjectFields,
  shareObjectFields,
  type StandardField
} from './standard-schema.ts';

export interface FieldInfo {
  object: string;
  name: string;
  /** The CustomField type (for formulas, their result type). */
  type: string;
  /** Formula, roll-up summary, auto number or a platform-set standard field: never written. */
  readOnly: boolean;
  required: boolean;
  externalId: boolean;
  /** Picklist values, or null when the field is no picklist or its values are not in force-app. */
  values: string[] | null;
  referenceTo: string[];
  /** `Account__r` for `Account__c`, `Account` for `AccountId`. */
  relationshipName?: string;
  /** For metadata relationships to FieldDefinition: the field naming the object. */
  controllingField?: string;
  custom: boolean;
  /** The defining file, relative to the project, or `standard`. */
  source: string;
}

export type ObjectKind = 'custom' | 'standard' | 'customMetadata' | 'other';

export interface ObjectInfo {
  name: string;
  kind: ObjectKind;
  /** The object file, or the fields folder, or `standard`. */
  source: string;
  fields: Map<string, FieldInfo>;
}

export interface ApexMethod {
  name: string;
  auraEnabled: boolean;
  isStatic: boolean;
}

export interface ApexClassInfo {
  name: string;
  file: string;
  methods: Map<string, ApexMethod[]>;
}

export interface ComponentInfo {
  name: string;
  dir: string;
  exposed: boolean;
}

export interface SchemaIndex {
  projectDir: string;
  objects: Map<string, ObjectInfo>;
  labels: Set<string>;
  classes: Map<string, ApexClassInfo>;
  tabs: Set<string>;
  components: Map<string, ComponentInfo>;
  /** Custom metadata record names by type (`Partner_Tier__mdt` → `elite`, …), lower case. */
  records: Map<string, Set<string>>;
  /** Problems in the definitions themselves (unreadable XML, unknown field types, …). */
  problems: string[];
  /** How many definitions were read. */
  definitions: number;
}

type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true
});

/** The root element of a metadata file (`CustomObject`, `CustomField`, …). */
export function readMetadata(file: string): XmlNode {
  const document = parser.parse(readFileSync(file, 'utf8')) as XmlNode;
  const root = Object.keys(document).find((key) => !key.startsWith('?'));
  const element = root ? document[root] : undefined;
  return element && typeof element === 'object' ? (element as XmlNode) : {};
}

/** The child elements `name` of `node`, as a list whether there is none, one or many. */
export function children(node: unknown, name: string): XmlNode[] {
  if (!node || typeof node !== 'object') return [];
  const value = (node as XmlNode)[name];
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map((item) =>
    item && typeof item === 'object' ? (item as XmlNode) : { '#text': String(item) }
  );
}

/** The text of child element `name` (first of several), or undefined. */
export function text(node: unknown, name: string): string | undefined {
  const [first] = children(node, name);
  if (!first) return undefined;
  const value = first['#text'];
  return value === undefined ? (Object.keys(first).length === 0 ? '' : undefined) : String(value);
}

/** The texts of every child element `name`. */
export function texts(node: unknown, name: string): string[] {
  return children(node, name)
    .map((child) => child['#text'])
    .filter((value) => value !== undefined)
    .map(String);
}

export const key = (name: string) => name.toLowerCase();

const RELATIONSHIP_TYPES = new Set(['Lookup', 'MasterDetail', 'Hierarchy', 'MetadataRelationship']);

function standardField(object: string, name: string, spec: StandardField): FieldInfo {
  return {
    object,
    name,
    type: spec.type,
    readOnly: spec.readOnly ?? false,
    required: spec.required ?? false,
    externalId: false,
    values: null,
    referenceTo: spec.referenceTo ?? [],
    relationshipName: spec.type === 'Lookup' && name.endsWith('Id') ? name.slice(0, -2) : undefined,
    custom: false,
    source: 'standard'
  };
}

function objectKind(name: string): ObjectKind {
  if (name.endsWith('__mdt')) return 'customMetadata';
  if (name.endsWith('__c')) return 'custom';
  if (name.includes('__')) return 'other';
  return 'standard';
}

/** The suffix a metadata file name ends with, e.g. `.field-meta.xml`. */
function baseName(file: string, suffix: string): string {
  return path.basename(file).slice(0, -suffix.length);
}

/** Parses the methods of an Apex class: names, `static`, and whether `@AuraEnabled` precedes them. */
export function apexMethods(source: string): Map<string, ApexMethod[]> {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/[^\n]*/g, ' ');
  const methods = new Map<string, ApexMethod[]>();
  const pattern =
    /((?:@\w+(?:\s*\([^)]*\))?\s*)*)((?:(?:public|global|private|protected|static|override|virtual|abstract|webservice|testmethod)\s+)+)([\w.<>[\], ]+?)\s+(\w+)\s*\(/gi;
  for (const match of code.matchAll(pattern)) {
    const [, annotations, modifiers, , name] = match;
    if (/^(if|for|while|switch|catch|new|return)$/i.test(name)) continue;
    const list = methods.get(key(name)) ?? [];
    list.push({
      name,
      auraEnabled: /@AuraEnabled\b/i.test(annotations),
      isStatic: /\bstatic\b/i.test(modifiers)
    });
    methods.set(key(name), list);
  }
  return methods;
}

function valuesOf(fieldNode: XmlNode, globalValueSets: Map<string, string[]>): string[] | null | string {
  const valueSet = children(fieldNode, 'valueSet')[0];
  if (!valueSet) return null;
  const globalName = text(valueSet, 'valueSetName');
  if (globalName) return globalValueSets.get(key(globalName)) ?? `global value set ${globalName}`;
  const definition = children(valueSet, 'valueSetDefinition')[0];
  return definition ? children(definition, 'value').map((value) => text(value, 'fullName') ?? '') : [];
}

/** Reads the schema of every package directory of the project. */
export function buildSchemaIndex(projectDir: string): SchemaIndex {
  const index: SchemaIndex = {
    projectDir,
    objects: new Map(),
    labels: new Set(),
    classes: new Map(),
    tabs: new Set(),
    components: new Map(),
    records: new Map(),
    problems: [],
    definitions: 0
  };
  const files = packageDirectories(projectDir).flatMap((dir) => walkFiles(dir, () => true));
  const relative = (file: string) => path.relative(projectDir, file);
  const read = (file: string): XmlNode | null => {
    index.definitions++;
    try {
      return readMetadata(file);
    } catch (error) {
      index.problems.push(`${relative(file)}: cannot be read: ${(error as Error).message}`);
      return null;
    }
  };
  const bySuffix = (suffix: string) => files.filter((file) => file.endsWith(suffix));

  // Value sets first: fields refer to them.
  const globalValueSets = new Map<string, string[]>();
  for (const file of bySuffix('.globalValueSet-meta.xml')) {
    const node = read(file);
    if (node)
      globalValueSets.set(
        key(baseName(file, '.globalValueSet-meta.xml')),
        children(node, 'customValue').map((value) => text(value, 'fullName') ?? '')
      );
  }
  const standardValueSets = new Map<string, string[]>();
  for (const file of bySuffix('.standardValueSet-meta.xml')) {
    const node = read(file);
    if (node)
      standardValueSets.set(
        key(baseName(file, '.standardValueSet-meta.xml')),
        children(node, 'standardValue').map((value) => text(value, 'fullName') ?? '')
      );
  }
  const multiCurrency = projectUsesMultiCurrency(projectDir);

  // Objects: standard ones from the allowlist, custom ones from their object file.
  const objectNodes = new Map<string, { file: string; node: XmlNode }>();
  for (const file of bySuffix('.object-meta.xml')) {
    const node = read(file);
    if (node) objectNodes.set(key(baseName(file, '.object-meta.xml')), { file, node });
  }
  const fieldFiles = bySuffix('.field-meta.xml');
  const objectNames = new Map<string, string>();
  for (const name of Object.keys(STANDARD_OBJECTS)) objectNames.set(key(name), name);
  for (const { file } of objectNodes.values())
    objectNames.set(key(baseName(file, '.object-meta.xml')), baseName(file, '.object-meta.xml'));
  for (const file of fieldFiles) {
    const object = path.basename(path.dirname(path.dirname(file)));
    if (!objectNames.has(key(object))) {
      objectNames.set(key(object), object);
      if (objectKind(object) !== 'standard')
        index.problems.push(
          `${relative(path.dirname(file))}: fields of ${object}, which has no ${object}.object-meta.xml`
        );
      else
        index.problems.push(
          `${relative(path.dirname(file))}: ${object} is not in the standard object allowlist (scripts/verify/standard-schema.ts)`
        );
    }
  }
  const fieldNodes = new Map<string, { file: string; node: XmlNode }[]>();
  for (const file of fieldFiles) {
    const node = read(file);
    if (!node) continue;
    const object = key(path.basename(path.dirname(path.dirname(file))));
    fieldNodes.set(object, [...(fieldNodes.get(object) ?? []), { file, node }]);
  }

  for (const [objectKey, name] of objectNames) {
    const kind = objectKind(name);
    const objectFile = objectNodes.get(objectKey);
    const info: ObjectInfo = {
      name,
      kind,
      source: objectFile ? relative(objectFile.file) : STANDARD_OBJECTS[name] ? 'standard' : name,
      fields: new Map()
    };
    index.objects.set(objectKey, info);
    const customFields = fieldNodes.get(objectKey) ?? [];
    let standard: Record<string, StandardField> = {};
    if (kind === 'standard') standard = STANDARD_OBJECTS[name] ?? {};
    else if (kind === 'customMetadata') standard = CUSTOM_METADATA_STANDARD_FIELDS;
    else if (kind === 'custom' && objectFile) {
      const nameField = children(objectFile.node, 'nameField')[0];
      const isSetting = text(objectFile.node, 'customSettingsType') !== undefined;
      if (!nameField && !isSetting)
        index.problems.push(`${relative(objectFile.file)}: custom object ${name} has no nameField`);
      const hasMaster = customFields.some(({ node }) => text(node, 'type') === 'MasterDetail');
      standard = customObjectStandardFields(text(nameField, 'type') ?? 'Text', !hasMaster && !isSetting, multiCurrency);
    }
    for (const [fieldName, spec] of Object.entries(standard)) {
      const field = standardField(name, fieldName, spec);
      if (spec.valueSet) field.values = standardValueSets.get(key(spec.valueSet)) ?? null;
      info.fields.set(key(fieldName), field);
    }
    for (const { file, node } of customFields) {
      const fieldName = baseName(file, '.field-meta.xml');
      const fullName = text(node, 'fullName');
      if (fullName && key(fullName) !== key(fieldName))
        index.problems.push(`${relative(file)}: fullName ${fullName} does not match the file name`);
      const existing = info.fields.get(key(fieldName));
      const type = text(node, 'type') ?? existing?.type;
      if (!type) {
        index.problems.push(`${relative(file)}: field ${name}.${fieldName} has no <type>`);
        continue;
      }
      if (!FIELD_TYPES.has(type)) index.problems.push(`${relative(file)}: unknown field type ${type}`);
      const values = valuesOf(node, globalValueSets);
      if (typeof values === 'string')
        index.problems.push(`${relative(file)}: uses ${values}, which force-app does not define`);
      const referenceTo = texts(node, 'referenceTo');
      if (RELATIONSHIP_TYPES.has(type) && type !== 'Hierarchy' && referenceTo.length === 0 && fieldName.endsWith('__c'))
        index.problems.push(`${relative(file)}: ${type} field ${name}.${fieldName} has no <referenceTo>`);
      info.fields.set(key(fieldName), {
        object: name,
        name: fieldName,
        type,
        readOnly:
          existing?.readOnly === true ||
          text(node, 'formula') !== undefined ||
          ['Summary', 'AutoNumber'].includes(type),
        required: text(node, 'required') === 'true' || type === 'MasterDetail' || existing?.required === true,
        externalId: text(node, 'externalId') === 'true',
        values: Array.isArray(values) ? values : (existing?.values ?? null),
        referenceTo: referenceTo.length > 0 ? referenceTo : (existing?.referenceTo ?? []),
        // From the child, a lookup is traversed as `Field__r` (<relationshipName> names the way back).
        relationshipName: fieldName.endsWith('__c')
          ? RELATIONSHIP_TYPES.has(type)
            ? fieldName.replace(/__c$/i, '__r')
            : undefined
          : existing?.relationshipName,
        controllingField: text(node, 'metadataRelationshipControllingField'),
        custom: fieldName.endsWith('__c'),
        source: relative(file)
      });
    }
  }

  // What the platform adds to custom objects: sharing and history tables, the record type field.
  for (const { file, node } of objectNodes.values()) {
    const name = baseName(file, '.object-meta.xml');
    if (objectKind(name) !== 'custom') continue;
    const base = name.replace(/__c$/i, '');
    const derived: [string, Record<string, StandardField>][] = [];
    if (['Private', 'Read'].includes(text(node, 'sharingModel') ?? ''))
      derived.push([`${base}__Share`, shareObjectFields(name)]);
    if (text(node, 'enableHistory') === 'true') derived.push([`${base}__History`, historyObjectFields(name)]);
    for (const [derivedName, fields] of derived) {
      const info: ObjectInfo = { name: derivedName, kind: 'other', source: relative(file), fields: new Map() };
      for (const [fieldName, spec] of Object.entries(fields))
        info.fields.set(key(fieldName), standardField(derivedName, fieldName, spec));
      index.objects.set(key(derivedName), info);
    }
    const tracked = (fieldNodes.get(key(name)) ?? []).filter(
      ({ node: field }) => text(field, 'trackHistory') === 'true'
    );
    if (tracked.length > MAX_TRACKED_FIELDS)
      index.problems.push(
        `${relative(path.dirname(file))}: ${tracked.length} fields track history, at most ${MAX_TRACKED_FIELDS} can`
      );
  }
  for (const file of bySuffix('.recordType-meta.xml')) {
    index.definitions++;
    const object = index.objects.get(key(path.basename(path.dirname(path.dirname(file)))));
    if (object && !object.fields.has('recordtypeid'))
      object.fields.set(
        'recordtypeid',
        standardField(object.name, 'RecordTypeId', { type: 'Lookup', referenceTo: ['RecordType'] })
      );
  }

  for (const file of bySuffix('.labels-meta.xml')) {
    const node = read(file);
    for (const label of children(node, 'labels')) {
      const name = text(label, 'fullName');
      if (name) index.labels.add(key(name));
    }
  }
  for (const file of bySuffix('.cls')) {
    index.definitions++;
    const name = path.basename(file, '.cls');
    index.classes.set(key(name), { name, file: relative(file), methods: apexMethods(readFileSync(file, 'utf8')) });
  }
  for (const file of bySuffix('.tab-meta.xml')) {
    index.definitions++;
    index.tabs.add(key(baseName(file, '.tab-meta.xml')));
  }
  for (const file of bySuffix('.js-meta.xml')) {
    const dir = path.dirname(file);
    const name = baseName(file, '.js-meta.xml');
    if (path.basename(dir) !== name || path.basename(path.dirname(dir)) !== 'lwc') continue;
    const node = read(file);
    index.components.set(key(name), { name, dir: relative(dir), exposed: text(node, 'isExposed') === 'true' });
  }
  for (const file of bySuffix('.md-meta.xml')) {
    index.definitions++;
    const [type, record] = baseName(file, '.md-meta.xml').split('.');
    if (!record) continue;
    const typeKey = key(`${type}__mdt`);
    index.records.set(typeKey, (index.records.get(typeKey) ?? new Set()).add(key(record)));
  }
  return index;
}

/** Multi-currency projects (the scratch org definition says so) have CurrencyIsoCode on every object. */
function projectUsesMultiCurrency(projectDir: string): boolean {
  const file = path.join(projectDir, 'config', 'project-scratch-def.json');
  if (!existsSync(file)) return false;
  try {
    const definition = JSON.parse(readFileSync(file, 'utf8')) as { features?: string[] };
    return (definition.features ?? []).some((feature) => key(feature) === 'multicurrency');
  } catch {
    return false;
  }
}

export function findObject(index: SchemaIndex, name: string): ObjectInfo | undefined {
  return index.objects.get(key(name));
}

export function findField(index: SchemaIndex, object: string, field: string): FieldInfo | undefined {
  return findObject(index, object)?.fields.get(key(field));
}

/** Where a field list entry such as `Account__r.Owner.Name` leads: the last field, or why it does not resolve. */
export type Resolution = { field: FieldInfo } | { problem: string } | { unknownTarget: true };

/**
 * Resolves a field path from `object`: plain fields, and relationships (`Account__r` of the lookup
 * `Account__c`, `Owner` of `OwnerId`) to the object they point to. A path through a polymorphic or
 * unknown target resolves to `unknownTarget` (nothing to say either way).
 */
export function resolveFieldPath(index: SchemaIndex, object: string, fieldPath: string): Resolution {
  const parts = fieldPath.split('.');
  let current = findObject(index, object);
  if (!current) return { problem: `unknown object ${object}` };
  for (let position = 0; position < parts.length; position++) {
    const part = parts[position];
    const last = position === parts.length - 1;
    if (last) {
      const field = current.fields.get(key(part));
      return field ? { field } : { problem: `unknown field ${current.name}.${part}${allowlistHint(current)}` };
    }
    const lookup = relationshipField(current, part);
    if (!lookup) return { problem: `unknown relationship ${current.name}.${part}${allowlistHint(current)}` };
    if (lookup.referenceTo.length !== 1) return { unknownTarget: true };
    const target = findObject(index, lookup.referenceTo[0]);
    if (!target) return { problem: `${current.name}.${lookup.name} points to unknown object ${lookup.referenceTo[0]}` };
    current = target;
  }
  return { problem: `empty field path` };
}

function relationshipField(object: ObjectInfo, relationship: string): FieldInfo | undefined {
  const wanted = key(relationship);
  for (const field of object.fields.values()) {
    if (RELATIONSHIP_TYPES.has(field.type) && field.relationshipName && key(field.relationshipName) === wanted)
      return field;
  }
  return undefined;
}

/** For standard objects, where to add a standard field the project starts using. */
export function allowlistHint(object: ObjectInfo): string {
  return object.kind === 'standard'
    ? ' (neither in force-app nor in the standard field allowlist, scripts/verify/standard-schema.ts)'
    : '';
}
