/** Exit codes of the org-mode commands (the offline ones are in cli/command.ts). */
export const ORG_EXIT_CODES_HELP = `Exit codes:
  0  done: a dry run, or every change written (or nothing left to write)
  2  bad input or something to fix first, nothing was written: a flag, the login ("log in again"),
     the org's daily limits, missing fields or permissions, another run holding the lock
  1  rows Salesforce rejected (failures.csv), a Bulk job that failed or is still running (named by
     its id), Salesforce unavailable after retries, or an internal error`;
