import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { UserError } from '../errors.ts';

export const SNAPSHOT_FORMAT = 'partner-program-snapshot/1';

const manifestSchema = z.object({
  format: z.literal(SNAPSHOT_FORMAT, { error: `must be "${SNAPSHOT_FORMAT}"` }),
  source: z.string({ error: 'is missing' }).min(1, { error: 'is blank' }),
  exportedAt: z.iso.datetime({ error: 'must be an ISO 8601 timestamp such as 2026-10-05T06:00:00.000Z' }),
  corporateCurrency: z
    .string({ error: 'is missing' })
    .regex(/^[A-Z]{3}$/, { error: 'must be a 3-letter ISO code such as USD' }),
  files: z.record(
    z.string().regex(/^[A-Za-z0-9_]+\.csv$/, { error: 'must be a file name like Opportunity.csv' }),
    z.object({
      rows: z.number().int().min(0),
      sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: 'must be 64 lowercase hex digits' })
    })
  )
});

export type Manifest = z.infer<typeof manifestSchema>;

export async function readManifest(snapshotDir: string): Promise<Manifest> {
  const file = path.join(snapshotDir, 'manifest.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    const hint = 'A snapshot is a folder with manifest.json and one CSV per object (docs/snapshot-format.md).';
    try {
      await readFile(snapshotDir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new UserError(`Snapshot folder not found: ${snapshotDir}`, { hint });
      }
    }
    throw new UserError(`${file} is missing.`, { hint });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UserError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  const result = manifestSchema.safeParse(json);
  if (!result.success) {
    throw new UserError(`${file} is not a valid snapshot manifest.`, {
      details: result.error.issues.map((issue) => `field ${issue.path.join('.') || '(root)'} ${issue.message}`),
      hint: 'See docs/snapshot-format.md for the manifest fields.'
    });
  }
  return result.data;
}
