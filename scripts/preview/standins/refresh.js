/* Stand-in for lightning/refresh: the preview page has no container that refreshes views. */
export class RefreshEvent extends CustomEvent {
  constructor() {
    super('lightning__refreshevent', { composed: true, bubbles: true, cancelable: true });
  }
}
export function registerRefreshHandler() {}
export function unregisterRefreshHandler() {}
