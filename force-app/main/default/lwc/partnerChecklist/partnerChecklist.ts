import { LightningElement, api, wire } from 'lwc';
import { NavigationMixin, type PageReference } from 'lightning/navigation';
import isGuest from '@salesforce/user/isGuest';
import communityId from '@salesforce/community/Id';
import getChecklist from '@salesforce/apex/PartnerChecklistController.getChecklist';
import { buildChecklistView, type ChecklistData, type ChecklistView, type ItemTarget } from 'c/partnerChecklistModel';
import { errorMessages, formatLabel, todayIso } from 'c/partnerProgramUtils';
import { checklistSections } from './checklistSections';
import TITLE from '@salesforce/label/c.PP_Checklist_Title';
import LOADING from '@salesforce/label/c.PP_Loading';
import LOAD_FAILED from '@salesforce/label/c.PP_Error_Load_Failed';
import NO_PROFILE_ON_ACCOUNT from '@salesforce/label/c.PP_Empty_No_Profile';
import GUEST from '@salesforce/label/c.PP_Guest_Sign_In';
import COMPLETENESS from '@salesforce/label/c.PP_Checklist_Completeness';
import ITEMS_DONE from '@salesforce/label/c.PP_Checklist_Items_Done';
import REVIEW_OVERDUE from '@salesforce/label/c.PP_Review_Overdue';
import REVIEW_NEVER from '@salesforce/label/c.PP_Review_Never';
import ACTIVATION_CO_MARKETING from '@salesforce/label/c.PP_Activation_Co_Marketing';
import ACTIVATION_ICP_DEALS from '@salesforce/label/c.PP_Activation_ICP_Deals';
import ACTIVATION_DELIVERY from '@salesforce/label/c.PP_Activation_Delivery';
import ACTIVATION_PROFILE_CONFIRMED from '@salesforce/label/c.PP_Activation_Profile_Confirmed';
import ACTIVATION_GAPS from '@salesforce/label/c.PP_Activation_Gaps';

interface WiredResult {
  data?: unknown;
  error?: unknown;
}

/** The related lists of Partner_Profile__c an item's action opens. */
const RELATED_LISTS: Record<Exclude<ItemTarget, 'profile'>, string> = {
  evidence: 'Evidence__r',
  certifications: 'Certifications__r',
  plays: 'Plays__r'
};

/**
 * The partner profile checklist: completeness by the five sections of DESIGN.md §2 (each open item
 * leads to the field to fill or the evidence to add), the 90-day activation checklist with its due
 * date, and a warning when the profile review is overdue. On a record page it shows that partner;
 * on the partner site, without a record, the signed-in partner's own profile. One Apex call per load.
 */
export default class PartnerChecklist extends NavigationMixin(LightningElement) {
  @api recordId?: string;
  /** Design property: hide the 90-day activation checklist (e.g. for long-standing partners). */
  @api hideActivation = false;

  labels = { title: TITLE, loading: LOADING, loadFailed: LOAD_FAILED, empty: NO_PROFILE_ON_ACCOUNT, guest: GUEST };
  isGuest = isGuest;
  view: ChecklistView | null = null;
  empty = false;
  error: unknown = null;
  loaded = false;

  get queryRecordId(): string | null | undefined {
    return isGuest ? undefined : (this.recordId ?? null);
  }

  @wire(getChecklist, { recordId: '$queryRecordId' })
  wiredChecklist(result: WiredResult) {
    this.error = result.error ?? null;
    this.loaded = result.data !== undefined || Boolean(result.error);
    this.empty = result.data === null;
    const data = result.data as ChecklistData | null | undefined;
    this.view = data
      ? buildChecklistView(
          data,
          checklistSections(),
          {
            coMarketingAsset: ACTIVATION_CO_MARKETING,
            icpDeals: formatLabel(ACTIVATION_ICP_DEALS, data.activation?.icpRegisteredDeals ?? 0),
            deliveryWithCsat: ACTIVATION_DELIVERY,
            profileConfirmed: ACTIVATION_PROFILE_CONFIRMED,
            nextTierGaps: ACTIVATION_GAPS
          },
          todayIso()
        )
      : null;
  }

  get loading(): boolean {
    return !this.isGuest && !this.loaded;
  }

  get errorText(): string | null {
    if (!this.error) return null;
    return errorMessages(this.error).join(' ') || LOAD_FAILED;
  }

  get completenessLabel(): string {
    return COMPLETENESS;
  }

  get itemsDoneText(): string {
    return this.view ? formatLabel(ITEMS_DONE, this.view.done, this.view.total) : '';
  }

  get reviewText(): string {
    return this.view?.review.lastReviewedOn ? REVIEW_OVERDUE : REVIEW_NEVER;
  }

  get showActivation(): boolean {
    return !this.hideActivation && this.view !== null;
  }

  /** An item's action: fill in a field on the profile, or open the related list to add to. */
  handleNavigate(event: CustomEvent<{ target: ItemTarget }>) {
    const profileId = this.view?.profileId;
    if (!profileId) return;
    const target = event.detail.target;
    let pageReference: PageReference;
    if (target === 'profile') {
      // Experience Cloud sites open records for viewing only; edit from there.
      pageReference = {
        type: 'standard__recordPage',
        attributes: {
          recordId: profileId,
          objectApiName: 'Partner_Profile__c',
          actionName: communityId ? 'view' : 'edit'
        }
      };
    } else {
      pageReference = {
        type: 'standard__recordRelationshipPage',
        attributes: {
          recordId: profileId,
          objectApiName: 'Partner_Profile__c',
          relationshipApiName: RELATED_LISTS[target],
          actionName: 'view'
        }
      };
    }
    this[NavigationMixin.Navigate](pageReference);
  }
}
