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
  partners: Decision[];
  skipped: Skipped[];
  warnings: string[];
  /** Last, so that the document can be written while partners are decided (it counts them). */
  summary: Summary;
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

/**
 * The summary, built decision by decision so a streamed evaluation never holds all decisions:
 * counts per tier and outcome, and the short lists (near upgrade, grace, held by exception).
 */
export class SummaryBuilder {
  private readonly tierNames: string[];
  private readonly currency: string;
  private readonly summary: Summary;

  constructor(run: Pick<EvaluationRun, 'program' | 'manifest'>) {
    this.tierNames = tiersByRank(run.program.tiers).map((tier) => tier.name);
    this.currency = run.manifest.corporateCurrency;
    const zero = () => Object.fromEntries(this.tierNames.map((name) => [name, 0]));
    this.summary = {
      partnersEvaluated: 0,
      partnersSkipped: 0,
      tiersBefore: zero(),
      tiersAfter: zero(),
      outcomes: Object.fromEntries(OUTCOMES.map((outcome) => [outcome, 0])) as Record<Outcome, number>,
      nearUpgrade: [],
      grace: [],
      heldByException: []
    };
  }

  add(decision: Decision): void {
    const summary = this.summary;
    summary.partnersEvaluated++;
    summary.tiersBefore[decision.previousTier] = (summary.tiersBefore[decision.previousTier] ?? 0) + 1;
    summary.tiersAfter[decision.resultingTier] = (summary.tiersAfter[decision.resultingTier] ?? 0) + 1;
    summary.outcomes[decision.outcome] = (summary.outcomes[decision.outcome] ?? 0) + 1;
    if (decision.nearUpgrade) {
      summary.nearUpgrade.push({
        accountId: decision.accountId,
        name: decision.name,
        tier: decision.resultingTier,
        nextTier: decision.nextTier!,
        progress: decision.progress!
      });
    }
    if (decision.outcome === 'Grace') {
      summary.grace.push({
        accountId: decision.accountId,
        name: decision.name,
        tier: decision.resultingTier,
        graceUntil: decision.graceUntil!,
        missing: missingText(decision, this.currency)
      });
    }
    if (decision.outcome === 'Held by Exception') {
      summary.heldByException.push({
        accountId: decision.accountId,
        name: decision.name,
        tier: decision.resultingTier,
        exceptionExpiresOn: decision.exceptionExpiresOn!
      });
    }
  }

  build(skipped: number): Summary {
    return { ...this.summary, partnersSkipped: skipped };
  }
}

export function summarize(run: EvaluationRun): Summary {
  const builder = new SummaryBuilder(run);
  for (const decision of run.decisions()) builder.add(decision);
  return builder.build(run.skipped.length);
}

type DocumentHead = Omit<ResultDocument, 'partners' | 'skipped' | 'warnings' | 'summary'>;

/** The document's fields before the partners: what run, quarter, rules and snapshot. */
function documentHead(run: EvaluationRun): DocumentHead {
  const { period } = run;
  return {
    engineVersion: run.engineVersion,
    runId: run.runId,
    criteriaHash: run.criteriaHash,
    quarter: period.quarter.label,
    evaluationDate: period.quarter.end,
    windowStart: period.windowStart,
    windowEnd: period.windowEnd,
    corporateCurrency: run.manifest.corporateCurrency,
    snapshot: { source: run.manifest.source, exportedAt: run.manifest.exportedAt }
  };
}

export function resultDocument(run: EvaluationRun): ResultDocument {
  return {
    ...documentHead(run),
    partners: [...run.decisions()],
    skipped: run.skipped,
    warnings: run.warnings,
    summary: summarize(run)
  };
}

/**
 * Decisions per JSON.stringify call when the document is written piece by piece: about 100 KB of
 * text, below V8's large-object size, so each piece is collected young once written.
 */
const BATCH = 16;

/**
 * Items of one top-level array of the document, as JSON.stringify(document, null, 2) writes them:
 * the batch is stringified inside a one-key object, which indents it exactly as in the whole
 * document, and the object's own first and last lines are cut off.
 */
function arrayItemsText(name: string, items: unknown[], first: boolean): string {
  const prefix = `{\n  ${JSON.stringify(name)}: [`.length;
  const suffix = '\n  ]\n}'.length;
  return (first ? '' : ',') + JSON.stringify({ [name]: items }, null, 2).slice(prefix, -suffix);
}

function arrayText(name: string, items: unknown[]): string {
  if (items.length === 0) return `,\n  "${name}": []`;
  return `,\n  "${name}": [${arrayItemsText(name, items, true)}\n  ]`;
}

/**
 * The result document as text, piece by piece, exactly `JSON.stringify(resultDocument(run), null, 2)`
 * followed by a line break: push decisions as they are decided; the summary is counted on the way
 * and written last. Never holds more than one batch of decisions, nor the whole text (hundreds of
 * megabytes for 100,000 partners, beyond what one JavaScript string can hold).
 */
export class ResultDocumentWriter {
  private readonly run: EvaluationRun;
  private readonly write: (text: string) => void;
  private readonly summary: SummaryBuilder;
  private batch: Decision[] = [];
  private written = 0;

  constructor(run: EvaluationRun, write: (text: string) => void) {
    this.run = run;
    this.write = write;
    this.summary = new SummaryBuilder(run);
    const head = documentHead(run);
    write(JSON.stringify(head, null, 2).slice(0, -2));
  }

  decision(decision: Decision): void {
    this.summary.add(decision);
    this.batch.push(decision);
    if (this.batch.length >= BATCH) this.flush();
  }

  private flush(): void {
    if (this.batch.length === 0) return;
    this.write(
      (this.written === 0 ? ',\n  "partners": [' : '') + arrayItemsText('partners', this.batch, this.written === 0)
    );
    this.written += this.batch.length;
    this.batch = [];
  }

  /** Closes the document; returns the summary it ends with. */
  end(): Summary {
    this.flush();
    this.write(this.written === 0 ? ',\n  "partners": []' : '\n  ]');
    this.write(arrayText('skipped', this.run.skipped));
    this.write(arrayText('warnings', this.run.warnings));
    const summary = this.summary.build(this.run.skipped.length);
    this.write(`,\n  "summary": ${JSON.stringify(summary, null, 2).replace(/\n/g, '\n  ')}\n}\n`);
    return summary;
  }
}

/** The result document as text, piece by piece (see ResultDocumentWriter). */
export function* resultDocumentJson(run: EvaluationRun): Generator<string> {
  let pieces: string[] = [];
  const writer = new ResultDocumentWriter(run, (text) => pieces.push(text));
  for (const decision of run.decisions()) {
    writer.decision(decision);
    if (pieces.length > 0) {
      yield* pieces;
      pieces = [];
    }
  }
  writer.end();
  yield* pieces;
}
