import {
  formatNumber,
  formatValue,
  metricShortName,
  type CriterionResult,
  tiersByRank,
  type Decision,
  type Outcome,
  type Skipped
} from '../../../force-app/main/default/lwc/tierEngine/tierEngine.ts';
import type { EvaluationRun } from '../run-evaluation.ts';

export const OUTCOMES: Outcome[] = ['Promoted', 'Retained', 'Recovered', 'Grace', 'Demoted', 'Held by Exception'];

export interface Summary {
  partnersEvaluated: number;
  partnersSkipped: number;
  tiersBefore: Record<string, number>;
  tiersAfter: Record<string, number>;
  outcomes: Record<Outcome, number>;
  nearUpgrade: { accountId: string; name: string; tier: string; nextTier: string; progress: number }[];
  grace: { accountId: string; name: string; tier: string; graceUntil: string; missing: string }[];
  heldByException: { accountId: string; name: string; tier: string; exceptionExpiresOn: string }[];
}

/** The `--format json` document and results.json: one JSON shape for people and programs. */
export interface ResultDocument {
  engineVersion: string;
  runId: string;
  criteriaHash: string;
  quarter: string;
  evaluationDate: string;
  windowStart: string;
  windowEnd: string;
  corporateCurrency: string;
  snapshot: { source: string; exportedAt: string };
  summary: Summary;
  partners: Decision[];
  skipped: Skipped[];
  warnings: string[];
}

/** A compact gap for lists: `certified people +1`, `revenue +USD 12,000.00`, `proof age 45 over`, `CSAT no data`. */
function compactGap(result: CriterionResult, currency: string): string {
  const name = metricShortName(result.metric);
  if (result.value === null) return `${name} no data`;
  const difference = Math.abs(result.threshold - result.value);
  const amount =
    result.unit === 'currency'
      ? formatValue(Math.ceil(difference), 'currency', currency)
      : result.unit === '%'
        ? `${formatNumber(difference, 1)} pts`
        : formatNumber(difference, 2);
  return result.operator === '>=' ? `${name} +${amount}` : `${name} ${amount} over`;
}

/** What a decision says is missing: failed criteria of the tier at risk, else gaps to the next tier. */
export function missingText(decision: Decision, currency: string): string {
  const atRisk =
    decision.outcome === 'Grace' || decision.outcome === 'Held by Exception' || decision.outcome === 'Demoted';
  const tier = atRisk ? decision.previousTier : decision.nextTier;
  return decision.criteria
    .filter((result) => result.tier === tier && !result.met)
    .map((result) => compactGap(result, currency))
    .join(', ');
}

function countBy<T>(items: T[], key: (item: T) => string, names: string[]): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(names.map((name) => [name, 0]));
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

export function summarize(run: EvaluationRun): Summary {
  const decisions = run.evaluation.decisions;
  const tierNames = tiersByRank(run.program.tiers).map((tier) => tier.name);
  return {
    partnersEvaluated: decisions.length,
    partnersSkipped: run.evaluation.skipped.length,
    tiersBefore: countBy(decisions, (decision) => decision.previousTier, tierNames),
    tiersAfter: countBy(decisions, (decision) => decision.resultingTier, tierNames),
    outcomes: countBy(decisions, (decision) => decision.outcome, OUTCOMES) as Record<Outcome, number>,
    nearUpgrade: decisions
      .filter((decision) => decision.nearUpgrade)
      .map((decision) => ({
        accountId: decision.accountId,
        name: decision.name,
        tier: decision.resultingTier,
        nextTier: decision.nextTier!,
        progress: decision.progress!
      })),
    grace: decisions
      .filter((decision) => decision.outcome === 'Grace')
      .map((decision) => ({
        accountId: decision.accountId,
        name: decision.name,
        tier: decision.resultingTier,
        graceUntil: decision.graceUntil!,
        missing: missingText(decision, run.manifest.corporateCurrency)
      })),
    heldByException: decisions
      .filter((decision) => decision.outcome === 'Held by Exception')
      .map((decision) => ({
        accountId: decision.accountId,
        name: decision.name,
        tier: decision.resultingTier,
        exceptionExpiresOn: decision.exceptionExpiresOn!
      }))
  };
}

export function resultDocument(run: EvaluationRun): ResultDocument {
  const { period } = run;
  return {
    engineVersion: run.evaluation.engineVersion,
    runId: run.runId,
    criteriaHash: run.criteriaHash,
    quarter: period.quarter.label,
    evaluationDate: period.quarter.end,
    windowStart: period.windowStart,
    windowEnd: period.windowEnd,
    corporateCurrency: run.manifest.corporateCurrency,
    snapshot: { source: run.manifest.source, exportedAt: run.manifest.exportedAt },
    summary: summarize(run),
    partners: run.evaluation.decisions,
    skipped: run.evaluation.skipped,
    warnings: run.warnings
  };
}

/** Each line of `JSON.stringify(value, null, 2)` indented by `indent` more (strings hold no line break). */
function indented(value: unknown, indent: string): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${indent}`);
}

/** The items of one array of the document, as JSON.stringify(document, null, 2) writes them. */
function* arrayItems(items: unknown[]): Generator<string> {
  for (let index = 0; index < items.length; index++)
    yield `${index === 0 ? '' : ','}\n    ${indented(items[index], '    ')}`;
}

/**
 * The result document as text, piece by piece: exactly `JSON.stringify(resultDocument(run), null, 2)`
 * followed by a line break, without building the whole text (hundreds of megabytes for 100,000
 * partners, beyond what one JavaScript string can hold).
 */
export function* resultDocumentJson(run: EvaluationRun): Generator<string> {
  const { partners, skipped, warnings, ...head } = resultDocument(run);
  const headText = JSON.stringify(head, null, 2);
  yield headText.slice(0, -2);
  for (const [name, items] of [
    ['partners', partners],
    ['skipped', skipped],
    ['warnings', warnings]
  ] as const) {
    if (items.length === 0) {
      yield `,\n  "${name}": []`;
      continue;
    }
    yield `,\n  "${name}": [`;
    yield* arrayItems(items);
    yield '\n  ]';
  }
  yield '\n}\n';
}
