/*
 * The components in a real browser: builds the preview (real components, real base components, SLDS),
 * opens it in headless Chromium for three sample partners and checks, from the DOM, that the tier
 * progress bars and the criteria checklist show the numbers `partner-program explain` gives for
 * them: overall progress to the next tier, and per criterion the value, the threshold, met or not,
 * the bar's percentage and the gap in words. The MDF page: a Select partner's allowance, budget
 * summaries (one over-committed) and a claim without proof; a Registered partner without MDF; a
 * claim submitted with a proof file. Saves a screenshot per page to docs/images.
 *
 * Rollup and Playwright are ES modules and the CLI runs on Node 24's TypeScript support, so both run
 * in child processes (scripts/preview/capture.ts, scripts/bin/partner-program.js).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { formatValue, type Decision } from '../../../force-app/main/default/lwc/tierEngine/tierEngine.ts';
import { findChromium } from '../chromium.ts';
import type { BarFact, ComponentFact, PageFact } from '../capture.ts';
import { PreviewData } from '../data-provider.ts';
import { formatLabel, readCustomLabels } from '../labels.ts';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SCREENSHOTS = path.join(ROOT, 'docs', 'images');
const run = promisify(execFile);

/** One partner per situation the issue names; the one in grace also signs in to the partner site and appeals. */
const PARTNERS = [
  { name: 'Skylark Metrics', situation: 'Elite in grace' },
  { name: 'Meridian Falls Technology', situation: 'Select, near upgrade to Elite' },
  { name: 'Copperleaf Commerce Partners', situation: 'Elite, every criterion exactly at its threshold' }
];
const PARTNER_SITE = 'Skylark Metrics';
/** The MDF page: a Select partner as its manager sees it, a Registered partner (no MDF) and an Elite partner that claims on the partner site. */
const MDF_MANAGER = 'Meridian Falls Technology';
const MDF_NOT_ELIGIBLE = 'Willowmere Systems';
const MDF_CLAIM = 'Skylark Metrics';
const APPEAL_REASON = 'A won deal of USD 32,000 closed on 2026-09-29 is missing from the revenue.';

interface Explained {
  quarter: string;
  corporateCurrency: string;
  partner: Decision;
  metrics: Record<string, { value: number | null }>;
  records: {
    evidence: { type: string; note: string }[];
    certifications: { contactId: string; issuedOn: string | null; expiresOn: string | null; note: string }[];
    reviews: { csat: number | null }[];
  };
}

interface ChecklistPayload {
  profileId: string;
  fields: Record<string, boolean>;
  evidenceByType: Record<string, number>;
  certifiedPeople: number;
  activePlays: number;
  activation: {
    coMarketingAssetLive: boolean;
    icpRegisteredDeals: number;
    deliveryWithCsat: boolean;
    profileConfirmed: boolean;
    nextTierGapsIdentified: boolean;
  };
}

const labels = readCustomLabels(ROOT);
const label = (name: string, ...args: (string | number)[]): string => {
  const text = labels.get(name);
  if (text === undefined) throw new Error(`Custom label ${name} is missing`);
  return formatLabel(text, ...args);
};
const percent = (share: number) => Math.floor(share * 100);
const longDate = (iso: string) =>
  new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`)
  );

let pages: PageFact[] = [];
let timings: Record<string, number> = {};
const explained = new Map<string, Explained>();
let workDir = '';
let data: PreviewData;

beforeAll(async () => {
  if (!findChromium()) {
    throw new Error('No Chromium for the browser test. Run: npm exec -- node scripts/setup/ensure-chromium.ts');
  }
  workDir = mkdtempSync(path.join(tmpdir(), 'preview-test-'));
  const factsFile = path.join(workDir, 'facts.json');
  const options = { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 };
  const [, preview, ...explains] = await Promise.all([
    run(
      process.execPath,
      [
        'scripts/preview/capture.ts',
        ...PARTNERS.flatMap((partner) => ['--partner', partner.name]),
        '--appeal',
        PARTNER_SITE,
        '--mdf',
        MDF_MANAGER,
        '--mdf-partner-site',
        MDF_NOT_ELIGIBLE,
        '--mdf-claim',
        MDF_CLAIM,
        '--appeal-reason',
        APPEAL_REASON,
        '--screenshots',
        SCREENSHOTS,
        '--out',
        factsFile
      ],
      options
    ),
    PreviewData.load(path.join(ROOT, 'data', 'sample')),
    ...PARTNERS.map((partner) =>
      run(
        process.execPath,
        ['scripts/bin/partner-program.js', 'explain', partner.name, '--snapshot', 'data/sample', '--format', 'json'],
        options
      )
    )
  ]);
  data = preview;
  PARTNERS.forEach((partner, index) => explained.set(partner.name, JSON.parse(explains[index].stdout) as Explained));
  ({ pages, timings } = JSON.parse(readFileSync(factsFile, 'utf8')) as {
    pages: PageFact[];
    timings: Record<string, number>;
  });
}, 120_000);

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
  if (timings.total) process.stdout.write(`browser test timings (ms): ${JSON.stringify(timings)}\n`);
});

function pageOf(name: string, viewer: 'manager' | 'partner' = 'manager', shown = 'tier'): PageFact {
  const page = pages.find(
    (candidate) => candidate.partner?.name === name && candidate.viewer === viewer && candidate.page === shown
  );
  if (!page) throw new Error(`The preview did not open ${name} (${viewer})`);
  return page;
}

function component(page: PageFact, name: string) {
  const found = page.components.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`${name} is not on the preview page of ${page.partner?.name}`);
  return found;
}

/** What a criterion row shows, read from the DOM, next to what explain says it should show. */
function criterionRows(bars: BarFact[], decision: Decision, tier: string, currency: string) {
  const expected = decision.criteria.filter((result) => result.tier === tier);
  const shown = bars.filter((bar) => bar.data.criterion !== undefined);
  expect(shown.map((bar) => bar.data.criterion).sort()).toEqual(expected.map((result) => result.criterion).sort());
  return expected.map((result) => {
    const bar = shown.find((candidate) => candidate.data.criterion === result.criterion)!;
    const value = result.value === null ? label('PP_No_Data') : formatValue(result.value, result.unit, currency);
    const threshold = formatValue(result.threshold, result.unit, currency);
    return {
      actual: {
        criterion: result.criterion,
        met: bar.data.met,
        barPercent: bar.value,
        showsLabel: bar.row.includes(result.label),
        showsValue: bar.row.includes(value),
        showsThreshold: bar.row.includes(threshold),
        gap: result.gap === null ? bar.row.includes(label('PP_Missing', '').trim()) : bar.row.includes(result.gap)
      },
      expected: {
        criterion: result.criterion,
        met: String(result.met),
        barPercent: percent(result.progress),
        showsLabel: true,
        showsValue: true,
        showsThreshold: true,
        // A met criterion shows no "Missing: …"; an unmet one shows the engine's gap text.
        gap: result.gap !== null
      }
    };
  });
}

/** Whether a checklist item is done, by the rules of c/partnerChecklistModel applied to the controller's data. */
function itemDone(key: string, checklist: ChecklistPayload): boolean {
  const [, kind, detail] = key.split(':');
  switch (key) {
    case 'coMarketingAsset':
      return checklist.activation.coMarketingAssetLive;
    case 'icpDeals':
      return checklist.activation.icpRegisteredDeals >= 2;
    case 'deliveryWithCsat':
      return checklist.activation.deliveryWithCsat;
    case 'profileConfirmed':
      return checklist.activation.profileConfirmed;
    case 'nextTierGaps':
      return checklist.activation.nextTierGapsIdentified;
  }
  if (kind === 'evidence') return detail.split('+').some((type) => (checklist.evidenceByType[type] ?? 0) > 0);
  if (kind === 'certifiedPeople') return checklist.certifiedPeople >= 1;
  if (kind === 'plays') return checklist.activePlays >= 2;
  return checklist.fields[kind] === true;
}

function markedItems(checklist: ComponentFact) {
  return checklist.marked.filter((element) => element.data.item !== undefined);
}

describe('the preview in headless Chromium', () => {
  it('opens every partner without errors and saves a screenshot', () => {
    expect(pages.map((page) => `${page.partner?.name} (${page.viewer}, ${page.page})`)).toEqual([
      ...PARTNERS.map((partner) => `${partner.name} (manager, tier)`),
      `${PARTNER_SITE} (partner, tier)`,
      `${MDF_MANAGER} (manager, mdf)`,
      `${MDF_NOT_ELIGIBLE} (partner, mdf)`,
      `${MDF_CLAIM} (partner, mdf)`
    ]);
    expect(pages.filter((page) => page.page === 'mdf').map((page) => path.basename(page.screenshot!))).toEqual([
      'mdf-meridian-falls-technology.png',
      'mdf-willowmere-systems-partner-site.png',
      'mdf-skylark-metrics-partner-site.png'
    ]);
    for (const page of pages) {
      expect({ partner: page.partner?.name, errors: page.errors }).toEqual({ partner: page.partner?.name, errors: [] });
      expect(page.screenshot).not.toBeNull();
      const png = readFileSync(page.screenshot!);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(statSync(page.screenshot!).size).toBeLessThan(600_000);
    }
  });

  it.each(PARTNERS.map((partner) => [partner.name, partner.situation]))(
    '%s (%s): tier, overall progress and every criterion as explain gives them',
    (name) => {
      const { partner: decision, corporateCurrency } = explained.get(name)!;
      const progress = component(pageOf(name), 'tierProgress');
      expect(progress.text).toContain(`${label('PP_Current_Tier')} ${decision.resultingTier}`);

      const overall = progress.bars.filter((bar) => bar.data.criterion === undefined);
      if (decision.nextTier) {
        // Progress to the next tier: the bar's value and the percentage shown next to it.
        const shownPercent = percent(decision.progress!);
        expect(overall.map((bar) => ({ tier: bar.data.nextTier, value: bar.value }))).toEqual([
          { tier: decision.nextTier, value: shownPercent }
        ]);
        expect(overall[0].row).toContain(`${shownPercent} %`);
        expect(progress.text.includes(label('PP_Near_Upgrade', shownPercent, decision.nextTier))).toBe(
          decision.nearUpgrade
        );
        const nextBars = progress.bars.filter((bar) => bar.data.nextTier === decision.nextTier);
        const rows = criterionRows(nextBars, decision, decision.nextTier, corporateCurrency);
        expect(rows.map((row) => row.actual)).toEqual(rows.map((row) => row.expected));
      } else {
        // At the top tier there is no next tier: the criteria shown are those that keep the tier.
        expect(overall).toEqual([]);
        expect(progress.text).toContain(label('PP_Top_Tier', decision.resultingTier));
        const keepBars = progress.bars.filter((bar) =>
          bar.within.some((element) => element.startsWith('section.keep'))
        );
        const rows = criterionRows(keepBars, decision, decision.resultingTier, corporateCurrency);
        expect(rows.map((row) => row.actual)).toEqual(rows.map((row) => row.expected));
      }
    }
  );

  it('shows the grace period with its end date and that the recovery plan is missing', () => {
    const { partner: decision } = explained.get('Skylark Metrics')!;
    expect(decision.outcome).toBe('Grace');
    const text = component(pageOf('Skylark Metrics'), 'tierProgress').text;
    expect(text).toContain(label('PP_Grace_Until', decision.resultingTier));
    expect(text).toContain(longDate(decision.graceUntil!));
    expect(text).toContain(label('PP_Grace_Plan_Missing'));
  });

  it('shows the partner on the partner site, without a record id, the same numbers', () => {
    const onSite = component(pageOf(PARTNER_SITE, 'partner'), 'tierProgress');
    const onRecordPage = component(pageOf(PARTNER_SITE), 'tierProgress');
    expect(onSite.text).toContain(label('PP_Your_Tier'));
    expect(onSite.bars.map(({ value, data }) => ({ value, data }))).toEqual(
      onRecordPage.bars.map(({ value, data }) => ({ value, data }))
    );
  });

  it.each(PARTNERS.map((partner) => [partner.name]))(
    '%s: the checklist counts what explain lists (evidence, certified people, reviews) the way the controller counts it',
    (name) => {
      const { records } = explained.get(name)!;
      const checklist = data.checklist(pageOf(name).partner!.profileId, { viewer: 'manager' }) as ChecklistPayload;
      // PartnerChecklistController: verified evidence of any date; people with a verified certification valid today.
      const verified = records.evidence.filter((evidence) => evidence.note !== 'not verified');
      const byType: Record<string, number> = {};
      for (const evidence of verified) byType[evidence.type] = (byType[evidence.type] ?? 0) + 1;
      const today = data.today;
      const certified = new Set(
        records.certifications
          .filter(
            (certification) =>
              certification.note !== 'not verified' &&
              certification.issuedOn !== null &&
              certification.issuedOn <= today &&
              (certification.expiresOn === null || certification.expiresOn >= today)
          )
          .map((certification) => certification.contactId)
      );
      expect({
        evidenceByType: checklist.evidenceByType,
        certifiedPeople: checklist.certifiedPeople,
        coMarketingAssetLive: checklist.activation.coMarketingAssetLive,
        deliveryWithCsat: checklist.activation.deliveryWithCsat
      }).toEqual({
        evidenceByType: byType,
        certifiedPeople: certified.size,
        coMarketingAssetLive: (byType['Co-Marketing Asset'] ?? 0) > 0,
        deliveryWithCsat: records.reviews.some((review) => review.csat !== null)
      });
    }
  );

  it.each(PARTNERS.map((partner) => [partner.name]))(
    '%s: every checklist item, the completeness and the activation progress as the data says',
    (name) => {
      const page = pageOf(name);
      const checklist = data.checklist(page.partner!.profileId, { viewer: 'manager' }) as ChecklistPayload;
      const shown = component(page, 'partnerChecklist');
      const items = markedItems(shown);
      const profileItems = items.filter((item) => item.context.section !== undefined);
      const activationItems = items.filter((item) => item.context.section === undefined);
      expect(profileItems.length).toBeGreaterThan(20);
      expect(activationItems.map((item) => item.data.item)).toEqual([
        'coMarketingAsset',
        'icpDeals',
        'deliveryWithCsat',
        'profileConfirmed',
        'nextTierGaps'
      ]);
      expect(items.map((item) => ({ item: item.data.item, done: item.data.done }))).toEqual(
        items.map((item) => ({ item: item.data.item, done: String(itemDone(item.data.item, checklist)) }))
      );
      const icp = activationItems.find((item) => item.data.item === 'icpDeals')!;
      expect(icp.text).toContain(`(${checklist.activation.icpRegisteredDeals} registered)`);

      // Profile completeness and 90-day activation: the bar, the percentage and "n of m" from the items.
      const done = profileItems.filter((item) => item.data.done === 'true').length;
      const completeness = shown.bars.find((bar) => bar.within.some((element) => element.includes('completeness')))!;
      expect(completeness.value).toBe(percent(done / profileItems.length));
      expect(completeness.row).toContain(`${percent(done / profileItems.length)} %`);
      expect(completeness.row).toContain(label('PP_Checklist_Items_Done', done, profileItems.length));
      const activationDone = activationItems.filter((item) => item.data.done === 'true').length;
      const activation = shown.bars.find((bar) => bar.within.some((element) => element.includes('activation')))!;
      expect(activation.value).toBe(percent(activationDone / activationItems.length));
    }
  );

  it.each(PARTNERS.map((partner) => [partner.name]))(
    '%s: the history shows the quarter just evaluated with the outcome, summary and criteria explain gives',
    (name) => {
      const { partner: decision, quarter } = explained.get(name)!;
      const history = component(pageOf(name), 'tierHistory');
      // Each evaluation is an element with its id and outcome (its host may carry the id too).
      const evaluations = history.marked.filter(
        (element) => element.data.evaluation !== undefined && element.data.outcome !== undefined
      );
      expect(evaluations.length).toBeGreaterThanOrEqual(2);
      const latest = evaluations[0];
      expect(latest.data.outcome).toBe(decision.outcome);
      expect(latest.text).toContain(quarter);
      expect(latest.text).toContain(label('PP_History_Tiers', decision.previousTier, decision.resultingTier));
      expect(latest.text).toContain(decision.summary);
      if (decision.progress !== null) {
        expect(latest.text).toContain(label('PP_History_Progress', percent(decision.progress)));
      }
      // The criteria as evaluated (a collapsed list): met or not, for every criterion of every tier.
      const criteria = history.marked.filter(
        (element) => element.data.criterion !== undefined && element.context.evaluation === latest.data.evaluation
      );
      expect(criteria.map((element) => [element.data.criterion, element.data.met])).toEqual(
        decision.criteria.map((result) => [result.criterion, String(result.met)])
      );
    }
  );

  it('lets the partner appeal the decision on the partner site, and shows the appeal as submitted', () => {
    const page = pageOf(PARTNER_SITE, 'partner');
    const before = component(page, 'tierHistory');
    expect(before.text).toContain(label('PP_Appeal_Action'));
    const after = page.afterAppeal!.find((candidate) => candidate.name === 'tierHistory')!;
    expect(after.text).toContain(label('PP_Appeal_Filed'));
    expect(after.text).not.toContain(label('PP_Appeal_Action'));
    const latest = after.marked.find(
      (element) => element.data.evaluation !== undefined && element.data.outcome !== undefined
    )!;
    const appeal = after.marked.find(
      (element) => element.data.status !== undefined && element.context.evaluation === latest.data.evaluation
    );
    expect(appeal?.data.status).toBe('Submitted');
    expect(appeal?.text).toContain(APPEAL_REASON);
  });

  describe('the MDF page (?page=mdf)', () => {
    const usd = (amount: number) =>
      new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(amount);
    /** The deployed Tier_Benefit__mdt cap of a tier (MDF_Cap_Per_Quarter__c). */
    const capOf = (tier: string) =>
      data.run.config.benefits.find((benefit) => benefit.tier === tier && benefit.mdfEligible)!.mdfCapPerQuarter!;

    it('shows a Select partner’s manager the tier allowance: cap, used and remaining', () => {
      const partner = data.resolve(MDF_MANAGER);
      expect(partner.tier).toBe('Select');
      const cap = capOf('Select');
      // The preview's pattern: one approved request of a fifth of the cap and one submitted of a tenth.
      const used = cap / 5 + cap / 10;
      const form = component(pageOf(MDF_MANAGER, 'manager', 'mdf'), 'mdfRequestForm');
      expect(form.text).toContain(`${label('PP_Mdf_Form_Allowance', data.mdf.quarter)}`);
      expect(form.text).toContain(`${label('PP_Mdf_Form_Cap')} ${usd(cap)}`);
      expect(form.text).toContain(`${label('PP_Mdf_Form_Used')} ${usd(used)}`);
      expect(form.text).toContain(`${label('PP_Mdf_Form_Remaining')} ${usd(cap - used)}`);
      expect(form.text).toContain(label('PP_Mdf_Form_Submit'));
    });

    it('shows the partner’s budget summary and an over-committed region with accessible bars', () => {
      const page = pageOf(MDF_MANAGER, 'manager', 'mdf');
      const cap = capOf('Select');
      const summary = component(page, 'mdfBudgetSummary');
      expect(summary.text).toContain(`${label('PP_Mdf_Summary_Budgeted')} ${usd(cap)}`);
      expect(summary.text).toContain(`${label('PP_Mdf_Summary_Available')} ${usd(cap - cap / 5)}`);
      expect(summary.bars.map((bar) => [bar.data.bar, bar.label, bar.value])).toEqual([
        ['committed', label('PP_Mdf_Summary_Committed'), 20],
        ['pending', label('PP_Mdf_Summary_Pending'), 10],
        ['claimed', label('PP_Mdf_Summary_Claimed'), 0],
        ['paid', label('PP_Mdf_Summary_Paid'), 0]
      ]);
      expect(summary.bars[0].row).toContain(label('PP_Mdf_Summary_Share', 20));

      const region = component(page, 'mdfRegionSummary');
      expect(region.text).toContain(label('PP_Mdf_Summary_Over_Committed'));
      expect(region.text).toContain(`${label('PP_Mdf_Summary_Available')} -${usd(6000)}`);
      // The bar stops at 100; its text says how far over the budget is.
      expect([region.bars[0].value, region.bars[0].row]).toEqual([100, expect.stringContaining('105 %')]);
    });

    it('shows the claim without proof with Submit waiting for a proof file, and why', () => {
      const claim = component(pageOf(MDF_MANAGER, 'manager', 'mdf'), 'mdfClaimForm');
      expect(claim.text).toContain(`${label('PP_Mdf_Claim_Claimable')} ${usd(capOf('Select') / 5)}`);
      expect(claim.text).toContain(label('PP_Mdf_Claim_Proof_Count', 0));
      expect(claim.text).toContain(label('PP_Mdf_Claim_Proof_Required'));
    });

    it('tells a partner whose tier gets no MDF why, and which tiers do, without a form (partner site)', () => {
      expect(data.resolve(MDF_NOT_ELIGIBLE).tier).toBe('Registered');
      const page = pageOf(MDF_NOT_ELIGIBLE, 'partner', 'mdf');
      const form = component(page, 'mdfRequestForm');
      expect(form.text).toContain(label('PP_Mdf_Form_Not_Eligible'));
      // The reason names the tiers that get MDF (the separate list is only a fallback).
      expect(form.text).toContain('MDF is a benefit of the Select and Elite tiers; Willowmere Systems is Registered.');
      expect(form.text).not.toContain(label('PP_Mdf_Form_Eligible_Tiers', 'Select, Elite'));
      expect(form.text).not.toContain(label('PP_Mdf_Form_Goal'));
      expect(component(page, 'mdfBudgetSummary').text).toContain(label('PP_Mdf_Summary_Empty'));
      expect(page.components.map((region) => region.name)).not.toContain('mdfClaimForm');
    });

    it('lets the partner attach proof and submit the claim on the partner site', () => {
      const page = pageOf(MDF_CLAIM, 'partner', 'mdf');
      expect(component(page, 'mdfClaimForm').text).toContain(label('PP_Mdf_Claim_Proof_Required'));
      const after = page.afterClaim!.find((region) => region.name === 'mdfClaimForm')!;
      expect(after.text).toContain(`${label('PP_Mdf_Claim_Status')} Submitted`);
      expect(after.text).toContain(label('PP_Mdf_Claim_Proof_Count', 1));
      expect(after.text).not.toContain(label('PP_Mdf_Claim_Submit'));
    });
  });
});
