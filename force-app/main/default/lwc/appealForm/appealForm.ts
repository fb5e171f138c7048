import { LightningElement, api } from 'lwc';
import { formatLabel } from 'c/partnerProgramUtils';
import TITLE from '@salesforce/label/c.PP_Appeal_Form_Title';
import REASON from '@salesforce/label/c.PP_Appeal_Reason_Label';
import REASON_HELP from '@salesforce/label/c.PP_Appeal_Reason_Help';
import REASON_REQUIRED from '@salesforce/label/c.PP_Appeal_Reason_Required';
import EVIDENCE from '@salesforce/label/c.PP_Appeal_Evidence_Label';
import EVIDENCE_INVALID from '@salesforce/label/c.PP_Appeal_Evidence_Url_Invalid';
import SUBMIT from '@salesforce/label/c.PP_Appeal_Submit';
import SUBMITTING from '@salesforce/label/c.PP_Appeal_Submitting';
import CANCEL from '@salesforce/label/c.PP_Cancel';

/** The lengths of Tier_Appeal__c.Reason__c and Evidence_URL__c (TierHistoryController checks them too). */
const MAX_REASON_LENGTH = 5000;
const MAX_URL_LENGTH = 255;
const WEB_ADDRESS = /^https?:\/\/\S+$/i;

interface ValidatedInput extends HTMLElement {
  setCustomValidity(message: string): void;
  reportValidity(): boolean;
}

/**
 * The appeal form: why the decision is wrong (required) and a link to evidence (optional, a web
 * address). Checks what the server checks, then asks the container to file the appeal (event
 * `submitappeal`, detail `{ reason, evidenceUrl }`); Cancel or Escape closes it (event `cancel`).
 * Focus moves to the reason when the form opens. Presentational: the container calls Apex.
 */
export default class AppealForm extends LightningElement {
  /** The evaluated quarter, for the heading. */
  @api quarter = '';
  /** The appeal is being filed: the buttons wait. */
  @api busy = false;
  /** The server's refusal, shown above the buttons. */
  @api errorMessage: string | null = null;

  labels = {
    reason: REASON,
    reasonHelp: REASON_HELP,
    reasonRequired: REASON_REQUIRED,
    evidence: EVIDENCE,
    evidenceInvalid: EVIDENCE_INVALID,
    submit: SUBMIT,
    submitting: SUBMITTING,
    cancel: CANCEL
  };
  maxReasonLength = MAX_REASON_LENGTH;
  maxUrlLength = MAX_URL_LENGTH;
  reason = '';
  evidenceUrl = '';
  private focused = false;

  get title(): string {
    return formatLabel(TITLE, this.quarter);
  }

  renderedCallback() {
    if (this.focused) return;
    const reason = this.template?.querySelector('lightning-textarea') as HTMLElement | null;
    if (reason) {
      reason.focus();
      this.focused = true;
    }
  }

  handleReasonChange(event: CustomEvent<{ value: string }>) {
    this.reason = event.detail.value ?? '';
  }

  handleEvidenceChange(event: CustomEvent<{ value: string }>) {
    this.evidenceUrl = event.detail.value ?? '';
  }

  handleKeydown(event: KeyboardEvent) {
    if (event.key === 'Escape') this.handleCancel();
  }

  handleSubmit() {
    if (this.busy) return;
    const reason = this.reason.trim();
    const url = this.evidenceUrl.trim();
    const reasonProblem = reason ? '' : REASON_REQUIRED;
    const urlProblem = url && (url.length > MAX_URL_LENGTH || !WEB_ADDRESS.test(url)) ? EVIDENCE_INVALID : '';
    this.report('lightning-textarea', reasonProblem);
    this.report('lightning-input', urlProblem);
    if (reasonProblem || urlProblem) return;
    this.dispatchEvent(new CustomEvent('submitappeal', { detail: { reason, evidenceUrl: url || null } }));
  }

  handleCancel() {
    this.dispatchEvent(new CustomEvent('cancel'));
  }

  private report(selector: string, message: string) {
    const input = this.template?.querySelector(selector) as ValidatedInput | null;
    input?.setCustomValidity(message);
    input?.reportValidity();
  }
}
