import { applyInOrg } from '../../lib/org/apply-org.ts';
import { ORG_EXIT_CODES_HELP } from '../../lib/org/exit-codes.ts';
import { UserError } from '../../lib/errors.ts';
import type { Command } from '../command.ts';

export const applyCommand: Command = {
  name: 'apply',
  summary: 'Write a reviewed run’s decisions to its org, resume an interrupted run, or retry failed rows.',
  help: `Usage: partner-program apply <run dir> [--retry-failed] [--yes] [--no-notify] [--target-org <alias|username>]

Writes the write-back plan of a run folder (made by evaluate --target-org) to the org it was taken
from, through Bulk API 2.0: Tier_Evaluation__c upserted on Evaluation_Key__c, then
Partner_Profile__c updated by Id. Only rows that change something are sent, so applying a quarter
again changes nothing. Asks for confirmation (on a terminal; --yes to skip), holds the quarter's
run lock (Evaluation_Run__c) while it writes, and notifies partner managers of tier changes, grace
periods and near upgrades. A run that was interrupted (killed, network lost, a Bulk job still
running) is resumed: its Bulk jobs are re-attached by id and rows already written are not sent
again. Rows Salesforce rejects are listed with their error in <run dir>/failures.csv.

Options:
  --retry-failed      send only the rows in failures.csv (after fixing their cause)
  --yes               do not ask for confirmation (required when not on a terminal)
  --no-notify         send no notifications to partner managers
  --target-org <org>  another alias or username for the same org (default: the one in run.json)
  -h, --help          show this help

Examples:
  partner-program apply runs/00D5g000004fK2qEAE-2026-Q3-20261005T060000Z
  partner-program apply runs/00D5g000004fK2qEAE-2026-Q3-20261005T060000Z --retry-failed --yes

${ORG_EXIT_CODES_HELP}
`,
  options: {
    'retry-failed': { type: 'boolean' },
    yes: { type: 'boolean' },
    'no-notify': { type: 'boolean' },
    'target-org': { type: 'string' },
    help: { type: 'boolean', short: 'h' }
  },
  allowPositionals: true,
  async run(values, positionals, io) {
    if (positionals.length !== 1) {
      throw new UserError(positionals.length === 0 ? 'Name the run folder to apply.' : 'apply takes one run folder.', {
        hint: 'For example: partner-program apply runs/00D5g000004fK2qEAE-2026-Q3-20261005T060000Z'
      });
    }
    return applyInOrg(
      {
        runDir: positionals[0],
        retryFailed: values['retry-failed'] === true,
        yes: values.yes === true,
        notify: values['no-notify'] !== true,
        target: typeof values['target-org'] === 'string' ? values['target-org'] : undefined
      },
      io
    );
  }
};
