/**
 * How an org failure that is not the user's input reaches the terminal: the request or Bulk job,
 * Salesforce's error, and what to do. Never a header or token (the errors carry none).
 */
import { OrgApiError, OrgJobError } from './errors.ts';
import { TransientError } from './retry.ts';

const RESUME =
  'Nothing is lost: resume with partner-program apply <run dir> (it re-attaches to running Bulk jobs and skips rows already written); a dry run can simply be repeated.';

export function orgFailureMessage(error: unknown): string | null {
  if (error instanceof OrgJobError) return `Error: ${error.message}\nFix: ${RESUME}\n`;
  if (error instanceof TransientError) {
    return `Error: Salesforce did not answer: ${error.message}\nFix: try again in a few minutes. ${RESUME}\n`;
  }
  if (error instanceof OrgApiError) {
    return `Error: Salesforce refused a request: ${error.message}\nFix: check the message above; ${RESUME}\n`;
  }
  return null;
}
