import { LightningElement, api } from 'lwc';
import type { CriterionView } from 'c/tierProgressModel';
import { formatLabel } from 'c/partnerProgramUtils';
import MET from '@salesforce/label/c.PP_Criterion_Met';
import NOT_MET from '@salesforce/label/c.PP_Criterion_Not_Met';
import NO_DATA from '@salesforce/label/c.PP_No_Data';
import REQUIRED_AT_LEAST from '@salesforce/label/c.PP_Required_At_Least';
import REQUIRED_AT_MOST from '@salesforce/label/c.PP_Required_At_Most';
import JUST_BELOW from '@salesforce/label/c.PP_Just_Below';
import JUST_ABOVE from '@salesforce/label/c.PP_Just_Above';
import MISSING from '@salesforce/label/c.PP_Missing';
import CRITERION_PROGRESS from '@salesforce/label/c.PP_Criterion_Progress';

/**
 * One criterion: met or not (icon with text for assistive technology), the label, the value against
 * the requirement, a progress bar and what is missing. Presentational: renders a CriterionView of
 * c/tierProgressModel. The gap text is the engine's (English).
 */
export default class CriterionRow extends LightningElement {
  @api criterion?: CriterionView;

  get iconName(): string {
    return this.criterion?.met ? 'utility:success' : 'utility:warning';
  }

  get iconVariant(): string {
    return this.criterion?.met ? 'success' : 'warning';
  }

  get statusText(): string {
    return this.criterion?.met ? MET : NOT_MET;
  }

  get valueText(): string {
    const criterion = this.criterion;
    if (!criterion || criterion.valueText === null) return NO_DATA;
    if (criterion.justMissed)
      return formatLabel(criterion.operator === '>=' ? JUST_BELOW : JUST_ABOVE, criterion.valueText);
    return criterion.valueText;
  }

  get requiredText(): string {
    const criterion = this.criterion;
    if (!criterion) return '';
    return formatLabel(criterion.operator === '>=' ? REQUIRED_AT_LEAST : REQUIRED_AT_MOST, criterion.thresholdText);
  }

  get gapText(): string | null {
    const criterion = this.criterion;
    if (!criterion || criterion.met || !criterion.hasData || !criterion.gap) return null;
    return formatLabel(MISSING, criterion.gap);
  }

  get barLabel(): string {
    return formatLabel(CRITERION_PROGRESS, this.criterion?.label ?? '', this.criterion?.percent ?? 0);
  }

  get metFlag(): string {
    return this.criterion?.met ? 'true' : 'false';
  }
}
