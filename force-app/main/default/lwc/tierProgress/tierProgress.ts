import { LightningElement, api, wire } from 'lwc';
import isGuest from '@salesforce/user/isGuest';
import getTierProgress from '@salesforce/apex/TierProgressController.getTierProgress';
import {
  buildTierProgressView,
  type CriterionView,
  type TierProgressData,
  type TierProgressView
} from 'c/tierProgressModel';
import { errorMessages, formatLabel, todayIso } from 'c/partnerProgramUtils';
import TITLE from '@salesforce/label/c.PP_Tier_Progress_Title';
import LOADING from '@salesforce/label/c.PP_Loading';
import LOAD_FAILED from '@salesforce/label/c.PP_Error_Load_Failed';
import NO_PROFILE_ON_ACCOUNT from '@salesforce/label/c.PP_Empty_No_Profile';
import GUEST from '@salesforce/label/c.PP_Guest_Sign_In';
import CURRENT_TIER from '@salesforce/label/c.PP_Current_Tier';
import YOUR_TIER from '@salesforce/label/c.PP_Your_Tier';
import TIER_SINCE from '@salesforce/label/c.PP_Tier_Since';
import METRICS_AS_OF from '@salesforce/label/c.PP_Metrics_As_Of';
import PROGRESS_TO from '@salesforce/label/c.PP_Progress_To';
import CRITERIA_MET_COUNT from '@salesforce/label/c.PP_Criteria_Met_Count';
import TOP_TIER from '@salesforce/label/c.PP_Top_Tier';
import NEXT_TIER_BENEFITS from '@salesforce/label/c.PP_Next_Tier_Benefits';
import KEEP_TIER from '@salesforce/label/c.PP_Keep_Tier';
import NEAR_UPGRADE from '@salesforce/label/c.PP_Near_Upgrade';
import GRACE_UNTIL from '@salesforce/label/c.PP_Grace_Until';
import GRACE_ENDED from '@salesforce/label/c.PP_Grace_Ended';
import GRACE_PLAN_ON_FILE from '@salesforce/label/c.PP_Grace_Plan_On_File';
import GRACE_PLAN_MISSING from '@salesforce/label/c.PP_Grace_Plan_Missing';
import HELD_BY_EXCEPTION from '@salesforce/label/c.PP_Held_By_Exception';

interface WiredResult {
  data?: unknown;
  error?: unknown;
}

/**
 * Tier progress of one partner: current tier, banners (near upgrade, grace, held by exception), the
 * criteria that put the tier at risk, progress to the next tier with one bar per criterion, and what
 * the next tier adds. On a record page (Account or Partner Profile) it shows that partner; on the
 * partner site, without a record, the signed-in partner's own profile. One Apex call per load; the
 * rules are the tier engine's (c/tierProgressModel).
 */
export default class TierProgress extends LightningElement {
  @api recordId?: string;
  /** Design property: hide "What <next tier> adds". */
  @api hideBenefits = false;
  /** Design property: list only the next tier's criteria that are not met yet. */
  @api hideMetCriteria = false;

  labels = { title: TITLE, loading: LOADING, loadFailed: LOAD_FAILED, empty: NO_PROFILE_ON_ACCOUNT, guest: GUEST };
  isGuest = isGuest;
  view: TierProgressView | null = null;
  empty = false;
  error: unknown = null;
  loaded = false;

  /** The record to ask about: none on the partner site (null = the user's own profile); guests ask nothing. */
  get queryRecordId(): string | null | undefined {
    return isGuest ? undefined : (this.recordId ?? null);
  }

  @wire(getTierProgress, { recordId: '$queryRecordId' })
  wiredProgress(result: WiredResult) {
    this.error = result.error ?? null;
    this.loaded = result.data !== undefined || Boolean(result.error);
    this.empty = result.data === null;
    this.view = result.data ? buildTierProgressView(result.data as TierProgressData, todayIso()) : null;
  }

  get loading(): boolean {
    return !this.isGuest && !this.loaded;
  }

  get errorText(): string | null {
    if (!this.error) return null;
    return errorMessages(this.error).join(' ') || LOAD_FAILED;
  }

  get tierHeading(): string {
    return this.recordId ? CURRENT_TIER : YOUR_TIER;
  }

  get tierSinceLabel(): string {
    return TIER_SINCE;
  }

  get metricsAsOfLabel(): string {
    return METRICS_AS_OF;
  }

  get nearUpgradeText(): string | null {
    const view = this.view;
    if (!view?.nearUpgrade || !view.nextTier) return null;
    return formatLabel(NEAR_UPGRADE, view.percent, view.nextTier.label);
  }

  get graceText(): string {
    const view = this.view;
    if (!view?.grace) return '';
    return formatLabel(view.grace.active ? GRACE_UNTIL : GRACE_ENDED, view.tier.label);
  }

  get gracePlanText(): string | null {
    const grace = this.view?.grace;
    if (!grace?.active) return null;
    return grace.planOnFile ? GRACE_PLAN_ON_FILE : GRACE_PLAN_MISSING;
  }

  get graceVariant(): string {
    return this.view?.grace?.active && !this.view.grace.planOnFile ? 'error' : 'warning';
  }

  get exceptionText(): string {
    const exception = this.view?.exception;
    return exception ? formatLabel(HELD_BY_EXCEPTION, exception.tier.label) : '';
  }

  /** At the top tier every criterion of the tier is shown (what keeps it); below it only those at risk. */
  get keepCriteria(): CriterionView[] {
    const view = this.view;
    if (!view) return [];
    return view.nextTier ? view.atRisk : view.currentCriteria;
  }

  get hasKeepCriteria(): boolean {
    return this.keepCriteria.length > 0;
  }

  get keepHeading(): string {
    return this.view ? formatLabel(KEEP_TIER, this.view.tier.label) : '';
  }

  get progressLabel(): string {
    return this.view?.nextTier ? formatLabel(PROGRESS_TO, this.view.nextTier.label) : '';
  }

  get metCountText(): string {
    const view = this.view;
    return view ? formatLabel(CRITERIA_MET_COUNT, view.nextMetCount, view.nextCriteria.length) : '';
  }

  get shownNextCriteria(): CriterionView[] {
    const criteria = this.view?.nextCriteria ?? [];
    return this.hideMetCriteria ? criteria.filter((criterion) => !criterion.met) : criteria;
  }

  get showBenefits(): boolean {
    return !this.hideBenefits && (this.view?.nextBenefits.length ?? 0) > 0;
  }

  get benefitsHeading(): string {
    return this.view?.nextTier ? formatLabel(NEXT_TIER_BENEFITS, this.view.nextTier.label) : '';
  }

  get isTopTier(): boolean {
    return Boolean(this.view && !this.view.nextTier);
  }

  get topTierText(): string {
    return this.view ? formatLabel(TOP_TIER, this.view.tier.label) : '';
  }
}
