import type { IsoDate } from '../../../force-app/main/default/lwc/tierEngine/tierEngine.ts';

interface RatePeriod {
  start: IsoDate;
  nextStart: IsoDate;
  rate: number;
}

/**
 * Dated conversion rates (DatedConversionRate): `rate` units of a currency per one unit of the
 * corporate currency, in force from `start` (inclusive) to `nextStart` (exclusive).
 */
export class CurrencyConverter {
  readonly corporateCurrency: string;
  private readonly periods = new Map<string, RatePeriod[]>();

  constructor(corporateCurrency: string) {
    this.corporateCurrency = corporateCurrency;
  }

  addRate(isoCode: string, start: IsoDate, nextStart: IsoDate, rate: number): void {
    const list = this.periods.get(isoCode) ?? [];
    list.push({ start, nextStart, rate });
    this.periods.set(isoCode, list);
  }

  /** Call once after the last addRate: sorts periods so lookups can bisect. */
  seal(): void {
    for (const list of this.periods.values()) list.sort((a, b) => a.start.localeCompare(b.start));
  }

  /** Every period added, to rebuild the same converter elsewhere (a worker thread). */
  periodList(): { isoCode: string; start: IsoDate; nextStart: IsoDate; rate: number }[] {
    return [...this.periods].flatMap(([isoCode, list]) => list.map((period) => ({ isoCode, ...period })));
  }

  /** The rate in force on `date`, 1 for the corporate currency, or null when none is. */
  rateOn(isoCode: string, date: IsoDate): number | null {
    if (isoCode === this.corporateCurrency) return 1;
    const list = this.periods.get(isoCode);
    if (!list) return null;
    let low = 0;
    let high = list.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const period = list[middle];
      if (date < period.start) high = middle - 1;
      else if (date >= period.nextStart) low = middle + 1;
      else return period.rate;
    }
    return null;
  }
}

/** amount ÷ rate, rounded half away from zero to whole cents (DESIGN.md §3, revenue). */
export function toCorporateCents(amount: number, rate: number): number {
  const cents = (Math.abs(amount) / rate) * 100;
  // The epsilon keeps an exact half cent (e.g. 0.125 held as 0.12499999…) rounding up.
  return Math.sign(amount) * Math.round(cents + 1e-7);
}
