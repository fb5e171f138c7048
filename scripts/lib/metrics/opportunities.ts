/*
 * The opportunity side of the metrics (DESIGN.md §3: revenue, renewal rate, deal hygiene), folded
 * row by row into per-partner counters held in typed arrays indexed by partner: constant memory
 * per partner whatever its number of deals, and cheap to hand between threads (the large
 * Opportunity.csv can be read by a worker thread while the other files are read; see
 * opportunity-worker.ts).
 */
import type { IsoDate } from '../../../force-app/main/default/lwc/tierEngine/tierEngine.ts';
import { csvLocation, UserError } from '../errors.ts';
import { RowProblem, type ColumnIndex, type RowHandler } from '../snapshot/read-csv.ts';
import type { PartnerTotals } from './accumulator.ts';
import { toCorporateCents, type CurrencyConverter } from './currency.ts';
import type { PartnerDetail } from './partner-detail.ts';

const REVENUE_INVOLVEMENT = new Set(['Resold', 'Sourced', 'Influenced']);

/** Per-partner opportunity counters; entry i belongs to partner i. */
export interface OpportunityCounts {
  revenueCents: Float64Array;
  wonDeals: Int32Array;
  renewalsClosed: Int32Array;
  renewalsWon: Int32Array;
  registeredOpen: Int32Array;
  registeredOpenClean: Int32Array;
}

export function emptyOpportunityCounts(partners: number): OpportunityCounts {
  return {
    revenueCents: new Float64Array(partners),
    wonDeals: new Int32Array(partners),
    renewalsClosed: new Int32Array(partners),
    renewalsWon: new Int32Array(partners),
    registeredOpen: new Int32Array(partners),
    registeredOpenClean: new Int32Array(partners)
  };
}

/** Adds partner `index`'s counters to its totals (revenue is a sum of whole cents: exact in any order). */
export function addOpportunityCounts(totals: PartnerTotals, counts: OpportunityCounts, index: number): void {
  totals.revenueCents += counts.revenueCents[index];
  totals.wonDeals += counts.wonDeals[index];
  totals.renewalsClosed += counts.renewalsClosed[index];
  totals.renewalsWon += counts.renewalsWon[index];
  totals.registeredOpen += counts.registeredOpen[index];
  totals.registeredOpenClean += counts.registeredOpenClean[index];
}

/** What deciding an opportunity's contribution needs, besides the row. */
export interface OpportunityRules {
  corporateCurrency: string;
  windowStart: IsoDate;
  windowEnd: IsoDate;
  evaluationDate: IsoDate;
  /** Whether the snapshot has DatedConversionRate.csv (for the fix of a missing rate). */
  hasRates: boolean;
}

/**
 * The row handler for Opportunity.csv: finds the partner by Partner_Account__c (`partnerIndex`),
 * and adds the deal to its counters. `detail`, when given, receives every opportunity of partner
 * `detail.index` with what it counted for (explain).
 */
export function opportunityRowHandler(
  rules: OpportunityRules,
  converter: CurrencyConverter,
  partnerIndex: Map<string, number>,
  counts: OpportunityCounts,
  detail?: { index: number; opportunities: PartnerDetail['opportunities'] }
): (columns: ColumnIndex<'Opportunity'>) => RowHandler {
  const { corporateCurrency, windowStart, windowEnd, evaluationDate, hasRates } = rules;
  const { revenueCents, wonDeals, renewalsClosed, renewalsWon, registeredOpen, registeredOpenClean } = counts;
  const detailIndex = detail ? detail.index : -1;
  return (c) => {
    const iPartner = c.Partner_Account__c;
    const iClose = c.CloseDate;
    const iWon = c.IsWon;
    const iClosed = c.IsClosed;
    const iInvolvement = c.Partner_Involvement__c;
    const iType = c.Type;
    const iAmount = c.Amount;
    const iCurrency = c.CurrencyIsoCode;
    const iRegistered = c.Deal_Registered__c;
    const iRegisteredOn = c.Registered_On__c;
    const iOwner = c.OwnerId;
    const iNextStep = c.NextStep;
    return (cells, rowNumber) => {
      const accountId = cells[iPartner];
      const partner = accountId === '' ? undefined : partnerIndex.get(accountId);
      if (partner === undefined) return;
      const closeText = cells[iClose];
      const closeDate = closeText === '' ? null : closeText;
      const inWindow = closeDate !== null && windowStart <= closeDate && closeDate <= windowEnd;
      const isWon = cells[iWon] === 'true';
      const isClosed = cells[iClosed] === 'true';
      let corporateCents: number | null = null;
      let rate: number | null = null;
      const currencyText = iCurrency < 0 ? '' : cells[iCurrency];
      const currency = currencyText === '' ? corporateCurrency : currencyText;

      if (isWon && inWindow && REVENUE_INVOLVEMENT.has(cells[iInvolvement])) {
        rate = converter.rateOn(currency, closeDate);
        if (rate === null) {
          throw new RowProblem(
            rowNumber,
            (line) =>
              new UserError(
                `${csvLocation('Opportunity.csv', rowNumber, line, 'CurrencyIsoCode')}: no DatedConversionRate for ${currency} in force on ${closeDate}.`,
                {
                  hint: hasRates
                    ? `Add a DatedConversionRate.csv row for ${currency} whose StartDate ≤ ${closeDate} < NextStartDate.`
                    : `The snapshot has no DatedConversionRate.csv; add it with the org's dated exchange rates.`
                }
              )
          );
        }
        const amountText = cells[iAmount];
        corporateCents = toCorporateCents(amountText === '' ? 0 : Number(amountText), rate);
        revenueCents[partner] += corporateCents;
        wonDeals[partner]++;
      }
      const renewal = inWindow && isClosed && cells[iType] === 'Renewal';
      if (renewal) {
        renewalsClosed[partner]++;
        if (isWon) renewalsWon[partner]++;
      }
      // Open on the evaluation date (not closed, or closed after it) and registered by then.
      let hygiene: boolean | null = null;
      if (cells[iRegistered] === 'true' && (!isClosed || (closeDate !== null && closeDate > evaluationDate))) {
        const registeredOn = iRegisteredOn < 0 ? '' : cells[iRegisteredOn];
        if (registeredOn === '' || registeredOn <= evaluationDate) {
          registeredOpen[partner]++;
          hygiene = cells[iOwner].trim() !== '' && cells[iNextStep].trim() !== '';
          if (hygiene) registeredOpenClean[partner]++;
        }
      }
      if (partner === detailIndex) {
        const used: string[] = [];
        if (corporateCents !== null) used.push('revenue');
        if (renewal) used.push(isWon ? 'renewal won' : 'renewal lost');
        if (hygiene !== null)
          used.push(
            hygiene ? 'registered deal with owner and next step' : 'registered deal missing owner or next step'
          );
        const amountText = cells[iAmount];
        const nextStep = cells[iNextStep];
        detail!.opportunities.push({
          id: cells[c.Id] === '' ? null! : cells[c.Id],
          name: cells[c.Name],
          type: cells[iType],
          involvement: cells[iInvolvement],
          closeDate: closeDate!,
          isClosed,
          isWon,
          amount: amountText === '' ? null : Number(amountText),
          currency,
          rate,
          corporateAmount: corporateCents === null ? null : corporateCents / 100,
          nextStep: nextStep === '' ? null : nextStep,
          counts: used
        });
      }
    };
  };
}
