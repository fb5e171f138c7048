/*
 * The program (tiers, criteria, benefits, settings) as the org has it: custom metadata read with
 * REST SOQL, shaped into the loader's records and validated by the same schemas as the files in
 * force-app. The records are also written as .md-meta.xml files into the run folder, so the run can
 * be repeated offline with exactly the rules it used (evaluate --snapshot … --criteria …).
 */
import {
  KIND_NAMES,
  PROGRAM_RECORD_FIELDS,
  programFromRecords,
  type ProgramConfig,
  type RecordKind
} from '../program/load-program.ts';
import type { MetadataRecord } from '../program/metadata-files.ts';
import type { SalesforceClient } from './http.ts';
import { queryMany, type SObjectRecord } from './rest.ts';

/** Metadata relationship fields: the org answers the related record's id, the loader wants its DeveloperName. */
const METADATA_RELATIONSHIPS: Partial<Record<RecordKind, string[]>> = {
  Tier_Criterion: ['Tier__c'],
  Tier_Benefit: ['Tier__c']
};

const relationshipPath = (field: string) => `${field.replace(/__c$/, '__r')}.DeveloperName`;

/** The SOQL that reads one record type with every field its schema validates. */
export function programQuery(kind: RecordKind): string {
  const relationships = METADATA_RELATIONSHIPS[kind] ?? [];
  const fields = PROGRAM_RECORD_FIELDS[kind].map((field) =>
    relationships.includes(field) ? relationshipPath(field) : field
  );
  return `SELECT DeveloperName, MasterLabel, ${fields.join(', ')} FROM ${kind}__mdt ORDER BY DeveloperName`;
}

function valueText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object') return null;
  return String(value);
}

/** One REST record as the loader's record (values as text, like the XML files). */
export function metadataRecordFromOrg(kind: RecordKind, record: SObjectRecord): MetadataRecord {
  const developerName = String(record.DeveloperName);
  const relationships = METADATA_RELATIONSHIPS[kind] ?? [];
  const values: Record<string, string | null> = {};
  for (const field of PROGRAM_RECORD_FIELDS[kind]) {
    if (relationships.includes(field)) {
      const related = record[field.replace(/__c$/, '__r')] as Record<string, unknown> | null | undefined;
      values[field] = valueText(related?.DeveloperName);
    } else {
      values[field] = valueText(record[field]);
    }
  }
  return {
    file: `org ${kind}__mdt.${developerName}`,
    type: kind,
    developerName,
    label: valueText(record.MasterLabel) ?? developerName,
    values
  };
}

export interface OrgProgram {
  config: ProgramConfig;
  records: MetadataRecord[];
}

/** The queries that read the program: one per record type, in KIND_NAMES order. */
export function programQueries(): string[] {
  return KIND_NAMES.map(programQuery);
}

/** The program from the answers to programQueries, validated. */
export function programFromOrgRecords(answers: SObjectRecord[][], source: string): OrgProgram {
  const records: MetadataRecord[] = [];
  KIND_NAMES.forEach((kind, index) => {
    for (const record of answers[index]) records.push(metadataRecordFromOrg(kind, record));
  });
  return { config: programFromRecords(records, source), records };
}

/** Reads and validates the org's program: a query per record type, all in one composite call. */
export async function readProgramFromOrg(client: SalesforceClient, source: string): Promise<OrgProgram> {
  return programFromOrgRecords(await queryMany(client, programQueries()), source);
}
