/*
 * state.json: how far an apply got, written (atomically) before and after every step that changes
 * something in the org, so a run that is killed at any point is resumed by `apply <run dir>`:
 * an unfinished Bulk job is re-attached by its id (or aborted, when its upload may be incomplete)
 * and rows that already have a result are not sent again.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeJsonAtomically } from './run-folder.ts';

export const STATE_FILE = 'state.json';
export const STATE_FORMAT = 'partner-program-apply-state/1';

export type JobPhase = 'created' | 'uploaded' | 'closed' | 'finished' | 'aborted';

export interface JobRecord {
  id: string;
  /** The CSV uploaded, relative to the run folder. */
  file: string;
  rows: number;
  phase: JobPhase;
  /** Bulk job state when last seen. */
  state?: string;
  processed?: number;
  failed?: number;
  errorMessage?: string;
}

export interface ObjectState {
  object: string;
  keyColumn: string;
  operation: 'upsert' | 'update';
  externalIdFieldName?: string;
  /** Rows in the plan, and the rows that change something (written to `changesFile`). */
  planned: number;
  changed: number;
  changesFile: string;
  jobs: JobRecord[];
}

export interface NotificationState {
  total: number;
  sentBatches: number;
  batchSize: number;
  failed: number;
  done: boolean;
}

export interface ApplyState {
  format: typeof STATE_FORMAT;
  lockRecordId: string | null;
  objects: ObjectState[];
  notifications: NotificationState | null;
  completedAt: string | null;
}

export function emptyState(): ApplyState {
  return { format: STATE_FORMAT, lockRecordId: null, objects: [], notifications: null, completedAt: null };
}

export async function readState(runDir: string): Promise<ApplyState | null> {
  try {
    return JSON.parse(await readFile(path.join(runDir, STATE_FILE), 'utf8')) as ApplyState;
  } catch {
    return null;
  }
}

export async function saveState(runDir: string, state: ApplyState): Promise<void> {
  await writeJsonAtomically(path.join(runDir, STATE_FILE), state);
}
