import { LightningElement, api } from 'lwc';

/**
 * One labelled progress bar: the label (unless hidden) and the percent as text, the bar (its accessible
 * name is the label, its value the percent) and an optional caption below. Presentational.
 */
export default class TierProgressBar extends LightningElement {
  @api label = '';
  /** Whole percent, 0..100. */
  @api percent = 0;
  @api caption: string | null = null;
  /** Show the label to assistive technology only (when a heading above says the same). */
  @api labelHidden = false;

  get percentText(): string {
    return `${this.percent} %`;
  }
}
