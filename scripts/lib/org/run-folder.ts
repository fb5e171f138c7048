/*
 * A run folder: the audit record of one org-mode evaluation and the place a later `apply` works
 * from. It holds run.json (which org and quarter, who ran it; never a token), snapshot/ (the
 * inputs), criteria/ (the program as the org had it), results.json/.csv, the write-back plan, and
 * once applied: apply/ (the changed rows, Bulk job results), state.json, failures.csv.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { UserError } from '../errors.ts';
import { API_VERSION } from './api-version.ts';

export const RUN_FORMAT = 'partner-program-run/1';
export const RUN_FILE = 'run.json';
export const SNAPSHOT_DIR = 'snapshot';
export const CRITERIA_DIR = 'criteria';
export const APPLY_DIR = 'apply';
export const FAILURES_FILE = 'failures.csv';
export const PLAN_FILES = {
  Tier_Evaluation__c: 'Tier_Evaluation__c.csv',
  Partner_Profile__c: 'Partner_Profile__c.csv'
};

const runInfoSchema = z.object({
  format: z.literal(RUN_FORMAT),
  target: z.string().min(1),
  orgId: z.string().min(15),
  username: z.string(),
  quarter: z.string().regex(/^\d{4}-Q[1-4]$/),
  runId: z.string(),
  lockId: z.string(),
  createdAt: z.string(),
  apiVersion: z.string()
});

export type RunInfo = z.infer<typeof runInfoSchema>;

export function newRunInfo(fields: Omit<RunInfo, 'format' | 'apiVersion'>): RunInfo {
  return { format: RUN_FORMAT, apiVersion: API_VERSION, ...fields };
}

/** `runs/<orgId>-<quarter>-<UTC timestamp>`. */
export function defaultRunDir(orgId: string, quarter: string, now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return path.join('runs', `${orgId}-${quarter}-${stamp}`);
}

/** Writes a JSON file so that a reader (or a killed run) never sees half of it. */
export async function writeJsonAtomically(file: string, value: unknown): Promise<void> {
  const temporary = `${file}.partial-${process.pid}`;
  await writeFile(temporary, JSON.stringify(value, null, 2) + '\n');
  await rename(temporary, file);
}

export async function readRunInfo(dir: string): Promise<RunInfo> {
  const file = path.join(dir, RUN_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new UserError(`${dir} is not a run folder (no ${RUN_FILE}).`, {
      hint: 'Pass the folder `evaluate --target-org` wrote, e.g. runs/00D…-2026-Q3-20261005T060000Z.'
    });
  }
  const parsed = runInfoSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    throw new UserError(`${file} is not a valid run description.`, {
      details: parsed.error.issues.map((issue) => `field ${issue.path.join('.')}: ${issue.message}`),
      hint: 'Run folders are written by partner-program evaluate --target-org; do not edit run.json.'
    });
  }
  return parsed.data;
}
