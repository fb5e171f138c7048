import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { BULK_NULL } from '../../lib/report/write-back-plan.ts';

type Row = Record<string, string>;
const read = (file: string): Row[] => parse(readFileSync(file), { columns: true });

/**
 * What the org looks like after a write-back plan was applied, as a new snapshot: profiles updated
 * by Id (empty cells unchanged, #N/A cleared), evaluations upserted on Evaluation_Key__c. Stands in
 * for the Bulk API 2.0 load, so tests can check that re-evaluating an applied quarter is stable.
 */
export function applyPlan(snapshotDir: string, planDir: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pp-applied-'));
  cpSync(snapshotDir, dir, { recursive: true });
  const profileFile = path.join(dir, 'Partner_Profile__c.csv');
  const profiles = read(profileFile);
  const byId = new Map(profiles.map((profile) => [profile.Id, profile]));
  for (const update of read(path.join(planDir, 'Partner_Profile__c.csv'))) {
    const profile = byId.get(update.Id)!;
    for (const [field, value] of Object.entries(update)) {
      if (field === 'Id' || value === '' || !(field in profile)) continue;
      profile[field] = value === BULK_NULL ? '' : value;
    }
  }
  writeFileSync(profileFile, stringify(profiles, { header: true, columns: Object.keys(profiles[0]) }));

  const evaluationFile = path.join(dir, 'Tier_Evaluation__c.csv');
  const stored = read(evaluationFile);
  const columns = Object.keys(stored[0]);
  const byKey = new Map(stored.map((row) => [row.Evaluation_Key__c, row]));
  let next = 0;
  for (const row of read(path.join(planDir, 'Tier_Evaluation__c.csv'))) {
    const existing = byKey.get(row.Evaluation_Key__c);
    const target: Row = existing ?? { Id: `a06NEW${String(next++).padStart(12, '0')}` };
    for (const column of columns) {
      if (column in row) target[column] = row[column] === BULK_NULL ? '' : row[column];
    }
    if (!existing) {
      stored.push(target);
      byKey.set(row.Evaluation_Key__c, target);
    }
  }
  writeFileSync(evaluationFile, stringify(stored, { header: true, columns }));

  const manifestFile = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  for (const name of ['Partner_Profile__c.csv', 'Tier_Evaluation__c.csv']) {
    const bytes = readFileSync(path.join(dir, name));
    manifest.files[name] = {
      rows: read(path.join(dir, name)).length,
      sha256: createHash('sha256').update(bytes).digest('hex')
    };
  }
  writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
  return dir;
}
