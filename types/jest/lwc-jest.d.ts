/*
 * Types for the component tests: the Apex wire adapter of @salesforce/sfdx-lwc-jest (which ships no
 * types). No top-level import, so that this is an ambient module declaration.
 */
declare module '@salesforce/sfdx-lwc-jest' {
  interface TestWireAdapter {
    emit(value: unknown): void;
    error(body?: unknown, status?: number, statusText?: string): void;
    getLastConfig(): Record<string, unknown> | undefined;
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type AnyFunction = (...args: any[]) => any;
  export function createApexTestWireAdapter(fn: AnyFunction): AnyFunction & TestWireAdapter & { adapter: unknown };
}
