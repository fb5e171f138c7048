/*
 * The CSV files of the snapshot and their columns (docs/snapshot-format.md), and the value
 * formatting Bulk API 2.0 uses: dates YYYY-MM-DD, booleans true/false, dot decimals, empty = null.
 */

export type Row = Record<string, string>;

export const COLUMNS = {
  Account: ['Id', 'Name', 'BillingCountry'],
  Contact: ['Id', 'FirstName', 'LastName', 'AccountId', 'Email'],
  DatedConversionRate: ['Id', 'IsoCode', 'ConversionRate', 'StartDate', 'NextStartDate'],
  Partner_Profile__c: [
    'Id',
    'Name',
    'Account__c',
    'Partner_Type__c',
    'Status__c',
    'Tier__c',
    'Tier_Since__c',
    'Grace_Until__c',
    'Partner_Manager__c',
    'Onboarded_On__c',
    'Last_Reviewed_On__c',
    'Review_Cadence__c',
    'Joint_Customers__c'
  ],
  Opportunity: [
    'Id',
    'Name',
    'Partner_Account__c',
    'Partner_Involvement__c',
    'Type',
    'StageName',
    'IsClosed',
    'IsWon',
    'CloseDate',
    'Amount',
    'CurrencyIsoCode',
    'OwnerId',
    'NextStep',
    'Deal_Registered__c',
    'Registered_On__c'
  ],
  Delivery_Review__c: ['Id', 'Partner_Profile__c', 'Opportunity__c', 'CSAT__c', 'Reviewed_On__c', 'Escalated__c'],
  Partner_Certification__c: [
    'Id',
    'Partner_Profile__c',
    'Contact__c',
    'Certification_Name__c',
    'Credential_Id__c',
    'Issued_On__c',
    'Expires_On__c',
    'Verified__c'
  ],
  Partner_Evidence__c: ['Id', 'Partner_Profile__c', 'Type__c', 'Title__c', 'URL__c', 'Evidence_Date__c', 'Verified__c'],
  Tier_Exception__c: ['Id', 'Partner_Profile__c', 'Tier__c', 'Reason__c', 'Starts_On__c', 'Expires_On__c'],
  Tier_Evaluation__c: [
    'Id',
    'Partner_Profile__c',
    'Evaluation_Key__c',
    'Quarter__c',
    'Window_Start__c',
    'Window_End__c',
    'Previous_Tier__c',
    'Previous_Grace_Until__c',
    'Qualified_Tier__c',
    'Resulting_Tier__c',
    'Outcome__c',
    'Grace_Until__c'
  ]
} as const;

export type SObjectName = keyof typeof COLUMNS;
export type Tables = Record<SObjectName, Row[]>;

export function emptyTables(): Tables {
  const tables = {} as Tables;
  for (const name of Object.keys(COLUMNS) as SObjectName[]) tables[name] = [];
  return tables;
}

/** Integer cents as a decimal amount with two decimals (`123456.70`). */
export function money(cents: number): string {
  if (!Number.isInteger(cents) || cents < 0) throw new Error(`Invalid amount in cents: ${cents}`);
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

export function bool(value: boolean): string {
  return value ? 'true' : 'false';
}

/** A lower-case ASCII slug for URLs and e-mail domains. */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
