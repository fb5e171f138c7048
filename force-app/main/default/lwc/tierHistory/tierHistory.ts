import { LightningElement, api, wire } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import { refreshApex } from '@salesforce/apex';
import isGuest from '@salesforce/user/isGuest';
import getHistory from '@salesforce/apex/TierHistoryController.getHistory';
import fileAppeal from '@salesforce/apex/TierHistoryController.fileAppeal';
import { buildHistoryView, type HistoryData, type HistoryView } from 'c/tierHistoryModel';
import { errorMessages } from 'c/partnerProgramUtils';
import TITLE from '@salesforce/label/c.PP_History_Title';
import LOADING from '@salesforce/label/c.PP_Loading';
import LOAD_FAILED from '@salesforce/label/c.PP_Error_Load_Failed';
import NO_PROFILE_ON_ACCOUNT from '@salesforce/label/c.PP_Empty_No_Profile';
import GUEST from '@salesforce/label/c.PP_Guest_Sign_In';
import NO_EVALUATIONS from '@salesforce/label/c.PP_History_Empty';
import APPEAL_FILED from '@salesforce/label/c.PP_Appeal_Filed';

interface WiredResult {
  data?: unknown;
  error?: unknown;
}

/**
 * The tier history of a partner: past evaluations with outcome and the criteria as they were; for
 * the partner's own users an "Appeal" action on the latest evaluation that files a Tier_Appeal__c
 * with reason and evidence link; for partner managers the open appeals (on a home or app page, those
 * of every partner they can see). One Apex call per load; filing an appeal refreshes it.
 */
export default class TierHistory extends NavigationMixin(LightningElement) {
  @api recordId?: string;
  /** Design property: how many evaluations to list, newest first. */
  @api maxEvaluations = 4;

  labels = {
    title: TITLE,
    loading: LOADING,
    loadFailed: LOAD_FAILED,
    empty: NO_PROFILE_ON_ACCOUNT,
    guest: GUEST,
    noEvaluations: NO_EVALUATIONS
  };
  isGuest = isGuest;
  view: HistoryView | null = null;
  empty = false;
  error: unknown = null;
  loaded = false;
  appealingId: string | null = null;
  busy = false;
  formError: string | null = null;
  successMessage: string | null = null;
  private wiredResult?: WiredResult;

  get queryRecordId(): string | null | undefined {
    return isGuest ? undefined : (this.recordId ?? null);
  }

  @wire(getHistory, { recordId: '$queryRecordId' })
  wiredHistory(result: WiredResult) {
    this.wiredResult = result;
    this.error = result.error ?? null;
    this.loaded = result.data !== undefined || Boolean(result.error);
    this.empty = result.data === null;
    this.view = result.data ? buildHistoryView(result.data as HistoryData, Number(this.maxEvaluations) || 4) : null;
  }

  get loading(): boolean {
    return !this.isGuest && !this.loaded;
  }

  get errorText(): string | null {
    if (!this.error) return null;
    return errorMessages(this.error).join(' ') || LOAD_FAILED;
  }

  get evaluations() {
    return (this.view?.evaluations ?? []).map((evaluation) => ({
      ...evaluation,
      formOpen: evaluation.id === this.appealingId
    }));
  }

  get hasProfile(): boolean {
    return Boolean(this.view?.profileId);
  }

  get hasEvaluations(): boolean {
    return (this.view?.evaluations.length ?? 0) > 0;
  }

  get showNoEvaluations(): boolean {
    return this.hasProfile && !this.hasEvaluations;
  }

  get showOpenAppeals(): boolean {
    return Boolean(this.view?.canReview);
  }

  handleAppeal(event: CustomEvent<{ evaluationId: string }>) {
    this.appealingId = event.detail.evaluationId;
    this.formError = null;
    this.successMessage = null;
  }

  handleCancel() {
    const evaluationId = this.appealingId;
    this.appealingId = null;
    this.formError = null;
    // Back to the button that opened the form, once it is rendered again.
    void Promise.resolve().then(() => {
      const items = Array.from(this.template?.querySelectorAll('c-evaluation-item') ?? []) as (HTMLElement & {
        evaluation?: { id: string };
        focusAppealAction(): void;
      })[];
      items.find((item) => item.evaluation?.id === evaluationId)?.focusAppealAction();
    });
  }

  async handleSubmitAppeal(event: CustomEvent<{ reason: string; evidenceUrl: string | null }>) {
    const evaluationId = this.appealingId;
    if (!evaluationId || this.busy) return;
    this.busy = true;
    this.formError = null;
    try {
      await fileAppeal({ evaluationId, reason: event.detail.reason, evidenceUrl: event.detail.evidenceUrl });
      this.appealingId = null;
      this.successMessage = APPEAL_FILED;
      // The form is gone: the keyboard focus goes to the confirmation.
      void Promise.resolve().then(() => (this.template?.querySelector('.success') as HTMLElement | null)?.focus());
      if (this.wiredResult) await refreshApex(this.wiredResult);
    } catch (error) {
      this.formError = errorMessages(error).join(' ') || LOAD_FAILED;
    } finally {
      this.busy = false;
    }
  }

  handleOpenRecord(event: CustomEvent<{ recordId: string }>) {
    this[NavigationMixin.Navigate]({
      type: 'standard__recordPage',
      attributes: { recordId: event.detail.recordId, objectApiName: 'Tier_Appeal__c', actionName: 'view' }
    });
  }
}
