import { LightningElement, api } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { RefreshEvent } from 'lightning/refresh';
import isGuest from '@salesforce/user/isGuest';
import getClaimContext from '@salesforce/apex/MdfClaimController.getClaimContext';
import saveClaimDraft from '@salesforce/apex/MdfClaimController.saveClaimDraft';
import submitClaim from '@salesforce/apex/MdfClaimController.submitClaim';
import {
  buildClaimFormView,
  canSubmitClaim,
  CLAIM_FIELDS,
  firstClaimProblem,
  initialClaimValues,
  toDraftParams,
  validateClaim,
  type ClaimContextData,
  type ClaimField,
  type ClaimFormView,
  type ClaimProblem,
  type ClaimValues
} from 'c/mdfClaimFormModel';
import { errorMessages, formatLabel } from 'c/partnerProgramUtils';
import TITLE from '@salesforce/label/c.PP_Mdf_Claim_Title';
import LOADING from '@salesforce/label/c.PP_Loading';
import LOAD_FAILED from '@salesforce/label/c.PP_Error_Load_Failed';
import GUEST from '@salesforce/label/c.PP_Guest_Sign_In';
import NO_RECORD from '@salesforce/label/c.PP_Mdf_Claim_No_Record';
import REQUEST from '@salesforce/label/c.PP_Mdf_Claim_Request';
import REQUEST_STATUS from '@salesforce/label/c.PP_Mdf_Claim_Request_Status';
import APPROVED from '@salesforce/label/c.PP_Mdf_Claim_Approved';
import CLAIMED from '@salesforce/label/c.PP_Mdf_Claim_Claimed';
import CLAIMABLE from '@salesforce/label/c.PP_Mdf_Claim_Claimable';
import AMOUNT from '@salesforce/label/c.PP_Mdf_Claim_Amount';
import RESULTS from '@salesforce/label/c.PP_Mdf_Claim_Results';
import RESULTS_HELP from '@salesforce/label/c.PP_Mdf_Claim_Results_Help';
import PIPELINE from '@salesforce/label/c.PP_Mdf_Claim_Pipeline';
import OVER_CLAIMABLE from '@salesforce/label/c.PP_Mdf_Claim_Over_Claimable';
import PROOF from '@salesforce/label/c.PP_Mdf_Claim_Proof';
import PROOF_UPLOAD from '@salesforce/label/c.PP_Mdf_Claim_Proof_Upload';
import PROOF_COUNT from '@salesforce/label/c.PP_Mdf_Claim_Proof_Count';
import SAVE_FIRST from '@salesforce/label/c.PP_Mdf_Claim_Save_First';
import PROOF_REQUIRED from '@salesforce/label/c.PP_Mdf_Claim_Proof_Required';
import SAVE_DRAFT from '@salesforce/label/c.PP_Mdf_Claim_Save_Draft';
import SUBMIT from '@salesforce/label/c.PP_Mdf_Claim_Submit';
import SAVING from '@salesforce/label/c.PP_Mdf_Claim_Saving';
import SAVE_FAILED from '@salesforce/label/c.PP_Mdf_Claim_Save_Failed';
import DRAFT_SAVED from '@salesforce/label/c.PP_Mdf_Claim_Draft_Saved';
import PROOF_UPLOADED from '@salesforce/label/c.PP_Mdf_Claim_Proof_Uploaded';
import SUBMITTED from '@salesforce/label/c.PP_Mdf_Claim_Submitted';
import NOT_CLAIMABLE from '@salesforce/label/c.PP_Mdf_Claim_Not_Claimable';
import CLAIM_STATUS from '@salesforce/label/c.PP_Mdf_Claim_Status';
import REQUIRED from '@salesforce/label/c.PP_Mdf_Form_Required';
import NOT_NUMBER from '@salesforce/label/c.PP_Mdf_Form_Not_Number';
import NOT_POSITIVE from '@salesforce/label/c.PP_Mdf_Form_Not_Positive';
import NEGATIVE from '@salesforce/label/c.PP_Mdf_Form_Negative';
import FIX_FIELDS from '@salesforce/label/c.PP_Mdf_Form_Fix_Fields';

const PROBLEM_TEXT: Record<ClaimProblem, string> = {
  REQUIRED,
  NOT_NUMBER,
  NOT_POSITIVE,
  NEGATIVE,
  OVER_CLAIMABLE
};
const FIELD_LABELS: Record<ClaimField, string> = { amount: AMOUNT, results: RESULTS, actualPipeline: PIPELINE };

/** Proof of performance: documents, images, presentations and spreadsheets. */
const PROOF_FORMATS = ['.pdf', '.png', '.jpg', '.jpeg', '.gif', '.docx', '.pptx', '.xlsx', '.csv', '.txt'];

interface ValidatedInput extends HTMLElement {
  setCustomValidity(message: string): void;
  reportValidity(): boolean;
}

/**
 * The MDF claim of a request (MDF Request record page, partner site). When the request can be
 * claimed: amount (at most what is still claimable), actual results and pipeline; Save draft creates
 * the claim, which the proof of performance files are then uploaded to (lightning-file-upload needs
 * a saved record); Submit stays disabled, with the reason next to it, until at least one proof file is
 * attached. A submitted or decided claim is shown read-only with its status; a request that cannot
 * be claimed shows why. On a claim record page (recordId = claim) the same, for that claim.
 */
export default class MdfClaimForm extends LightningElement {
  @api recordId?: string;

  labels = {
    title: TITLE,
    loading: LOADING,
    loadFailed: LOAD_FAILED,
    guest: GUEST,
    noRecord: NO_RECORD,
    request: REQUEST,
    requestStatus: REQUEST_STATUS,
    approved: APPROVED,
    claimed: CLAIMED,
    claimable: CLAIMABLE,
    amount: AMOUNT,
    results: RESULTS,
    resultsHelp: RESULTS_HELP,
    pipeline: PIPELINE,
    proof: PROOF,
    proofUpload: PROOF_UPLOAD,
    saveFirst: SAVE_FIRST,
    proofRequired: PROOF_REQUIRED,
    saveDraft: SAVE_DRAFT,
    submit: SUBMIT,
    saving: SAVING,
    saveFailed: SAVE_FAILED,
    notClaimable: NOT_CLAIMABLE,
    claimStatus: CLAIM_STATUS,
    required: REQUIRED
  };
  proofFormats = PROOF_FORMATS;
  isGuest = isGuest;
  data: ClaimContextData | null = null;
  view: ClaimFormView | null = null;
  loadError: unknown = null;
  loaded = false;
  values: ClaimValues = { amount: '', results: '', actualPipeline: '' };
  problems: Partial<Record<ClaimField, ClaimProblem>> = {};
  claimId: string | null = null;
  proofCount = 0;
  busy = false;
  serverError: string | null = null;

  connectedCallback() {
    if (!this.isGuest && this.recordId) void this.load();
  }

  async load() {
    try {
      const data = (await getClaimContext({ recordId: this.recordId! })) as ClaimContextData;
      this.data = data;
      this.view = data ? buildClaimFormView(data) : null;
      this.loadError = data ? null : LOAD_FAILED;
      if (data) {
        this.values = initialClaimValues(data);
        this.claimId = data.claimId ?? null;
        this.proofCount = data.proofCount ?? 0;
      }
    } catch (error) {
      this.loadError = error;
    } finally {
      this.loaded = true;
    }
  }

  get noRecord(): boolean {
    return !this.isGuest && !this.recordId;
  }

  get loading(): boolean {
    return !this.isGuest && Boolean(this.recordId) && !this.loaded;
  }

  get loadErrorText(): string | null {
    if (!this.loadError) return null;
    return errorMessages(this.loadError).join(' ') || LOAD_FAILED;
  }

  get isEdit(): boolean {
    return this.view?.mode === 'edit';
  }

  get isReadOnly(): boolean {
    return this.view?.mode === 'readOnly';
  }

  get isNotClaimable(): boolean {
    return this.view?.mode === 'notClaimable';
  }

  get hasClaim(): boolean {
    return Boolean(this.claimId);
  }

  get proofCountText(): string {
    return formatLabel(PROOF_COUNT, this.proofCount);
  }

  get canSubmit(): boolean {
    return canSubmitClaim(this.claimId, this.proofCount);
  }

  get submitDisabled(): boolean {
    return this.busy || !this.canSubmit;
  }

  /** Why Submit is disabled: no saved claim yet, or no proof file. */
  get submitBlockedReason(): string | null {
    if (this.canSubmit) return null;
    return this.claimId ? PROOF_REQUIRED : SAVE_FIRST;
  }

  get problemList(): { key: string; text: string }[] {
    return CLAIM_FIELDS.filter((field) => this.problems[field]).map((field) => ({
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
    const field = (event.target as HTMLElement).dataset.field as ClaimField | undefined;
    if (!field) return;
    this.values = { ...this.values, [field]: event.detail.value ?? '' };
    if (this.problems[field]) {
      const { [field]: _fixed, ...rest } = this.problems;
      this.problems = rest;
      this.report(field, '');
    }
  }

  async handleSaveDraft() {
    if (await this.saveDraft()) {
      this.dispatchEvent(new ShowToastEvent({ title: DRAFT_SAVED, variant: 'success' }));
    }
  }

  handleUploadFinished(event: CustomEvent<{ files: { name: string; documentId: string }[] }>) {
    const files = event.detail.files ?? [];
    this.proofCount += files.length;
    this.dispatchEvent(new ShowToastEvent({ title: formatLabel(PROOF_UPLOADED, files.length), variant: 'success' }));
  }

  /** Saves the values (the user may have changed them after the draft), then submits. */
  async handleSubmit() {
    if (!this.canSubmit || this.busy) return;
    if (!(await this.saveDraft())) return;
    this.busy = true;
    try {
      await submitClaim({ claimId: this.claimId! });
      this.dispatchEvent(new ShowToastEvent({ title: SUBMITTED, variant: 'success' }));
      this.dispatchEvent(new RefreshEvent());
      this.loaded = false;
      await this.load();
    } catch (error) {
      this.showServerError(error);
    } finally {
      this.busy = false;
    }
  }

  private async saveDraft(): Promise<boolean> {
    if (this.busy || !this.view?.requestId) return false;
    this.serverError = null;
    this.problems = validateClaim(this.values, this.view.claimable);
    for (const field of CLAIM_FIELDS) {
      const problem = this.problems[field];
      this.report(field, problem ? PROBLEM_TEXT[problem] : '');
    }
    const first = firstClaimProblem(this.problems);
    if (first) {
      this.input(first)?.focus();
      return false;
    }
    this.busy = true;
    try {
      this.claimId = await saveClaimDraft(toDraftParams(this.values, this.view.requestId, this.claimId));
      return true;
    } catch (error) {
      this.showServerError(error);
      return false;
    } finally {
      this.busy = false;
    }
  }

  private showServerError(error: unknown) {
    this.serverError = errorMessages(error).join(' ') || SAVE_FAILED;
    void Promise.resolve().then(() => (this.template?.querySelector('.server-error') as HTMLElement | null)?.focus());
  }

  private input(field: ClaimField): ValidatedInput | null {
    return this.template?.querySelector(`[data-field="${field}"]`) as ValidatedInput | null;
  }

  private report(field: ClaimField, message: string) {
    const input = this.input(field);
    input?.setCustomValidity(message);
    input?.reportValidity();
  }
}
