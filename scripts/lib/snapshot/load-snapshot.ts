import path from 'node:path';
import {
  fieldMetricName,
  TIER_REGISTERED,
  type Criterion,
  type EvaluationPeriod,
  type IsoDate,
  type MetricValues,
  type PartnerState,
  type PartnerType,
  type TierDefinition
} from '../../../force-app/main/default/lwc/tierEngine/tierEngine.ts';
import { csvLocation, UserError } from '../errors.ts';
import { emptyTotals, metricValues, totalsSize, type PartnerTotals } from '../metrics/accumulator.ts';
import { CurrencyConverter } from '../metrics/currency.ts';
import {
  addOpportunityCounts,
  emptyOpportunityCounts,
  opportunityRowHandler,
  type OpportunityRules
} from '../metrics/opportunities.ts';
import { opportunityWorkers, startOpportunityWorkers } from '../metrics/opportunity-task.ts';
import type { PartnerDetail } from '../metrics/partner-detail.ts';
import type { Manifest } from './manifest.ts';
import {
  csvLinesOfRows,
  hasSnapshotFile,
  RowProblem,
  scanSnapshotCsv,
  type ColumnIndex,
  type ReadProgress,
  type RowHandler
} from './read-csv.ts';
import type { ColumnSpec, SnapshotObject } from './schema.ts';

const PARTNER_TYPES: PartnerType[] = ['Reseller', 'Service', 'ISV'];

export interface Partner extends PartnerState {
  profileId: string;
  tierSince: IsoDate | null;
  /** The stored evaluation of the evaluated quarter, when that quarter was already applied. */
  storedEvaluationId: string | null;
}

export interface SnapshotData {
  partners: Partner[];
  metrics: Map<string, MetricValues>;
  /** Per-record detail for the one partner `explain` asked about. */
  detail: PartnerDetail | null;
  warnings: string[];
}

export interface LoadOptions {
  snapshotDir: string;
  manifest: Manifest;
  period: EvaluationPeriod;
  tiers: TierDefinition[];
  /** The criteria of every program being evaluated; their FIELD: metrics become required columns. */
  criteria: Criterion[];
  /** Collect per-record detail for this account (explain). */
  detailFor?: (partner: Partner) => boolean;
  /** Reports rows read per file, for a progress display on long runs. */
  progress?: ReadProgress;
  /**
   * Read Opportunity.csv in worker threads (two, one half each, for a large file): by default only
   * for a large file on two or more cores; true forces two workers, false none (tests).
   */
  parallel?: boolean;
  /** Receives counts of what the load held in memory, once the last file has been read. */
  stats?: (stats: LoadStats) => void;
}

/** Counts that show what the load keeps in memory (for the benchmark's regression test). */
export interface LoadStats {
  /** Data rows read per file. */
  rowsRead: Record<string, number>;
  /** Partners, and the entries of every per-partner map held while the large files stream. */
  partners: number;
  perPartnerEntries: number;
  /**
   * Size of all per-partner running totals: one per scalar field, plus the entries of the
   * collections inside them (certified contacts, FIELD: values). Independent of how many
   * opportunities, reviews or evidence records a partner has.
   */
  totalsCells: number;
  /** Worker threads that read Opportunity.csv (0: the main thread read it). */
  opportunityWorkers: number;
}

/** One partner while the snapshot streams: its state and its running totals. */
interface PartnerEntry {
  partner: Partner;
  totals: PartnerTotals;
  /** The profile's row, to name it when a second profile claims the same account. */
  profileRow: number;
}

/** A CSV cell as the typed reader reads it: empty is null. */
function nullable(text: string | undefined): string | null {
  return text === undefined || text === '' ? null : text;
}

/**
 * One pass over the snapshot: the partners, their state before the evaluated quarter, and their
 * metric totals for the evaluation window. Files are streamed in an order that needs only the
 * per-partner maps in memory (rates, accounts and profiles first; then the large files), and each
 * row is folded into its partner's constant-size totals as it passes (scanSnapshotCsv: no object
 * per row), so memory grows with partners, not with opportunities.
 */
export async function loadSnapshot(options: LoadOptions): Promise<SnapshotData> {
  const { snapshotDir, manifest, period, tiers } = options;
  const progress = options.progress;
  const evaluationDate = period.quarter.end;
  const { windowStart, windowEnd } = period;
  const windowText = `between ${windowStart} and ${windowEnd}`;
  const tierNames = new Set(tiers.map((tier) => tier.name));
  const unknownTier = (tier: string | null, file: string, rowNumber: number, column: string): RowProblem =>
    new RowProblem(
      rowNumber,
      (line) =>
        new UserError(
          `${csvLocation(file, rowNumber, line, column)}: "${tier}" is not a tier of the program (${[...tierNames].join(', ')}).`
        )
    );
  const warnings: string[] = [];
  const rowsRead: Record<string, number> = {};
  // While a worker reads Opportunity.csv, this thread reports only finished files, so that the two
  // do not take turns on the same progress line.
  let workerRunning = false;
  const fileProgress: ReadProgress | undefined = progress
    ? (file, rows, done) => {
        if (done || !workerRunning) progress(file, rows, done);
      }
    : undefined;
  const scan = async <O extends SnapshotObject>(
    object: O,
    handler: (columns: ColumnIndex<O>) => RowHandler,
    extraColumns?: Record<string, ColumnSpec>
  ): Promise<void> => {
    rowsRead[`${object}.csv`] = await scanSnapshotCsv(snapshotDir, manifest, object, handler, {
      extraColumns,
      progress: fileProgress
    });
  };

  const converter = new CurrencyConverter(manifest.corporateCurrency);
  const hasRates = hasSnapshotFile(snapshotDir, manifest, 'DatedConversionRate');
  if (hasRates) {
    await scan('DatedConversionRate', (c) => (cells, rowNumber) => {
      const rateText = cells[c.ConversionRate];
      const rate = rateText === '' ? 0 : Number(rateText);
      if (rate <= 0) {
        throw new RowProblem(
          rowNumber,
          (line) =>
            new UserError(
              `${csvLocation('DatedConversionRate.csv', rowNumber, line, 'ConversionRate')}: the rate must be greater than 0.`
            )
        );
      }
      converter.addRate(
        nullable(cells[c.IsoCode])!,
        nullable(cells[c.StartDate])!,
        nullable(cells[c.NextStartDate])!,
        rate
      );
    });
  }
  converter.seal();

  const accountNames = new Map<string | null, string | null>();
  await scan('Account', (c) => (cells) => {
    const id = nullable(cells[c.Id]);
    accountNames.set(id, nullable(cells[c.Name]) ?? id);
  });

  const fieldColumns: Record<string, ColumnSpec> = {};
  for (const criterion of options.criteria) {
    const field = fieldMetricName(criterion.metric);
    if (field) fieldColumns[field] = { type: 'number', required: true };
  }
  const fieldNames = Object.keys(fieldColumns);

  const byAccount = new Map<string, PartnerEntry>();
  const byProfile = new Map<string | null, PartnerEntry>();
  const profileFile = 'Partner_Profile__c.csv';
  const missingAccounts: { rowNumber: number; accountId: string }[] = [];
  await scan(
    'Partner_Profile__c',
    (c) => {
      const fieldIndexes = fieldNames.map((field) => c[field]);
      return (cells, rowNumber) => {
        const accountId = cells[c.Account__c];
        if (!accountId) {
          throw new RowProblem(
            rowNumber,
            (line) =>
              new UserError(`${csvLocation(profileFile, rowNumber, line, 'Account__c')}: the profile has no account.`)
          );
        }
        const earlier = byAccount.get(accountId);
        if (earlier !== undefined) {
          throw new RowProblem(
            rowNumber,
            (line) =>
              new UserError(
                `${csvLocation(profileFile, rowNumber, line, 'Account__c')}: account ${accountId} already has a partner profile (row ${earlier.profileRow}).`,
                {
                  hint: 'Each partner Account has exactly one Partner_Profile__c; merge or delete the duplicate in the org.'
                }
              )
          );
        }
        const status = cells[c.Status__c];
        const type = cells[c.Partner_Type__c];
        if (status === 'Active' && !PARTNER_TYPES.includes(type as PartnerType)) {
          throw new RowProblem(
            rowNumber,
            (line) =>
              new UserError(
                `${csvLocation(profileFile, rowNumber, line, 'Partner_Type__c')}: "${type}" is not a partner type; use Reseller, Service or ISV.`
              )
          );
        }
        const tier = nullable(cells[c.Tier__c]) ?? TIER_REGISTERED;
        if (!tierNames.has(tier)) throw unknownTier(tier, profileFile, rowNumber, 'Tier__c');
        if (!accountNames.has(accountId)) missingAccounts.push({ rowNumber, accountId });
        const profileId = nullable(cells[c.Id]);
        const partner: Partner = {
          accountId,
          profileId: profileId!,
          name: accountNames.get(accountId) ?? (c.Name < 0 ? null : nullable(cells[c.Name])) ?? accountId,
          partnerType: type as PartnerType,
          status,
          currentTier: tier,
          graceUntil: nullable(cells[c.Grace_Until__c]),
          tierSince: c.Tier_Since__c < 0 ? null : nullable(cells[c.Tier_Since__c]),
          exceptions: [],
          storedEvaluationId: null
        };
        const totals = emptyTotals();
        for (let position = 0; position < fieldNames.length; position++) {
          const text = cells[fieldIndexes[position]];
          totals.fields[fieldNames[position]] = text === '' ? null : Number(text);
        }
        const entry: PartnerEntry = { partner, totals, profileRow: rowNumber };
        byAccount.set(accountId, entry);
        byProfile.set(profileId, entry);
      };
    },
    fieldColumns
  );
  if (missingAccounts.length > 0) {
    const lines = await csvLinesOfRows(
      path.join(snapshotDir, profileFile),
      missingAccounts.map((missing) => missing.rowNumber)
    );
    for (const { rowNumber, accountId } of missingAccounts)
      warnings.push(
        `${csvLocation(profileFile, rowNumber, lines.get(rowNumber))}: account ${accountId} is not in Account.csv.`
      );
  }
  accountNames.clear();

  let detailEntry: PartnerEntry | null = null;
  if (options.detailFor) {
    for (const entry of byAccount.values())
      if (options.detailFor(entry.partner)) {
        detailEntry = entry;
        break;
      }
  }
  const detail: PartnerDetail | null = detailEntry
    ? { accountId: detailEntry.partner.accountId, opportunities: [], reviews: [], certifications: [], evidence: [] }
    : null;

  let orphans = 0;
  /** The partner a child record names by Partner_Profile__c; unknown profiles are counted. */
  const ownerOf = (profileId: string): PartnerEntry | undefined => {
    const entry = profileId === '' ? undefined : byProfile.get(profileId);
    if (!entry) orphans++;
    return entry;
  };

  // Opportunity.csv, the largest file by far, is read by a worker thread on a large snapshot while
  // this thread reads the others (opportunity-task.ts); errors are still reported in file order.
  const entries = [...byAccount.values()];
  const partnerIndex = new Map<string, number>();
  entries.forEach((entry, index) => partnerIndex.set(entry.partner.accountId, index));
  const rules: OpportunityRules = {
    corporateCurrency: manifest.corporateCurrency,
    windowStart,
    windowEnd,
    evaluationDate,
    hasRates
  };
  const detailIndex = detailEntry === null ? -1 : entries.indexOf(detailEntry);
  const workers = opportunityWorkers(snapshotDir, options.parallel);
  const opportunityWorker =
    workers > 0
      ? startOpportunityWorkers(
          {
            snapshotDir,
            manifest,
            accountIds: entries.map((entry) => entry.partner.accountId),
            rates: converter.periodList(),
            rules,
            detailIndex
          },
          workers as 1 | 2,
          progress
        )
      : null;
  workerRunning = opportunityWorker !== null;
  try {
    await scan('Tier_Exception__c', (c) => (cells, rowNumber) => {
      const entry = ownerOf(cells[c.Partner_Profile__c]);
      if (!entry) return;
      const tier = nullable(cells[c.Tier__c]);
      if (tier === null || !tierNames.has(tier)) throw unknownTier(tier, 'Tier_Exception__c.csv', rowNumber, 'Tier__c');
      entry.partner.exceptions.push({
        tier,
        startsOn: nullable(cells[c.Starts_On__c])!,
        expiresOn: nullable(cells[c.Expires_On__c])!
      });
    });

    // Re-evaluating an applied quarter starts from the state stored with that quarter's evaluation
    // (DESIGN.md §3), so the second run decides exactly as the first did.
    const quarterLabel = period.quarter.label;
    await scan('Tier_Evaluation__c', (c) => (cells, rowNumber) => {
      const entry = ownerOf(cells[c.Partner_Profile__c]);
      if (!entry || cells[c.Quarter__c] !== quarterLabel) return;
      const previousTier = nullable(cells[c.Previous_Tier__c]);
      if (previousTier === null || !tierNames.has(previousTier))
        throw unknownTier(previousTier, 'Tier_Evaluation__c.csv', rowNumber, 'Previous_Tier__c');
      entry.partner.currentTier = previousTier;
      entry.partner.graceUntil = nullable(cells[c.Previous_Grace_Until__c]);
      entry.partner.storedEvaluationId = nullable(cells[c.Id]);
    });
  } catch (error) {
    opportunityWorker?.stop();
    throw error;
  }

  let opportunityCounts = emptyOpportunityCounts(entries.length);
  const readOpportunities = async (): Promise<void> => {
    opportunityCounts = emptyOpportunityCounts(entries.length);
    if (detail) detail.opportunities = [];
    await scan(
      'Opportunity',
      opportunityRowHandler(
        rules,
        converter,
        partnerIndex,
        opportunityCounts,
        detail ? { index: detailIndex, opportunities: detail.opportunities } : undefined
      )
    );
  };
  if (opportunityWorker === null) await readOpportunities();

  let laterError: unknown = null;
  try {
    await scan('Delivery_Review__c', (c) => {
      const iProfile = c.Partner_Profile__c;
      const iReviewed = c.Reviewed_On__c;
      const iCsat = c.CSAT__c;
      const iEscalated = c.Escalated__c;
      return (cells) => {
        const entry = ownerOf(cells[iProfile]);
        if (!entry) return;
        const reviewedOn = cells[iReviewed];
        const counted = reviewedOn !== '' && windowStart <= reviewedOn && reviewedOn <= windowEnd;
        const csatText = cells[iCsat];
        const escalated = cells[iEscalated] === 'true';
        if (counted) {
          const totals = entry.totals;
          totals.reviews++;
          if (csatText !== '') totals.csatSum += Number(csatText);
          if (escalated) totals.escalated++;
        }
        if (entry === detailEntry) {
          detail!.reviews.push({
            id: nullable(cells[c.Id])!,
            reviewedOn: nullable(reviewedOn)!,
            csat: csatText === '' ? null : Number(csatText),
            escalated,
            counted,
            note: counted ? 'in the window' : 'outside the window'
          });
        }
      };
    });

    await scan('Partner_Certification__c', (c) => {
      const iProfile = c.Partner_Profile__c;
      const iVerified = c.Verified__c;
      const iIssued = c.Issued_On__c;
      const iExpires = c.Expires_On__c;
      const iContact = c.Contact__c;
      return (cells) => {
        const entry = ownerOf(cells[iProfile]);
        if (!entry) return;
        const issuedOn = cells[iIssued];
        const expiresOn = cells[iExpires];
        const counted =
          cells[iVerified] === 'true' &&
          issuedOn !== '' &&
          issuedOn <= evaluationDate &&
          (expiresOn === '' || expiresOn >= evaluationDate);
        if (counted) entry.totals.certifiedContacts.add(nullable(cells[iContact])!);
        if (entry === detailEntry) {
          let note = 'valid on the evaluation date';
          if (cells[iVerified] !== 'true') note = 'not verified';
          else if (issuedOn === '') note = 'no issue date';
          else if (issuedOn > evaluationDate) note = `issued after ${evaluationDate}`;
          else if (expiresOn !== '' && expiresOn < evaluationDate) note = `expired on ${expiresOn}`;
          detail!.certifications.push({
            id: nullable(cells[c.Id])!,
            contactId: nullable(cells[iContact])!,
            certification: c.Certification_Name__c < 0 ? '' : cells[c.Certification_Name__c],
            issuedOn: nullable(issuedOn),
            expiresOn: nullable(expiresOn),
            counted,
            note
          });
        }
      };
    });

    await scan('Partner_Evidence__c', (c) => {
      const iProfile = c.Partner_Profile__c;
      const iVerified = c.Verified__c;
      const iDate = c.Evidence_Date__c;
      const iType = c.Type__c;
      return (cells) => {
        const entry = ownerOf(cells[iProfile]);
        if (!entry) return;
        const date = cells[iDate];
        const counted = cells[iVerified] === 'true' && date !== '' && date <= evaluationDate;
        const type = cells[iType];
        if (counted) {
          const totals = entry.totals;
          if (type === 'Validated Integration') totals.validatedIntegrations++;
          if (type === 'SOW' || type === 'Playbook') totals.sowEvidence++;
          if (totals.newestEvidence === null || date > totals.newestEvidence) totals.newestEvidence = date;
        }
        if (entry === detailEntry) {
          let note = 'verified';
          if (cells[iVerified] !== 'true') note = 'not verified';
          else if (date === '') note = 'no evidence date';
          else if (date > evaluationDate) note = `dated after ${evaluationDate}`;
          detail!.evidence.push({
            id: nullable(cells[c.Id])!,
            type,
            title: c.Title__c < 0 ? '' : cells[c.Title__c],
            date: nullable(date),
            counted,
            note
          });
        }
      };
    });
  } catch (error) {
    if (opportunityWorker === null) throw error;
    laterError = error;
  }
  if (opportunityWorker !== null) {
    // Opportunity.csv comes before the files read meanwhile: its error, if any, is the first one.
    const read = await opportunityWorker.result;
    workerRunning = false;
    if (read.ok) {
      rowsRead['Opportunity.csv'] = read.rows;
      opportunityCounts = read.counts;
      if (detail) detail.opportunities = read.detail;
    } else {
      // A part failed: reading the file in one piece reports its first error, as without workers.
      await readOpportunities();
    }
  }
  if (laterError !== null) throw laterError;
  entries.forEach((entry, index) => addOpportunityCounts(entry.totals, opportunityCounts, index));

  if (detail && hasSnapshotFile(snapshotDir, manifest, 'Contact')) {
    const wanted = new Set(detail.certifications.map((certification) => certification.contactId));
    const names = new Map<string, string>();
    await scan('Contact', (c) => (cells) => {
      const id = cells[c.Id];
      if (wanted.has(id)) {
        const first = c.FirstName < 0 ? '' : cells[c.FirstName];
        names.set(id, [first, cells[c.LastName]].filter(Boolean).join(' '));
      }
    });
    for (const certification of detail.certifications) certification.contactName = names.get(certification.contactId);
  }

  if (orphans > 0)
    warnings.push(
      `${orphans} record(s) name a Partner_Profile__c that is not in Partner_Profile__c.csv and were ignored.`
    );

  if (options.stats) {
    let totalsCells = 0;
    for (const { totals } of byAccount.values()) totalsCells += totalsSize(totals);
    options.stats({
      rowsRead,
      partners: byAccount.size,
      perPartnerEntries: byAccount.size + byProfile.size,
      totalsCells,
      opportunityWorkers: workers
    });
  }

  const metrics = new Map<string, MetricValues>();
  const partners: Partner[] = [];
  for (const [accountId, entry] of byAccount) {
    partners.push(entry.partner);
    metrics.set(accountId, metricValues(entry.totals, evaluationDate, windowText));
  }
  return { partners, metrics, detail, warnings };
}
