/*
 * Jest stand-in for lightning/navigation that records the last navigation, so tests can assert
 * where a component sends the user: `require('lightning/navigation').getNavigateCalledWith()`.
 */
import { createTestWireAdapter } from '@salesforce/wire-service-jest-util';

export const CurrentPageReference = createTestWireAdapter(jest.fn());

const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');
let lastNavigation;

export const NavigationMixin = (Base) =>
  class extends Base {
    [Navigate](pageReference, replace) {
      lastNavigation = { pageReference, replace };
    }

    [GenerateUrl](pageReference) {
      return Promise.resolve(`https://example.com/${pageReference.type}`);
    }
  };
NavigationMixin.Navigate = Navigate;
NavigationMixin.GenerateUrl = GenerateUrl;

/** The last `[NavigationMixin.Navigate](pageReference, replace)` call, or undefined. */
export function getNavigateCalledWith() {
  return lastNavigation;
}

/** Forgets the last navigation (call it in afterEach). */
export function resetNavigation() {
  lastNavigation = undefined;
}
