/*
 * The MDF report as a terminal table (the style of `evaluate`), as one JSON document, and as one CSV
 * per section (plain numbers, empty = none, for spreadsheets).
 */
import { csvRecord } from '../report/csv-text.ts';
import { renderTable } from '../report/text-table.ts';
import type { ActivityRoi, MdfReport, PartnerRoi, RoiRow } from './mdf-report.ts';

/** `192,500` or `12,500.50`: grouped, cents only when there are any. */
export function moneyText(value: number): string {
  const hasCents = Math.round(value * 100) % 100 !== 0;
  return value.toLocaleString('en-US', {
    minimumFractionDigits: hasCents ? 2 : 0,
    maximumFractionDigits: 2
  });
}

const percent = (value: number) => `${value.toFixed(1)} %`;
const perUnit = (value: number | null) => (value === null ? 'no ROI yet' : value.toFixed(2));
const orDash = (value: string | null) => value ?? '—';

function roiTable(first: string, rows: (RoiRow & { label: string })[]): string {
  return renderTable(
    [
      { header: first },
      { header: 'Requests', align: 'right' },
      { header: 'Approved', align: 'right' },
      { header: 'Paid', align: 'right' },
      { header: 'Pipeline', align: 'right' },
      { header: 'Won', align: 'right' },
      { header: 'Pipeline/paid', align: 'right' },
      { header: 'Won/paid', align: 'right' }
    ],
    rows.map((row) => [
      row.label,
      String(row.requests),
      moneyText(row.approved),
      moneyText(row.paid),
      moneyText(row.pipeline),
      moneyText(row.won),
      perUnit(row.pipelinePerUnit),
      row.wonPerUnit === null ? '' : perUnit(row.wonPerUnit)
    ]),
    '  '
  );
}

export function mdfTable(report: MdfReport): string {
  const out: string[] = [];
  const scope = report.quarter ? `fiscal quarter ${report.quarter}` : 'all fiscal quarters';
  out.push(`MDF report, ${scope}: waiting counted to ${report.asOf}, threshold ${report.waitingDays} days`);
  out.push(
    `Snapshot ${report.snapshot.source}, exported ${report.snapshot.exportedAt}; amounts in ${report.snapshot.corporateCurrency}`
  );
  out.push('');
  const { rows, total } = report.utilisation;
  out.push(`Budget utilisation per region and eligible tier (${rows.length})`);
  out.push(
    rows.length === 0
      ? '  no budgets'
      : renderTable(
          [
            { header: 'Quarter' },
            { header: 'Region' },
            { header: 'Tier' },
            { header: 'Budgeted', align: 'right' },
            { header: 'Committed', align: 'right' },
            { header: 'Pending', align: 'right' },
            { header: 'Claimed', align: 'right' },
            { header: 'Paid', align: 'right' },
            { header: 'Available', align: 'right' },
            { header: 'Committed %', align: 'right' }
          ],
          [...rows, { ...total, quarter: 'Total', region: '', eligibleTier: '' }].map((row) => [
            row.quarter,
            row.region ?? '(no region)',
            row.eligibleTier ?? 'any eligible',
            moneyText(row.budgeted),
            moneyText(row.committed),
            moneyText(row.pending),
            moneyText(row.claimed),
            moneyText(row.paid),
            moneyText(row.available),
            percent(row.committedPercent)
          ]),
          '  '
        )
  );
  out.push('  Committed: approved amounts of approved and completed requests; pending: submitted requests.');

  out.push('');
  const requests = report.waiting.requests;
  out.push(`Requests waiting for a decision (Submitted) more than ${report.waitingDays} days (${requests.length})`);
  out.push(
    requests.length === 0
      ? '  none'
      : renderTable(
          [
            { header: 'Request' },
            { header: 'Partner' },
            { header: 'Quarter' },
            { header: 'Region' },
            { header: 'Activity' },
            { header: 'Requested', align: 'right' },
            { header: 'Submitted' },
            { header: 'Days', align: 'right' }
          ],
          requests.map((entry) => [
            entry.request ?? entry.requestId,
            entry.partner,
            orDash(entry.quarter),
            orDash(entry.region),
            orDash(entry.activityType),
            moneyText(entry.amount),
            entry.submittedOn.slice(0, 10),
            String(entry.daysWaiting)
          ]),
          '  '
        )
  );
  out.push('');
  const approvals = report.waiting.claimsAwaitingApproval;
  out.push(
    `Claims waiting for approval (Submitted, counted from Submitted On) more than ${report.waitingDays} days (${approvals.length})`
  );
  out.push(
    approvals.length === 0
      ? '  none'
      : renderTable(
          [
            { header: 'Claim' },
            { header: 'Request' },
            { header: 'Partner' },
            { header: 'Amount', align: 'right' },
            { header: 'Submitted' },
            { header: 'Days', align: 'right' }
          ],
          approvals.map((entry) => [
            entry.claim ?? entry.claimId,
            entry.request ?? entry.requestId,
            entry.partner,
            moneyText(entry.amount),
            entry.submittedOn.slice(0, 10),
            String(entry.daysWaiting)
          ]),
          '  '
        )
  );
  out.push('');
  const claims = report.waiting.claims;
  out.push(
    `Claims waiting for payment (Approved, counted from Approved On) more than ${report.waitingDays} days (${claims.length})`
  );
  out.push(
    claims.length === 0
      ? '  none'
      : renderTable(
          [
            { header: 'Claim' },
            { header: 'Request' },
            { header: 'Partner' },
            { header: 'Amount', align: 'right' },
            { header: 'Approved' },
            { header: 'Days', align: 'right' }
          ],
          claims.map((entry) => [
            entry.claim ?? entry.claimId,
            entry.request ?? entry.requestId,
            entry.partner,
            moneyText(entry.amount),
            entry.approvedOn.slice(0, 10),
            String(entry.daysWaiting)
          ]),
          '  '
        )
  );
  out.push('');
  const byPartner = report.roi.byPartner;
  out.push(`ROI per partner: campaign pipeline and won revenue per unit of MDF paid (${byPartner.length})`);
  out.push(
    byPartner.length === 0
      ? '  no approved requests'
      : roiTable(
          'Partner',
          byPartner.map((row) => ({ ...row, label: row.partner }))
        )
  );
  out.push('');
  const byActivity = report.roi.byActivityType;
  out.push(`ROI per activity type (${byActivity.length})`);
  out.push(
    byActivity.length === 0
      ? '  no approved requests'
      : roiTable(
          'Activity type',
          byActivity.map((row) => ({ ...row, label: row.activityType ?? '(none)' }))
        )
  );
  if (report.warnings.length > 0) {
    out.push('');
    out.push(`Warnings (${report.warnings.length})`);
    out.push(...report.warnings.map((warning) => `  ${warning}`));
  }
  return out.join('\n') + '\n';
}

export function mdfJson(report: MdfReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}

/** The CSV sections: `--section` names and the file names `--out` writes. */
export const MDF_SECTIONS = [
  'utilisation',
  'waiting-requests',
  'waiting-claim-approvals',
  'waiting-claims',
  'roi-partners',
  'roi-activities'
] as const;
export type MdfSection = (typeof MDF_SECTIONS)[number];

const num = (value: number | null) => (value === null ? '' : String(value));
const roiCells = (row: RoiRow) => [
  row.requests,
  num(row.approved),
  num(row.paid),
  num(row.pipeline),
  num(row.won),
  num(row.pipelinePerUnit),
  num(row.wonPerUnit)
];
const ROI_HEADER = ['requests', 'approved', 'paid', 'pipeline', 'won', 'pipelinePerUnit', 'wonPerUnit'];

export function mdfCsv(report: MdfReport, section: MdfSection): string {
  const lines: (string | number)[][] = [];
  switch (section) {
    case 'utilisation':
      lines.push([
        'quarter',
        'region',
        'eligibleTier',
        'budgets',
        'budgeted',
        'committed',
        'pending',
        'claimed',
        'paid',
        'available',
        'committedPercent'
      ]);
      for (const row of report.utilisation.rows)
        lines.push([
          row.quarter,
          row.region ?? '',
          row.eligibleTier ?? '',
          row.budgets,
          num(row.budgeted),
          num(row.committed),
          num(row.pending),
          num(row.claimed),
          num(row.paid),
          num(row.available),
          num(row.committedPercent)
        ]);
      break;
    case 'waiting-requests':
      lines.push([
        'requestId',
        'request',
        'accountId',
        'partner',
        'quarter',
        'region',
        'activityType',
        'amount',
        'submittedOn',
        'daysWaiting'
      ]);
      for (const entry of report.waiting.requests)
        lines.push([
          entry.requestId,
          entry.request ?? '',
          entry.accountId,
          entry.partner,
          entry.quarter ?? '',
          entry.region ?? '',
          entry.activityType ?? '',
          num(entry.amount),
          entry.submittedOn,
          entry.daysWaiting
        ]);
      break;
    case 'waiting-claim-approvals':
      lines.push([
        'claimId',
        'claim',
        'requestId',
        'request',
        'accountId',
        'partner',
        'amount',
        'submittedOn',
        'daysWaiting'
      ]);
      for (const entry of report.waiting.claimsAwaitingApproval)
        lines.push([
          entry.claimId,
          entry.claim ?? '',
          entry.requestId,
          entry.request ?? '',
          entry.accountId,
          entry.partner,
          num(entry.amount),
          entry.submittedOn,
          entry.daysWaiting
        ]);
      break;
    case 'waiting-claims':
      lines.push([
        'claimId',
        'claim',
        'requestId',
        'request',
        'accountId',
        'partner',
        'amount',
        'approvedOn',
        'daysWaiting'
      ]);
      for (const entry of report.waiting.claims)
        lines.push([
          entry.claimId,
          entry.claim ?? '',
          entry.requestId,
          entry.request ?? '',
          entry.accountId,
          entry.partner,
          num(entry.amount),
          entry.approvedOn,
          entry.daysWaiting
        ]);
      break;
    case 'roi-partners':
      lines.push(['accountId', 'partner', ...ROI_HEADER]);
      for (const row of report.roi.byPartner as PartnerRoi[])
        lines.push([row.accountId, row.partner, ...roiCells(row)]);
      break;
    case 'roi-activities':
      lines.push(['activityType', ...ROI_HEADER]);
      for (const row of report.roi.byActivityType as ActivityRoi[])
        lines.push([row.activityType ?? '', ...roiCells(row)]);
      break;
  }
  return lines.map(csvRecord).join('');
}

/** `--out` files: the JSON document and one CSV per section. */
export function mdfOutputFiles(report: MdfReport): Record<string, string> {
  const files: Record<string, string> = { 'mdf.json': mdfJson(report) };
  for (const section of MDF_SECTIONS) files[`mdf-${section}.csv`] = mdfCsv(report, section);
  return files;
}
