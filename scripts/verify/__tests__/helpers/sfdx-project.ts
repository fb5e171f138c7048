/* Minimal Salesforce DX projects in temp folders, for planting defects the offline checks must catch. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const SOURCE = 'force-app/main/default';
const NS = 'xmlns="http://soap.sforce.com/2006/04/metadata"';

/**
 * Writes sfdx-project.json and `files` into a new temp folder. Paths are relative to
 * force-app/main/default, except those starting with `data/` or `config/`, relative to the root.
 * A null content leaves the file out (to drop a file of a fixture).
 */
export function sfdxProject(files: Record<string, string | null>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'pp-verify-'));
  writeFileSync(
    path.join(root, 'sfdx-project.json'),
    JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }], sourceApiVersion: '65.0' })
  );
  mkdirSync(path.join(root, SOURCE), { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    if (content === null) continue;
    const file = /^(data|config)\//.test(name) ? path.join(root, name) : path.join(root, SOURCE, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return root;
}

const xml = (root: string, body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<${root} ${NS}>\n${body}\n</${root}>\n`;

export function customObject(label: string, nameType = 'Text', sharingModel = 'ReadWrite'): string {
  return xml(
    'CustomObject',
    `  <label>${label}</label>\n  <pluralLabel>${label}s</pluralLabel>\n  <nameField><label>Name</label><type>${nameType}</type></nameField>\n  <deploymentStatus>Deployed</deploymentStatus>\n  <sharingModel>${sharingModel}</sharingModel>`
  );
}

export function customMetadataType(label: string): string {
  return xml(
    'CustomObject',
    `  <label>${label}</label>\n  <pluralLabel>${label}s</pluralLabel>\n  <visibility>Public</visibility>`
  );
}

export function field(name: string, type: string, extra = ''): string {
  return xml('CustomField', `  <fullName>${name}</fullName>\n  <label>${name}</label>\n  <type>${type}</type>${extra}`);
}

export function picklist(name: string, values: string[]): string {
  const entries = values
    .map((value) => `<value><fullName>${value}</fullName><default>false</default><label>${value}</label></value>`)
    .join('');
  return field(
    name,
    'Picklist',
    `\n  <valueSet><restricted>true</restricted><valueSetDefinition>${entries}</valueSetDefinition></valueSet>`
  );
}

export function globalPicklist(name: string, valueSet: string): string {
  return field(name, 'Picklist', `\n  <valueSet><valueSetName>${valueSet}</valueSetName></valueSet>`);
}

export function globalValueSet(values: string[]): string {
  return xml(
    'GlobalValueSet',
    values
      .map((value) => `  <customValue><fullName>${value}</fullName><label>${value}</label></customValue>`)
      .join('\n') + '\n  <masterLabel>Set</masterLabel>'
  );
}

export function lookup(name: string, target: string, type = 'Lookup', required = false): string {
  return field(
    name,
    type,
    `\n  <referenceTo>${target}</referenceTo>\n  <relationshipName>${name.replace(/__c$/, '')}s</relationshipName>\n  <required>${required}</required>`
  );
}

export function labels(names: string[]): string {
  return xml(
    'CustomLabels',
    names
      .map(
        (name) =>
          `  <labels><fullName>${name}</fullName><language>en_US</language><protected>false</protected><shortDescription>${name}</shortDescription><value>${name}</value></labels>`
      )
      .join('\n')
  );
}

/** A custom metadata record; each value is [field, value, xsd type] (null value = xsi:nil). */
export function metadataRecord(label: string, values: [string, string | null, string][]): string {
  const body = values
    .map(([name, value, type]) =>
      value === null
        ? `  <values><field>${name}</field><value xsi:nil="true"/></values>`
        : `  <values><field>${name}</field><value xsi:type="xsd:${type}">${value}</value></values>`
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<CustomMetadata ${NS} xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">\n  <label>${label}</label>\n  <protected>false</protected>\n${body}\n</CustomMetadata>\n`;
}

export function permissionSet(body: string): string {
  return xml('PermissionSet', `  <label>Set</label>\n${body}`);
}

export function apexMeta(kind: 'ApexClass' | 'ApexTrigger' = 'ApexClass'): string {
  return xml(kind, '  <apiVersion>65.0</apiVersion>\n  <status>Active</status>');
}

export function bundleMeta(exposed = true): string {
  return xml('LightningComponentBundle', `  <apiVersion>65.0</apiVersion>\n  <isExposed>${exposed}</isExposed>`);
}

export { xml as metadata };
