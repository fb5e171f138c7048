import { captureIo } from '../../__tests__/helpers/snapshot-builder.ts';
import { main } from '../main.ts';

async function simulateJson(criteria: string) {
  const io = captureIo();
  const code = await main(['simulate', '--snapshot', 'data/sample', '--criteria', criteria, '--format', 'json'], io);
  return { code, io, result: code === 0 ? JSON.parse(io.out) : null };
}

describe('partner-program simulate', () => {
  it('shows the rule changes, a movement matrix and who would move under a stricter Select tier', async () => {
    const { code, result } = await simulateJson('data/proposals/stricter-select');
    expect(code).toBe(0);
    expect(result.ruleChanges).toEqual([
      'changed Select_CSAT: Select: CSAT_AVG >= 80 -> Select: CSAT_AVG >= 85',
      'changed Select_Revenue_4Q: Select: REVENUE_4Q >= 100000 -> Select: REVENUE_4Q >= 150000'
    ]);
    expect(result.matrix.tiers).toEqual(['Registered', 'Select', 'Elite']);
    const total = result.matrix.counts.flat().reduce((sum: number, count: number) => sum + count, 0);
    expect(total).toBe(54);
    // Elite partners are untouched: the proposal changes only Select criteria.
    expect(result.matrix.counts[2]).toEqual([0, 0, 15]);
    // Tidewater sits exactly on USD 100,000 (promoted today) and would stay Registered at 150,000.
    const tidewater = result.movements.find((movement: { name: string }) => movement.name === 'Tidewater Cloud Resale');
    expect(tidewater).toMatchObject({
      deployed: { tier: 'Select', outcome: 'Promoted' },
      proposed: { tier: 'Registered', outcome: 'Retained' }
    });
    expect(tidewater.proposed.summary).toContain('revenue (USD 50,000.00 more)');
    for (const movement of result.movements) {
      expect(`${movement.deployed.tier}/${movement.deployed.outcome}`).not.toBe(
        `${movement.proposed.tier}/${movement.proposed.outcome}`
      );
    }
  });

  it('reports no changes when the proposal equals the deployed rules', async () => {
    const { code, result } = await simulateJson('force-app/main/default/customMetadata');
    expect(code).toBe(0);
    expect(result.ruleChanges).toEqual([]);
    expect(result.movements).toEqual([]);
  });

  it('requires --criteria and refuses a folder without program records', async () => {
    const io = captureIo();
    expect(await main(['simulate', '--snapshot', 'data/sample'], io)).toBe(2);
    expect(io.err).toContain('--criteria is required.');
    const empty = await simulateJson('docs');
    expect(empty.code).toBe(2);
    expect(empty.io.err).toContain(
      'No program records (Partner_Tier, Tier_Criterion, Tier_Benefit, Partner_Program_Setting) in'
    );
  });

  it('prints the movement matrix as a table by default', async () => {
    const io = captureIo();
    expect(
      await main(['simulate', '--snapshot', 'data/sample', '--criteria', 'data/proposals/stricter-select'], io)
    ).toBe(0);
    expect(io.out).toContain(
      'Movement matrix: rows = tier with the deployed rules, columns = tier with the proposed rules'
    );
    expect(io.out).toMatch(/Elite\s+0\s+0\s+15/);
  });
});

describe('partner-program explain on the sample', () => {
  it('shows the exchange rate behind a converted deal (multi-currency)', async () => {
    const io = captureIo();
    expect(await main(['explain', 'Nordlicht', '--snapshot', 'data/sample'], io)).toBe(0);
    expect(io.out).toContain('Outcome: Promoted. Registered -> Select');
    expect(io.out).toMatch(/EUR [\d,]+\.\d\d\s+0\.\d+\s+USD [\d,]+\.\d\d/);
  });

  it('lists candidates when a name is ambiguous', async () => {
    const io = captureIo();
    expect(await main(['explain', 'consulting', '--snapshot', 'data/sample'], io)).toBe(2);
    expect(io.err).toMatch(/"consulting" matches \d+ partners\./);
    expect(io.err).toContain('Fix: Give more of the name, or the Account Id.');
  });
});
