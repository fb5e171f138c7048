import { LightningElement, api } from 'lwc';

type Variant = 'info' | 'success' | 'warning' | 'error';

const ICONS: Record<Variant, string> = {
  info: 'utility:info',
  success: 'utility:success',
  warning: 'utility:warning',
  error: 'utility:error'
};

/**
 * A banner (SLDS scoped notification) with a message, an optional date after it (shown in the
 * user's locale) and an optional second line. Presentational: the container supplies the texts.
 */
export default class TierNotice extends LightningElement {
  @api variant: Variant = 'info';
  @api message = '';
  /** `YYYY-MM-DD`, shown after the message. */
  @api date: string | null = null;
  @api detail: string | null = null;

  get noticeClass(): string {
    const theme = this.variant === 'info' ? 'slds-scoped-notification_light' : `slds-theme_${this.variant}`;
    return `slds-scoped-notification slds-media slds-media_center slds-m-bottom_x-small ${theme}`;
  }

  get iconName(): string {
    return ICONS[this.variant] ?? ICONS.info;
  }

  get iconVariant(): string | undefined {
    return this.variant === 'info' ? undefined : 'inverse';
  }
}
