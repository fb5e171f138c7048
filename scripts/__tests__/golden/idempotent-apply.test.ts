import { mkdtempSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../cli/main.ts';
import { applyPlan } from '../helpers/apply-plan.ts';
import { captureIo } from '../helpers/snapshot-builder.ts';

/** A plan's rows without Run_Id__c, which fingerprints the input snapshot and so differs by design. */
function planRows(file: string): Record<string, string>[] {
  const rows: Record<string, string>[] = parse(readFileSync(file), { columns: true });
  return rows.map(({ Run_Id__c: _runId, ...rest }) => rest);
}

async function evaluate(snapshot: string, out: string) {
  const io = captureIo();
  expect(await main(['evaluate', '--snapshot', snapshot, '--out', out, '--format', 'json'], io)).toBe(0);
  return JSON.parse(io.out);
}

describe('applying the sample quarter and evaluating it again', () => {
  it('gives the same decisions and a write-back plan that changes nothing the second time', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'pp-idempotent-'));
    const sample = path.resolve('data/sample');
    const first = await evaluate(sample, path.join(root, 'first'));
    const applied = applyPlan(sample, path.join(root, 'first'));
    const second = await evaluate(applied, path.join(root, 'second'));

    expect(second.partners).toEqual(first.partners);
    expect(second.summary).toEqual(first.summary);
    for (const file of ['Tier_Evaluation__c.csv', 'Partner_Profile__c.csv']) {
      expect(planRows(path.join(root, 'second', file))).toEqual(planRows(path.join(root, 'first', file)));
    }
    // The applied org holds the new state: the promoted partners' profiles now say their new tier.
    const promoted = first.partners.filter((partner: { outcome: string }) => partner.outcome === 'Promoted');
    expect(promoted.length).toBeGreaterThan(0);
    const profiles = readFileSync(path.join(applied, 'Partner_Profile__c.csv'), 'utf8');
    expect(profiles).toContain(',Elite,');
  });
});
