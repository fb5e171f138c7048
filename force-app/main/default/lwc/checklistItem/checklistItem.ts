import { LightningElement, api } from 'lwc';
import { formatLabel } from 'c/partnerProgramUtils';
import DONE from '@salesforce/label/c.PP_Item_Done';
import OPEN from '@salesforce/label/c.PP_Item_Open';
import FILL_IN from '@salesforce/label/c.PP_Action_Fill_In';
import ADD_EVIDENCE from '@salesforce/label/c.PP_Action_Add_Evidence';
import OPEN_LIST from '@salesforce/label/c.PP_Action_Open_List';

export interface ChecklistItem {
  key: string;
  label: string;
  done: boolean;
  /** Where the item's action leads (profile, evidence, certifications, plays); null: no action. */
  target: string | null;
}

/**
 * One checklist line: done or open (icon with text for assistive technology) and its label. An open
 * item with a target is a button that asks the container to navigate there (event `navigate`,
 * detail `{ target }`). Presentational.
 */
export default class ChecklistItemLine extends LightningElement {
  @api item?: ChecklistItem;

  get iconName(): string {
    return this.item?.done ? 'utility:success' : 'utility:routing_offline';
  }

  get iconVariant(): string | undefined {
    return this.item?.done ? 'success' : undefined;
  }

  get statusText(): string {
    return this.item?.done ? DONE : OPEN;
  }

  get doneFlag(): string {
    return this.item?.done ? 'true' : 'false';
  }

  get actionable(): boolean {
    return Boolean(this.item && !this.item.done && this.item.target);
  }

  get actionTitle(): string {
    const item = this.item;
    if (!item) return '';
    const template = item.target === 'profile' ? FILL_IN : item.target === 'evidence' ? ADD_EVIDENCE : OPEN_LIST;
    return formatLabel(template, item.label);
  }

  handleClick() {
    if (!this.item?.target) return;
    this.dispatchEvent(new CustomEvent('navigate', { detail: { target: this.item.target } }));
  }
}
