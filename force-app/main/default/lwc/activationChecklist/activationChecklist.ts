import { LightningElement, api } from 'lwc';
import type { ActivationView } from 'c/partnerChecklistModel';
import { floorPercent, formatLabel } from 'c/partnerProgramUtils';
import TITLE from '@salesforce/label/c.PP_Activation_Title';
import PROGRESS from '@salesforce/label/c.PP_Activation_Progress';
import DUE from '@salesforce/label/c.PP_Activation_Due';
import OVERDUE from '@salesforce/label/c.PP_Activation_Overdue';
import COMPLETE from '@salesforce/label/c.PP_Activation_Complete';
import NOT_SCHEDULED from '@salesforce/label/c.PP_Activation_Not_Scheduled';

/**
 * The 90-day activation checklist (DESIGN.md §2): the five steps, how many are done and the due date,
 * with a warning once it is overdue. Open steps with a place to act on them ask the container to
 * navigate (event `navigate`). Presentational.
 */
export default class ActivationChecklist extends LightningElement {
  @api activation?: ActivationView;

  labels = { title: TITLE, due: DUE, overdue: OVERDUE, complete: COMPLETE, notScheduled: NOT_SCHEDULED };

  get percent(): number {
    const activation = this.activation;
    return activation && activation.total > 0 ? floorPercent(activation.done / activation.total) : 0;
  }

  get progressText(): string {
    return this.activation ? formatLabel(PROGRESS, this.activation.done, this.activation.total) : '';
  }

  get isComplete(): boolean {
    return this.activation?.status === 'complete';
  }

  get isOverdue(): boolean {
    return this.activation?.status === 'overdue';
  }

  get isOpen(): boolean {
    return this.activation?.status === 'open';
  }

  get isUnscheduled(): boolean {
    return this.activation?.status === 'unscheduled';
  }

  handleNavigate(event: CustomEvent) {
    event.stopPropagation();
    this.dispatchEvent(new CustomEvent('navigate', { detail: event.detail }));
  }
}
