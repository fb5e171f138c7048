import { createHash } from 'node:crypto';
import { z } from 'zod';
import {
  isKnownMetric,
  METRICS,
  type Criterion,
  type Program,
  type ProgramSettings,
  type TierDefinition
} from '../../../force-app/main/default/lwc/tierEngine/tierEngine.ts';
import { UserError } from '../errors.ts';
import { readMetadataRecords, type MetadataRecord } from './metadata-files.ts';

export interface TierBenefit {
  name: string;
  tier: string;
  benefit: string;
  description: string;
  mdfEligible: boolean;
  mdfCapPerQuarter: number | null;
  sortOrder: number;
}

/** The program as configured, before it is bound to a snapshot's corporate currency. */
export interface ProgramConfig {
  tiers: TierDefinition[];
  criteria: Criterion[];
  settings: ProgramSettings;
  benefits: TierBenefit[];
  /** The folders the records came from, for the report. */
  sources: string[];
}

export type RecordKind = 'Partner_Tier' | 'Tier_Criterion' | 'Tier_Benefit' | 'Partner_Program_Setting';
export const KIND_NAMES: RecordKind[] = ['Partner_Tier', 'Tier_Criterion', 'Tier_Benefit', 'Partner_Program_Setting'];

/* Field parsers: metadata values arrive as text; each says in its message what a good value looks like. */
const requiredText = z.string({ error: 'is missing' }).trim().min(1, { error: 'is blank' });
const optionalText = z
  .string()
  .nullish()
  .transform((value) => value?.trim() ?? '');
const numberText = z
  .string({ error: 'is missing' })
  .trim()
  .regex(/^-?\d+(\.\d+)?$/, { error: 'is not a number (write it like 100000 or 85.5)' })
  .transform(Number);
const optionalNumber = z
  .string()
  .nullish()
  .transform((value, context) => {
    if (value === null || value === undefined || value.trim() === '') return null;
    if (!/^-?\d+(\.\d+)?$/.test(value.trim())) {
      context.addIssue({ code: 'custom', message: 'is not a number (write it like 100000 or 85.5)' });
      return z.NEVER;
    }
    return Number(value);
  });
const booleanText = (fallback: boolean) =>
  z
    .string()
    .nullish()
    .transform((value, context) => {
      if (value === null || value === undefined || value.trim() === '') return fallback;
      if (value.trim() === 'true') return true;
      if (value.trim() === 'false') return false;
      context.addIssue({ code: 'custom', message: 'must be true or false' });
      return z.NEVER;
    });

const tierSchema = z.object({ Rank__c: numberText, Description__c: optionalText });

const criterionSchema = z.object({
  Tier__c: requiredText,
  Partner_Type__c: optionalText.pipe(
    z.enum(['', 'All', 'Reseller', 'Service', 'ISV'], { error: 'must be All, Reseller, Service or ISV' })
  ),
  Category__c: z.enum(['Results', 'Capabilities'], { error: 'must be Results or Capabilities' }),
  Metric__c: requiredText.refine(isKnownMetric, {
    error: `is not a known metric; use one of ${Object.keys(METRICS).join(', ')} or FIELD:<Api_Name__c> of a numeric Partner Profile field`
  }),
  Operator__c: z.enum(['>=', '<='], { error: 'must be >= or <=' }),
  Threshold__c: numberText,
  Unit__c: optionalText,
  Checklist_Label__c: requiredText,
  Help_Text__c: optionalText,
  Sort_Order__c: optionalNumber,
  Active__c: booleanText(true)
});

const benefitSchema = z.object({
  Tier__c: requiredText,
  Benefit__c: requiredText,
  Description__c: optionalText,
  MDF_Eligible__c: booleanText(false),
  MDF_Cap_Per_Quarter__c: optionalNumber,
  Sort_Order__c: optionalNumber
});

const wholeNumber = (min: number, max: number) =>
  numberText.pipe(z.number().int({ error: 'must be a whole number' }).min(min).max(max));

const settingsSchema = z.object({
  Window_Quarters__c: wholeNumber(1, 12),
  Grace_Quarters__c: wholeNumber(0, 4),
  Narrow_Miss_Pct__c: numberText.pipe(z.number().min(0).max(100)),
  Near_Upgrade_Pct__c: numberText.pipe(z.number().min(0).max(100)),
  Fiscal_Year_Start_Month__c: wholeNumber(1, 12),
  Fiscal_Year_Based_On__c: optionalText.pipe(z.enum(['', 'Start', 'End'], { error: 'must be Start or End' })),
  Allow_Tier_Skip__c: booleanText(true)
});

/** The schema each record type is validated with: the one place that says which fields a record has. */
const RECORD_SCHEMAS = {
  Partner_Tier: tierSchema,
  Tier_Criterion: criterionSchema,
  Tier_Benefit: benefitSchema,
  Partner_Program_Setting: settingsSchema
} satisfies Record<RecordKind, z.ZodObject>;

/**
 * The fields the loader reads, per record type (besides DeveloperName and the label): what an org
 * query must select so that records read from the org pass the same validation as the files.
 */
export const PROGRAM_RECORD_FIELDS: Record<RecordKind, string[]> = Object.fromEntries(
  KIND_NAMES.map((kind) => [kind, Object.keys(RECORD_SCHEMAS[kind].shape)])
) as Record<RecordKind, string[]>;

/** Validates one record; every problem is reported as `<file>: field <Field__c> <what is wrong>`. */
function parseRecord<T>(record: MetadataRecord, schema: z.ZodType<T>, problems: string[]): T | null {
  const result = schema.safeParse(record.values);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : '(record)';
    const value = record.values[field];
    const shown = value === undefined ? '' : ` (value: ${JSON.stringify(value)})`;
    problems.push(`${record.file}: field ${field} ${issue.message}${shown}.`);
  }
  return null;
}

interface LoadedRecords {
  byKind: Map<RecordKind, MetadataRecord[]>;
}

function groupRecords(records: MetadataRecord[]): LoadedRecords {
  const byKind = new Map<RecordKind, MetadataRecord[]>();
  for (const record of records) {
    if (!KIND_NAMES.includes(record.type as RecordKind)) continue;
    const kind = record.type as RecordKind;
    byKind.set(kind, [...(byKind.get(kind) ?? []), record]);
  }
  return { byKind };
}

/**
 * Builds the program from the deployed records, with every record type present in `overrides`
 * replacing the deployed records of that type (how `simulate --criteria <dir>` proposes a change).
 */
function buildProgram(deployed: LoadedRecords, overrides: LoadedRecords | null, sources: string[]): ProgramConfig {
  const pick = (kind: RecordKind): MetadataRecord[] => overrides?.byKind.get(kind) ?? deployed.byKind.get(kind) ?? [];
  const problems: string[] = [];

  const tiers: TierDefinition[] = [];
  for (const record of pick('Partner_Tier')) {
    const parsed = parseRecord(record, tierSchema, problems);
    if (parsed) {
      tiers.push({
        name: record.developerName,
        label: record.label,
        rank: parsed.Rank__c,
        description: parsed.Description__c
      });
    }
  }
  if (pick('Partner_Tier').length === 0) problems.push('No Partner_Tier records found: the program needs its tiers.');
  const ranks = new Map<number, string>();
  for (const tier of tiers) {
    const other = ranks.get(tier.rank);
    if (other) problems.push(`Partner_Tier records ${other} and ${tier.name} have the same Rank__c ${tier.rank}.`);
    ranks.set(tier.rank, tier.name);
  }
  const tierNames = new Set([...tiers].sort((a, b) => a.rank - b.rank).map((tier) => tier.name));
  const lowest = [...tiers].sort((a, b) => a.rank - b.rank)[0];

  const criteria: Criterion[] = [];
  for (const record of pick('Tier_Criterion')) {
    const parsed = parseRecord(record, criterionSchema, problems);
    if (!parsed) continue;
    if (!tierNames.has(parsed.Tier__c)) {
      problems.push(
        `${record.file}: field Tier__c names an unknown tier "${parsed.Tier__c}"; known tiers: ${[...tierNames].join(', ')}.`
      );
      continue;
    }
    if (lowest && parsed.Tier__c === lowest.name) {
      problems.push(`${record.file}: field Tier__c is ${lowest.name}, the entry tier, which has no criteria.`);
      continue;
    }
    criteria.push({
      name: record.developerName,
      tier: parsed.Tier__c,
      partnerType: parsed.Partner_Type__c || 'All',
      category: parsed.Category__c,
      metric: parsed.Metric__c,
      operator: parsed.Operator__c,
      threshold: parsed.Threshold__c,
      unit: parsed.Unit__c,
      label: parsed.Checklist_Label__c,
      helpText: parsed.Help_Text__c,
      sortOrder: parsed.Sort_Order__c ?? 0,
      active: parsed.Active__c
    });
  }

  const benefits: TierBenefit[] = [];
  for (const record of pick('Tier_Benefit')) {
    const parsed = parseRecord(record, benefitSchema, problems);
    if (!parsed) continue;
    if (!tierNames.has(parsed.Tier__c)) {
      problems.push(`${record.file}: field Tier__c names an unknown tier "${parsed.Tier__c}".`);
      continue;
    }
    benefits.push({
      name: record.developerName,
      tier: parsed.Tier__c,
      benefit: parsed.Benefit__c,
      description: parsed.Description__c,
      mdfEligible: parsed.MDF_Eligible__c,
      mdfCapPerQuarter: parsed.MDF_Cap_Per_Quarter__c,
      sortOrder: parsed.Sort_Order__c ?? 0
    });
  }

  const settingsRecord = pick('Partner_Program_Setting').find((record) => record.developerName === 'Default');
  let settings: ProgramSettings | null = null;
  if (!settingsRecord) {
    problems.push('No Partner_Program_Setting.Default record found: the program needs its settings.');
  } else {
    const parsed = parseRecord(settingsRecord, settingsSchema, problems);
    if (parsed) {
      settings = {
        windowQuarters: parsed.Window_Quarters__c,
        graceQuarters: parsed.Grace_Quarters__c,
        narrowMissPct: parsed.Narrow_Miss_Pct__c,
        nearUpgradePct: parsed.Near_Upgrade_Pct__c,
        fiscalYearStartMonth: parsed.Fiscal_Year_Start_Month__c,
        fiscalYearBasedOn: parsed.Fiscal_Year_Based_On__c || 'End',
        allowTierSkip: parsed.Allow_Tier_Skip__c
      };
    }
  }

  if (problems.length > 0 || !settings) {
    throw new UserError(`The program configuration has ${problems.length} problem(s).`, {
      details: problems,
      hint: 'Fix the custom metadata records named above; field names and allowed values are described in the README (Changing the program).'
    });
  }
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  return {
    tiers: tiers.sort((a, b) => a.rank - b.rank),
    criteria: criteria.sort(byName),
    benefits: benefits.sort((a, b) => a.tier.localeCompare(b.tier) || a.sortOrder - b.sortOrder || byName(a, b)),
    settings,
    sources
  };
}

/**
 * Builds the program from records that were not read from files (the org's custom metadata, read
 * through the API), with the same validation; `source` names where they came from in the report.
 */
export function programFromRecords(records: MetadataRecord[], source: string): ProgramConfig {
  return buildProgram(groupRecords(records), null, [source]);
}

/** Loads the program from a folder of custom metadata records (the deployed ones by default). */
export async function loadProgram(deployedDir: string, overrideDir?: string): Promise<ProgramConfig> {
  const deployed = groupRecords(await readMetadataRecords(deployedDir));
  if (!overrideDir) return buildProgram(deployed, null, [deployedDir]);
  const overrides = groupRecords(await readMetadataRecords(overrideDir));
  if (overrides.byKind.size === 0) {
    throw new UserError(
      `No program records (Partner_Tier, Tier_Criterion, Tier_Benefit, Partner_Program_Setting) in ${overrideDir}.`,
      {
        hint: 'Copy the records you want to change from force-app/main/default/customMetadata into that folder and edit them there.'
      }
    );
  }
  return buildProgram(deployed, overrides, [deployedDir, overrideDir]);
}

export function bindProgram(config: ProgramConfig, corporateCurrency: string): Program {
  return { tiers: config.tiers, criteria: config.criteria, settings: config.settings, corporateCurrency };
}

/** A short fingerprint of the rules that decided a run (stored as Criteria_Hash__c). */
export function programHash(config: ProgramConfig): string {
  const canonical = JSON.stringify({ tiers: config.tiers, criteria: config.criteria, settings: config.settings });
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}
