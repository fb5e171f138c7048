import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SnapshotSpec, Table } from './snapshot-builder.ts';

export const DEPLOYED_METADATA = path.resolve('force-app/main/default/customMetadata');

/** One Active partner (account 001A, profile a01A) plus whatever the test adds. */
export function onePartner(
  overrides: { profile?: Record<string, unknown>; tables?: SnapshotSpec['tables'] } = {}
): SnapshotSpec {
  const tables = overrides.tables ?? {};
  return {
    tables: {
      Account: [{ Id: '001A', Name: 'Acme Reselling' }],
      Partner_Profile__c: [
        {
          Id: 'a01A',
          Account__c: '001A',
          Partner_Type__c: 'Reseller',
          Status__c: 'Active',
          Tier__c: 'Registered',
          Grace_Until__c: '',
          ...overrides.profile
        } as Table[number]
      ],
      Opportunity: [],
      Delivery_Review__c: [],
      Partner_Certification__c: [],
      Partner_Evidence__c: [],
      Tier_Exception__c: [],
      Tier_Evaluation__c: [],
      ...tables
    }
  };
}

export function wonDeal(
  id: string,
  closeDate: string,
  amount: number,
  extra: Record<string, unknown> = {}
): Table[number] {
  return {
    Id: id,
    Name: `Deal ${id}`,
    Partner_Account__c: '001A',
    Partner_Involvement__c: 'Resold',
    Type: 'New Business',
    IsClosed: true,
    IsWon: true,
    CloseDate: closeDate,
    Amount: amount,
    OwnerId: '005A',
    NextStep: '',
    Deal_Registered__c: false,
    ...extra
  } as Table[number];
}

/** A copy of the deployed custom metadata records into a fresh folder, for tests that edit them. */
export function copyOfDeployedMetadata(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pp-criteria-'));
  cpSync(DEPLOYED_METADATA, dir, { recursive: true });
  return dir;
}

/** Replaces one `<field>`'s value in a record file (tests plant changes and defects this way). */
export function setRecordValue(dir: string, file: string, field: string, value: string): void {
  const target = path.join(dir, file);
  const xml = readFileSync(target, 'utf8');
  const pattern = new RegExp(`(<field>${field}</field>\\s*<value[^>]*>)[^<]*(</value>)`);
  if (!pattern.test(xml)) throw new Error(`${file} has no value for ${field}`);
  writeFileSync(target, xml.replace(pattern, `$1${value}$2`));
}
