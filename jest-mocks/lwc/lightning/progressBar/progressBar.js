/*
 * Jest stand-in for lightning-progress-bar that renders what the real base component renders for
 * assistive technology (lightning-base-components: role="progressbar", aria-valuemin/-max/-now and
 * the aria-label given to the component), so accessibility tests check the bar's name and value.
 * sfdx-lwc-jest's own stub renders nothing and lacks the ariaLabel property.
 */
import { LightningElement, api } from 'lwc';

export default class ProgressBar extends LightningElement {
  @api value = 0;
  @api variant;
  @api size;
  @api ariaLabel;

  get percentValue() {
    const value = Number(this.value);
    if (!value || value <= 0) return 0;
    return value >= 100 ? 100 : Math.round(value);
  }
}
