/**
 * The org's currency setup: the corporate currency, and whether the org is multi-currency (its
 * Opportunity has CurrencyIsoCode). A multi-currency org without advanced currency management has no
 * dated rates; its static rates then stand in as rates valid for all dates, so amounts are converted
 * the way the offline rule converts them (docs/snapshot-format.md, Multi-currency).
 */
import type { SalesforceClient } from './http.ts';
import { queryAll, type SObjectDescribe, type SObjectRecord } from './rest.ts';

export interface CurrencyFacts {
  corporateCurrency: string;
  multiCurrency: boolean;
  /** Active non-corporate currencies with their static rate (multi-currency orgs only). */
  staticRates: { isoCode: string; rate: number }[];
}

/** The query that tells the corporate currency (and, in a multi-currency org, the static rates). */
export function currencyQuery(describes: Map<string, SObjectDescribe | null>): {
  soql: string;
  multiCurrency: boolean;
} {
  const opportunity = describes.get('Opportunity');
  const multiCurrency = opportunity?.fields.some((field) => field.name === 'CurrencyIsoCode') ?? false;
  return multiCurrency
    ? { soql: 'SELECT IsoCode, ConversionRate, IsCorporate FROM CurrencyType WHERE IsActive = true', multiCurrency }
    : { soql: 'SELECT Id, DefaultCurrencyIsoCode FROM Organization', multiCurrency };
}

/** The currency facts from the answer to currencyQuery. */
export function currencyFacts(records: SObjectRecord[], multiCurrency: boolean): CurrencyFacts {
  if (!multiCurrency) {
    const [organization] = records;
    return {
      corporateCurrency: String(organization?.DefaultCurrencyIsoCode ?? 'USD'),
      multiCurrency,
      staticRates: []
    };
  }
  const corporate = records.find((currency) => currency.IsCorporate === true);
  return {
    corporateCurrency: String(corporate?.IsoCode ?? 'USD'),
    multiCurrency,
    staticRates: records
      .filter((currency) => currency.IsCorporate !== true)
      .map((currency) => ({ isoCode: String(currency.IsoCode), rate: Number(currency.ConversionRate) }))
  };
}

export async function readCurrencyFacts(
  client: SalesforceClient,
  describes: Map<string, SObjectDescribe | null>
): Promise<CurrencyFacts> {
  const { soql, multiCurrency } = currencyQuery(describes);
  return currencyFacts(await queryAll(client, soql), multiCurrency);
}

/** DatedConversionRate rows valid from 1900 on, from the static rates (orgs without dated rates). */
export function staticRateRows(facts: CurrencyFacts): string {
  return facts.staticRates.map((rate) => `"","${rate.isoCode}","${rate.rate}","1900-01-01","9999-12-31"\n`).join('');
}
