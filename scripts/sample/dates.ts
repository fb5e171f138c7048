/* ISO date helpers (`YYYY-MM-DD`, UTC) and the fixed calendar of the sample snapshot. */
import type { Random } from './random.ts';

const DAY_MS = 86_400_000;

export const EXPORTED_AT = '2026-10-05T06:00:00.000Z';
/** The evaluated quarter 2026-Q3: its last day is the evaluation date. */
export const QUARTER_START = '2026-07-01';
export const EVALUATION_DATE = '2026-09-30';
/** The rolling four-quarter window 2025-Q4..2026-Q3. */
export const WINDOW_START = '2025-10-01';
/** Records dated after the evaluation date and up to this day exist (exported on 2026-10-05). */
export const LAST_RECORD_DATE = '2026-10-04';
/** History starts in late 2024. */
export const HISTORY_START = '2024-10-01';

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(date) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
}

/** A random date in [from, to], both included. */
export function randomDate(random: Random, from: string, to: string): string {
  return addDays(from, random.int(0, daysBetween(from, to)));
}
