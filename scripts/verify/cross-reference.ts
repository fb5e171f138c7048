/*
 * Cross-reference check: everything the project names exists in its own schema (force-app, plus the
 * standard-object allowlist), with a compatible type. `sf project convert source` accepts a
 * permission set naming a field that does not exist, a component importing a missing label or a
 * sample CSV with a picklist value the org would reject; a deploy or a load would not. This check
 * reads the source and says so before the org does.
 *
 * It checks components (`@salesforce/schema|label|apex` imports), static SOQL in Apex (the Apex
 * language server skips field lists), triggers, custom metadata records, permission sets, layouts,
 * list views, compact layouts, flexipages, validation rules, tabs, lookups, the admin CLI's columns
 * and the sample snapshot.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { fieldMetricName, METRICS } from '../../force-app/main/default/lwc/tierEngine/tierEngine.ts';
import { EVALUATION_COLUMNS, PROFILE_COLUMNS } from '../lib/report/write-back-plan.ts';
import { ALL_SNAPSHOT_FILES, type ColumnType } from '../lib/snapshot/schema.ts';
import type { CheckResult } from './checks.ts';
import {
  buildSchemaIndex,
  children,
  findField,
  findObject,
  key,
  readMetadata,
  resolveFieldPath,
  text,
  texts,
  type FieldInfo,
  type ObjectInfo,
  type SchemaIndex
} from './schema-index.ts';
import { packageDirectories, walkFiles } from './sfdx-files.ts';
import { CUSTOM_OBJECT_LIST_VIEW_COLUMNS, ENTITY_DEFINITION, FIELD_DEFINITION } from './standard-schema.ts';

/** What the admin CLI reads and writes, checked against the schema. */
export interface CliExpectations {
  /** Snapshot files: object → column → type (SNAPSHOT_FILES). */
  snapshotFiles: Record<string, Record<string, { type: ColumnType }>>;
  /** Columns the write-back plan writes, by object. */
  writtenColumns: Record<string, readonly string[]>;
  /** External-id fields the write-back plan upserts on, by object. */
  upsertKeys: Record<string, string>;
  /** Object and numeric fields the metrics are stored in (METRICS profileField). */
  metricFields: { object: string; fields: string[] };
}

/** This project's CLI. */
export const PROJECT_CLI: CliExpectations = {
  snapshotFiles: ALL_SNAPSHOT_FILES,
  writtenColumns: { Tier_Evaluation__c: EVALUATION_COLUMNS, Partner_Profile__c: PROFILE_COLUMNS },
  upsertKeys: { Tier_Evaluation__c: 'Evaluation_Key__c' },
  metricFields: { object: 'Partner_Profile__c', fields: Object.values(METRICS).map((metric) => metric.profileField) }
};

export interface CrossReferenceOptions {
  /** The CLI's expectations; null to skip them (small fixtures). */
  cli?: CliExpectations | null;
  /** A snapshot folder of CSVs to check; `data/sample` by default, null to skip. */
  sampleDir?: string | null;
}

const NAME = 'everything the project names exists in its schema (cross-references)';

/** Snapshot column types and the field types that can hold them. */
export const COMPATIBLE_TYPES: Record<ColumnType, Set<string>> = {
  text: new Set([
    'Text',
    'TextArea',
    'LongTextArea',
    'Picklist',
    'Url',
    'Email',
    'Phone',
    'Lookup',
    'MasterDetail',
    'Hierarchy',
    'Id',
    'AutoNumber'
  ]),
  number: new Set(['Number', 'Currency', 'Percent', 'Summary']),
  date: new Set(['Date', 'Summary']),
  datetime: new Set(['DateTime', 'Summary']),
  boolean: new Set(['Checkbox'])
};
const NUMERIC_TYPES = COMPATIBLE_TYPES.number;
const NUMBER = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
/** At most this many bad values are listed per CSV column; the rest are counted. */
const MAX_VALUES_PER_COLUMN = 5;

class Context {
  problems: string[] = [];
  checked = 0;
  readonly index: SchemaIndex;
  readonly projectDir: string;
  constructor(index: SchemaIndex, projectDir: string) {
    this.index = index;
    this.projectDir = projectDir;
  }
  rel(file: string): string {
    return path.relative(this.projectDir, file);
  }
  count(): void {
    this.checked++;
  }
  /** Checks that `object` exists; reports it against `where` otherwise. */
  object(where: string, name: string, what = 'object'): ObjectInfo | undefined {
    this.count();
    const object = findObject(this.index, name);
    if (!object) this.problems.push(`${where}: unknown ${what} ${name}`);
    return object;
  }
  /** Checks that `object.field` exists (relationship paths allowed); reports it otherwise. */
  field(where: string, object: string, fieldPath: string): FieldInfo | undefined {
    this.count();
    const resolution = resolveFieldPath(this.index, object, fieldPath);
    if ('field' in resolution) return resolution.field;
    if ('problem' in resolution) this.problems.push(`${where}: ${resolution.problem}`);
    return undefined;
  }
}

function valuesHint(field: FieldInfo): string {
  const values = field.values ?? [];
  return values.length > 8 ? `${values.slice(0, 8).join(', ')}, …` : values.join(', ');
}

/* ------------------------------------------------------------------ components */

const IMPORT = /(?:from\s+|import\s*\(\s*)['"]@salesforce\/(schema|label|apex)\/([^'"]+)['"]/g;

function checkComponents(context: Context, sourceDirs: string[]): void {
  const files = sourceDirs.flatMap((dir) =>
    walkFiles(dir, (file) => /[\\/]lwc[\\/]/.test(file) && /\.(ts|js)$/.test(file) && !file.endsWith('.d.ts'))
  );
  const all = new Set(files);
  for (const file of files) {
    // A bundle's .js compiled from its .ts says the same; check the source only.
    if (file.endsWith('.js') && all.has(file.replace(/\.js$/, '.ts'))) continue;
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(IMPORT)) {
      const line = source.slice(0, match.index).split('\n').length;
      const where = `${context.rel(file)}:${line}`;
      const [, kind, target] = match;
      if (kind === 'schema') {
        const [object, ...fieldPath] = target.split('.');
        if (context.object(where, object) && fieldPath.length > 0) context.field(where, object, fieldPath.join('.'));
      } else if (kind === 'label') {
        const [namespace, label] = target.split('.');
        if (namespace !== 'c' || !label) continue;
        context.count();
        if (!context.index.labels.has(key(label)))
          context.problems.push(`${where}: unknown custom label ${label} (labels/CustomLabels.labels-meta.xml)`);
      } else {
        const parts = target.split('.');
        if (parts.length !== 2) continue;
        const [className, methodName] = parts;
        context.count();
        const apexClass = context.index.classes.get(key(className));
        if (!apexClass) {
          context.problems.push(`${where}: unknown Apex class ${className}`);
          continue;
        }
        const methods = apexClass.methods.get(key(methodName)) ?? [];
        if (methods.length === 0) context.problems.push(`${where}: ${className} has no method ${methodName}`);
        else if (!methods.some((method) => method.auraEnabled))
          context.problems.push(`${where}: ${className}.${methodName} is not @AuraEnabled`);
        else if (!methods.some((method) => method.auraEnabled && method.isStatic))
          context.problems.push(`${where}: ${className}.${methodName} is not static`);
      }
    }
  }
}

/* ------------------------------------------------------------------ Apex: triggers and static SOQL */

/** Replaces comments and string literals with spaces, keeping offsets and line numbers. */
function blankCommentsAndStrings(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|'(?:\\.|[^'\\\n])*'/g, (match) =>
    match.startsWith("'") ? `'${' '.repeat(Math.max(0, match.length - 2))}'` : match.replace(/[^\n]/g, ' ')
  );
}

/** The static SOQL queries (`[SELECT …]`) of Apex code, with their offsets. */
export function staticQueries(code: string): { query: string; offset: number }[] {
  const queries: { query: string; offset: number }[] = [];
  const start = /\[\s*select\b/gi;
  for (const match of code.matchAll(start)) {
    let depth = 0;
    for (let position = match.index; position < code.length; position++) {
      if (code[position] === '[') depth++;
      else if (code[position] === ']' && --depth === 0) {
        queries.push({ query: code.slice(match.index + 1, position), offset: match.index });
        break;
      }
    }
  }
  return queries;
}

/** Replaces each parenthesised `(SELECT …)` with `(?)` and returns the subqueries. */
function extractSubqueries(query: string): { outer: string; subqueries: string[] } {
  const subqueries: string[] = [];
  let outer = '';
  let position = 0;
  while (position < query.length) {
    const rest = query.slice(position);
    const match = /^\(\s*select\b/i.exec(rest);
    if (match) {
      let depth = 0;
      let end = position;
      for (; end < query.length; end++) {
        if (query[end] === '(') depth++;
        else if (query[end] === ')' && --depth === 0) break;
      }
      subqueries.push(query.slice(position + 1, end));
      outer += '(?)';
      position = end + 1;
    } else {
      outer += query[position];
      position++;
    }
  }
  return { outer, subqueries };
}

const FIELD_PATH = /^[A-Za-z]\w*(\.[A-Za-z]\w*)*$/;
const CLAUSE_END = /\b(WITH|GROUP\s+BY|ORDER\s+BY|LIMIT|OFFSET|FOR\s+(?:UPDATE|VIEW|REFERENCE)|ALL\s+ROWS|HAVING)\b/i;
const COMPARISON =
  /([A-Za-z]\w*(?:\.[A-Za-z]\w*)*)\s*(?:=|!=|<>|<=|>=|<|>|\bLIKE\b|\bNOT\s+IN\b|\bIN\b|\bINCLUDES\b|\bEXCLUDES\b)/gi;

/** The fields one query names: select list, WHERE comparisons, GROUP BY and ORDER BY. */
export function queryReferences(query: string): {
  object: string;
  fields: string[];
  semiJoins: string[];
} | null {
  const { outer, subqueries } = extractSubqueries(query.trim());
  const main = /^\s*select\s+([\s\S]*?)\s+from\s+(\w+)\b([\s\S]*)$/i.exec(outer);
  if (!main || /\btypeof\b/i.test(main[1])) return null;
  const [, selectList, object, rest] = main;
  const fields: string[] = [];
  for (const item of selectList.split(',').map((part) => part.trim())) {
    if (item === '(?)') continue; // child relationship subquery
    const call = /^(\w+)\s*\(\s*([^)]*?)\s*\)(\s+\w+)?$/.exec(item);
    const candidate = call ? call[2] : item.split(/\s+/)[0];
    if (FIELD_PATH.test(candidate) && !/^(ALL|STANDARD|CUSTOM)$/i.test(candidate)) fields.push(candidate);
  }
  const where = /\bwhere\b([\s\S]*)/i.exec(rest)?.[1] ?? '';
  const condition = where
    .split(CLAUSE_END)[0]
    .replace(/'[^']*'/g, "''")
    .replace(/:\s*[\w.]+(\s*\([^)]*\))?(\s*\[[^\]]*\])?/g, ' ');
  for (const match of condition.matchAll(COMPARISON)) {
    if (!/^(AND|OR|NOT|WHERE)$/i.test(match[1])) fields.push(match[1]);
  }
  for (const clause of [/\bgroup\s+by\b([\s\S]*)/i, /\border\s+by\b([\s\S]*)/i]) {
    const body = clause.exec(rest)?.[1].split(/\b(LIMIT|OFFSET|FOR|HAVING|ORDER\s+BY|ALL\s+ROWS)\b/i)[0] ?? '';
    for (const item of body.split(',')) {
      const first = item.trim().split(/\s+/)[0];
      if (first && FIELD_PATH.test(first)) fields.push(first);
    }
  }
  // Subqueries of the select list name child relationships (not checked); the others are semi-joins.
  const childQueries = (selectList.match(/\(\?\)/g) ?? []).length;
  return { object, fields, semiJoins: subqueries.slice(childQueries) };
}

function checkQuery(context: Context, where: string, query: string): void {
  const references = queryReferences(query);
  if (!references) return;
  const object = context.object(where, references.object, 'object in SOQL FROM');
  if (object) for (const fieldPath of references.fields) context.field(where, object.name, fieldPath);
  for (const semiJoin of references.semiJoins) checkQuery(context, where, semiJoin);
}

/** Class names by convention (an upper-case first letter: `profileHandler` is a variable). */
const HANDLER_NAME = /\b([A-Z]\w*(?:Handler|Service|Helper|Dispatcher|Selector|Domain))\b/g;

function checkApex(context: Context, sourceDirs: string[]): void {
  const files = sourceDirs.flatMap((dir) => walkFiles(dir, (file) => /\.(cls|trigger)$/.test(file)));
  for (const file of files) {
    const code = blankCommentsAndStrings(readFileSync(file, 'utf8'));
    const lineOf = (offset: number) => code.slice(0, offset).split('\n').length;
    for (const { query, offset } of staticQueries(code))
      checkQuery(context, `${context.rel(file)}:${lineOf(offset)}`, query);
    if (!file.endsWith('.trigger')) continue;
    const header = /\btrigger\s+(\w+)\s+on\s+(\w+)\s*\(/i.exec(code);
    if (!header) {
      context.problems.push(`${context.rel(file)}: no "trigger <Name> on <Object> (…)" header`);
      continue;
    }
    context.object(`${context.rel(file)}:${lineOf(header.index)}`, header[2]);
    for (const match of code.matchAll(HANDLER_NAME)) {
      context.count();
      if (!context.index.classes.has(key(match[1])))
        context.problems.push(`${context.rel(file)}:${lineOf(match.index)}: unknown handler class ${match[1]}`);
    }
  }
}

/* ------------------------------------------------------------------ custom metadata records */

function checkMetadataValue(
  context: Context,
  where: string,
  field: FieldInfo,
  value: string,
  record: Map<string, string | null>
): void {
  const bad = (what: string) => context.problems.push(`${where}: ${field.name} = '${value}' ${what}`);
  switch (field.type) {
    case 'Checkbox':
      if (value !== 'true' && value !== 'false') bad('is not true or false');
      return;
    case 'Number':
    case 'Percent':
    case 'Currency':
      if (!NUMBER.test(value)) bad('is not a number');
      return;
    case 'Date':
      if (!DATE.test(value)) bad('is not a date (YYYY-MM-DD)');
      return;
    case 'DateTime':
      if (!DATETIME.test(value)) bad('is not a date and time');
      return;
    case 'Picklist':
      if (field.values && !field.values.includes(value))
        bad(`is not a value of ${field.object}.${field.name} (${valuesHint(field)})`);
      return;
    case 'MetadataRelationship': {
      const target = field.referenceTo[0] ?? '';
      if (target === ENTITY_DEFINITION) {
        if (!findObject(context.index, value)) bad('is not an object of the project');
      } else if (target === FIELD_DEFINITION) {
        const objectName = field.controllingField ? record.get(key(field.controllingField)) : null;
        if (objectName && !findField(context.index, objectName, value)) bad(`is not a field of ${objectName}`);
      } else if (!context.index.records.get(key(target))?.has(key(value))) {
        bad(`names no ${target} record (customMetadata/${target.replace(/__mdt$/, '')}.${value}.md-meta.xml)`);
      }
      return;
    }
    default:
      return;
  }
}

function checkCustomMetadataRecords(context: Context, sourceDirs: string[]): void {
  const files = sourceDirs.flatMap((dir) => walkFiles(dir, (file) => file.endsWith('.md-meta.xml')));
  for (const file of files) {
    const where = context.rel(file);
    const [typeName, recordName] = path.basename(file, '.md-meta.xml').split('.');
    if (!recordName) {
      context.problems.push(`${where}: not named <Type>.<Record>.md-meta.xml`);
      continue;
    }
    const type = context.object(where, `${typeName}__mdt`, 'custom metadata type');
    if (!type) continue;
    const record = readMetadata(file);
    const values = new Map<string, string | null>();
    for (const entry of children(record, 'values')) {
      const fieldName = text(entry, 'field') ?? '';
      const [value] = children(entry, 'value');
      const nil = value?.['@_xsi:nil'] === 'true';
      values.set(key(fieldName), nil || !value ? null : String(value['#text'] ?? ''));
    }
    for (const entry of children(record, 'values')) {
      const fieldName = text(entry, 'field') ?? '';
      const field = context.field(where, type.name, fieldName);
      const value = values.get(key(fieldName));
      if (field && value !== null && value !== undefined)
        checkMetadataValue(context, `${where}: ${fieldName}`, field, value, values);
    }
    for (const field of type.fields.values()) {
      if (field.custom && field.required && (values.get(key(field.name)) ?? null) === null) {
        context.count();
        context.problems.push(`${where}: required field ${field.name} has no value`);
      }
    }
  }
}

/* ------------------------------------------------------------------ permission sets */

const OBJECT_PERMISSION_NEEDS: [string, string][] = [
  ['allowCreate', 'allowRead'],
  ['allowEdit', 'allowRead'],
  ['allowDelete', 'allowEdit'],
  ['viewAllRecords', 'allowRead'],
  ['modifyAllRecords', 'allowDelete'],
  ['modifyAllRecords', 'viewAllRecords']
];

function checkPermissionSets(context: Context, sourceDirs: string[]): void {
  const files = sourceDirs.flatMap((dir) => walkFiles(dir, (file) => file.endsWith('.permissionset-meta.xml')));
  for (const file of files) {
    const where = context.rel(file);
    const permissionSet = readMetadata(file);
    for (const permission of children(permissionSet, 'objectPermissions')) {
      const name = text(permission, 'object') ?? '';
      const object = context.object(`${where}: objectPermissions`, name);
      if (object?.kind === 'customMetadata')
        context.problems.push(
          `${where}: objectPermissions: ${name} is a custom metadata type (use customMetadataTypeAccesses)`
        );
      for (const [flag, needs] of OBJECT_PERMISSION_NEEDS)
        if (text(permission, flag) === 'true' && text(permission, needs) !== 'true')
          context.problems.push(`${where}: objectPermissions ${name}: ${flag} needs ${needs}`);
    }
    for (const permission of children(permissionSet, 'fieldPermissions')) {
      const name = text(permission, 'field') ?? '';
      const [objectName, fieldName] = name.split('.');
      if (!fieldName) {
        context.problems.push(`${where}: fieldPermissions: ${name} is not Object.Field`);
        continue;
      }
      const field = context.field(`${where}: fieldPermissions`, objectName, fieldName);
      if (!field) continue;
      const objectKind = findObject(context.index, objectName)?.kind;
      if (field.required)
        context.problems.push(
          `${where}: fieldPermissions: ${name} is required; its access cannot be set in a permission set`
        );
      else if (!field.custom && objectKind !== 'standard')
        context.problems.push(
          `${where}: fieldPermissions: ${name} is a system field; its access cannot be set in a permission set`
        );
      else if (text(permission, 'editable') === 'true' && field.readOnly)
        context.problems.push(
          `${where}: fieldPermissions: ${name} is read-only (${field.type}, calculated or system); it cannot be editable`
        );
      if (text(permission, 'editable') === 'true' && text(permission, 'readable') !== 'true')
        context.problems.push(`${where}: fieldPermissions: ${name} is editable but not readable`);
    }
    for (const access of children(permissionSet, 'classAccesses')) {
      const name = text(access, 'apexClass') ?? '';
      context.count();
      if (!context.index.classes.has(key(name)))
        context.problems.push(`${where}: classAccesses: unknown Apex class ${name}`);
    }
    for (const access of children(permissionSet, 'customMetadataTypeAccesses'))
      context.object(`${where}: customMetadataTypeAccesses`, text(access, 'name') ?? '', 'custom metadata type');
    for (const setting of children(permissionSet, 'tabSettings')) {
      const tab = text(setting, 'tab') ?? '';
      if (tab.startsWith('standard-')) continue;
      context.count();
      if (!context.index.tabs.has(key(tab))) context.problems.push(`${where}: tabSettings: no tab ${tab} in tabs/`);
    }
  }
}

/* ------------------------------------------------------------------ layouts, list views, pages, rules */

function objectOfLayout(file: string): string {
  return path.basename(file, '.layout-meta.xml').split('-')[0];
}

function checkLayouts(context: Context, sourceDirs: string[]): void {
  const files = sourceDirs.flatMap((dir) => walkFiles(dir, (file) => file.endsWith('.layout-meta.xml')));
  for (const file of files) {
    const where = context.rel(file);
    const objectName = objectOfLayout(file);
    const object = context.object(where, objectName);
    if (!object) continue;
    const layout = readMetadata(file);
    for (const section of children(layout, 'layoutSections'))
      for (const column of children(section, 'layoutColumns'))
        for (const item of children(column, 'layoutItems')) {
          const field = text(item, 'field');
          if (field) context.field(`${where}: layoutItems`, object.name, field);
        }
    for (const related of children(layout, 'relatedLists')) {
      const name = text(related, 'relatedList') ?? '';
      const [child, lookup] = name.split('.');
      if (lookup && (child.includes('__') || lookup.includes('__'))) {
        const field = context.field(`${where}: relatedLists`, child, lookup);
        if (field && !field.referenceTo.some((target) => key(target) === key(object.name)))
          context.problems.push(`${where}: relatedLists: ${name} does not point to ${object.name}`);
      }
    }
  }
}

function checkListViews(context: Context, sourceDirs: string[]): void {
  const files = sourceDirs.flatMap((dir) => walkFiles(dir, (file) => file.endsWith('.listView-meta.xml')));
  for (const file of files) {
    const where = context.rel(file);
    const objectName = path.basename(path.dirname(path.dirname(file)));
    const object = context.object(where, objectName);
    if (!object) continue;
    const listView = readMetadata(file);
    const column = (label: string, name: string): FieldInfo | undefined => {
      const fieldName = key(name).startsWith(`${key(object.name)}.`) ? name.slice(object.name.length + 1) : name;
      if (/^[A-Z0-9_.]+$/.test(fieldName) && !fieldName.includes('__')) {
        // A standard column token (NAME, CREATED_DATE, OWNER.ALIAS, …).
        context.count();
        if (object.kind === 'custom' && !CUSTOM_OBJECT_LIST_VIEW_COLUMNS.has(fieldName))
          context.problems.push(`${where}: ${label}: unknown standard column ${fieldName}`);
        return undefined;
      }
      return context.field(`${where}: ${label}`, object.name, fieldName);
    };
    for (const name of texts(listView, 'columns')) column('columns', name);
    for (const filter of children(listView, 'filters')) {
      const field = column('filters', text(filter, 'field') ?? '');
      const operation = text(filter, 'operation') ?? '';
      const value = text(filter, 'value');
      if (!field?.values || value === undefined || value === '') continue;
      if (!['equals', 'notEqual', 'includes', 'excludes'].includes(operation)) continue;
      for (const item of value.split(',').map((part) => part.trim())) {
        context.count();
        if (!field.values.includes(item))
          context.problems.push(
            `${where}: filters: '${item}' is not a value of ${field.object}.${field.name} (${valuesHint(field)})`
          );
      }
    }
  }
}

function checkCompactLayouts(context: Context, sourceDirs: string[]): void {
  const files = sourceDirs.flatMap((dir) => walkFiles(dir, (file) => file.endsWith('.compactLayout-meta.xml')));
  const byObject = new Map<string, Set<string>>();
  for (const file of files) {
    const where = context.rel(file);
    const objectName = path.basename(path.dirname(path.dirname(file)));
    byObject.set(
      key(objectName),
      (byObject.get(key(objectName)) ?? new Set()).add(key(path.basename(file, '.compactLayout-meta.xml')))
    );
    const object = context.object(where, objectName);
    if (!object) continue;
    for (const field of texts(readMetadata(file), 'fields')) context.field(`${where}: fields`, object.name, field);
  }
  const objectFiles = sourceDirs.flatMap((dir) => walkFiles(dir, (file) => file.endsWith('.object-meta.xml')));
  for (const file of objectFiles) {
    const assigned = text(readMetadata(file), 'compactLayoutAssignment');
    if (!assigned || assigned === 'SYSTEM') continue;
    context.count();
    if (!byObject.get(key(path.basename(file, '.object-meta.xml')))?.has(key(assigned)))
      context.problems.push(`${context.rel(file)}: compactLayoutAssignment: no compact layout ${assigned}`);
  }
}

function checkFlexipages(context: Context, sourceDirs: string[]): void {
  const files = sourceDirs.flatMap((dir) => walkFiles(dir, (file) => file.endsWith('.flexipage-meta.xml')));
  for (const file of files) {
    const where = context.rel(file);
    const page = readMetadata(file);
    const objectName = text(page, 'sobjectType');
    const object = objectName ? context.object(`${where}: sobjectType`, objectName) : undefined;
    for (const region of children(page, 'flexiPageRegions'))
      for (const item of children(region, 'itemInstances')) {
        const fieldItem = text(children(item, 'fieldInstance')[0], 'fieldItem');
        if (fieldItem?.startsWith('Record.') && object)
          context.field(`${where}: fieldInstance`, object.name, fieldItem.slice(7));
        const component = text(children(item, 'componentInstance')[0], 'componentName') ?? '';
        const custom = /^c[:_]+(\w+)$/.exec(component);
        if (!custom) continue;
        context.count();
        const bundle = context.index.components.get(key(custom[1]));
        if (!bundle) context.problems.push(`${where}: componentName ${component}: no lwc/${custom[1]} bundle`);
        else if (!bundle.exposed)
          context.problems.push(`${where}: componentName ${component}: ${bundle.name} is not exposed (isExposed)`);
      }
  }
}

function checkValidationRules(context: Context, sourceDirs: string[]): void {
  const files = sourceDirs.flatMap((dir) => walkFiles(dir, (file) => file.endsWith('.validationRule-meta.xml')));
  for (const file of files) {
    const objectName = path.basename(path.dirname(path.dirname(file)));
    const field = text(readMetadata(file), 'errorDisplayField');
    if (field) context.field(`${context.rel(file)}: errorDisplayField`, objectName, field);
  }
}

function checkObjectsAndTabs(context: Context, sourceDirs: string[]): void {
  for (const object of context.index.objects.values())
    for (const field of object.fields.values()) {
      if (!field.custom) continue;
      for (const target of field.referenceTo) {
        if (field.type === 'MetadataRelationship' && [ENTITY_DEFINITION, FIELD_DEFINITION].includes(target)) continue;
        context.object(`${field.source}: referenceTo`, target);
      }
    }
  const tabs = sourceDirs.flatMap((dir) => walkFiles(dir, (file) => file.endsWith('.tab-meta.xml')));
  for (const file of tabs) {
    const tab = readMetadata(file);
    const name = path.basename(file, '.tab-meta.xml');
    if (text(tab, 'customObject') === 'true') context.object(`${context.rel(file)}: customObject`, name);
    const component = text(tab, 'lwcComponent');
    if (component) {
      context.count();
      if (!context.index.components.has(key(component)))
        context.problems.push(`${context.rel(file)}: lwcComponent: no lwc/${component} bundle`);
    }
  }
}

/* ------------------------------------------------------------------ the CLI and its sample snapshot */

function typeProblem(field: FieldInfo, type: ColumnType): string | null {
  return COMPATIBLE_TYPES[type].has(field.type)
    ? null
    : `${field.object}.${field.name} is ${field.type}, the CLI reads it as ${type} (${[...COMPATIBLE_TYPES[type]].join(', ')})`;
}

/** `FIELD:` metrics of the criteria records: numeric fields of the metric object. */
function fieldMetrics(sourceDirs: string[]): { file: string; field: string }[] {
  const found: { file: string; field: string }[] = [];
  const files = sourceDirs.flatMap((dir) =>
    walkFiles(dir, (file) => /[\\/]Tier_Criterion\.[^\\/]+\.md-meta\.xml$/.test(file))
  );
  for (const file of files)
    for (const entry of children(readMetadata(file), 'values'))
      if (text(entry, 'field') === 'Metric__c') {
        const field = fieldMetricName(String(children(entry, 'value')[0]?.['#text'] ?? ''));
        if (field) found.push({ file, field });
      }
  return found;
}

function checkCli(context: Context, cli: CliExpectations, sourceDirs: string[]): void {
  const where = 'scripts/lib/snapshot/schema.ts: SNAPSHOT_FILES';
  for (const [objectName, columns] of Object.entries(cli.snapshotFiles)) {
    const object = context.object(where, objectName);
    if (!object) continue;
    for (const [column, spec] of Object.entries(columns)) {
      const field = context.field(`${where}.${objectName}`, objectName, column);
      const problem = field && typeProblem(field, spec.type);
      if (problem) context.problems.push(`${where}.${objectName}: ${problem}`);
    }
  }
  const planWhere = 'scripts/lib/report/write-back-plan.ts';
  for (const [objectName, columns] of Object.entries(cli.writtenColumns)) {
    if (!context.object(planWhere, objectName)) continue;
    for (const column of columns) {
      const field = context.field(`${planWhere}: ${objectName} columns`, objectName, column);
      if (field && field.readOnly && key(column) !== 'id')
        context.problems.push(
          `${planWhere}: ${objectName}.${column} is read-only (${field.type}), the write-back plan writes it`
        );
    }
    const upsertKey = cli.upsertKeys[objectName];
    if (upsertKey) {
      const field = context.field(`${planWhere}: upsert key`, objectName, upsertKey);
      if (field && !field.externalId)
        context.problems.push(
          `${planWhere}: ${objectName}.${upsertKey} is the upsert key but not an External ID (<externalId>true</externalId>)`
        );
    }
  }
  const metricsWhere = 'force-app/main/default/lwc/tierEngine/tierEngine.ts: METRICS';
  for (const fieldName of cli.metricFields.fields) {
    const field = context.field(metricsWhere, cli.metricFields.object, fieldName);
    if (field && !NUMERIC_TYPES.has(field.type))
      context.problems.push(`${metricsWhere}: ${field.object}.${field.name} is ${field.type}, not a number`);
  }
  for (const { file, field: fieldName } of fieldMetrics(sourceDirs)) {
    const field = context.field(`${context.rel(file)}: Metric__c FIELD:`, cli.metricFields.object, fieldName);
    if (field && !NUMERIC_TYPES.has(field.type))
      context.problems.push(
        `${context.rel(file)}: Metric__c FIELD:${fieldName}: ${field.object}.${field.name} is ${field.type}, not a number`
      );
  }
}

function checkSample(context: Context, sampleDir: string, cli: CliExpectations | null): void {
  const files = readdirSync(sampleDir)
    .filter((name) => name.endsWith('.csv'))
    .sort();
  for (const name of files) {
    const file = path.join(sampleDir, name);
    const where = context.rel(file);
    const object = context.object(where, path.basename(name, '.csv'));
    if (!object) continue;
    const rows = parse(readFileSync(file, 'utf8'), {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true
    }) as string[][];
    const [header = [], ...data] = rows;
    const known = cli?.snapshotFiles[object.name];
    const fields = header.map((column) => {
      const field = context.field(`${where}: column ${column}`, object.name, column);
      // Extra Partner_Profile__c columns feed FIELD: criteria, which read numbers.
      if (
        field &&
        known &&
        !(column in known) &&
        cli &&
        key(object.name) === key(cli.metricFields.object) &&
        !NUMERIC_TYPES.has(field.type)
      )
        context.problems.push(
          `${where}: column ${column}: FIELD: columns must be numeric, ${field.object}.${field.name} is ${field.type}`
        );
      return field;
    });
    fields.forEach((field, column) => {
      if (!field?.values) return;
      const allowed = new Set(field.values);
      const multi = field.type === 'MultiselectPicklist';
      let bad = 0;
      data.forEach((row, rowIndex) => {
        const cell = row[column] ?? '';
        if (cell === '') return;
        context.count();
        for (const value of multi ? cell.split(';') : [cell]) {
          if (allowed.has(value)) continue;
          if (++bad <= MAX_VALUES_PER_COLUMN)
            context.problems.push(
              `${where}: row ${rowIndex + 1} (line ${rowIndex + 2}), column ${header[column]}: '${value}' is not a value of ${field.object}.${field.name} (${valuesHint(field)})`
            );
        }
      });
      if (bad > MAX_VALUES_PER_COLUMN)
        context.problems.push(
          `${where}: column ${header[column]}: ${bad - MAX_VALUES_PER_COLUMN} more values not in ${field.object}.${field.name}`
        );
    });
  }
}

/* ------------------------------------------------------------------ the check */

/** Builds the schema index of the project and checks every reference against it. */
export function checkCrossReferences(projectDir: string, options: CrossReferenceOptions = {}): CheckResult {
  const index = buildSchemaIndex(projectDir);
  const context = new Context(index, projectDir);
  const sourceDirs = packageDirectories(projectDir);
  const cli = options.cli === undefined ? PROJECT_CLI : options.cli;
  const sampleDir = options.sampleDir === undefined ? path.join(projectDir, 'data', 'sample') : options.sampleDir;
  context.problems.push(...index.problems);
  checkObjectsAndTabs(context, sourceDirs);
  checkComponents(context, sourceDirs);
  checkApex(context, sourceDirs);
  checkCustomMetadataRecords(context, sourceDirs);
  checkPermissionSets(context, sourceDirs);
  checkLayouts(context, sourceDirs);
  checkListViews(context, sourceDirs);
  checkCompactLayouts(context, sourceDirs);
  checkFlexipages(context, sourceDirs);
  checkValidationRules(context, sourceDirs);
  if (cli) checkCli(context, cli, sourceDirs);
  if (sampleDir && existsSync(sampleDir)) checkSample(context, sampleDir, cli);
  return { name: NAME, checked: context.checked, problems: [...new Set(context.problems)] };
}
