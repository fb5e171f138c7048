/*
 * Stand-in for lightning/platformShowToastEvent: the same event the platform listens for; the preview
 * page shows it as an SLDS toast.
 */
export class ShowToastEvent extends CustomEvent {
  constructor(toast) {
    super('lightning__showtoast', { composed: true, bubbles: true, cancelable: true, detail: toast });
  }
}
