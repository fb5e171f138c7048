import path from 'node:path';
import { rm } from 'node:fs/promises';
import { isIsoDate } from '../../../force-app/main/default/lwc/tierEngine/tierEngine.ts';
import { UserError } from '../../lib/errors.ts';
import { loadMdf } from '../../lib/mdf/load-mdf.ts';
import { readMdfFromOrg } from '../../lib/mdf/mdf-org.ts';
import { MDF_SECTIONS, mdfCsv, mdfJson, mdfOutputFiles, mdfTable, type MdfSection } from '../../lib/mdf/mdf-output.ts';
import { buildMdfReport } from '../../lib/mdf/mdf-report.ts';
import type { OrgCliIo } from '../../lib/org/org-cli.ts';
import { writeOutputsAtomically } from '../../lib/write-outputs.ts';
import { EXIT_CODES_HELP, FORMAT_VALUES, pickFormat, type Command } from '../command.ts';

export const DEFAULT_WAITING_DAYS = 14;

const SECTION_HELP = MDF_SECTIONS.join('|');

export const mdfCommand: Command = {
  name: 'mdf',
  summary: 'Market development funds: budget utilisation, requests and claims waiting too long, ROI.',
  help: `Usage: partner-program mdf --snapshot <dir> [--quarter YYYY-Qn] [--waiting-days N] [--as-of YYYY-MM-DD] [--format table|json|csv] [--section <s>] [--out <dir>]
       partner-program mdf --target-org <alias|username> [--run-dir <dir>] [same options]

Reports on market development funds (MDF) from a snapshot's MDF files (MDF_Budget__c.csv,
MDF_Request__c.csv, MDF_Claim__c.csv, Campaign.csv; docs/snapshot-format.md) or straight from an org:
  1. budget utilisation per fiscal quarter, region and eligible tier: budgeted, committed (approved
     amounts of approved and completed requests), pending (submitted requests), claimed, paid,
     available and committed %;
  2. requests waiting for a decision (Submitted, counted from Submitted On), claims waiting for
     approval (Submitted, counted from the claim's Submitted On) and claims waiting for payment
     (Approved, counted from Approved On) longer than --waiting-days, oldest first;
  3. ROI per partner and per activity type: MDF paid, pipeline and won revenue of the campaigns
     linked to the requests, per unit paid ("no ROI yet" where nothing was paid).
Amounts are in the corporate currency. Nothing is written to any org.

Options:
  --snapshot <dir>      snapshot folder with the MDF files, e.g. data/sample
  --quarter YYYY-Qn     only budgets of this fiscal quarter (Fiscal_Quarter__c) and the requests and
                        claims drawing on them; default: every quarter in the data
  --waiting-days <N>    list requests and claims waiting more than N days (default ${DEFAULT_WAITING_DAYS})
  --as-of <YYYY-MM-DD>  the day waiting is counted to; default: the day the snapshot was exported
                        (with --target-org: today)
  --format <f>          table (default), json (one document: snapshot, quarter, asOf, waitingDays,
                        utilisation {rows, total}, waiting {requests, claims, claimsAwaitingApproval}
                        (three lists), roi {byPartner, byActivityType}, warnings) or csv (one section,
                        see --section)
  --section <s>         with --format csv: the section printed, one of ${SECTION_HELP}
                        (default utilisation)
  --out <dir>           also write mdf.json and one CSV per section (mdf-<section>.csv)
  -h, --help            show this help

Org mode (--target-org): reads MDF_Budget__c, MDF_Request__c, MDF_Claim__c, the campaigns and the
partner accounts the requests name with Bulk API 2.0 query jobs (the login comes from the
Salesforce CLI: npx sf org login web --alias <alias>; see docs/org-mode.md).
  --target-org <org>    alias or username of an org you logged in to with the Salesforce CLI
  --run-dir <dir>       keep what was read there as a snapshot folder (must not exist or be
                        empty); default: a temporary folder, removed after the report

Examples:
  partner-program mdf --snapshot data/sample
  partner-program mdf --snapshot data/sample --quarter 2026-Q3 --waiting-days 21
  partner-program mdf --snapshot data/sample --format json
  partner-program mdf --snapshot data/sample --format csv --section roi-partners > roi.csv
  partner-program mdf --snapshot data/sample --out out/mdf
  partner-program mdf --target-org prod --quarter 2026-Q4

${EXIT_CODES_HELP}
`,
  options: {
    snapshot: { type: 'string' },
    'target-org': { type: 'string' },
    'run-dir': { type: 'string' },
    quarter: { type: 'string' },
    'waiting-days': { type: 'string' },
    'as-of': { type: 'string' },
    format: { type: 'string' },
    section: { type: 'string' },
    out: { type: 'string' },
    help: { type: 'boolean', short: 'h' }
  },
  allowPositionals: false,
  async run(values, _positionals, io) {
    const snapshot = values.snapshot as string | undefined;
    const target = values['target-org'] as string | undefined;
    if (snapshot !== undefined && target !== undefined) {
      throw new UserError('Give either --snapshot or --target-org, not both.', {
        hint: 'For example: partner-program mdf --snapshot data/sample'
      });
    }
    if ((snapshot === undefined || snapshot.trim() === '') && (target === undefined || target.trim() === '')) {
      throw new UserError('--snapshot or --target-org is required.', {
        hint: 'For example: partner-program mdf --snapshot data/sample, or partner-program mdf --target-org prod'
      });
    }
    if (values['run-dir'] !== undefined && target === undefined) {
      throw new UserError('--run-dir goes with --target-org only.', {
        hint: 'For example: partner-program mdf --target-org prod --run-dir runs/mdf'
      });
    }
    const options = parseOptions(values);
    let dir = snapshot ?? '';
    let temporary = false;
    if (target !== undefined) {
      const read = await readMdfFromOrg(target, values['run-dir'] as string | undefined, io as OrgCliIo);
      dir = read.dir;
      temporary = read.temporary;
      if (!temporary) io.stderr(`Read the org's MDF data into ${dir}\n`);
    }
    try {
      const data = await loadMdf(dir);
      const asOf = options.asOf ?? data.manifest.exportedAt.slice(0, 10);
      if (options.quarter !== null && !data.budgets.some((budget) => budget.quarter === options.quarter)) {
        const quarters = [...new Set(data.budgets.map((budget) => budget.quarter))].sort();
        throw new UserError(`No MDF budget for fiscal quarter ${options.quarter}.`, {
          hint:
            quarters.length > 0
              ? `Quarters with budgets: ${quarters.join(', ')}. Leave out --quarter to report on all of them.`
              : 'The data has no MDF budgets at all: create budgets per quarter, region and tier first (README.md, MDF).'
        });
      }
      const report = buildMdfReport(data, { quarter: options.quarter, waitingDays: options.waitingDays, asOf });
      if (options.out !== undefined) {
        const written = await writeOutputsAtomically(path.resolve(options.out), mdfOutputFiles(report));
        io.stderr(
          `Wrote ${written.length} files to ${options.out}: ${written.map((file) => path.basename(file)).join(', ')}\n`
        );
      }
      if (options.format === 'json') io.stdout(mdfJson(report));
      else if (options.format === 'csv') io.stdout(mdfCsv(report, options.section));
      else io.stdout(mdfTable(report));
      return 0;
    } finally {
      if (temporary) await rm(dir, { recursive: true, force: true });
    }
  }
};

interface MdfOptions {
  quarter: string | null;
  waitingDays: number;
  asOf: string | null;
  format: (typeof FORMAT_VALUES)[number];
  section: MdfSection;
  out: string | undefined;
}

/** Every flag checked before anything is read (a bad flag never costs an org round trip). */
function parseOptions(values: Record<string, unknown>): MdfOptions {
  const quarter = values.quarter as string | undefined;
  if (quarter !== undefined && !/^\d{4}-Q[1-4]$/.test(quarter)) {
    throw new UserError(`--quarter "${quarter}" is not a fiscal quarter.`, {
      hint: 'Write it as YYYY-Qn, e.g. 2026-Q3 (as in MDF_Budget__c.Fiscal_Quarter__c).'
    });
  }
  const daysText = values['waiting-days'] as string | undefined;
  let waitingDays = DEFAULT_WAITING_DAYS;
  if (daysText !== undefined) {
    if (!/^\d{1,4}$/.test(daysText.trim())) {
      throw new UserError(`--waiting-days "${daysText}" is not a whole number of days.`, {
        hint: `Give 0 or more days, e.g. --waiting-days 21 (default ${DEFAULT_WAITING_DAYS}).`
      });
    }
    waitingDays = Number(daysText.trim());
  }
  const asOf = values['as-of'] as string | undefined;
  if (asOf !== undefined && !isIsoDate(asOf)) {
    throw new UserError(`--as-of "${asOf}" is not a date.`, { hint: 'Write it as YYYY-MM-DD, e.g. 2026-10-05.' });
  }
  const format = pickFormat(values.format, FORMAT_VALUES);
  const sectionText = values.section as string | undefined;
  if (sectionText !== undefined && format !== 'csv') {
    throw new UserError('--section goes with --format csv.', {
      hint: 'For example: partner-program mdf --snapshot data/sample --format csv --section waiting-requests'
    });
  }
  if (sectionText !== undefined && !MDF_SECTIONS.includes(sectionText as MdfSection)) {
    throw new UserError(`--section ${sectionText} is not a section of the report.`, {
      hint: `Use one of: ${MDF_SECTIONS.join(', ')}.`
    });
  }
  return {
    quarter: quarter ?? null,
    waitingDays,
    asOf: asOf ?? null,
    format,
    section: (sectionText ?? 'utilisation') as MdfSection,
    out: values.out as string | undefined
  };
}
