/*
 * The golden test of the bundled sample program: every partner's expected result, with a one-line
 * reason written by hand from the rules (sample-expected.json), against the CLI's evaluation of
 * data/sample. A failure message carries the hand-written reason, so it says what the rules expect.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runEvaluation, type EvaluationRun } from '../../lib/run-evaluation.ts';

interface Expected {
  accountId: string;
  name: string;
  partnerType: string;
  status: string;
  previousTier: string;
  skipped: boolean;
  qualifiedTier: string | null;
  resultingTier: string | null;
  outcome: string | null;
  nearUpgrade: boolean;
  reason: string;
  metrics: Record<string, number | null>;
}

const expected: Expected[] = JSON.parse(readFileSync(path.join(__dirname, 'sample-expected.json'), 'utf8'));

let run: EvaluationRun;
beforeAll(async () => {
  run = await runEvaluation({ snapshotDir: path.resolve('data/sample') });
});

describe('golden: the bundled sample program, 2026-Q3', () => {
  it('evaluates the default quarter 2026-Q3 and every partner of the sample', () => {
    expect(run.period.quarter.label).toBe('2026-Q3');
    expect(run.evaluation.decisions.length + run.evaluation.skipped.length).toBe(expected.length);
    expect(run.warnings).toEqual([]);
  });

  it.each(expected.map((entry) => [entry.name, entry] as const))('%s', (_name, entry) => {
    const decision = run.evaluation.decisions.find((candidate) => candidate.accountId === entry.accountId);
    const skipped = run.evaluation.skipped.find((candidate) => candidate.accountId === entry.accountId);
    const because = `expected because: ${entry.reason}`;
    if (entry.skipped) {
      expect({ skipped: Boolean(skipped), because }).toEqual({ skipped: true, because });
      return;
    }
    expect(decision).toBeDefined();
    const actual = {
      name: decision!.name,
      previousTier: decision!.previousTier,
      qualifiedTier: decision!.qualifiedTier,
      resultingTier: decision!.resultingTier,
      outcome: decision!.outcome,
      nearUpgrade: decision!.nearUpgrade,
      because
    };
    expect(actual).toEqual({
      name: entry.name,
      previousTier: entry.previousTier,
      qualifiedTier: entry.qualifiedTier,
      resultingTier: entry.resultingTier,
      outcome: entry.outcome,
      nearUpgrade: entry.nearUpgrade,
      because
    });
    const metrics = run.metrics.get(entry.accountId)!;
    for (const [metric, value] of Object.entries(entry.metrics)) {
      const computed = metrics[metric]?.value ?? null;
      if (value === null) expect({ metric, computed }).toEqual({ metric, computed: null });
      else
        expect({ metric, close: Math.abs((computed ?? NaN) - value) <= 0.005, computed }).toEqual({
          metric,
          close: true,
          computed: expect.any(Number)
        });
    }
  });

  it('covers every outcome and edge case the sample promises', () => {
    const outcomes = new Set(run.evaluation.decisions.map((decision) => decision.outcome));
    expect([...outcomes].sort()).toEqual([
      'Demoted',
      'Grace',
      'Held by Exception',
      'Promoted',
      'Recovered',
      'Retained'
    ]);
    const skipsSelect = run.evaluation.decisions.some(
      (decision) => decision.previousTier === 'Registered' && decision.resultingTier === 'Elite'
    );
    expect(skipsSelect).toBe(true);
    const noData = run.evaluation.decisions.some((decision) =>
      decision.criteria.some((result) => result.value === null)
    );
    expect(noData).toBe(true);
    expect(new Set(run.evaluation.skipped.map((entry) => entry.status))).toEqual(
      new Set(['Suspended', 'Onboarding', 'Prospect'])
    );
  });

  it('is byte-identical when run twice', async () => {
    const again = await runEvaluation({ snapshotDir: path.resolve('data/sample') });
    expect(JSON.stringify(again.evaluation)).toBe(JSON.stringify(run.evaluation));
    expect(again.runId).toBe(run.runId);
  });
});
