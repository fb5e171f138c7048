/*
 * The data model as the project deploys it, read from force-app: per object, its custom fields with
 * their type, whether a record may set them, whether they are required and, for restricted
 * picklists, the allowed values. The sample-data conversion uses it to drop columns the org has no
 * field for and to report values the org would reject, before anything is sent to an org.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';

export interface FieldInfo {
  /** Metadata API field type: Text, Number, Checkbox, Date, Picklist, Lookup, MasterDetail, … */
  type: string;
  /** False for formula, roll-up summary and auto-number fields. */
  writable: boolean;
  /** Required on insert (a required lookup, or any master-detail field). */
  required: boolean;
  /** The allowed values of a restricted (multi-select) picklist; null when any value is accepted. */
  restrictedValues: string[] | null;
}

export interface ObjectInfo {
  /** Type of the Name field of a custom object (Text or AutoNumber); null for standard objects. */
  nameFieldType: string | null;
  fields: Map<string, FieldInfo>;
}

/** Objects that have a folder in force-app, by API name. */
export type DataModel = Map<string, ObjectInfo>;

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => name === 'value' || name === 'customValue'
});

type Xml = Record<string, unknown>;

function readXml(file: string): Xml {
  return parser.parse(readFileSync(file, 'utf8')) as Xml;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function valueNames(list: unknown): string[] {
  return Array.isArray(list) ? list.map((entry) => text((entry as Xml).fullName)).filter((name) => name !== null) : [];
}

/** The values of a global value set, or null when force-app does not hold it (nothing to check). */
function globalValueSet(sourceDir: string, name: string): string[] | null {
  const file = path.join(sourceDir, 'globalValueSets', `${name}.globalValueSet-meta.xml`);
  if (!existsSync(file)) return null;
  return valueNames((readXml(file).GlobalValueSet as Xml | undefined)?.customValue);
}

/** Reads one `<Field>.field-meta.xml`. */
export function readField(file: string, sourceDir: string): FieldInfo {
  const field = (readXml(file).CustomField ?? {}) as Xml;
  const type = text(field.type) ?? 'Text';
  const writable = text(field.formula) === null && !['Summary', 'AutoNumber'].includes(type);
  const required = type === 'MasterDetail' || text(field.required) === 'true';
  let restrictedValues: string[] | null = null;
  const valueSet = field.valueSet as Xml | undefined;
  if (valueSet && (type === 'Picklist' || type === 'MultiselectPicklist')) {
    const globalName = text(valueSet.valueSetName);
    // A global value set is always restricted; a local one when <restricted>true</restricted>.
    if (globalName) restrictedValues = globalValueSet(sourceDir, globalName);
    else if (text(valueSet.restricted) === 'true')
      restrictedValues = valueNames((valueSet.valueSetDefinition as Xml | undefined)?.value);
  }
  return { type, writable, required, restrictedValues };
}

/**
 * Reads every object folder under `<sourceDir>/objects` (sourceDir = force-app/main/default).
 * Objects without a folder are absent from the map: their columns are not checked.
 */
export function readDataModel(sourceDir: string): DataModel {
  const model: DataModel = new Map();
  const objectsDir = path.join(sourceDir, 'objects');
  if (!existsSync(objectsDir)) return model;
  for (const entry of readdirSync(objectsDir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.endsWith('__mdt')) continue;
    const objectDir = path.join(objectsDir, entry.name);
    const objectFile = path.join(objectDir, `${entry.name}.object-meta.xml`);
    let nameFieldType: string | null = null;
    if (existsSync(objectFile)) {
      const object = (readXml(objectFile).CustomObject ?? {}) as Xml;
      nameFieldType = text((object.nameField as Xml | undefined)?.type);
    }
    const fields = new Map<string, FieldInfo>();
    const fieldsDir = path.join(objectDir, 'fields');
    if (existsSync(fieldsDir)) {
      for (const file of readdirSync(fieldsDir).sort()) {
        if (!file.endsWith('.field-meta.xml')) continue;
        fields.set(file.slice(0, -'.field-meta.xml'.length), readField(path.join(fieldsDir, file), sourceDir));
      }
    }
    model.set(entry.name, { nameFieldType, fields });
  }
  return model;
}
