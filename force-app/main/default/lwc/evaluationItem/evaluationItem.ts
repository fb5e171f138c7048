import { LightningElement, api } from 'lwc';
import type { EvaluationView } from 'c/tierHistoryModel';
import { formatLabel } from 'c/partnerProgramUtils';
import MET from '@salesforce/label/c.PP_Criterion_Met';
import NOT_MET from '@salesforce/label/c.PP_Criterion_Not_Met';
import NO_DATA from '@salesforce/label/c.PP_No_Data';
import MISSING from '@salesforce/label/c.PP_Missing';
import TIERS from '@salesforce/label/c.PP_History_Tiers';
import PROGRESS from '@salesforce/label/c.PP_History_Progress';
import CRITERIA from '@salesforce/label/c.PP_History_Criteria';
import GROUP from '@salesforce/label/c.PP_History_Criteria_Tier';
import APPEAL_ACTION from '@salesforce/label/c.PP_Appeal_Action';
import APPEAL_REASON from '@salesforce/label/c.PP_Appeal_Your_Reason';
import APPEAL_RESPONSE from '@salesforce/label/c.PP_Appeal_Response';
import OUTCOME_PROMOTED from '@salesforce/label/c.PP_Outcome_Promoted';
import OUTCOME_RETAINED from '@salesforce/label/c.PP_Outcome_Retained';
import OUTCOME_RECOVERED from '@salesforce/label/c.PP_Outcome_Recovered';
import OUTCOME_GRACE from '@salesforce/label/c.PP_Outcome_Grace';
import OUTCOME_DEMOTED from '@salesforce/label/c.PP_Outcome_Demoted';
import OUTCOME_HELD from '@salesforce/label/c.PP_Outcome_Held_By_Exception';
import STATUS_SUBMITTED from '@salesforce/label/c.PP_Appeal_Status_Submitted';
import STATUS_UNDER_REVIEW from '@salesforce/label/c.PP_Appeal_Status_Under_Review';
import STATUS_UPHELD from '@salesforce/label/c.PP_Appeal_Status_Upheld';
import STATUS_DENIED from '@salesforce/label/c.PP_Appeal_Status_Denied';

const OUTCOMES: Record<string, string> = {
  Promoted: OUTCOME_PROMOTED,
  Retained: OUTCOME_RETAINED,
  Recovered: OUTCOME_RECOVERED,
  Grace: OUTCOME_GRACE,
  Demoted: OUTCOME_DEMOTED,
  'Held by Exception': OUTCOME_HELD
};

const APPEAL_STATUSES: Record<string, string> = {
  Submitted: STATUS_SUBMITTED,
  'Under Review': STATUS_UNDER_REVIEW,
  Upheld: STATUS_UPHELD,
  Denied: STATUS_DENIED
};

const BADGE_THEMES: Record<EvaluationView['tone'], string> = {
  success: 'slds-theme_success',
  warning: 'slds-theme_warning',
  error: 'slds-theme_error',
  neutral: ''
};

/**
 * One past evaluation: quarter, outcome, tier before and after, progress, the summary and the
 * criteria as they were evaluated, and its appeal. When it may be appealed, an "Appeal" button asks
 * the container to open the appeal form (event `appeal`). Presentational; the summary and gaps are
 * the engine's (English).
 */
export default class EvaluationItem extends LightningElement {
  @api evaluation?: EvaluationView;
  /** The appeal form is open below this evaluation: the button is hidden meanwhile. */
  @api formOpen = false;

  labels = { criteria: CRITERIA, appeal: APPEAL_ACTION };

  get outcomeLabel(): string {
    const outcome = this.evaluation?.outcome ?? '';
    return OUTCOMES[outcome] ?? outcome;
  }

  get badgeClass(): string {
    return `outcome ${BADGE_THEMES[this.evaluation?.tone ?? 'neutral']}`.trim();
  }

  get tiersText(): string {
    const evaluation = this.evaluation;
    return evaluation ? formatLabel(TIERS, evaluation.previousTier, evaluation.resultingTier) : '';
  }

  get progressText(): string | null {
    const percent = this.evaluation?.progressPercent;
    return percent === null || percent === undefined ? null : formatLabel(PROGRESS, percent);
  }

  get hasCriteria(): boolean {
    return (this.evaluation?.groups.length ?? 0) > 0;
  }

  get groups() {
    return (this.evaluation?.groups ?? []).map((group) => ({
      ...group,
      heading: formatLabel(GROUP, group.tier, group.met, group.total),
      criteria: group.criteria.map((criterion) => ({
        ...criterion,
        metFlag: criterion.met ? 'true' : 'false',
        iconName: criterion.met ? 'utility:success' : 'utility:warning',
        iconVariant: criterion.met ? 'success' : 'warning',
        statusText: criterion.met ? MET : NOT_MET,
        shownValue: criterion.valueText ?? NO_DATA,
        gapText: criterion.gap && criterion.valueText !== null ? formatLabel(MISSING, criterion.gap) : null
      }))
    }));
  }

  get appealStatusText(): string {
    const status = this.evaluation?.appeal?.status ?? '';
    return APPEAL_STATUSES[status] ?? status;
  }

  get appealReasonText(): string {
    return formatLabel(APPEAL_REASON, this.evaluation?.appeal?.reason ?? '');
  }

  get appealResponseText(): string | null {
    const response = this.evaluation?.appeal?.response;
    return response ? formatLabel(APPEAL_RESPONSE, response) : null;
  }

  get showAppealAction(): boolean {
    return Boolean(this.evaluation?.appealable) && !this.formOpen;
  }

  /** Moves the keyboard focus to the "Appeal" button (when the form closes without filing). */
  @api
  focusAppealAction() {
    (this.template?.querySelector('lightning-button.appeal-action') as HTMLElement | null)?.focus();
  }

  handleAppeal() {
    this.dispatchEvent(new CustomEvent('appeal', { detail: { evaluationId: this.evaluation?.id } }));
  }
}
