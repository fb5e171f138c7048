/*
 * Reads the MDF files of a snapshot (docs/snapshot-format.md, "MDF files") with the snapshot reader:
 * the manifest's row counts and SHA-256, every column typed, errors naming file, row and column.
 * The files are small (budgets, requests and claims of a few quarters), so they are held in memory.
 */
import {
  CLAIM_STATUSES,
  REQUEST_STATUSES,
  type ClaimStatus,
  type RequestStatus
} from '../../../force-app/main/default/lwc/mdfRules/mdfRules.ts';
import { csvLocation, UserError } from '../errors.ts';
import { readManifest, type Manifest } from '../snapshot/manifest.ts';
import { hasSnapshotFile, readSnapshotCsv } from '../snapshot/read-csv.ts';
import { MDF_SNAPSHOT_FILES, type MdfObject, type Row } from '../snapshot/schema.ts';

export interface MdfBudget {
  id: string;
  name: string | null;
  quarter: string;
  region: string | null;
  eligibleTier: string | null;
  amount: number;
}

export interface MdfRequest {
  id: string;
  name: string | null;
  accountId: string;
  budgetId: string | null;
  campaignId: string | null;
  status: RequestStatus;
  activityType: string | null;
  requestedAmount: number | null;
  approvedAmount: number | null;
  /** Submitted_On__c as Bulk API 2.0 writes it (`2026-09-02T15:30:00.000Z`). */
  submittedOn: string | null;
}

export interface MdfClaim {
  id: string;
  name: string | null;
  requestId: string;
  status: ClaimStatus;
  amount: number | null;
  /** Submitted_On__c (stamped by the workflow on submission); null in data taken before the field existed. */
  submittedOn: string | null;
  approvedOn: string | null;
  paidOn: string | null;
}

export interface MdfCampaign {
  id: string;
  name: string;
  pipeline: number;
  won: number;
}

export interface MdfData {
  manifest: Manifest;
  /** Account Id → name (Account.csv). */
  partnerNames: Map<string, string>;
  budgets: MdfBudget[];
  requests: MdfRequest[];
  claims: MdfClaim[];
  campaigns: Map<string, MdfCampaign>;
}

export const MDF_OBJECTS = Object.keys(MDF_SNAPSHOT_FILES) as MdfObject[];

/** The four files, or a message that names the missing ones and how to get them. */
function assertMdfFiles(snapshotDir: string, manifest: Manifest): void {
  const missing = MDF_OBJECTS.filter((object) => !hasSnapshotFile(snapshotDir, manifest, object)).map(
    (object) => `${object}.csv`
  );
  if (missing.length === 0) return;
  throw new UserError(`The snapshot ${snapshotDir} has no MDF data: ${missing.join(', ')} missing.`, {
    hint:
      'The mdf report reads MDF_Budget__c.csv, MDF_Request__c.csv, MDF_Claim__c.csv and Campaign.csv (docs/snapshot-format.md). ' +
      'Read them straight from the org with partner-program mdf --target-org <alias>, or try the report on partner-program mdf --snapshot data/sample.'
  });
}

async function readRows<O extends MdfObject | 'Account'>(
  snapshotDir: string,
  manifest: Manifest,
  object: O,
  each: (row: Row<O>, rowNumber: number, line: number) => void
): Promise<void> {
  for await (const { row, rowNumber, line } of readSnapshotCsv(snapshotDir, manifest, object))
    each(row, rowNumber, line);
}

function required<T>(value: T | null, file: string, rowNumber: number, line: number, column: string): T {
  if (value === null) {
    throw new UserError(`${csvLocation(file, rowNumber, line, column)}: the value is empty.`, {
      hint: `Every ${file.slice(0, -4)} record has a ${column}; take the snapshot again.`
    });
  }
  return value;
}

function oneOf<T extends string>(
  value: string | null,
  allowed: readonly T[],
  file: string,
  rowNumber: number,
  line: number,
  column: string
): T {
  if (value === null || !allowed.includes(value as T)) {
    throw new UserError(
      `${csvLocation(file, rowNumber, line, column)}: "${value ?? ''}" is not a status (${allowed.join(', ')}).`
    );
  }
  return value as T;
}

/** MDF amounts are reported in the corporate currency; another currency is refused, not converted. */
function corporate(currency: string | null, manifest: Manifest, file: string, rowNumber: number, line: number): void {
  if (currency !== null && currency !== manifest.corporateCurrency) {
    throw new UserError(
      `${csvLocation(file, rowNumber, line, 'CurrencyIsoCode')}: ${currency} is not the corporate currency ${manifest.corporateCurrency}.`,
      {
        hint: 'The mdf report adds MDF amounts as they are: keep budgets, requests and claims in the corporate currency.'
      }
    );
  }
}

export async function loadMdf(snapshotDir: string): Promise<MdfData> {
  const manifest = await readManifest(snapshotDir);
  assertMdfFiles(snapshotDir, manifest);
  const partnerNames = new Map<string, string>();
  await readRows(snapshotDir, manifest, 'Account', (row) => {
    if (row.Id) partnerNames.set(row.Id, row.Name ?? row.Id);
  });

  const budgets: MdfBudget[] = [];
  let file = 'MDF_Budget__c.csv';
  await readRows(snapshotDir, manifest, 'MDF_Budget__c', (row, rowNumber, line) => {
    corporate(row.CurrencyIsoCode, manifest, file, rowNumber, line);
    const quarter = required(row.Fiscal_Quarter__c, file, rowNumber, line, 'Fiscal_Quarter__c');
    if (!/^\d{4}-Q[1-4]$/.test(quarter)) {
      throw new UserError(
        `${csvLocation(file, rowNumber, line, 'Fiscal_Quarter__c')}: "${quarter}" is not a fiscal quarter (YYYY-Qn).`
      );
    }
    budgets.push({
      id: required(row.Id, file, rowNumber, line, 'Id'),
      name: row.Name,
      quarter,
      region: row.Region__c,
      eligibleTier: row.Eligible_Tier__c,
      amount: required(row.Amount__c, file, rowNumber, line, 'Amount__c')
    });
  });

  const requests: MdfRequest[] = [];
  file = 'MDF_Request__c.csv';
  await readRows(snapshotDir, manifest, 'MDF_Request__c', (row, rowNumber, line) => {
    corporate(row.CurrencyIsoCode, manifest, file, rowNumber, line);
    requests.push({
      id: required(row.Id, file, rowNumber, line, 'Id'),
      name: row.Name,
      accountId: required(row.Account__c, file, rowNumber, line, 'Account__c'),
      budgetId: row.Budget__c,
      campaignId: row.Campaign__c,
      status: oneOf(row.Status__c, REQUEST_STATUSES, file, rowNumber, line, 'Status__c'),
      activityType: row.Activity_Type__c,
      requestedAmount: row.Requested_Amount__c,
      approvedAmount: row.Approved_Amount__c,
      submittedOn: row.Submitted_On__c
    });
  });

  const claims: MdfClaim[] = [];
  file = 'MDF_Claim__c.csv';
  await readRows(snapshotDir, manifest, 'MDF_Claim__c', (row, rowNumber, line) => {
    corporate(row.CurrencyIsoCode, manifest, file, rowNumber, line);
    claims.push({
      id: required(row.Id, file, rowNumber, line, 'Id'),
      name: row.Name,
      requestId: required(row.MDF_Request__c, file, rowNumber, line, 'MDF_Request__c'),
      status: oneOf(row.Status__c, CLAIM_STATUSES, file, rowNumber, line, 'Status__c'),
      amount: row.Amount__c,
      submittedOn: row.Submitted_On__c,
      approvedOn: row.Approved_On__c,
      paidOn: row.Paid_On__c
    });
  });

  const campaigns = new Map<string, MdfCampaign>();
  file = 'Campaign.csv';
  await readRows(snapshotDir, manifest, 'Campaign', (row, rowNumber, line) => {
    const id = required(row.Id, file, rowNumber, line, 'Id');
    campaigns.set(id, {
      id,
      name: row.Name ?? id,
      pipeline: row.AmountAllOpportunities ?? 0,
      won: row.AmountWonOpportunities ?? 0
    });
  });
  return { manifest, partnerNames, budgets, requests, claims, campaigns };
}
