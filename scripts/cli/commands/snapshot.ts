import { ORG_EXIT_CODES_HELP } from '../../lib/org/exit-codes.ts';
import { snapshotFromOrg } from '../../lib/org/snapshot-org.ts';
import { requireOption, type Command } from '../command.ts';

export const snapshotCommand: Command = {
  name: 'snapshot',
  summary: 'Export a snapshot of a live org (Bulk API 2.0) for offline evaluation and audit.',
  help: `Usage: partner-program snapshot --target-org <alias|username> --out <dir>

Reads everything the evaluation needs from the org, with one Bulk API 2.0 query job per object
(results streamed to disk page by page) and the program's custom metadata through SOQL, and
writes a snapshot folder (docs/snapshot-format.md): one CSV per object and manifest.json with the
org id, export time, corporate currency, and each file's row count and SHA-256. Nothing in the org
is changed. The login comes from the Salesforce CLI (npx sf org login web --alias <alias>).

Options:
  --target-org <org>  alias or username of an org you logged in to with the Salesforce CLI
  --out <dir>         a new folder for the snapshot
  -h, --help          show this help

Examples:
  partner-program snapshot --target-org prod --out snapshots/2026-10-05
  partner-program evaluate --snapshot snapshots/2026-10-05

${ORG_EXIT_CODES_HELP}
`,
  options: {
    'target-org': { type: 'string' },
    out: { type: 'string' },
    help: { type: 'boolean', short: 'h' }
  },
  allowPositionals: false,
  async run(values, _positionals, io) {
    const target = requireOption(
      values['target-org'],
      '--target-org',
      'snapshot',
      '--target-org prod --out snapshots/q3'
    );
    const out = requireOption(values.out, '--out', 'snapshot', `--target-org ${target} --out snapshots/q3`);
    return snapshotFromOrg(target, out, io);
  }
};
