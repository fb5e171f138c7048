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
import { emptyTotals, metricValues, type PartnerTotals } from '../metrics/accumulator.ts';
import { CurrencyConverter, toCorporateCents } from '../metrics/currency.ts';
import type { PartnerDetail } from '../metrics/partner-detail.ts';
import type { Manifest } from './manifest.ts';
import { hasSnapshotFile, readSnapshotCsv, type ReadProgress } from './read-csv.ts';
import type { ColumnSpec } from './schema.ts';

const PARTNER_TYPES: PartnerType[] = ['Reseller', 'Service', 'ISV'];
const REVENUE_INVOLVEMENT = new Set(['Resold', 'Sourced', 'Influenced']);

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
}

/**
 * One pass over the snapshot: the partners, their state before the evaluated quarter, and their
 * metric totals for the evaluation window. Files are streamed in an order that needs only the
 * per-partner maps in memory (rates, accounts and profiles first; then the large files).
 */
export async function loadSnapshot(options: LoadOptions): Promise<SnapshotData> {
  const { snapshotDir, manifest, period, tiers } = options;
  const evaluationDate = period.quarter.end;
  const inWindow = (date: IsoDate | null): boolean =>
    date !== null && period.windowStart <= date && date <= period.windowEnd;
  const windowText = `between ${period.windowStart} and ${period.windowEnd}`;
  const tierNames = new Set(tiers.map((tier) => tier.name));
  const requireTier = (tier: string, file: string, rowNumber: number, line: number, column: string): string => {
    if (!tierNames.has(tier)) {
      throw new UserError(
        `${csvLocation(file, rowNumber, line, column)}: "${tier}" is not a tier of the program (${[...tierNames].join(', ')}).`
      );
    }
    return tier;
  };
  const warnings: string[] = [];

  const converter = new CurrencyConverter(manifest.corporateCurrency);
  const hasRates = hasSnapshotFile(snapshotDir, manifest, 'DatedConversionRate');
  if (hasRates) {
    for await (const { row, rowNumber, line } of readSnapshotCsv(
      snapshotDir,
      manifest,
      'DatedConversionRate',
      {},
      options.progress
    )) {
      if (row.ConversionRate! <= 0) {
        throw new UserError(
          `${csvLocation('DatedConversionRate.csv', rowNumber, line, 'ConversionRate')}: the rate must be greater than 0.`
        );
      }
      converter.addRate(row.IsoCode!, row.StartDate!, row.NextStartDate!, row.ConversionRate!);
    }
  }
  converter.seal();

  const accountNames = new Map<string, string>();
  for await (const { row } of readSnapshotCsv(snapshotDir, manifest, 'Account', {}, options.progress)) {
    accountNames.set(row.Id!, row.Name ?? row.Id!);
  }

  const fieldColumns: Record<string, ColumnSpec> = {};
  for (const criterion of options.criteria) {
    const field = fieldMetricName(criterion.metric);
    if (field) fieldColumns[field] = { type: 'number', required: true };
  }

  const partnersByAccount = new Map<string, Partner>();
  const profileRows = new Map<string, number>();
  const accountByProfile = new Map<string, string>();
  const totals = new Map<string, PartnerTotals>();
  const profileFile = 'Partner_Profile__c.csv';
  for await (const { row, rowNumber, line } of readSnapshotCsv(
    snapshotDir,
    manifest,
    'Partner_Profile__c',
    fieldColumns
  )) {
    const accountId = row.Account__c;
    if (!accountId) {
      throw new UserError(`${csvLocation(profileFile, rowNumber, line, 'Account__c')}: the profile has no account.`);
    }
    const earlier = profileRows.get(accountId);
    if (earlier !== undefined) {
      throw new UserError(
        `${csvLocation(profileFile, rowNumber, line, 'Account__c')}: account ${accountId} already has a partner profile (row ${earlier}).`,
        { hint: 'Each partner Account has exactly one Partner_Profile__c; merge or delete the duplicate in the org.' }
      );
    }
    profileRows.set(accountId, rowNumber);
    const status = row.Status__c ?? '';
    const type = row.Partner_Type__c ?? '';
    if (status === 'Active' && !PARTNER_TYPES.includes(type as PartnerType)) {
      throw new UserError(
        `${csvLocation(profileFile, rowNumber, line, 'Partner_Type__c')}: "${type}" is not a partner type; use Reseller, Service or ISV.`
      );
    }
    const tier = requireTier(row.Tier__c ?? TIER_REGISTERED, profileFile, rowNumber, line, 'Tier__c');
    if (!accountNames.has(accountId))
      warnings.push(`${csvLocation(profileFile, rowNumber, line)}: account ${accountId} is not in Account.csv.`);
    const partner: Partner = {
      accountId,
      profileId: row.Id!,
      name: accountNames.get(accountId) ?? row.Name ?? accountId,
      partnerType: type as PartnerType,
      status,
      currentTier: tier,
      graceUntil: row.Grace_Until__c,
      tierSince: row.Tier_Since__c,
      exceptions: [],
      storedEvaluationId: null
    };
    partnersByAccount.set(accountId, partner);
    accountByProfile.set(partner.profileId, accountId);
    const partnerTotals = emptyTotals();
    const profileRow = row as Record<string, unknown>;
    for (const field of Object.keys(fieldColumns)) partnerTotals.fields[field] = profileRow[field] as number | null;
    totals.set(accountId, partnerTotals);
  }

  const detailAccount = options.detailFor ? ([...partnersByAccount.values()].find(options.detailFor) ?? null) : null;
  const detail: PartnerDetail | null = detailAccount
    ? { accountId: detailAccount.accountId, opportunities: [], reviews: [], certifications: [], evidence: [] }
    : null;
  const isDetailed = (accountId: string | null | undefined): boolean =>
    detail !== null && accountId === detail.accountId;

  let orphans = 0;
  const ownerOf = (profileId: string | null): string | undefined => {
    const accountId = profileId ? accountByProfile.get(profileId) : undefined;
    if (!accountId) orphans++;
    return accountId;
  };

  for await (const { row, rowNumber, line } of readSnapshotCsv(
    snapshotDir,
    manifest,
    'Tier_Exception__c',
    {},
    options.progress
  )) {
    const accountId = ownerOf(row.Partner_Profile__c);
    if (!accountId) continue;
    requireTier(row.Tier__c!, 'Tier_Exception__c.csv', rowNumber, line, 'Tier__c');
    partnersByAccount
      .get(accountId)!
      .exceptions.push({ tier: row.Tier__c!, startsOn: row.Starts_On__c!, expiresOn: row.Expires_On__c! });
  }

  // Re-evaluating an applied quarter starts from the state stored with that quarter's evaluation
  // (DESIGN.md §3), so the second run decides exactly as the first did.
  for await (const { row, rowNumber, line } of readSnapshotCsv(
    snapshotDir,
    manifest,
    'Tier_Evaluation__c',
    {},
    options.progress
  )) {
    const accountId = ownerOf(row.Partner_Profile__c);
    if (!accountId || row.Quarter__c !== period.quarter.label) continue;
    const partner = partnersByAccount.get(accountId)!;
    requireTier(row.Previous_Tier__c!, 'Tier_Evaluation__c.csv', rowNumber, line, 'Previous_Tier__c');
    partner.currentTier = row.Previous_Tier__c;
    partner.graceUntil = row.Previous_Grace_Until__c;
    partner.storedEvaluationId = row.Id;
  }

  for await (const { row, rowNumber, line } of readSnapshotCsv(
    snapshotDir,
    manifest,
    'Opportunity',
    {},
    options.progress
  )) {
    const accountId = row.Partner_Account__c;
    const partnerTotals = accountId ? totals.get(accountId) : undefined;
    if (!partnerTotals) continue;
    const closeDate = row.CloseDate!;
    const counts: string[] = [];
    let corporateCents: number | null = null;
    let rate: number | null = null;
    const currency = row.CurrencyIsoCode ?? manifest.corporateCurrency;

    if (row.IsWon && inWindow(closeDate) && REVENUE_INVOLVEMENT.has(row.Partner_Involvement__c ?? '')) {
      rate = converter.rateOn(currency, closeDate);
      if (rate === null) {
        throw new UserError(
          `${csvLocation('Opportunity.csv', rowNumber, line, 'CurrencyIsoCode')}: no DatedConversionRate for ${currency} in force on ${closeDate}.`,
          {
            hint: hasRates
              ? `Add a DatedConversionRate.csv row for ${currency} whose StartDate ≤ ${closeDate} < NextStartDate.`
              : `The snapshot has no DatedConversionRate.csv; add it with the org's dated exchange rates.`
          }
        );
      }
      corporateCents = toCorporateCents(row.Amount ?? 0, rate);
      partnerTotals.revenueCents += corporateCents;
      partnerTotals.wonDeals++;
      counts.push('revenue');
    }
    if (row.Type === 'Renewal' && row.IsClosed && inWindow(closeDate)) {
      partnerTotals.renewalsClosed++;
      if (row.IsWon) partnerTotals.renewalsWon++;
      counts.push(row.IsWon ? 'renewal won' : 'renewal lost');
    }
    const openAtEvaluation = !row.IsClosed || closeDate > evaluationDate;
    const registeredBy = row.Registered_On__c === null || row.Registered_On__c <= evaluationDate;
    if (row.Deal_Registered__c && registeredBy && openAtEvaluation) {
      partnerTotals.registeredOpen++;
      const clean = Boolean(row.OwnerId?.trim()) && Boolean(row.NextStep?.trim());
      if (clean) partnerTotals.registeredOpenClean++;
      counts.push(clean ? 'registered deal with owner and next step' : 'registered deal missing owner or next step');
    }
    if (isDetailed(accountId)) {
      detail!.opportunities.push({
        id: row.Id!,
        name: row.Name ?? '',
        type: row.Type ?? '',
        involvement: row.Partner_Involvement__c ?? '',
        closeDate,
        isClosed: Boolean(row.IsClosed),
        isWon: Boolean(row.IsWon),
        amount: row.Amount,
        currency,
        rate,
        corporateAmount: corporateCents === null ? null : corporateCents / 100,
        nextStep: row.NextStep,
        counts
      });
    }
  }

  for await (const { row } of readSnapshotCsv(snapshotDir, manifest, 'Delivery_Review__c', {}, options.progress)) {
    const accountId = ownerOf(row.Partner_Profile__c);
    if (!accountId) continue;
    const counted = inWindow(row.Reviewed_On__c);
    if (counted) {
      const partnerTotals = totals.get(accountId)!;
      partnerTotals.reviews++;
      partnerTotals.csatSum += row.CSAT__c ?? 0;
      if (row.Escalated__c) partnerTotals.escalated++;
    }
    if (isDetailed(accountId)) {
      detail!.reviews.push({
        id: row.Id!,
        reviewedOn: row.Reviewed_On__c!,
        csat: row.CSAT__c,
        escalated: Boolean(row.Escalated__c),
        counted,
        note: counted ? 'in the window' : 'outside the window'
      });
    }
  }

  for await (const { row } of readSnapshotCsv(
    snapshotDir,
    manifest,
    'Partner_Certification__c',
    {},
    options.progress
  )) {
    const accountId = ownerOf(row.Partner_Profile__c);
    if (!accountId) continue;
    let note = 'valid on the evaluation date';
    if (!row.Verified__c) note = 'not verified';
    else if (row.Issued_On__c === null) note = 'no issue date';
    else if (row.Issued_On__c > evaluationDate) note = `issued after ${evaluationDate}`;
    else if (row.Expires_On__c !== null && row.Expires_On__c < evaluationDate) note = `expired on ${row.Expires_On__c}`;
    const counted = note === 'valid on the evaluation date';
    if (counted) totals.get(accountId)!.certifiedContacts.add(row.Contact__c!);
    if (isDetailed(accountId)) {
      detail!.certifications.push({
        id: row.Id!,
        contactId: row.Contact__c!,
        certification: row.Certification_Name__c ?? '',
        issuedOn: row.Issued_On__c,
        expiresOn: row.Expires_On__c,
        counted,
        note
      });
    }
  }

  for await (const { row } of readSnapshotCsv(snapshotDir, manifest, 'Partner_Evidence__c', {}, options.progress)) {
    const accountId = ownerOf(row.Partner_Profile__c);
    if (!accountId) continue;
    const date = row.Evidence_Date__c;
    let note = 'verified';
    if (!row.Verified__c) note = 'not verified';
    else if (date === null) note = 'no evidence date';
    else if (date > evaluationDate) note = `dated after ${evaluationDate}`;
    const counted = note === 'verified';
    if (counted) {
      const partnerTotals = totals.get(accountId)!;
      if (row.Type__c === 'Validated Integration') partnerTotals.validatedIntegrations++;
      if (row.Type__c === 'SOW' || row.Type__c === 'Playbook') partnerTotals.sowEvidence++;
      if (partnerTotals.newestEvidence === null || date! > partnerTotals.newestEvidence)
        partnerTotals.newestEvidence = date;
    }
    if (isDetailed(accountId)) {
      detail!.evidence.push({ id: row.Id!, type: row.Type__c ?? '', title: row.Title__c ?? '', date, counted, note });
    }
  }

  if (detail && hasSnapshotFile(snapshotDir, manifest, 'Contact')) {
    const wanted = new Set(detail.certifications.map((certification) => certification.contactId));
    const names = new Map<string, string>();
    for await (const { row } of readSnapshotCsv(snapshotDir, manifest, 'Contact', {}, options.progress)) {
      if (wanted.has(row.Id!)) names.set(row.Id!, [row.FirstName, row.LastName].filter(Boolean).join(' '));
    }
    for (const certification of detail.certifications) certification.contactName = names.get(certification.contactId);
  }

  if (orphans > 0)
    warnings.push(
      `${orphans} record(s) name a Partner_Profile__c that is not in Partner_Profile__c.csv and were ignored.`
    );

  const metrics = new Map<string, MetricValues>();
  for (const [accountId, partnerTotals] of totals)
    metrics.set(accountId, metricValues(partnerTotals, evaluationDate, windowText));
  return { partners: [...partnersByAccount.values()], metrics, detail, warnings };
}
