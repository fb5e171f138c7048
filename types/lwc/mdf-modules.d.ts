/*
 * Types of the modules the MDF components import, for `tsc` only (see salesforce-modules.d.ts). No
 * top-level import, so that every `declare module` below is an ambient declaration. Results are
 * typed `unknown`; the components read them through the contract types of their model modules
 * (c/mdfRequestFormModel, c/mdfBudgetSummaryModel, c/mdfClaimFormModel).
 */

declare module '@salesforce/apex/MdfRequestController.getRequestContext' {
  /** The partner's tier allowance, budgets and activity types; recordId null on the partner site. Not cacheable. */
  const getRequestContext: (params: { recordId: string | null }) => Promise<unknown>;
  export default getRequestContext;
}

declare module '@salesforce/apex/MdfRequestController.saveRequest' {
  /** Saves an MDF_Request__c as Draft, or submits it (submit = true); resolves to its Id. */
  const saveRequest: (params: { input: Record<string, unknown>; submit: boolean }) => Promise<string>;
  export default saveRequest;
}

declare module '@salesforce/apex/MdfBudgetSummaryController.getBudgetSummary' {
  import type { WireAdapterConstructor } from 'lwc';
  type Params = { recordId?: string | null; region?: string | null; fiscalQuarter?: string | null };
  const getBudgetSummary: ((params: Params) => Promise<unknown>) & {
    adapter: WireAdapterConstructor<Params, { data?: unknown; error?: unknown }>;
  };
  export default getBudgetSummary;
}

declare module '@salesforce/apex/MdfClaimController.getClaimContext' {
  /** recordId: an MDF_Request__c or MDF_Claim__c Id. Not cacheable. */
  const getClaimContext: (params: { recordId: string }) => Promise<unknown>;
  export default getClaimContext;
}

declare module '@salesforce/apex/MdfClaimController.saveClaimDraft' {
  /** Creates or updates the Draft MDF_Claim__c of a request; resolves to its Id. */
  const saveClaimDraft: (params: {
    requestId: string;
    claimId: string | null;
    amount: number;
    results: string;
    actualPipeline: number;
  }) => Promise<string>;
  export default saveClaimDraft;
}

declare module '@salesforce/apex/MdfClaimController.submitClaim' {
  const submitClaim: (params: { claimId: string }) => Promise<void>;
  export default submitClaim;
}

declare module 'lightning/platformShowToastEvent' {
  export class ShowToastEvent extends CustomEvent<{ title: string; message?: string; variant?: string }> {
    constructor(toast: {
      title: string;
      message?: string;
      variant?: 'info' | 'success' | 'warning' | 'error';
      mode?: string;
    });
  }
}

declare module 'lightning/refresh' {
  /** Asks the containing page (record page, Experience Cloud page) to refresh its views. */
  export class RefreshEvent extends CustomEvent<unknown> {
    constructor();
  }
}
