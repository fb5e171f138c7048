/*
 * Writes a tree conversion to a folder: plan.json and the record files for
 * `sf data import tree --plan`, currencies.json (currencies to activate and dated rates to create)
 * and DatedConversionRate.csv (the same rates, for entering them by hand or with a data loader).
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../../lib/errors.ts';
import type { TreeConversion } from './tree-plan.ts';

export const PLAN_FILE = 'plan.json';
export const CURRENCIES_FILE = 'currencies.json';
export const RATES_CSV = 'DatedConversionRate.csv';

/** Files this module writes; only these are removed when a folder is written again. */
const OWN_FILE = /^(plan\.json|currencies\.json|DatedConversionRate\.csv|[A-Za-z_]+-\d+\.json)$/;

function json(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

/**
 * Writes the conversion into `outDir` (created when missing). A folder that already holds files is
 * accepted only when it is an earlier output (it has plan.json); its old files are replaced.
 * Returns the path of plan.json.
 */
export function writeTreeFiles(conversion: TreeConversion, outDir: string): string {
  if (existsSync(outDir)) {
    const entries = readdirSync(outDir);
    if (entries.length > 0 && !entries.includes(PLAN_FILE)) {
      throw new UserError(`${outDir} is not empty and holds no ${PLAN_FILE} from an earlier run.`, {
        hint: 'Give an empty or new folder with --out, so no file of yours is overwritten.'
      });
    }
    for (const entry of entries) if (OWN_FILE.test(entry)) rmSync(path.join(outDir, entry));
  } else {
    mkdirSync(outDir, { recursive: true });
  }
  for (const file of conversion.files) {
    writeFileSync(path.join(outDir, file.name), json({ records: file.records }));
  }
  writeFileSync(path.join(outDir, PLAN_FILE), json(conversion.plan));
  writeFileSync(
    path.join(outDir, CURRENCIES_FILE),
    json({
      corporateCurrency: conversion.corporateCurrency,
      currencies: conversion.currencies,
      datedRates: conversion.datedRates
    })
  );
  const csv = [
    'IsoCode,ConversionRate,StartDate',
    ...conversion.datedRates.map((rate) => `${rate.isoCode},${rate.conversionRate},${rate.startDate}`)
  ];
  writeFileSync(path.join(outDir, RATES_CSV), csv.join('\n') + '\n');
  return path.join(outDir, PLAN_FILE);
}
