import { LightningElement, api, wire } from 'lwc';
import isGuest from '@salesforce/user/isGuest';
import getBudgetSummary from '@salesforce/apex/MdfBudgetSummaryController.getBudgetSummary';
import {
  buildBudgetSummaryView,
  isEmptySummary,
  type AmountKey,
  type BudgetSummaryData,
  type BudgetSummaryView
} from 'c/mdfBudgetSummaryModel';
import { errorMessages, formatLabel } from 'c/partnerProgramUtils';
import TITLE from '@salesforce/label/c.PP_Mdf_Summary_Title';
import LOADING from '@salesforce/label/c.PP_Loading';
import LOAD_FAILED from '@salesforce/label/c.PP_Error_Load_Failed';
import GUEST from '@salesforce/label/c.PP_Guest_Sign_In';
import QUARTER from '@salesforce/label/c.PP_Mdf_Summary_Quarter';
import BUDGETED from '@salesforce/label/c.PP_Mdf_Summary_Budgeted';
import COMMITTED from '@salesforce/label/c.PP_Mdf_Summary_Committed';
import PENDING from '@salesforce/label/c.PP_Mdf_Summary_Pending';
import CLAIMED from '@salesforce/label/c.PP_Mdf_Summary_Claimed';
import PAID from '@salesforce/label/c.PP_Mdf_Summary_Paid';
import AVAILABLE from '@salesforce/label/c.PP_Mdf_Summary_Available';
import REQUESTS from '@salesforce/label/c.PP_Mdf_Summary_Requests';
import SHARE from '@salesforce/label/c.PP_Mdf_Summary_Share';
import OVER_COMMITTED from '@salesforce/label/c.PP_Mdf_Summary_Over_Committed';
import OVER_REQUESTED from '@salesforce/label/c.PP_Mdf_Summary_Over_Requested';
import NO_CAP from '@salesforce/label/c.PP_Mdf_Summary_No_Cap';
import EMPTY from '@salesforce/label/c.PP_Mdf_Summary_Empty';

const AMOUNT_LABELS: Record<AmountKey, string> = {
  budgeted: BUDGETED,
  committed: COMMITTED,
  pending: PENDING,
  claimed: CLAIMED,
  paid: PAID,
  available: AVAILABLE
};

interface WiredResult {
  data?: unknown;
  error?: unknown;
}

/**
 * MDF utilisation of a budget, a partner or a region: budgeted, committed, pending, claimed, paid and
 * available, with a bar per amount for its share of the budget, an over-committed warning and an
 * empty state. On an MDF Budget record page it shows that budget; on an Account or Partner Profile
 * record page that partner's quarter; on an app, home or partner site page the region and fiscal
 * quarter set in the page builder (blank: the current quarter; on the partner site, the signed-in
 * partner). One cacheable Apex call (MdfBudgetSummaryController.getBudgetSummary).
 */
export default class MdfBudgetSummary extends LightningElement {
  @api recordId?: string;
  /** Design property: a region, for an app or home page (blank = every region the user can see). */
  @api region?: string;
  /** Design property: a fiscal quarter `YYYY-Qn` (blank = the current one). */
  @api fiscalQuarter?: string;

  labels = {
    title: TITLE,
    loading: LOADING,
    loadFailed: LOAD_FAILED,
    guest: GUEST,
    quarter: QUARTER,
    overCommitted: OVER_COMMITTED,
    overRequested: OVER_REQUESTED,
    noCap: NO_CAP,
    empty: EMPTY
  };
  isGuest = isGuest;
  view: BudgetSummaryView | null = null;
  empty = false;
  error: unknown = null;
  loaded = false;

  get queryRecordId(): string | null | undefined {
    return isGuest ? undefined : this.recordId || null;
  }

  get queryRegion(): string | null {
    return this.region?.trim() || null;
  }

  get queryFiscalQuarter(): string | null {
    return this.fiscalQuarter?.trim() || null;
  }

  @wire(getBudgetSummary, {
    recordId: '$queryRecordId',
    region: '$queryRegion',
    fiscalQuarter: '$queryFiscalQuarter'
  })
  wiredSummary(result: WiredResult) {
    this.error = result.error ?? null;
    this.loaded = result.data !== undefined || Boolean(result.error);
    const data = (result.data ?? null) as BudgetSummaryData | null;
    this.empty = result.data !== undefined && isEmptySummary(data);
    this.view = data && !this.empty ? buildBudgetSummaryView(data) : null;
  }

  get loading(): boolean {
    return !this.isGuest && !this.loaded;
  }

  get errorText(): string | null {
    if (!this.error) return null;
    return errorMessages(this.error).join(' ') || LOAD_FAILED;
  }

  get cardTitle(): string {
    return this.view?.title ? `${TITLE}: ${this.view.title}` : TITLE;
  }

  get figures() {
    return (this.view?.amounts ?? []).map((amount) => ({
      ...amount,
      label: AMOUNT_LABELS[amount.key],
      className: `figure slds-col slds-size_1-of-2 slds-medium-size_1-of-3 slds-p-bottom_x-small${
        amount.negative ? ' slds-text-color_error' : ''
      }`
    }));
  }

  get bars() {
    return (this.view?.bars ?? []).map((amount) => ({
      ...amount,
      label: AMOUNT_LABELS[amount.key],
      caption: formatLabel(SHARE, amount.percent ?? 0)
    }));
  }

  get requestCountText(): string {
    return formatLabel(REQUESTS, this.view?.requestCount ?? 0);
  }

  get showNoCap(): boolean {
    return Boolean(this.view && !this.view.hasBudget);
  }
}
