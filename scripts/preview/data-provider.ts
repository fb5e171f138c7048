/*
 * The data behind the component preview: what the Apex controllers would return in an org into which
 * data/sample was loaded and the quarterly evaluation was applied. It evaluates the snapshot with the
 * CLI's own library (the same run `partner-program evaluate` and `explain` make), then shapes, per
 * partner, the payloads of TierProgressController, PartnerChecklistController and
 * TierHistoryController.
 *
 * What the page shows is the state after the quarterly run:
 * - tier, tier since and grace until are the profile's values after the evaluation's write-back
 *   (resulting tier; a changed tier applies from the day after the quarter);
 * - metrics are the values the write-back stores in the Metric_*__c fields (the CLI's values, rounded
 *   to two decimals); metrics as of and last evaluated on are the evaluated quarter's last day;
 * - "today" is the day the snapshot was exported (what the Review_Overdue__c formula and the active
 *   exception are measured against);
 * - the checklist is live, as PartnerChecklistController computes it on that day: verified evidence
 *   of any date by type, people with a verified certification valid today, registered deals,
 *   delivery reviews with CSAT (so it may count records dated after the evaluated quarter that the
 *   evaluation, and `explain`, did not).
 *
 * The sample snapshot carries neither the profile sections of DESIGN.md §2 nor plays, so the
 * checklist uses a fixed pattern for those (FIXED_PATTERN below); everything else is derived from
 * the sample's records.
 */
import {
  fieldMetricName,
  METRICS,
  type Decision,
  type IsoDate,
  type MetricValues
} from '../../force-app/main/default/lwc/tierEngine/tierEngine.ts';
import { UserError } from '../lib/errors.ts';
import { findProjectRoot } from '../lib/project.ts';
import { runEvaluation, type EvaluationRun } from '../lib/run-evaluation.ts';
import type { Partner } from '../lib/snapshot/load-snapshot.ts';
import { readSnapshotCsv } from '../lib/snapshot/read-csv.ts';
import { formatLabel, readCustomLabels } from './labels.ts';
import { MdfError, MdfPreviewData, type MdfPartner } from './mdf-data.ts';

/** Who is looking: a partner manager on a record page, or the partner's own user on the partner site. */
export type Viewer = 'manager' | 'partner';

export interface CallContext {
  /** The partner whose user is signed in on the partner site (a name or id, as in `?partner=`). */
  partner?: string;
  viewer: Viewer;
}

/** An error the way an Apex method reports it to a component (`error.body.message`). */
export class ApexError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

export interface PartnerSummary {
  name: string;
  accountId: string;
  profileId: string;
  partnerType: string;
  status: string;
  tier: string;
  outcome: string | null;
}

/** Profile sections of DESIGN.md §2 with the Partner_Profile__c fields that answer them. */
export const PROFILE_SECTIONS: { section: string; fields: string[] }[] = [
  {
    section: 'Who they serve',
    fields: [
      'Industries__c',
      'Regions__c',
      'Employee_Bands__c',
      'Customer_Systems__c',
      'Signing_Authority__c',
      'Decision_Maker_Roles__c'
    ]
  },
  {
    section: 'How they go to market',
    fields: ['GTM_Models__c', 'Sales_Motion__c', 'Average_Deal_Size__c', 'Sales_Cycle_Days__c']
  },
  {
    section: 'What they deliver',
    fields: [
      'Packaged_Services__c',
      'Integrations__c',
      'Support_Model__c',
      'Support_Hours__c',
      'Pricing_Model__c',
      'Margin_Expectation_Pct__c'
    ]
  },
  { section: 'Why it works', fields: ['Joint_Value_Proposition__c', 'Joint_Customers__c'] },
  { section: 'What good means', fields: ['Shared_KPIs__c', 'Success_Criteria_90_Days__c'] }
];

/**
 * The fixed pattern for what the sample does not hold: how many of the five profile sections are
 * filled in (in the order above), and how many plays are active, by the tier after the evaluation.
 * Joint_Customers__c is taken from the sample.
 */
export const FIXED_PATTERN: Record<string, { sectionsFilled: number; activePlays: number }> = {
  Elite: { sectionsFilled: 5, activePlays: 3 },
  Select: { sectionsFilled: 4, activePlays: 2 },
  Registered: { sectionsFilled: 2, activePlays: 1 }
};
const NOT_ACTIVE_PATTERN = { sectionsFilled: 1, activePlays: 0 };

interface ProfileRow {
  onboardedOn: IsoDate | null;
  lastReviewedOn: IsoDate | null;
  reviewCadence: string | null;
  jointCustomers: number | null;
}

interface PartnerRecords {
  evidence: { type: string; verified: boolean; date: IsoDate }[];
  certifications: { contactId: string; verified: boolean; issuedOn: IsoDate | null; expiresOn: IsoDate | null }[];
  registeredDeals: number;
  reviewsWithCsat: number;
  evaluations: StoredEvaluation[];
}

interface StoredEvaluation {
  id: string;
  quarter: string;
  previousTier: string;
  resultingTier: string;
  outcome: string;
}

interface Appeal {
  id: string;
  evaluationId: string;
  quarter: string;
  accountId: string;
  accountName: string;
  reason: string;
  evidenceUrl: string | null;
  status: string;
  createdDate: string;
}

interface EvaluationView {
  id: string;
  quarter: string;
  previousTier: string;
  resultingTier: string;
  outcome: string;
  progress: number | null;
  summary: string | null;
  criteria: object[];
  appeal?: { id: string; status: string; reason: string; response: string | null; evidenceUrl: string | null } | null;
}

/** Key prefixes of the sample's ids (Partner_Profile__c, Account) and TierHistoryController's limits. */
const PROFILE_PREFIX = 'a01';
const ACCOUNT_PREFIX = '001';
const OPEN_STATUSES = ['Submitted', 'Under Review'];
const MAX_REASON_LENGTH = 5000;
const MAX_URL_LENGTH = 255;

const DAY_MS = 86_400_000;

const isFieldMetric = (metric: string): boolean => fieldMetricName(metric) !== null;

function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(date) + days * DAY_MS).toISOString().slice(0, 10);
}

function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
}

/** The value the write-back stores in a Metric_*__c field: rounded to two decimals, or null. */
function storedMetric(metrics: MetricValues, code: string): number | null {
  const value = metrics[code]?.value;
  return value === null || value === undefined ? null : Number(value.toFixed(2));
}

/** A Salesforce-looking 18-character id for records the preview creates (appeals, this quarter's evaluations). */
function previewId(prefix: string, counter: number): string {
  return `${prefix}PV${String(counter).padStart(10, '0')}AAA`;
}

export class PreviewData {
  readonly run: EvaluationRun;
  readonly today: IsoDate;
  private readonly profiles: Map<string, ProfileRow>;
  private readonly records: Map<string, PartnerRecords>;
  private readonly appeals: Appeal[] = [];
  private readonly labels = readCustomLabels(findProjectRoot() ?? process.cwd());
  private readonly newEvaluationIds = new Map<string, string>();
  /** The MDF controllers' stand-ins (scripts/preview/mdf-data.ts). */
  readonly mdf: MdfPreviewData;

  private constructor(run: EvaluationRun, profiles: Map<string, ProfileRow>, records: Map<string, PartnerRecords>) {
    this.run = run;
    this.today = run.manifest.exportedAt.slice(0, 10);
    this.profiles = profiles;
    this.records = records;
    const rankOf = (tier: string) => run.config.tiers.find((candidate) => candidate.name === tier)?.rank ?? 0;
    this.mdf = new MdfPreviewData({
      partners: this.partners().map(({ accountId, name, tier }) => ({ accountId, name, tier })),
      // By tier rank, as the controller lists the tiers that get MDF ("Select and Elite").
      benefits: [...run.config.benefits]
        .sort((a, b) => rankOf(a.tier) - rankOf(b.tier))
        .map((benefit) => ({
          tier: benefit.tier,
          mdfEligible: benefit.mdfEligible,
          capPerQuarter: benefit.mdfCapPerQuarter
        })),
      today: this.today,
      currency: run.manifest.corporateCurrency
    });
    let counter = 0;
    for (const decision of run.evaluation.decisions) {
      const partner = run.partners.get(decision.accountId)!;
      this.newEvaluationIds.set(decision.accountId, partner.storedEvaluationId ?? previewId('a06', ++counter));
    }
  }

  /** Evaluates the snapshot (the default quarter, deployed rules) and reads what the checklist needs. */
  static async load(snapshotDir: string): Promise<PreviewData> {
    const run = await runEvaluation({ snapshotDir });
    const profiles = new Map<string, ProfileRow>();
    const records = new Map<string, PartnerRecords>();
    const accountByProfile = new Map<string, string>();
    const recordsOf = (profileId: string | null): PartnerRecords | undefined => {
      const accountId = profileId ? accountByProfile.get(profileId) : undefined;
      return accountId ? records.get(accountId) : undefined;
    };
    for await (const { row } of readSnapshotCsv(snapshotDir, run.manifest, 'Partner_Profile__c', {
      Joint_Customers__c: { type: 'number', required: false }
    })) {
      const accountId = row.Account__c!;
      accountByProfile.set(row.Id!, accountId);
      profiles.set(accountId, {
        onboardedOn: row.Onboarded_On__c,
        lastReviewedOn: row.Last_Reviewed_On__c,
        reviewCadence: row.Review_Cadence__c,
        jointCustomers: (row as Record<string, unknown>).Joint_Customers__c as number | null
      });
      records.set(accountId, {
        evidence: [],
        certifications: [],
        registeredDeals: 0,
        reviewsWithCsat: 0,
        evaluations: []
      });
    }
    for await (const { row } of readSnapshotCsv(snapshotDir, run.manifest, 'Partner_Evidence__c')) {
      recordsOf(row.Partner_Profile__c)?.evidence.push({
        type: row.Type__c!,
        verified: Boolean(row.Verified__c),
        date: row.Evidence_Date__c!
      });
    }
    for await (const { row } of readSnapshotCsv(snapshotDir, run.manifest, 'Partner_Certification__c')) {
      recordsOf(row.Partner_Profile__c)?.certifications.push({
        contactId: row.Contact__c!,
        verified: Boolean(row.Verified__c),
        issuedOn: row.Issued_On__c,
        expiresOn: row.Expires_On__c
      });
    }
    for await (const { row } of readSnapshotCsv(snapshotDir, run.manifest, 'Opportunity')) {
      const partnerRecords = row.Partner_Account__c ? records.get(row.Partner_Account__c) : undefined;
      if (partnerRecords && row.Deal_Registered__c) partnerRecords.registeredDeals++;
    }
    for await (const { row } of readSnapshotCsv(snapshotDir, run.manifest, 'Delivery_Review__c')) {
      const partnerRecords = recordsOf(row.Partner_Profile__c);
      if (partnerRecords && row.CSAT__c !== null) partnerRecords.reviewsWithCsat++;
    }
    for await (const { row } of readSnapshotCsv(snapshotDir, run.manifest, 'Tier_Evaluation__c')) {
      recordsOf(row.Partner_Profile__c)?.evaluations.push({
        id: row.Id!,
        quarter: row.Quarter__c!,
        previousTier: row.Previous_Tier__c!,
        resultingTier: row.Resulting_Tier__c!,
        outcome: row.Outcome__c!
      });
    }
    return new PreviewData(run, profiles, records);
  }

  get quarter(): string {
    return this.run.period.quarter.label;
  }

  private decisionOf(accountId: string): Decision | undefined {
    return this.run.evaluation.decisions.find((decision) => decision.accountId === accountId);
  }

  private tierAfter(partner: Partner): string {
    return this.decisionOf(partner.accountId)?.resultingTier ?? partner.currentTier ?? 'Registered';
  }

  /** Every partner of the snapshot, by name. */
  partners(): PartnerSummary[] {
    return [...this.run.partners.values()]
      .map((partner) => ({
        name: partner.name,
        accountId: partner.accountId,
        profileId: partner.profileId,
        partnerType: partner.partnerType,
        status: partner.status,
        tier: this.tierAfter(partner),
        outcome: this.decisionOf(partner.accountId)?.outcome ?? null
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /** A partner by Account Id, Partner Profile Id (15 or 18 characters), exact name or a unique part of it. */
  resolve(query: string): PartnerSummary {
    const wanted = query.trim();
    const lower = wanted.toLowerCase();
    const all = this.partners();
    const byId = all.find(
      (partner) =>
        partner.accountId === wanted ||
        partner.profileId === wanted ||
        (wanted.length === 15 && (partner.accountId.startsWith(wanted) || partner.profileId.startsWith(wanted)))
    );
    if (byId) return byId;
    const exact = all.filter((partner) => partner.name.toLowerCase() === lower);
    if (exact.length === 1) return exact[0];
    const partial = all.filter((partner) => partner.name.toLowerCase().includes(lower));
    if (partial.length === 1) return partial[0];
    throw new UserError(
      partial.length === 0
        ? `No partner matches "${query}" in the sample.`
        : `"${query}" matches ${partial.length} partners: ${partial
            .slice(0, 5)
            .map((partner) => partner.name)
            .join(', ')}${partial.length > 5 ? ', …' : ''}.`,
      { hint: 'Give the Account Id, the Partner Profile Id or (part of) the account name.' }
    );
  }

  /** An error as the controllers raise it: an AuraHandledException with a custom label's text. */
  private failure(status: number, label: string, ...args: (string | number)[]): ApexError {
    return new ApexError(status, formatLabel(this.labels.get(label) ?? label, ...args));
  }

  /** The Account of the signed-in partner user (PartnerProfileAccess.partnerAccountId); null for a manager. */
  private partnerAccountId(context: CallContext): string | null {
    return context.viewer === 'partner' && context.partner ? this.resolve(context.partner).accountId : null;
  }

  /**
   * The partner a component asks about, checked as PartnerProfileAccess.resolveProfileId checks it:
   * a Partner Profile or Account id the user may see (a partner user only its own), or without an id
   * the partner user's own profile.
   */
  private partnerFor(recordId: unknown, context: CallContext): Partner {
    const own = this.partnerAccountId(context);
    if (recordId === undefined || recordId === null || recordId === '') {
      if (!own) throw this.failure(400, 'PP_Error_No_Profile');
      return this.run.partners.get(own)!;
    }
    const id = String(recordId);
    const prefix = id.slice(0, 3);
    if (prefix !== PROFILE_PREFIX && prefix !== ACCOUNT_PREFIX) throw this.failure(400, 'PP_Error_Unsupported_Record');
    const matches = (candidate: string) => candidate === id || (id.length === 15 && candidate.startsWith(id));
    const partner = [...this.run.partners.values()].find(
      (candidate) => matches(candidate.profileId) || matches(candidate.accountId)
    );
    // Sharing: a partner user sees only its own Account's records.
    if (!partner || (own !== null && own !== partner.accountId)) throw this.failure(403, 'PP_Error_No_Access');
    return partner;
  }

  tierProgress(recordId: unknown, context: CallContext): object {
    const partner = this.partnerFor(recordId, context);
    const decision = this.decisionOf(partner.accountId);
    const metrics = this.run.metrics.get(partner.accountId) ?? {};
    const quarter = this.run.period.quarter;
    const tier = this.tierAfter(partner);
    const tierChanged = decision !== undefined && decision.resultingTier !== decision.previousTier;
    const activeException =
      partner.exceptions
        .filter((exception) => exception.startsOn <= this.today && this.today <= exception.expiresOn)
        .sort((a, b) => b.expiresOn.localeCompare(a.expiresOn))
        .map((exception) => ({ tier: exception.tier, expiresOn: exception.expiresOn }))[0] ?? null;
    const { tiers, criteria, settings, benefits } = this.run.config;
    return {
      profileId: partner.profileId,
      accountId: partner.accountId,
      accountName: partner.name,
      partnerType: partner.partnerType,
      status: partner.status,
      tier,
      tierSince: tierChanged ? addDays(quarter.end, 1) : partner.tierSince,
      graceUntil: decision ? decision.graceUntil : partner.graceUntil,
      // Whether Grace_Plan__c is filled in: a partner that has just entered grace has not written its plan yet.
      gracePlan: false,
      activeException,
      lastEvaluatedOn: decision ? quarter.end : null,
      metricsAsOf: decision ? quarter.end : null,
      corporateCurrency: this.run.manifest.corporateCurrency,
      // The Metric_*__c fields, plus the numeric profile fields that FIELD: criteria read.
      metrics: Object.fromEntries(
        [...Object.keys(METRICS), ...criteria.map((criterion) => criterion.metric).filter(isFieldMetric)].map(
          (code) => [code, decision || isFieldMetric(code) ? storedMetric(metrics, code) : null]
        )
      ),
      program: { tiers, criteria, settings, benefits }
    };
  }

  checklist(recordId: unknown, context: CallContext): object {
    const partner = this.partnerFor(recordId, context);
    const profile = this.profiles.get(partner.accountId)!;
    const records = this.records.get(partner.accountId)!;
    const tier = this.tierAfter(partner);
    const pattern = partner.status === 'Active' ? (FIXED_PATTERN[tier] ?? NOT_ACTIVE_PATTERN) : NOT_ACTIVE_PATTERN;
    const fields: Record<string, boolean> = {};
    PROFILE_SECTIONS.forEach(({ fields: names }, index) => {
      for (const name of names) fields[name] = index < pattern.sectionsFilled;
    });
    // The sample has Joint_Customers__c: filled when it has a value (0 included), as the controller reads it.
    fields.Joint_Customers__c = profile.jointCustomers !== null;
    const evidenceByType: Record<string, number> = {};
    for (const evidence of records.evidence) {
      if (evidence.verified) evidenceByType[evidence.type] = (evidenceByType[evidence.type] ?? 0) + 1;
    }
    const certifiedContacts = new Set(
      records.certifications
        .filter(
          (certification) =>
            certification.verified &&
            certification.issuedOn !== null &&
            certification.issuedOn <= this.today &&
            (certification.expiresOn === null || certification.expiresOn >= this.today)
        )
        .map((certification) => certification.contactId)
    );
    // Review_Overdue__c's formula: never reviewed, or more than 30 (Monthly) / 92 (otherwise) days ago.
    const cadenceDays = profile.reviewCadence === 'Monthly' ? 30 : 92;
    const reviewOverdue =
      profile.lastReviewedOn === null || daysBetween(profile.lastReviewedOn, this.today) > cadenceDays;
    const complete = Object.values(fields).every(Boolean);
    return {
      profileId: partner.profileId,
      accountName: partner.name,
      onboardedOn: profile.onboardedOn,
      reviewCadence: profile.reviewCadence,
      lastReviewedOn: profile.lastReviewedOn,
      reviewOverdue,
      fields,
      evidenceByType,
      certifiedPeople: certifiedContacts.size,
      activePlays: pattern.activePlays,
      activation: {
        coMarketingAssetLive: (evidenceByType['Co-Marketing Asset'] ?? 0) > 0,
        icpRegisteredDeals: records.registeredDeals,
        deliveryWithCsat: records.reviewsWithCsat > 0,
        profileConfirmed: complete && profile.lastReviewedOn !== null && !reviewOverdue,
        // Last_Evaluated_On__c is set by the evaluation's write-back.
        nextTierGapsIdentified: this.decisionOf(partner.accountId) !== undefined
      }
    };
  }

  private appealOf(evaluationId: string): Appeal | null {
    return [...this.appeals].reverse().find((appeal) => appeal.evaluationId === evaluationId) ?? null;
  }

  /** Tier_Evaluation__c records of a partner, newest first: the stored ones and this quarter's. */
  private evaluationsOf(partner: Partner): EvaluationView[] {
    const decision = this.decisionOf(partner.accountId);
    const evaluations: EvaluationView[] = [];
    if (decision) {
      evaluations.push({
        id: this.newEvaluationIds.get(partner.accountId)!,
        quarter: this.quarter,
        previousTier: decision.previousTier,
        resultingTier: decision.resultingTier,
        outcome: decision.outcome,
        // Progress__c holds percent; Criteria_Results__c the criteria as the write-back stores them.
        progress: decision.progress === null ? null : Number((decision.progress * 100).toFixed(2)),
        summary: decision.summary,
        criteria: decision.criteria.map((result) => ({
          tier: result.tier,
          criterion: result.criterion,
          metric: result.metric,
          operator: result.operator,
          threshold: result.threshold,
          value: result.value,
          met: result.met,
          gap: result.gap
        }))
      });
    }
    const stored = this.records.get(partner.accountId)!.evaluations;
    for (const evaluation of [...stored].sort((a, b) => b.quarter.localeCompare(a.quarter))) {
      if (evaluation.quarter === this.quarter) continue;
      // The sample's stored evaluations carry no progress, summary or criteria.
      evaluations.push({ ...evaluation, progress: null, summary: null, criteria: [] });
    }
    return evaluations.map((evaluation) => {
      const appeal = this.appealOf(evaluation.id);
      return {
        ...evaluation,
        appeal: appeal && {
          id: appeal.id,
          status: appeal.status,
          reason: appeal.reason,
          response: null,
          evidenceUrl: appeal.evidenceUrl
        }
      };
    });
  }

  private openAppeals(accountId: string | null): object[] {
    return this.appeals
      .filter(
        (appeal) => OPEN_STATUSES.includes(appeal.status) && (accountId === null || appeal.accountId === accountId)
      )
      .map(({ accountId: _accountId, ...appeal }) => appeal);
  }

  history(recordId: unknown, context: CallContext): object {
    const canReview = context.viewer !== 'partner';
    const own = this.partnerAccountId(context);
    if ((recordId === undefined || recordId === null || recordId === '') && own === null) {
      // A manager on a home or app page: the open appeals of every partner.
      return { profileId: null, canAppeal: false, canReview, evaluations: [], openAppeals: this.openAppeals(null) };
    }
    const partner = this.partnerFor(recordId, context);
    const evaluations = this.evaluationsOf(partner);
    const latestAppeal = evaluations[0]?.appeal;
    return {
      profileId: partner.profileId,
      canAppeal:
        own === partner.accountId &&
        evaluations.length > 0 &&
        !(latestAppeal && OPEN_STATUSES.includes(latestAppeal.status)),
      canReview,
      evaluations,
      openAppeals: canReview ? this.openAppeals(partner.accountId) : []
    };
  }

  /** TierHistoryController.fileAppeal: the same checks, in the same order, with the same messages. */
  fileAppeal(params: Record<string, unknown>, context: CallContext): string {
    const reason = String(params.reason ?? '').trim();
    const url = String(params.evidenceUrl ?? '').trim();
    if (!reason) throw this.failure(400, 'PP_Appeal_Reason_Required');
    if (reason.length > MAX_REASON_LENGTH) throw this.failure(400, 'PP_Appeal_Reason_Too_Long', MAX_REASON_LENGTH);
    if (url && (url.length > MAX_URL_LENGTH || !/^https?:\/\/\S+$/i.test(url))) {
      throw this.failure(400, 'PP_Appeal_Evidence_Url_Invalid');
    }
    const evaluationId = String(params.evaluationId ?? '');
    const own = this.partnerAccountId(context);
    const owner = [...this.run.partners.values()].find((partner) =>
      this.evaluationsOf(partner).some((evaluation) => evaluation.id === evaluationId)
    );
    if (!owner || (own !== null && own !== owner.accountId)) throw this.failure(403, 'PP_Error_No_Access');
    if (own === null) throw this.failure(403, 'PP_Appeal_Partners_Only');
    const evaluations = this.evaluationsOf(owner);
    if (evaluations[0].id !== evaluationId) throw this.failure(400, 'PP_Appeal_Latest_Only');
    if (this.appeals.some((appeal) => appeal.evaluationId === evaluationId && OPEN_STATUSES.includes(appeal.status))) {
      throw this.failure(400, 'PP_Appeal_Already_Open');
    }
    const appeal: Appeal = {
      id: previewId('a07', this.appeals.length + 1),
      evaluationId,
      quarter: evaluations[0].quarter,
      accountId: owner.accountId,
      accountName: owner.name,
      reason,
      evidenceUrl: url || null,
      status: 'Submitted',
      createdDate: new Date().toISOString()
    };
    this.appeals.push(appeal);
    return appeal.id;
  }

  /** The partner an MDF component asks about (an Account or Partner Profile id, or the partner user's own). */
  private mdfPartner(recordId: unknown, context: CallContext): MdfPartner {
    const partner = this.partnerFor(recordId, context);
    return { accountId: partner.accountId, name: partner.name, tier: this.tierAfter(partner) };
  }

  private budgetSummary(params: Record<string, unknown>, context: CallContext): object | null {
    const own = this.partnerAccountId(context);
    const recordId = params.recordId ? String(params.recordId) : null;
    const ofPartner =
      recordId === null ? own !== null : [PROFILE_PREFIX, ACCOUNT_PREFIX].includes(recordId.slice(0, 3));
    const partner = ofPartner ? this.mdfPartner(recordId, context) : null;
    const region = params.region ? String(params.region) : null;
    return this.mdf.budgetSummary(recordId, region, partner, own);
  }

  private mdfCall(method: string, params: Record<string, unknown>, context: CallContext): unknown {
    const own = this.partnerAccountId(context);
    switch (method) {
      case 'MdfRequestController.getRequestContext':
        return this.mdf.requestContext(this.mdfPartner(params.recordId, context));
      case 'MdfRequestController.saveRequest': {
        const input = (params.input ?? {}) as Record<string, unknown>;
        return this.mdf.saveRequest(this.mdfPartner(input.recordId, context), input, params.submit === true);
      }
      case 'MdfBudgetSummaryController.getBudgetSummary':
        return this.budgetSummary(params, context);
      case 'MdfClaimController.getClaimContext':
        return this.mdf.claimContext(String(params.recordId ?? ''), own);
      case 'MdfClaimController.saveClaimDraft':
        return this.mdf.saveClaimDraft(params, own);
      case 'MdfClaimController.submitClaim':
        return this.mdf.submitClaim(params, own);
      default:
        throw new ApexError(404, `The preview has no stand-in for @salesforce/apex/${method}.`);
    }
  }

  /** Dispatches `@salesforce/apex/<Class>.<method>` the way the org would. */
  call(method: string, params: Record<string, unknown>, context: CallContext): unknown {
    if (method.startsWith('Mdf')) {
      try {
        return this.mdfCall(method, params, context);
      } catch (error) {
        if (error instanceof MdfError) throw new ApexError(error.status, error.message);
        throw error;
      }
    }
    switch (method) {
      case 'TierProgressController.getTierProgress':
        return this.tierProgress(params.recordId, context);
      case 'PartnerChecklistController.getChecklist':
        return this.checklist(params.recordId, context);
      case 'TierHistoryController.getHistory':
        return this.history(params.recordId, context);
      case 'TierHistoryController.fileAppeal':
        return this.fileAppeal(params, context);
      default:
        throw new ApexError(404, `The preview has no stand-in for @salesforce/apex/${method}.`);
    }
  }
}
