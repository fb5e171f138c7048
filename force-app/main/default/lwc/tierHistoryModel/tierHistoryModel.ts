/*
 * What the tier history component shows, shaped from TierHistoryController.getHistory: the past
 * evaluations with outcome and the criteria as they were evaluated (Criteria_Results__c, written by
 * the quarterly run with the tier engine), the appeal of each, and the open appeals a partner manager
 * answers. Pure TypeScript (no `lwc`/`lightning` imports), so it is tested on its own.
 */
import { formatNumber, metricShortName, type Outcome } from 'c/tierEngine';

/* ------------------------------------------------------------------ the Apex contract */

/** One entry of Criteria_Results__c (what the evaluation's write-back stores per criterion). */
export interface StoredCriterionResult {
  tier?: string | null;
  criterion?: string | null;
  metric?: string | null;
  operator?: string | null;
  threshold?: number | null;
  value?: number | null;
  met?: boolean | null;
  gap?: string | null;
}

export interface AppealData {
  id: string;
  status: string;
  reason?: string | null;
  response?: string | null;
  evidenceUrl?: string | null;
}

export interface EvaluationData {
  id: string;
  quarter: string;
  previousTier?: string | null;
  resultingTier?: string | null;
  outcome?: string | null;
  /** Progress to the next tier in percent (0–100, Progress__c); null at the top tier. */
  progress?: number | null;
  summary?: string | null;
  criteria?: StoredCriterionResult[] | null;
  appeal?: AppealData | null;
}

export interface OpenAppealData {
  id: string;
  evaluationId: string;
  quarter?: string | null;
  accountName?: string | null;
  reason?: string | null;
  evidenceUrl?: string | null;
  status: string;
  createdDate?: string | null;
}

/** TierHistoryController.getHistory. */
export interface HistoryData {
  profileId?: string | null;
  canAppeal?: boolean | null;
  canReview?: boolean | null;
  evaluations?: EvaluationData[] | null;
  openAppeals?: OpenAppealData[] | null;
}

/* ------------------------------------------------------------------ the view */

export interface StoredCriterionView {
  key: string;
  criterion: string;
  /** The metric in a few words (the engine's short name: `revenue`, `CSAT`, …). */
  name: string;
  met: boolean;
  /** The value as evaluated; null = no data. */
  valueText: string | null;
  /** `≥ 500,000` or `≤ 180`. */
  requirementText: string;
  /** The engine's gap as stored (English); null when met. */
  gap: string | null;
}

export interface CriteriaGroupView {
  tier: string;
  met: number;
  total: number;
  criteria: StoredCriterionView[];
}

export type OutcomeTone = 'success' | 'warning' | 'error' | 'neutral';

export interface EvaluationView {
  key: string;
  id: string;
  quarter: string;
  previousTier: string;
  resultingTier: string;
  outcome: string;
  tone: OutcomeTone;
  tierChanged: boolean;
  /** Whole percent, rounded down; null at the top tier or when not stored. */
  progressPercent: number | null;
  summary: string;
  groups: CriteriaGroupView[];
  appeal: (AppealData & { open: boolean }) | null;
  /** The latest evaluation, and the running user may appeal it. */
  appealable: boolean;
}

export interface OpenAppealView extends OpenAppealData {
  key: string;
}

export interface HistoryView {
  profileId: string | null;
  canAppeal: boolean;
  canReview: boolean;
  evaluations: EvaluationView[];
  openAppeals: OpenAppealView[];
}

/** Appeal statuses that still wait for the partner manager (Tier_Appeal__c.Status__c). */
export const OPEN_APPEAL_STATUSES: readonly string[] = ['Submitted', 'Under Review'];

const TONES: Record<Outcome, OutcomeTone> = {
  Promoted: 'success',
  Retained: 'neutral',
  Recovered: 'success',
  Grace: 'warning',
  Demoted: 'error',
  'Held by Exception': 'warning'
};

function criterionView(result: StoredCriterionResult, index: number): StoredCriterionView {
  const metric = result.metric ?? '';
  const symbol = result.operator === '<=' ? '≤' : '≥';
  return {
    key: `${result.criterion ?? metric}-${index}`,
    criterion: result.criterion ?? metric,
    name: metricShortName(metric),
    met: result.met === true,
    valueText: typeof result.value === 'number' ? formatNumber(result.value) : null,
    requirementText: typeof result.threshold === 'number' ? `${symbol} ${formatNumber(result.threshold)}` : '',
    gap: result.met ? null : (result.gap ?? null)
  };
}

function groupsOf(criteria: StoredCriterionResult[] | null | undefined): CriteriaGroupView[] {
  const groups: CriteriaGroupView[] = [];
  (criteria ?? []).forEach((result, index) => {
    const tier = result.tier ?? '';
    let group = groups.find((candidate) => candidate.tier === tier);
    if (!group) {
      group = { tier, met: 0, total: 0, criteria: [] };
      groups.push(group);
    }
    const view = criterionView(result, index);
    group.criteria.push(view);
    group.total++;
    if (view.met) group.met++;
  });
  return groups;
}

function evaluationView(evaluation: EvaluationData, latest: boolean, canAppeal: boolean): EvaluationView {
  const outcome = evaluation.outcome ?? '';
  const appeal = evaluation.appeal
    ? { ...evaluation.appeal, open: OPEN_APPEAL_STATUSES.includes(evaluation.appeal.status) }
    : null;
  return {
    key: evaluation.id,
    id: evaluation.id,
    quarter: evaluation.quarter,
    previousTier: evaluation.previousTier ?? '',
    resultingTier: evaluation.resultingTier ?? '',
    outcome,
    tone: TONES[outcome as Outcome] ?? 'neutral',
    tierChanged: Boolean(evaluation.previousTier && evaluation.previousTier !== evaluation.resultingTier),
    progressPercent: typeof evaluation.progress === 'number' ? Math.floor(evaluation.progress) : null,
    summary: evaluation.summary ?? '',
    groups: groupsOf(evaluation.criteria),
    appeal,
    appealable: latest && canAppeal && !appeal?.open
  };
}

/** The history view, newest evaluation first, at most `maxEvaluations` of them. */
export function buildHistoryView(data: HistoryData, maxEvaluations = Number.POSITIVE_INFINITY): HistoryView {
  const canAppeal = data.canAppeal === true;
  const evaluations = [...(data.evaluations ?? [])].sort((a, b) => b.quarter.localeCompare(a.quarter));
  return {
    profileId: data.profileId ?? null,
    canAppeal,
    canReview: data.canReview === true,
    evaluations: evaluations
      .slice(0, Math.max(1, maxEvaluations))
      .map((evaluation, index) => evaluationView(evaluation, index === 0, canAppeal)),
    openAppeals: (data.openAppeals ?? []).map((appeal) => ({ ...appeal, key: appeal.id }))
  };
}
