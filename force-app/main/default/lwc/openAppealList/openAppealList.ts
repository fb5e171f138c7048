import { LightningElement, api } from 'lwc';
import type { OpenAppealView } from 'c/tierHistoryModel';
import { formatLabel } from 'c/partnerProgramUtils';
import TITLE from '@salesforce/label/c.PP_Open_Appeals_Title';
import EMPTY from '@salesforce/label/c.PP_Open_Appeals_Empty';
import HEADING from '@salesforce/label/c.PP_Open_Appeal_Heading';
import FILED_ON from '@salesforce/label/c.PP_Open_Appeal_Filed_On';
import EVIDENCE_OF from '@salesforce/label/c.PP_Open_Appeal_Evidence';
import OPEN_TITLE from '@salesforce/label/c.PP_Open_Appeal_Open';
import STATUS_SUBMITTED from '@salesforce/label/c.PP_Appeal_Status_Submitted';
import STATUS_UNDER_REVIEW from '@salesforce/label/c.PP_Appeal_Status_Under_Review';

const STATUSES: Record<string, string> = { Submitted: STATUS_SUBMITTED, 'Under Review': STATUS_UNDER_REVIEW };

/**
 * The open appeals a partner manager answers: partner and quarter (a button that asks the container
 * to open the appeal, event `openrecord`), status, filing date, reason and evidence link. Presentational.
 */
export default class OpenAppealList extends LightningElement {
  @api appeals: OpenAppealView[] = [];

  labels = { title: TITLE, empty: EMPTY, filedOn: FILED_ON };

  get hasAppeals(): boolean {
    return (this.appeals ?? []).length > 0;
  }

  get items() {
    return (this.appeals ?? []).map((appeal) => ({
      ...appeal,
      heading: formatLabel(HEADING, appeal.accountName ?? '', appeal.quarter ?? ''),
      openTitle: formatLabel(OPEN_TITLE, appeal.accountName ?? ''),
      statusText: STATUSES[appeal.status] ?? appeal.status,
      evidenceText: formatLabel(EVIDENCE_OF, appeal.accountName ?? '')
    }));
  }

  handleOpen(event: Event) {
    const recordId = (event.currentTarget as HTMLElement).dataset.id;
    if (recordId) this.dispatchEvent(new CustomEvent('openrecord', { detail: { recordId } }));
  }
}
