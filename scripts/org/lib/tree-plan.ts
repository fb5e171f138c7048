/*
 * Snapshot → `sf data import tree` plan: a pure conversion of a snapshot's rows (DESIGN.md §7) into
 * sObject tree records, so the bundled sample program can be loaded into a scratch org.
 *
 * - The snapshot's 18-character Ids belong to another org. Each record gets a reference id
 *   (`AccountRef1`, `Partner_Profile__cRef7`, …, the form `sf data export tree` writes) and every
 *   lookup or master-detail value becomes `@<reference id>`; `sf data import tree` replaces it with
 *   the new record's Id once the parent file is saved.
 * - Read-only columns are dropped (Id, IsClosed, IsWon, …); `StageName` is derived from
 *   IsClosed/IsWon when the snapshot has none. Owners are dropped (the loading user owns every
 *   record); User lookups such as `Partner_Manager__c` point to the loading user when its Id is given.
 * - Files hold at most 200 records (the sObject Tree API's limit per request) and the plan lists
 *   parents before children.
 * - Exchange rates cannot go through a tree import: the conversion returns the currencies to
 *   activate and the dated rates to create, which the setup script creates through the REST API.
 * - With the project's data model (read from force-app), columns the org has no writable field for
 *   are dropped, and values the org would reject (restricted picklists, missing required fields)
 *   are reported as problems before anything reaches an org.
 */
import type { DataModel, ObjectInfo } from './data-model.ts';

export type Cell = string | number | boolean | null;
export type TableRow = Record<string, Cell>;

/** The objects the plan loads, parents first. */
export const TREE_OBJECTS = [
  'Account',
  'Contact',
  'Partner_Profile__c',
  'Opportunity',
  'Delivery_Review__c',
  'Partner_Certification__c',
  'Partner_Evidence__c',
  'Tier_Exception__c',
  'Tier_Evaluation__c',
  'Campaign',
  'MDF_Budget__c',
  'MDF_Request__c',
  'MDF_Claim__c'
] as const;
export type TreeObject = (typeof TREE_OBJECTS)[number];

export interface SnapshotTables {
  corporateCurrency: string;
  /** ISO 8601 timestamp of the export; the currencies' static rate is the dated rate in force then. */
  exportedAt: string;
  /** Rows per file, typed as the snapshot reader parses them (null = empty cell). */
  tables: Partial<Record<TreeObject | 'DatedConversionRate', TableRow[]>>;
}

export interface ConvertOptions {
  /** The project's data model; without it columns are not checked against the org's fields. */
  dataModel?: DataModel;
  /** Id of the user who loads the data: User lookups (Partner_Manager__c) are set to it. */
  userId?: string | null;
  /** Records per file; the sObject Tree API takes at most 200 per request. */
  maxRecordsPerFile?: number;
}

export interface TreeRecord {
  attributes: { type: string; referenceId: string };
  [field: string]: Cell | { type: string; referenceId: string };
}

export interface TreeFile {
  /** File name inside the output folder, e.g. `Opportunity-3.json`. */
  name: string;
  sobject: TreeObject;
  records: TreeRecord[];
}

/** One entry of plan.json, in the format `sf data import tree --plan` reads. */
export interface PlanEntry {
  sobject: TreeObject;
  files: string[];
}

export interface CurrencyToActivate {
  isoCode: string;
  /** Units per one unit of corporate currency: the dated rate in force at export time. */
  conversionRate: number;
  decimalPlaces: number;
}

export interface DatedRate {
  isoCode: string;
  conversionRate: number;
  startDate: string;
}

export interface TreeConversion {
  plan: PlanEntry[];
  files: TreeFile[];
  /** Records per object in the plan. */
  counts: Record<TreeObject, number>;
  corporateCurrency: string;
  currencies: CurrencyToActivate[];
  datedRates: DatedRate[];
  /** What was changed on the way (dropped columns, skipped rows); the load can still succeed. */
  warnings: string[];
  /** Values the org would reject: the load would fail. */
  problems: string[];
}

export const TREE_API_LIMIT = 200;
const OPEN_STAGE = 'Prospecting';

/** Lookups between the loaded objects. A record whose master is not loaded cannot be inserted. */
const REFERENCES: Record<TreeObject, Record<string, { target: TreeObject; master: boolean }>> = {
  Account: { ParentId: { target: 'Account', master: false } },
  Contact: { AccountId: { target: 'Account', master: false } },
  Partner_Profile__c: { Account__c: { target: 'Account', master: true } },
  Opportunity: {
    AccountId: { target: 'Account', master: false },
    Partner_Account__c: { target: 'Account', master: false }
  },
  Delivery_Review__c: {
    Partner_Profile__c: { target: 'Partner_Profile__c', master: true },
    Opportunity__c: { target: 'Opportunity', master: false }
  },
  Partner_Certification__c: {
    Partner_Profile__c: { target: 'Partner_Profile__c', master: true },
    Contact__c: { target: 'Contact', master: false }
  },
  Partner_Evidence__c: { Partner_Profile__c: { target: 'Partner_Profile__c', master: true } },
  Tier_Exception__c: { Partner_Profile__c: { target: 'Partner_Profile__c', master: true } },
  Tier_Evaluation__c: { Partner_Profile__c: { target: 'Partner_Profile__c', master: true } },
  Campaign: { ParentId: { target: 'Campaign', master: false } },
  MDF_Budget__c: {},
  MDF_Request__c: {
    Account__c: { target: 'Account', master: true },
    Budget__c: { target: 'MDF_Budget__c', master: false },
    Campaign__c: { target: 'Campaign', master: false }
  },
  MDF_Claim__c: { MDF_Request__c: { target: 'MDF_Request__c', master: true } }
};

/** Lookups to User: they name users of the exported org. */
const USER_LOOKUPS = new Set(['Partner_Manager__c', 'Verified_By__c', 'Decided_By__c', 'Approved_By__c']);

/**
 * Campaign roll-ups of the opportunities linked to the campaign (Opportunity.CampaignId): an org
 * computes them and no insert can set them, so MDF ROI in a scratch org shows pipeline only once
 * opportunities are linked to the campaigns (docs/org-setup.md).
 */
const CAMPAIGN_ROLLUPS = new Set([
  'AmountAllOpportunities',
  'AmountWonOpportunities',
  'NumberOfOpportunities',
  'NumberOfWonOpportunities'
]);

/** Columns no insert may set (system fields, roll-ups the org computes, the record owner). */
const READ_ONLY = new Set([
  'Id',
  'OwnerId',
  'IsDeleted',
  'CreatedDate',
  'CreatedById',
  'LastModifiedDate',
  'LastModifiedById',
  'SystemModstamp',
  'LastActivityDate',
  'LastViewedDate',
  'LastReferencedDate',
  'MasterRecordId'
]);
const READ_ONLY_BY_OBJECT: Partial<Record<TreeObject, Set<string>>> = {
  Contact: new Set(['Name', 'PhotoUrl']),
  Opportunity: new Set([
    'IsClosed',
    'IsWon',
    'ExpectedRevenue',
    'ForecastCategory',
    'Fiscal',
    'FiscalQuarter',
    'FiscalYear',
    'HasOpportunityLineItem',
    'HasOpenActivity',
    'HasOverdueTask',
    'LastStageChangeDate',
    'PushCount'
  ])
};

const NUMBER = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;
const NUMERIC_TYPES = new Set(['Number', 'Currency', 'Percent']);
const ZERO_DECIMAL_CURRENCIES = new Set(['CLP', 'ISK', 'JPY', 'KRW', 'VND']);

/** Types a cell the snapshot reader left as text (extra columns): by the field's type, else by its look. */
function typed(value: Cell, fieldType: string | undefined): Cell {
  if (typeof value !== 'string') return value;
  if (fieldType !== undefined) {
    if (NUMERIC_TYPES.has(fieldType) && NUMBER.test(value.trim())) return Number(value);
    if (fieldType === 'Checkbox' && (value === 'true' || value === 'false')) return value === 'true';
    return value;
  }
  if (NUMBER.test(value) && !/^0\d/.test(value)) return Number(value);
  if (value === 'true' || value === 'false') return value === 'true';
  return value;
}

function stageFor(row: TableRow): string {
  if (typeof row.StageName === 'string' && row.StageName.trim() !== '') return row.StageName;
  if (row.IsWon === true) return 'Closed Won';
  if (row.IsClosed === true) return 'Closed Lost';
  return OPEN_STAGE;
}

/** Counts messages of one kind and states them once, with the number of rows. */
class Tally {
  private readonly counts = new Map<string, number>();
  add(message: string): void {
    this.counts.set(message, (this.counts.get(message) ?? 0) + 1);
  }
  lines(): string[] {
    return [...this.counts].map(([message, count]) => (count === 1 ? message : `${message} (${count} rows)`));
  }
}

function referenceId(object: TreeObject, index: number): string {
  return `${object}Ref${index + 1}`;
}

/** The rates to create and the currencies to activate, from DatedConversionRate and the opportunities. */
function currencyPlan(
  snapshot: SnapshotTables,
  warnings: string[],
  problems: string[]
): { currencies: CurrencyToActivate[]; datedRates: DatedRate[] } {
  const corporate = snapshot.corporateCurrency;
  const exportDate = snapshot.exportedAt.slice(0, 10);
  const rates = (snapshot.tables.DatedConversionRate ?? [])
    .map((row) => ({
      isoCode: String(row.IsoCode ?? ''),
      conversionRate: Number(row.ConversionRate),
      startDate: String(row.StartDate ?? ''),
      nextStartDate: typeof row.NextStartDate === 'string' ? row.NextStartDate : null
    }))
    .filter((rate) => rate.isoCode !== corporate)
    .sort((a, b) => a.isoCode.localeCompare(b.isoCode) || a.startDate.localeCompare(b.startDate));

  const byCurrency = new Map<string, typeof rates>();
  for (const rate of rates) byCurrency.set(rate.isoCode, [...(byCurrency.get(rate.isoCode) ?? []), rate]);
  for (const [isoCode, list] of byCurrency) {
    for (let i = 1; i < list.length; i++) {
      const previous = list[i - 1];
      if (previous.startDate === list[i].startDate) {
        problems.push(
          `DatedConversionRate: two ${isoCode} rates start on ${previous.startDate}; an org holds one rate per currency and start date.`
        );
      } else if (previous.nextStartDate !== null && previous.nextStartDate !== list[i].startDate) {
        warnings.push(
          `DatedConversionRate: the ${isoCode} rate from ${previous.startDate} ends ${previous.nextStartDate} but the next starts ${list[i].startDate}; in the org each rate runs until the next one starts.`
        );
      }
    }
  }

  const used = new Set(byCurrency.keys());
  for (const row of snapshot.tables.Opportunity ?? []) {
    const code = row.CurrencyIsoCode;
    if (typeof code === 'string' && code !== corporate && !used.has(code)) {
      used.add(code);
      warnings.push(
        `Opportunity: amounts in ${code} but no DatedConversionRate for it; the org converts them at the currency's static rate (1.0 until you set one).`
      );
    }
  }
  const currencies = [...used].sort().map((isoCode) => {
    const list = byCurrency.get(isoCode) ?? [];
    const inForce = list.filter((rate) => rate.startDate <= exportDate).at(-1) ?? list.at(-1);
    return {
      isoCode,
      conversionRate: inForce?.conversionRate ?? 1,
      decimalPlaces: ZERO_DECIMAL_CURRENCIES.has(isoCode) ? 0 : 2
    };
  });
  const datedRates = rates.map(({ isoCode, conversionRate, startDate }) => ({ isoCode, conversionRate, startDate }));
  return { currencies, datedRates };
}

/**
 * Converts a snapshot's rows into a tree-import plan. Pure: same input, same output; nothing is
 * read or written.
 */
export function snapshotToTree(snapshot: SnapshotTables, options: ConvertOptions = {}): TreeConversion {
  const maxPerFile = Math.min(options.maxRecordsPerFile ?? TREE_API_LIMIT, TREE_API_LIMIT);
  const userId = options.userId ?? null;
  const warnings: string[] = [];
  const problems: string[] = [];
  const refs = new Map<TreeObject, Map<string, string>>();
  const plan: PlanEntry[] = [];
  const files: TreeFile[] = [];
  const counts = Object.fromEntries(TREE_OBJECTS.map((object) => [object, 0])) as Record<TreeObject, number>;

  for (const object of TREE_OBJECTS) {
    const rows = snapshot.tables[object] ?? [];
    const model: ObjectInfo | undefined = options.dataModel?.get(object);
    const references = REFERENCES[object];
    const readOnly = READ_ONLY_BY_OBJECT[object];
    const objectRefs = new Map<string, string>();
    refs.set(object, objectRefs);
    const dropped = new Tally();
    const skipped = new Tally();
    const rejected = new Tally();
    const records: TreeRecord[] = [];

    for (const row of rows) {
      const record: TreeRecord = { attributes: { type: object, referenceId: referenceId(object, records.length) } };
      let skip: string | null = null;
      for (const [column, value] of Object.entries(row)) {
        if (READ_ONLY.has(column) || readOnly?.has(column)) continue;
        if (column.includes('.')) {
          dropped.add(`${object}: column ${column} (a relationship field) dropped`);
          continue;
        }
        if (object === 'Opportunity' && column === 'StageName') continue;
        if (object === 'Campaign' && CAMPAIGN_ROLLUPS.has(column)) {
          dropped.add(
            `Campaign: ${column} dropped: the org computes it from the opportunities linked to the campaign (Opportunity.CampaignId); link opportunities to see MDF ROI`
          );
          continue;
        }
        const field = model?.fields.get(column);
        if (column === 'Name' && model?.nameFieldType === 'AutoNumber') continue;
        if (model && column.endsWith('__c') && !field) {
          dropped.add(`${object}: column ${column} dropped: force-app has no such field`);
          continue;
        }
        if (field && !field.writable) {
          dropped.add(`${object}: column ${column} dropped: the field is calculated (${field.type})`);
          continue;
        }
        if (value === null || value === '') continue;

        if (USER_LOOKUPS.has(column)) {
          if (userId) record[column] = userId;
          else dropped.add(`${object}: ${column} dropped: it names users of the exported org`);
          continue;
        }
        const reference = references[column];
        if (reference) {
          const target = refs.get(reference.target)?.get(String(value));
          if (target) {
            record[column] = `@${target}`;
          } else if (reference.master) {
            skip = `${object}: row skipped: its ${column} is not in ${reference.target}.csv`;
            break;
          } else {
            dropped.add(`${object}: ${column} left empty where it names a record not in ${reference.target}.csv`);
          }
          continue;
        }
        record[column] = typed(value, field?.type);
      }
      if (skip !== null) {
        skipped.add(skip);
        continue;
      }
      if (object === 'Opportunity') {
        const stage = stageFor(row);
        record.StageName = stage;
        if (row.StageName === null || row.StageName === undefined)
          dropped.add(`Opportunity: StageName derived from IsClosed/IsWon (${stage})`);
      }
      if (model) checkValues(object, model, record, rejected);
      if (typeof row.Id === 'string') objectRefs.set(row.Id, record.attributes.referenceId);
      records.push(record);
    }

    warnings.push(...dropped.lines(), ...skipped.lines());
    problems.push(...rejected.lines());
    counts[object] = records.length;
    if (records.length === 0) continue;
    const names: string[] = [];
    for (let start = 0; start < records.length; start += maxPerFile) {
      const name = `${object}-${names.length + 1}.json`;
      names.push(name);
      files.push({ name, sobject: object, records: records.slice(start, start + maxPerFile) });
    }
    plan.push({ sobject: object, files: names });
  }

  const { currencies, datedRates } = currencyPlan(snapshot, warnings, problems);
  return {
    plan,
    files,
    counts,
    corporateCurrency: snapshot.corporateCurrency,
    currencies,
    datedRates,
    warnings,
    problems
  };
}

/** Restricted picklist values and required fields, as the org would check them on insert. */
function checkValues(object: TreeObject, model: ObjectInfo, record: TreeRecord, rejected: Tally): void {
  for (const [name, field] of model.fields) {
    const value = record[name];
    if (field.required && field.writable && (value === undefined || value === null || value === '')) {
      rejected.add(`${object}.${name} is required but the row has no value`);
    }
    if (field.restrictedValues && typeof value === 'string') {
      const values = field.type === 'MultiselectPicklist' ? value.split(';') : [value];
      for (const item of values) {
        if (!field.restrictedValues.includes(item)) {
          rejected.add(
            `${object}.${name}: "${item}" is not a value of the restricted picklist (${field.restrictedValues.join(', ')})`
          );
        }
      }
    }
  }
}

/** Records per object and the currencies, one line each, for a terminal. */
export function summariseConversion(conversion: TreeConversion): string[] {
  const lines = conversion.plan.map(
    (entry) =>
      `  ${entry.sobject.padEnd(26)} ${String(conversion.counts[entry.sobject]).padStart(5)} records in ${entry.files.length} file(s)`
  );
  const total = Object.values(conversion.counts).reduce((sum, count) => sum + count, 0);
  lines.push(`  ${'total'.padEnd(26)} ${String(total).padStart(5)} records`);
  if (conversion.currencies.length > 0) {
    lines.push(
      `Currencies to activate (corporate ${conversion.corporateCurrency}): ${conversion.currencies
        .map((currency) => `${currency.isoCode} at ${currency.conversionRate}`)
        .join(', ')}; ${conversion.datedRates.length} dated exchange rates to create.`
    );
  }
  return lines;
}
