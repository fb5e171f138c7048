/*
 * What the partner checklist component shows, computed from PartnerChecklistController.getChecklist:
 * the completeness of the profile by the five sections of DESIGN.md §2, and the 90-day activation
 * checklist with its due date (onboarding + 90 days). The sections themselves (which fields and which
 * evidence each needs, with their labels) are given by the caller. Pure TypeScript (no
 * `lwc`/`lightning` imports), so it is tested on its own.
 */
import { addDays, floorPercent } from 'c/partnerProgramUtils';

/* ------------------------------------------------------------------ the Apex contract */

export interface ActivationData {
  coMarketingAssetLive?: boolean | null;
  icpRegisteredDeals?: number | null;
  deliveryWithCsat?: boolean | null;
  profileConfirmed?: boolean | null;
  nextTierGapsIdentified?: boolean | null;
}

/** PartnerChecklistController.getChecklist. */
export interface ChecklistData {
  profileId: string;
  accountName?: string | null;
  onboardedOn?: string | null;
  reviewCadence?: string | null;
  lastReviewedOn?: string | null;
  reviewOverdue?: boolean | null;
  /** Field API name → filled in. */
  fields?: Record<string, boolean> | null;
  /** Partner_Evidence__c.Type__c → verified records. */
  evidenceByType?: Record<string, number> | null;
  certifiedPeople?: number | null;
  activePlays?: number | null;
  activation?: ActivationData | null;
}

/* ------------------------------------------------------------------ what the sections ask for */

/** Where an item's action leads: the profile (to fill a field) or one of its related lists. */
export type ItemTarget = 'profile' | 'evidence' | 'certifications' | 'plays';

export type Requirement =
  | { kind: 'field'; field: string; label: string }
  | { kind: 'evidence'; types: string[]; label: string }
  | { kind: 'certifiedPeople'; min: number; label: string }
  | { kind: 'plays'; min: number; label: string };

export interface SectionSpec {
  key: string;
  title: string;
  items: Requirement[];
}

/* ------------------------------------------------------------------ the view */

export interface ChecklistItemView {
  key: string;
  kind: Requirement['kind'];
  label: string;
  done: boolean;
  target: ItemTarget;
}

export interface SectionView {
  key: string;
  title: string;
  items: ChecklistItemView[];
  done: number;
  total: number;
  percent: number;
  complete: boolean;
}

export type ActivationKey = 'coMarketingAsset' | 'icpDeals' | 'deliveryWithCsat' | 'profileConfirmed' | 'nextTierGaps';

export interface ActivationItemView {
  key: ActivationKey;
  label: string;
  done: boolean;
  /** Where to act on the item; null when it is done in the CRM's normal work (deals, reviews, evaluations). */
  target: ItemTarget | null;
}

export type ActivationStatus = 'complete' | 'overdue' | 'open' | 'unscheduled';

export interface ActivationView {
  items: ActivationItemView[];
  done: number;
  total: number;
  /** Onboarding + 90 days; null without an onboarding date. */
  dueOn: string | null;
  status: ActivationStatus;
}

export interface ChecklistView {
  profileId: string;
  accountName: string;
  sections: SectionView[];
  done: number;
  total: number;
  percent: number;
  activation: ActivationView;
  review: { overdue: boolean; lastReviewedOn: string | null; cadence: string | null };
}

/** DESIGN.md §2: the activation checklist is due 90 days after onboarding. */
export const ACTIVATION_DAYS = 90;
/** DESIGN.md §2: two registered opportunities that match the agreed ICP. */
export const ICP_DEALS_REQUIRED = 2;

function requirementView(section: string, requirement: Requirement, data: ChecklistData): ChecklistItemView {
  switch (requirement.kind) {
    case 'field':
      return {
        key: `${section}:${requirement.field}`,
        kind: requirement.kind,
        label: requirement.label,
        done: data.fields?.[requirement.field] === true,
        target: 'profile'
      };
    case 'evidence':
      return {
        key: `${section}:evidence:${requirement.types.join('+')}`,
        kind: requirement.kind,
        label: requirement.label,
        done: requirement.types.some((type) => (data.evidenceByType?.[type] ?? 0) > 0),
        target: 'evidence'
      };
    case 'certifiedPeople':
      return {
        key: `${section}:certifiedPeople`,
        kind: requirement.kind,
        label: requirement.label,
        done: (data.certifiedPeople ?? 0) >= requirement.min,
        target: 'certifications'
      };
    case 'plays':
      return {
        key: `${section}:plays`,
        kind: requirement.kind,
        label: requirement.label,
        done: (data.activePlays ?? 0) >= requirement.min,
        target: 'plays'
      };
  }
}

function sectionView(spec: SectionSpec, data: ChecklistData): SectionView {
  const items = spec.items.map((requirement) => requirementView(spec.key, requirement, data));
  const done = items.filter((item) => item.done).length;
  return {
    key: spec.key,
    title: spec.title,
    items,
    done,
    total: items.length,
    percent: items.length === 0 ? 100 : floorPercent(done / items.length),
    complete: done === items.length
  };
}

function activationView(data: ChecklistData, labels: Record<ActivationKey, string>, today: string): ActivationView {
  const facts = data.activation ?? {};
  const items: ActivationItemView[] = [
    {
      key: 'coMarketingAsset',
      label: labels.coMarketingAsset,
      done: facts.coMarketingAssetLive === true,
      target: 'evidence'
    },
    {
      key: 'icpDeals',
      label: labels.icpDeals,
      done: (facts.icpRegisteredDeals ?? 0) >= ICP_DEALS_REQUIRED,
      target: null
    },
    { key: 'deliveryWithCsat', label: labels.deliveryWithCsat, done: facts.deliveryWithCsat === true, target: null },
    {
      key: 'profileConfirmed',
      label: labels.profileConfirmed,
      done: facts.profileConfirmed === true,
      target: 'profile'
    },
    { key: 'nextTierGaps', label: labels.nextTierGaps, done: facts.nextTierGapsIdentified === true, target: null }
  ];
  const done = items.filter((item) => item.done).length;
  const dueOn = data.onboardedOn ? addDays(data.onboardedOn, ACTIVATION_DAYS) : null;
  let status: ActivationStatus;
  if (done === items.length) status = 'complete';
  else if (dueOn === null) status = 'unscheduled';
  else status = today > dueOn ? 'overdue' : 'open';
  return { items, done, total: items.length, dueOn, status };
}

/**
 * The checklist view of one partner. `sections` says what each profile section needs,
 * `activationLabels` names the five activation steps, and `today` (YYYY-MM-DD) tells whether the
 * activation checklist is overdue.
 */
export function buildChecklistView(
  data: ChecklistData,
  sections: SectionSpec[],
  activationLabels: Record<ActivationKey, string>,
  today: string
): ChecklistView {
  const sectionViews = sections.map((spec) => sectionView(spec, data));
  const done = sectionViews.reduce((sum, section) => sum + section.done, 0);
  const total = sectionViews.reduce((sum, section) => sum + section.total, 0);
  return {
    profileId: data.profileId,
    accountName: data.accountName ?? '',
    sections: sectionViews,
    done,
    total,
    percent: total === 0 ? 100 : floorPercent(done / total),
    activation: activationView(data, activationLabels, today),
    review: {
      overdue: data.reviewOverdue === true,
      lastReviewedOn: data.lastReviewedOn ?? null,
      cadence: data.reviewCadence ?? null
    }
  };
}
