import { LightningElement, api } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { RefreshEvent } from 'lightning/refresh';
import isGuest from '@salesforce/user/isGuest';
import getRequestContext from '@salesforce/apex/MdfRequestController.getRequestContext';
import saveRequest from '@salesforce/apex/MdfRequestController.saveRequest';
import {
  buildRequestFormView,
  chosenBudget,
  EMPTY_VALUES,
  firstProblemField,
  REQUEST_FIELDS,
  toRequestInput,
  validateRequest,
  type RequestContextData,
  type RequestField,
  type RequestFormView,
  type RequestProblem,
  type RequestValues
} from 'c/mdfRequestFormModel';
import { errorMessages, formatLabel } from 'c/partnerProgramUtils';
import TITLE from '@salesforce/label/c.PP_Mdf_Form_Title';
import LOADING from '@salesforce/label/c.PP_Loading';
import LOAD_FAILED from '@salesforce/label/c.PP_Error_Load_Failed';
import GUEST from '@salesforce/label/c.PP_Guest_Sign_In';
import PARTNER from '@salesforce/label/c.PP_Mdf_Form_Partner';
import TIER from '@salesforce/label/c.PP_Mdf_Form_Tier';
import ALLOWANCE from '@salesforce/label/c.PP_Mdf_Form_Allowance';
import CAP from '@salesforce/label/c.PP_Mdf_Form_Cap';
import USED from '@salesforce/label/c.PP_Mdf_Form_Used';
import REMAINING from '@salesforce/label/c.PP_Mdf_Form_Remaining';
import NO_CAP from '@salesforce/label/c.PP_Mdf_Form_No_Cap';
import EXHAUSTED from '@salesforce/label/c.PP_Mdf_Form_Exhausted';
import NOT_ELIGIBLE from '@salesforce/label/c.PP_Mdf_Form_Not_Eligible';
import ELIGIBLE_TIERS from '@salesforce/label/c.PP_Mdf_Form_Eligible_Tiers';
import GOAL from '@salesforce/label/c.PP_Mdf_Form_Goal';
import GOAL_HELP from '@salesforce/label/c.PP_Mdf_Form_Goal_Help';
import TARGET_AUDIENCE from '@salesforce/label/c.PP_Mdf_Form_Target_Audience';
import ACTIVITY_TYPE from '@salesforce/label/c.PP_Mdf_Form_Activity_Type';
import ACTIVITY_PLACEHOLDER from '@salesforce/label/c.PP_Mdf_Form_Activity_Placeholder';
import START_DATE from '@salesforce/label/c.PP_Mdf_Form_Start_Date';
import END_DATE from '@salesforce/label/c.PP_Mdf_Form_End_Date';
import EXPECTED_PIPELINE from '@salesforce/label/c.PP_Mdf_Form_Expected_Pipeline';
import AMOUNT from '@salesforce/label/c.PP_Mdf_Form_Amount';
import BUDGET from '@salesforce/label/c.PP_Mdf_Form_Budget';
import BUDGET_PLACEHOLDER from '@salesforce/label/c.PP_Mdf_Form_Budget_Placeholder';
import BUDGET_AVAILABLE from '@salesforce/label/c.PP_Mdf_Form_Budget_Available';
import REQUIRED from '@salesforce/label/c.PP_Mdf_Form_Required';
import END_BEFORE_START from '@salesforce/label/c.PP_Mdf_Form_End_Before_Start';
import NOT_NUMBER from '@salesforce/label/c.PP_Mdf_Form_Not_Number';
import NEGATIVE from '@salesforce/label/c.PP_Mdf_Form_Negative';
import NOT_POSITIVE from '@salesforce/label/c.PP_Mdf_Form_Not_Positive';
import OVER_CAP from '@salesforce/label/c.PP_Mdf_Form_Over_Cap';
import OVER_BUDGET from '@salesforce/label/c.PP_Mdf_Form_Over_Budget';
import NOT_ELIGIBLE_AMOUNT from '@salesforce/label/c.PP_Mdf_Form_Not_Eligible_Amount';
import FIX_FIELDS from '@salesforce/label/c.PP_Mdf_Form_Fix_Fields';
import SAVE_DRAFT from '@salesforce/label/c.PP_Mdf_Form_Save_Draft';
import SUBMIT from '@salesforce/label/c.PP_Mdf_Form_Submit';
import SAVING from '@salesforce/label/c.PP_Mdf_Form_Saving';
import SAVE_FAILED from '@salesforce/label/c.PP_Mdf_Form_Save_Failed';
import DRAFT_SAVED from '@salesforce/label/c.PP_Mdf_Form_Draft_Saved';
import SUBMITTED from '@salesforce/label/c.PP_Mdf_Form_Submitted';

const PROBLEM_TEXT: Record<RequestProblem, string> = {
  REQUIRED,
  END_BEFORE_START,
  NOT_NUMBER,
  NEGATIVE,
  NOT_POSITIVE,
  OVER_CAP,
  OVER_BUDGET,
  NOT_ELIGIBLE: NOT_ELIGIBLE_AMOUNT
};

const FIELD_LABELS: Record<RequestField, string> = {
  goal: GOAL,
  targetAudience: TARGET_AUDIENCE,
  activityType: ACTIVITY_TYPE,
  startDate: START_DATE,
  endDate: END_DATE,
  expectedPipeline: EXPECTED_PIPELINE,
  requestedAmount: AMOUNT,
  budgetId: BUDGET
};

interface ValidatedInput extends HTMLElement {
  setCustomValidity(message: string): void;
  reportValidity(): boolean;
}

/**
 * The MDF request form. On an Account or Partner Profile record page it requests for that partner
 * (as its partner manager); on the partner site, without a record, for the signed-in partner. Shows
 * what the partner's tier makes available this quarter (cap, used, remaining) or, when the tier gets
 * no MDF, the reason and which tiers do, without a form. Checks the request before the server does
 * (c/mdfRequestFormModel, with the shared MDF rules); each problem is reported on its field and
 * listed above the buttons, and the first field with a problem gets the focus. Save as draft or
 * Submit; the server's refusal is shown in an alert; on success a toast, a page refresh and the new
 * request's record page.
 */
export default class MdfRequestForm extends NavigationMixin(LightningElement) {
  @api recordId?: string;

  labels = {
    title: TITLE,
    loading: LOADING,
    loadFailed: LOAD_FAILED,
    guest: GUEST,
    partner: PARTNER,
    tier: TIER,
    cap: CAP,
    used: USED,
    remaining: REMAINING,
    noCap: NO_CAP,
    exhausted: EXHAUSTED,
    notEligible: NOT_ELIGIBLE,
    goal: GOAL,
    goalHelp: GOAL_HELP,
    targetAudience: TARGET_AUDIENCE,
    activityType: ACTIVITY_TYPE,
    activityPlaceholder: ACTIVITY_PLACEHOLDER,
    startDate: START_DATE,
    endDate: END_DATE,
    expectedPipeline: EXPECTED_PIPELINE,
    amount: AMOUNT,
    budget: BUDGET,
    budgetPlaceholder: BUDGET_PLACEHOLDER,
    budgetAvailable: BUDGET_AVAILABLE,
    required: REQUIRED,
    saveDraft: SAVE_DRAFT,
    submit: SUBMIT,
    saving: SAVING,
    saveFailed: SAVE_FAILED
  };
  isGuest = isGuest;
  data: RequestContextData | null = null;
  view: RequestFormView | null = null;
  loadError: unknown = null;
  loaded = false;
  values: RequestValues = { ...EMPTY_VALUES };
  problems: Partial<Record<RequestField, RequestProblem>> = {};
  busy = false;
  serverError: string | null = null;

  connectedCallback() {
    if (!this.isGuest) void this.load();
  }

  async load() {
    try {
      const data = (await getRequestContext({ recordId: this.recordId || null })) as RequestContextData;
      this.data = data;
      this.view = data ? buildRequestFormView(data) : null;
      this.loadError = data ? null : LOAD_FAILED;
    } catch (error) {
      this.loadError = error;
    } finally {
      this.loaded = true;
    }
  }

  get loading(): boolean {
    return !this.isGuest && !this.loaded;
  }

  get loadErrorText(): string | null {
    if (!this.loadError) return null;
    return errorMessages(this.loadError).join(' ') || LOAD_FAILED;
  }

  get showPartner(): boolean {
    return Boolean(this.recordId && this.view?.accountName);
  }

  get allowanceHeading(): string {
    return formatLabel(ALLOWANCE, this.view?.fiscalQuarter ?? '');
  }

  /** Which tiers get MDF, when the server's refusal does not already say so. */
  get eligibleTiersText(): string | null {
    if (this.view?.refusalMessage) return null;
    const tiers = this.view?.eligibleTiersText;
    return tiers ? formatLabel(ELIGIBLE_TIERS, tiers) : null;
  }

  get showForm(): boolean {
    return Boolean(this.view?.eligible);
  }

  get hasBudgets(): boolean {
    return (this.view?.budgetOptions.length ?? 0) > 0;
  }

  get budgetOptions() {
    return [{ value: '', label: BUDGET_PLACEHOLDER }, ...(this.view?.budgetOptions ?? [])];
  }

  get selectedBudgetAvailable(): number | null {
    if (!this.data || !this.values.budgetId) return null;
    return chosenBudget(this.data, this.values.budgetId)?.available ?? null;
  }

  get hasSelectedBudgetAvailable(): boolean {
    return this.selectedBudgetAvailable !== null;
  }

  /** Each problem with its field's name, for the summary above the buttons. */
  get problemList(): { key: string; text: string }[] {
    return REQUEST_FIELDS.filter((field) => this.problems[field]).map((field) => ({
      key: field,
      text: `${FIELD_LABELS[field]}: ${PROBLEM_TEXT[this.problems[field]!]}`
    }));
  }

  get hasProblems(): boolean {
    return this.problemList.length > 0;
  }

  get problemHeading(): string {
    return formatLabel(FIX_FIELDS, this.problemList.length);
  }

  handleChange(event: CustomEvent<{ value: string }>) {
    const field = (event.target as HTMLElement).dataset.field as RequestField | undefined;
    if (!field) return;
    this.values = { ...this.values, [field]: event.detail.value ?? '' };
    // A field the user corrects loses its message at once; the rest wait for the next Save or Submit.
    if (this.problems[field]) {
      const { [field]: _fixed, ...rest } = this.problems;
      this.problems = rest;
      this.report(field, '');
    }
  }

  handleSaveDraft() {
    void this.save(false);
  }

  handleSubmit() {
    void this.save(true);
  }

  private async save(submit: boolean) {
    if (this.busy || !this.data) return;
    this.serverError = null;
    this.problems = validateRequest(this.values, this.data, submit);
    for (const field of REQUEST_FIELDS) {
      const problem = this.problems[field];
      this.report(field, problem ? PROBLEM_TEXT[problem] : '');
    }
    const first = firstProblemField(this.problems);
    if (first) {
      this.input(first)?.focus();
      return;
    }
    this.busy = true;
    try {
      const requestId = await saveRequest({ input: { ...toRequestInput(this.values, this.recordId || null) }, submit });
      this.dispatchEvent(
        new ShowToastEvent({
          title: submit ? SUBMITTED : DRAFT_SAVED,
          message: this.values.goal.trim(),
          variant: 'success'
        })
      );
      this.dispatchEvent(new RefreshEvent());
      this.values = { ...EMPTY_VALUES };
      this[NavigationMixin.Navigate]({
        type: 'standard__recordPage',
        attributes: { recordId: requestId, objectApiName: 'MDF_Request__c', actionName: 'view' }
      });
    } catch (error) {
      this.serverError = errorMessages(error).join(' ') || SAVE_FAILED;
      void Promise.resolve().then(() => (this.template?.querySelector('.server-error') as HTMLElement | null)?.focus());
    } finally {
      this.busy = false;
    }
  }

  private input(field: RequestField): ValidatedInput | null {
    return this.template?.querySelector(`[data-field="${field}"]`) as ValidatedInput | null;
  }

  private report(field: RequestField, message: string) {
    const input = this.input(field);
    input?.setCustomValidity(message);
    input?.reportValidity();
  }
}
