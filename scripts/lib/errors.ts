/**
 * A mistake in what the user gave us (a flag, a file, a value): reported as a plain message with
 * where it is and how to fix it, never with a stack trace, and the CLI exits with code 2.
 */
export class UserError extends Error {
  readonly hint: string | undefined;
  readonly details: string[];

  constructor(message: string, options: { hint?: string; details?: string[] } = {}) {
    super(message);
    this.name = 'UserError';
    this.hint = options.hint;
    this.details = options.details ?? [];
  }
}

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_BAD_INPUT = 2;

/** `Opportunity.csv, row 57 (line 58), column Amount` — rows count data rows from 1. */
export function csvLocation(file: string, row?: number, line?: number, column?: string): string {
  let where = file;
  if (row !== undefined) where += `, row ${row}${line !== undefined ? ` (line ${line})` : ''}`;
  if (column !== undefined) where += `, column ${column}`;
  return where;
}
