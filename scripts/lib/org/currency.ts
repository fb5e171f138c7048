/**
 * The org's currency setup: the corporate currency, and whether the org is multi-currency (its
 * Opportunity has CurrencyIsoCode). A multi-currency org without advanced currency management has no
 * dated rates; its static rates then stand in as rates valid for all dates, so amounts are converted
 * the way the offline rule converts them (docs/snapshot-format.md, Multi-currency).
 */
import type { SalesforceClient } from './http.ts';
import { queryAll, type SObjectDescribe } from './rest.ts';

export interface CurrencyFacts {
  corporateCurrency: string;
  multiCurrency: boolean;
  /** Active non-corporate currencies with their static rate (multi-currency orgs only). */
  staticRates: { isoCode: string; rate: number }[];
}

export async function readCurrencyFacts(
  client: SalesforceClient,
  describes: Map<string, SObjectDescribe | null>
): Promise<CurrencyFacts> {
  const opportunity = describes.get('Opportunity');
  const multiCurrency = opportunity?.fields.some((field) => field.name === 'CurrencyIsoCode') ?? false;
  if (!multiCurrency) {
    const [organization] = await queryAll(client, 'SELECT Id, DefaultCurrencyIsoCode FROM Organization');
    return {
      corporateCurrency: String(organization?.DefaultCurrencyIsoCode ?? 'USD'),
      multiCurrency,
      staticRates: []
    };
  }
  const currencies = await queryAll(
    client,
    'SELECT IsoCode, ConversionRate, IsCorporate FROM CurrencyType WHERE IsActive = true'
  );
  const corporate = currencies.find((currency) => currency.IsCorporate === true);
  return {
    corporateCurrency: String(corporate?.IsoCode ?? 'USD'),
    multiCurrency,
    staticRates: currencies
      .filter((currency) => currency.IsCorporate !== true)
      .map((currency) => ({ isoCode: String(currency.IsoCode), rate: Number(currency.ConversionRate) }))
  };
}

/** DatedConversionRate rows valid from 1900 on, from the static rates (orgs without dated rates). */
export function staticRateRows(facts: CurrencyFacts): string {
  return facts.staticRates.map((rate) => `"","${rate.isoCode}","${rate.rate}","1900-01-01","9999-12-31"\n`).join('');
}
