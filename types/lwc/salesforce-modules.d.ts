/*
 * Types of the platform modules the partner program's components import, for `tsc` only (the
 * platform resolves them at run time; jest and the preview give stand-ins). No top-level import, so
 * that every `declare module` below is an ambient declaration.
 *
 * Apex methods: what `@salesforce/apex/<Class>.<method>` gives a component — a function that calls
 * the method (a Promise) and, for `@wire`, carries the wire adapter, which provisions
 * `{ data, error }`. Results are typed `unknown` here; the components read them through the
 * contract types of their model modules
 * (c/tierProgressModel, c/partnerChecklistModel, c/tierHistoryModel).
 */

declare module '@salesforce/apex/TierProgressController.getTierProgress' {
  import type { WireAdapterConstructor } from 'lwc';
  type Params = { recordId?: string | null };
  const getTierProgress: ((params: Params) => Promise<unknown>) & {
    adapter: WireAdapterConstructor<Params, { data?: unknown; error?: unknown }>;
  };
  export default getTierProgress;
}

declare module '@salesforce/apex/PartnerChecklistController.getChecklist' {
  import type { WireAdapterConstructor } from 'lwc';
  type Params = { recordId?: string | null };
  const getChecklist: ((params: Params) => Promise<unknown>) & {
    adapter: WireAdapterConstructor<Params, { data?: unknown; error?: unknown }>;
  };
  export default getChecklist;
}

declare module '@salesforce/apex/TierHistoryController.getHistory' {
  import type { WireAdapterConstructor } from 'lwc';
  type Params = { recordId?: string | null };
  const getHistory: ((params: Params) => Promise<unknown>) & {
    adapter: WireAdapterConstructor<Params, { data?: unknown; error?: unknown }>;
  };
  export default getHistory;
}

declare module '@salesforce/apex/TierHistoryController.fileAppeal' {
  /** Files a Tier_Appeal__c against the evaluation; resolves to the new appeal's Id. Not cacheable. */
  const fileAppeal: (params: { evaluationId: string; reason: string; evidenceUrl: string | null }) => Promise<string>;
  export default fileAppeal;
}

declare module '@salesforce/apex' {
  /** Re-fetches the value a `@wire` of a cacheable Apex method provisioned. */
  export function refreshApex(wiredValue: unknown): Promise<void>;
}

/** Custom labels: the label's text in the running user's language. */
declare module '@salesforce/label/c.*' {
  const label: string;
  export default label;
}

/** Object and field references, checked by the platform at deploy time. */
declare module '@salesforce/schema/*' {
  const reference: { objectApiName: string; fieldApiName?: string };
  export default reference;
}

declare module 'lightning/navigation' {
  import type { LightningElement } from 'lwc';

  export interface PageReference {
    type: string;
    attributes?: Record<string, unknown>;
    state?: Record<string, unknown>;
  }

  const Navigate: unique symbol;
  const GenerateUrl: unique symbol;

  export interface NavigationApi {
    [Navigate](pageReference: PageReference, replace?: boolean): void;
    [GenerateUrl](pageReference: PageReference): Promise<string>;
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type ElementConstructor = abstract new (...args: any[]) => LightningElement;

  export const NavigationMixin: {
    <Base extends ElementConstructor>(base: Base): Base & (abstract new (...args: any[]) => NavigationApi);
    readonly Navigate: typeof Navigate;
    readonly GenerateUrl: typeof GenerateUrl;
  };
}
