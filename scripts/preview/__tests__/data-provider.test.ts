/*
 * The preview's Apex stand-ins serve what the org would hold after the quarterly run. For every
 * sample partner: the payload carries the evaluation's resulting tier and grace, and the tier engine
 * applied to the stored metrics (what the components compute live) gives the same next-tier
 * progress, met flags and gaps as the evaluation itself (what `explain` prints).
 */
import path from 'node:path';
import {
  applicableCriteria,
  assessCriterion,
  tierProgress,
  tiersByRank,
  type Criterion,
  type PartnerType,
  type Program,
  type ProgramSettings,
  type TierDefinition
} from '../../../force-app/main/default/lwc/tierEngine/tierEngine.ts';
import { ApexError, FIXED_PATTERN, PreviewData, PROFILE_SECTIONS } from '../data-provider.ts';

interface ProgressPayload {
  profileId: string;
  accountId: string;
  partnerType: string;
  tier: string;
  graceUntil: string | null;
  corporateCurrency: string;
  metrics: Record<string, number | null>;
  program: { tiers: TierDefinition[]; criteria: Criterion[]; settings: ProgramSettings };
}

const SAMPLE = path.join(__dirname, '..', '..', '..', 'data', 'sample');
const manager = { viewer: 'manager' as const };

let data: PreviewData;
beforeAll(async () => {
  data = await PreviewData.load(SAMPLE);
}, 60_000);

describe('preview data (Apex stand-ins from data/sample)', () => {
  it('shows every evaluated partner as after the quarterly run, and the engine on the stored metrics agrees with the evaluation', () => {
    const decisions = data.run.evaluation.decisions;
    expect(decisions.length).toBeGreaterThan(50);
    for (const decision of decisions) {
      const payload = data.tierProgress(decision.accountId, manager) as ProgressPayload;
      expect({ partner: decision.name, tier: payload.tier, graceUntil: payload.graceUntil }).toEqual({
        partner: decision.name,
        tier: decision.resultingTier,
        graceUntil: decision.graceUntil
      });
      const program: Program = { ...payload.program, corporateCurrency: payload.corporateCurrency };
      const ranked = tiersByRank(program.tiers);
      const current = ranked.find((tier) => tier.name === payload.tier)!;
      const next = ranked.find((tier) => tier.rank > current.rank) ?? null;
      expect(next?.name ?? null).toBe(decision.nextTier);
      if (!next) continue;
      const live = applicableCriteria(program, next.name, payload.partnerType as PartnerType).map((criterion) =>
        assessCriterion(criterion, { value: payload.metrics[criterion.metric] ?? null }, payload.corporateCurrency)
      );
      const evaluated = decision.criteria.filter((result) => result.tier === next.name);
      const shown = (results: typeof live) =>
        results.map((result) => ({
          partner: decision.name,
          criterion: result.criterion,
          met: result.met,
          gap: result.gap,
          percent: Math.floor(result.progress * 100)
        }));
      expect(shown(live)).toEqual(shown(evaluated));
      expect(Math.floor(tierProgress(live) * 100)).toBe(Math.floor(decision.progress! * 100));
    }
  });

  it('stores the metrics as the write-back does (two decimals) and dates them to the evaluated quarter', () => {
    const meridian = data.resolve('Meridian Falls Technology');
    const payload = data.tierProgress(meridian.profileId, manager) as ProgressPayload & { metricsAsOf: string };
    expect(payload.metrics.DEAL_HYGIENE_PCT).toBe(77.78);
    expect(payload.metricsAsOf).toBe('2026-09-30');
  });

  it('refuses a partner user another partner’s profile and gives it its own without a record id', () => {
    const skylark = data.resolve('Skylark Metrics');
    const ironbark = data.resolve('Ironbark Systems');
    const asSkylark = { viewer: 'partner' as const, partner: skylark.accountId };
    expect(() => data.tierProgress(ironbark.profileId, asSkylark)).toThrow(ApexError);
    expect(() => data.checklist(ironbark.accountId, asSkylark)).toThrow('You do not have access');
    expect(() => data.history(ironbark.profileId, asSkylark)).toThrow('You do not have access');
    expect((data.history(null, asSkylark) as { profileId: string }).profileId).toBe(skylark.profileId);
    expect((data.tierProgress(skylark.accountId, asSkylark) as { profileId: string }).profileId).toBe(
      skylark.profileId
    );
    expect(() => data.tierProgress(null, manager)).toThrow('not linked to a partner profile');
    expect(() => data.tierProgress('0065000000AbCdEAAZ', manager)).toThrow(ApexError);
  });

  it('derives the checklist from the sample and fills the rest with the documented fixed pattern', () => {
    const copperleaf = data.resolve('Copperleaf Commerce Partners');
    const checklist = data.checklist(copperleaf.profileId, manager) as {
      fields: Record<string, boolean>;
      certifiedPeople: number;
      activePlays: number;
      evidenceByType: Record<string, number>;
    };
    // No certification of Copperleaf starts or ends between the evaluation date and the snapshot day.
    expect(checklist.certifiedPeople).toBe(data.run.metrics.get(copperleaf.accountId)!.CERTIFIED_PEOPLE!.value);
    expect(checklist.activePlays).toBe(FIXED_PATTERN.Elite.activePlays);
    expect(Object.keys(checklist.fields).sort()).toEqual(PROFILE_SECTIONS.flatMap((section) => section.fields).sort());
    expect(Object.values(checklist.evidenceByType).reduce((sum, count) => sum + count, 0)).toBeGreaterThan(0);
  });

  it('files an appeal against the latest evaluation, once, and lists it as open for the manager', () => {
    const skylark = data.resolve('Skylark Metrics');
    const asSkylark = { viewer: 'partner' as const, partner: skylark.accountId };
    type History = { canAppeal: boolean; evaluations: { id: string; appeal: { status: string } | null }[] };
    const before = data.history(null, asSkylark) as History;
    expect(before.canAppeal).toBe(true);
    const [latest, earlier] = before.evaluations;
    expect(() => data.fileAppeal({ evaluationId: latest.id, reason: ' ' }, asSkylark)).toThrow('Give a reason');
    expect(() => data.fileAppeal({ evaluationId: earlier.id, reason: 'Late deal' }, asSkylark)).toThrow(
      'Only the latest evaluation'
    );
    expect(() =>
      data.fileAppeal({ evaluationId: latest.id, reason: 'Late deal', evidenceUrl: 'not a link' }, asSkylark)
    ).toThrow('web address');
    expect(() => data.fileAppeal({ evaluationId: latest.id, reason: 'Late deal' }, manager)).toThrow(
      'Only a user of this partner'
    );
    const id = data.fileAppeal({ evaluationId: latest.id, reason: 'Deal closed late' }, asSkylark);
    expect(() => data.fileAppeal({ evaluationId: latest.id, reason: 'Again' }, asSkylark)).toThrow('already has');
    const after = data.history(null, asSkylark) as History;
    expect(after.canAppeal).toBe(false);
    expect(after.evaluations[0].appeal?.status).toBe('Submitted');
    const managerView = data.history(skylark.profileId, manager) as { openAppeals: { id: string }[] };
    expect(managerView.openAppeals.map((appeal) => appeal.id)).toEqual([id]);
    const appPage = data.history(null, manager) as { openAppeals: { id: string }[] };
    expect(appPage.openAppeals.map((appeal) => appeal.id)).toEqual([id]);
  });
});

describe('preview data: the MDF controllers’ stand-ins', () => {
  const contextOf = (name: string) =>
    data.call('MdfRequestController.getRequestContext', { recordId: data.resolve(name).profileId }, manager) as {
      tier: string;
      eligible: boolean;
      eligibleTiers: string[];
      capPerQuarter: number | null;
      used: number;
      remaining: number | null;
      budgets: { id: string; available: number }[];
      refusalMessage: string | null;
    };

  it('gives each partner its tier’s MDF allowance from the deployed benefits, or why it gets none', () => {
    const select = contextOf('Meridian Falls Technology');
    expect(select).toMatchObject({
      tier: 'Select',
      eligible: true,
      capPerQuarter: 25000,
      used: 7500,
      remaining: 17500
    });
    const registered = contextOf('Willowmere Systems');
    expect(registered).toMatchObject({ tier: 'Registered', eligible: false, eligibleTiers: ['Select', 'Elite'] });
    expect(registered.refusalMessage).toContain('Select and Elite');
    expect(registered.budgets).toEqual([]);
  });

  it('refuses what the server refuses, with its message: over the cap, a claim without proof, another partner', () => {
    const meridian = data.resolve('Meridian Falls Technology');
    const input = {
      recordId: meridian.profileId,
      goal: 'Leads',
      targetAudience: 'CFOs',
      activityType: 'Event',
      startDate: '2026-11-02',
      endDate: '2026-11-03',
      expectedPipeline: 1000,
      requestedAmount: 17500.01,
      budgetId: null
    };
    expect(() => data.call('MdfRequestController.saveRequest', { input, submit: true }, manager)).toThrow(ApexError);
    expect(() => data.call('MdfRequestController.saveRequest', { input, submit: true }, manager)).toThrow('cap');
    // A draft holds no money: it may ask for more (it is checked again on submission).
    expect(data.call('MdfRequestController.saveRequest', { input, submit: false }, manager)).toMatch(/^a0C/);

    const requestId = data.mdf.claimRecordFor(meridian.accountId)!;
    const claim = data.call('MdfClaimController.getClaimContext', { recordId: requestId }, manager) as {
      claimId: string;
      claimStatus: string;
      proofCount: number;
      canClaim: boolean;
    };
    expect(claim).toMatchObject({ claimStatus: 'Draft', proofCount: 0, canClaim: true });
    expect(() => data.call('MdfClaimController.submitClaim', { claimId: claim.claimId }, manager)).toThrow('proof');
    const asOther = { viewer: 'partner' as const, partner: 'Skylark Metrics' };
    expect(() => data.call('MdfClaimController.getClaimContext', { recordId: requestId }, asOther)).toThrow('access');
  });

  it('sums a region’s budgets and flags the over-committed one', () => {
    const region = data.call('MdfBudgetSummaryController.getBudgetSummary', { region: 'EMEA' }, manager) as {
      scope: string;
      budgeted: number;
      committed: number;
    };
    expect(region.scope).toBe('region');
    expect(region.committed).toBeGreaterThan(region.budgeted);
  });
});
