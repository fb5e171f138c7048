/*
 * Stand-in for lightning/navigation (the npm base components delegate it to the platform's
 * force/navigation, which only exists in an org). Navigating dispatches `preview__navigate` with the
 * page reference; the preview page shows where the component would go.
 */
const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

export function pageReferenceUrl(pageReference) {
  const { type, attributes = {}, state = {} } = pageReference || {};
  const parts = [
    type,
    attributes.objectApiName,
    attributes.recordId,
    attributes.relationshipApiName,
    attributes.actionName
  ];
  const query = new URLSearchParams(state).toString();
  return `#${parts.filter(Boolean).join('/')}${query ? `?${query}` : ''}`;
}

export function NavigationMixin(Base) {
  return class extends Base {
    [Navigate](pageReference, replace) {
      this.dispatchEvent(
        new CustomEvent('preview__navigate', {
          bubbles: true,
          composed: true,
          detail: { pageReference, replace: !!replace }
        })
      );
    }
    [GenerateUrl](pageReference) {
      return Promise.resolve(pageReferenceUrl(pageReference));
    }
  };
}
NavigationMixin.Navigate = Navigate;
NavigationMixin.GenerateUrl = GenerateUrl;

/** The current page: a record page of the partner profile, or the partner site's home. */
export class CurrentPageReference {
  constructor(callback) {
    this.callback = callback;
  }
  connect() {
    const preview = globalThis.__PREVIEW__ || {};
    this.callback(
      Object.freeze({
        type: preview.viewer === 'partner' ? 'comm__namedPage' : 'standard__recordPage',
        attributes: Object.freeze(
          preview.viewer === 'partner'
            ? { name: 'Home' }
            : { recordId: preview.profileId, objectApiName: 'Partner_Profile__c', actionName: 'view' }
        ),
        state: Object.freeze({})
      })
    );
  }
  update() {}
  disconnect() {}
}
