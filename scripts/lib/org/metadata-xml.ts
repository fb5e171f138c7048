/** Writes custom metadata records as the .md-meta.xml files force-app holds (readable by the loader). */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { MetadataRecord } from '../program/metadata-files.ts';

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function metadataRecordXml(record: MetadataRecord): string {
  const values = Object.entries(record.values)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([field, value]) => {
      const element =
        value === null ? '<value xsi:nil="true" />' : `<value xsi:type="xsd:string">${escapeXml(value)}</value>`;
      return `  <values>\n    <field>${field}</field>\n    ${element}\n  </values>\n`;
    })
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" ?>\n' +
    '<CustomMetadata xmlns="http://soap.sforce.com/2006/04/metadata" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">\n' +
    `  <label>${escapeXml(record.label)}</label>\n  <protected>false</protected>\n${values}</CustomMetadata>\n`
  );
}

/** Writes every record to `<dir>/<Type>.<DeveloperName>.md-meta.xml`. */
export async function writeMetadataRecords(dir: string, records: MetadataRecord[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const record of records) {
    await writeFile(path.join(dir, `${record.type}.${record.developerName}.md-meta.xml`), metadataRecordXml(record));
  }
}
