import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { UserError } from '../errors.ts';

/** One custom metadata record as deployed: `customMetadata/<Type>.<DeveloperName>.md-meta.xml`. */
export interface MetadataRecord {
  file: string;
  type: string;
  developerName: string;
  label: string;
  /** Field API name -> value text; null for `xsi:nil`. */
  values: Record<string, string | null>;
}

const RECORD_FILE = /^([A-Za-z][A-Za-z0-9_]*)\.([A-Za-z][A-Za-z0-9_]*)\.md-meta\.xml$/;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => name === 'values'
});

function valueText(raw: unknown): string | null {
  if (raw === undefined || raw === null) return null;
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'object') {
    const node = raw as Record<string, unknown>;
    if (node['@_xsi:nil'] === 'true') return null;
    const text = node['#text'];
    return typeof text === 'string' ? text : text === undefined ? '' : String(text);
  }
  return String(raw);
}

export function parseMetadataRecord(file: string, xml: string): MetadataRecord {
  const name = path.basename(file);
  const match = RECORD_FILE.exec(name);
  if (!match) {
    throw new UserError(`${file}: not a custom metadata record file name.`, {
      hint: 'Record files are named <Type>.<DeveloperName>.md-meta.xml, e.g. Tier_Criterion.Select_CSAT.md-meta.xml.'
    });
  }
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new UserError(`${file}, line ${valid.err.line}: the XML is not well formed: ${valid.err.msg}`);
  }
  const root = parser.parse(xml)?.CustomMetadata;
  if (!root || typeof root !== 'object') {
    throw new UserError(`${file}: expected a <CustomMetadata> record.`);
  }
  const values: Record<string, string | null> = {};
  for (const entry of (root.values ?? []) as Record<string, unknown>[]) {
    const field = valueText(entry.field);
    if (!field) throw new UserError(`${file}: a <values> element has no <field>.`);
    values[field] = valueText(entry.value);
  }
  return {
    file,
    type: match[1],
    developerName: match[2],
    label: valueText(root.label) ?? match[2],
    values
  };
}

/** Reads every `*.md-meta.xml` record in `dir` (not recursive), sorted by file name. */
export async function readMetadataRecords(dir: string): Promise<MetadataRecord[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    throw new UserError(`Criteria folder not found: ${dir}`, {
      hint: 'Pass a folder that holds custom metadata records (*.md-meta.xml), e.g. force-app/main/default/customMetadata.'
    });
  }
  const files = names.filter((name) => name.endsWith('.md-meta.xml')).sort();
  const records: MetadataRecord[] = [];
  for (const name of files) {
    const file = path.join(dir, name);
    records.push(parseMetadataRecord(file, await readFile(file, 'utf8')));
  }
  return records;
}
