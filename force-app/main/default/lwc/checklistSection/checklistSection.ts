import { LightningElement, api } from 'lwc';
import type { SectionView } from 'c/partnerChecklistModel';
import { formatLabel } from 'c/partnerProgramUtils';
import SECTION_COUNT from '@salesforce/label/c.PP_Checklist_Section_Count';

/**
 * One profile section of the checklist: its title, how many items are done, and the items. An item's
 * action is passed on to the container (event `navigate`). Presentational.
 */
export default class ChecklistSection extends LightningElement {
  @api section?: SectionView;

  get countText(): string {
    return this.section ? formatLabel(SECTION_COUNT, this.section.done, this.section.total) : '';
  }

  get completeFlag(): string {
    return this.section?.complete ? 'true' : 'false';
  }

  handleNavigate(event: CustomEvent) {
    event.stopPropagation();
    this.dispatchEvent(new CustomEvent('navigate', { detail: event.detail }));
  }
}
