import {
  daysBetween,
  type IsoDate,
  type MetricValues
} from '../../../force-app/main/default/lwc/tierEngine/tierEngine.ts';

/**
 * The running totals of one partner for one evaluation window: constant size per partner (plus the
 * set of certified contacts), so memory grows with partners, not with opportunities or reviews.
 */
export interface PartnerTotals {
  revenueCents: number;
  wonDeals: number;
  reviews: number;
  csatSum: number;
  escalated: number;
  renewalsClosed: number;
  renewalsWon: number;
  registeredOpen: number;
  registeredOpenClean: number;
  certifiedContacts: Set<string>;
  validatedIntegrations: number;
  sowEvidence: number;
  newestEvidence: IsoDate | null;
  /** Numeric Partner_Profile__c fields read by `FIELD:` criteria. */
  fields: Record<string, number | null>;
}

export function emptyTotals(): PartnerTotals {
  return {
    revenueCents: 0,
    wonDeals: 0,
    reviews: 0,
    csatSum: 0,
    escalated: 0,
    renewalsClosed: 0,
    renewalsWon: 0,
    registeredOpen: 0,
    registeredOpenClean: 0,
    certifiedContacts: new Set(),
    validatedIntegrations: 0,
    sowEvidence: 0,
    newestEvidence: null,
    fields: {}
  };
}

/**
 * The size of one partner's totals: one cell per scalar field plus the entries of the collections
 * inside (certified contacts, FIELD: values). The benchmark's regression test checks that it does
 * not change when a partner has more opportunities, reviews or evidence records.
 */
export function totalsSize(totals: PartnerTotals): number {
  let cells = 0;
  for (const value of Object.values(totals)) {
    if (value instanceof Set) cells += value.size;
    else if (value !== null && typeof value === 'object') cells += Object.keys(value).length;
    else cells++;
  }
  return cells;
}

function percent(part: number, whole: number): number {
  return (part / whole) * 100;
}

/** Turns totals into metric values (DESIGN.md §3 metrics table); "no data" carries the reason. */
export function metricValues(totals: PartnerTotals, evaluationDate: IsoDate, window: string): MetricValues {
  const values: MetricValues = {
    REVENUE_4Q: {
      value: totals.revenueCents / 100,
      note: `${totals.wonDeals} closed-won partner deal(s) ${window}`
    },
    CSAT_AVG:
      totals.reviews > 0
        ? { value: totals.csatSum / totals.reviews, note: `${totals.reviews} delivery review(s) ${window}` }
        : { value: null, note: `no delivery review ${window}` },
    ESCALATION_RATE_PCT:
      totals.reviews > 0
        ? {
            value: percent(totals.escalated, totals.reviews),
            note: `${totals.escalated} of ${totals.reviews} reviews escalated`
          }
        : { value: null, note: `no delivery review ${window}` },
    RENEWAL_RATE_PCT:
      totals.renewalsClosed > 0
        ? {
            value: percent(totals.renewalsWon, totals.renewalsClosed),
            note: `${totals.renewalsWon} of ${totals.renewalsClosed} renewal(s) won ${window}`
          }
        : { value: null, note: `no renewal opportunity closed ${window}` },
    DEAL_HYGIENE_PCT:
      totals.registeredOpen > 0
        ? {
            value: percent(totals.registeredOpenClean, totals.registeredOpen),
            note: `${totals.registeredOpenClean} of ${totals.registeredOpen} open registered deal(s) have an owner and a next step`
          }
        : { value: null, note: `no registered deal open on ${evaluationDate}` },
    CERTIFIED_PEOPLE: {
      value: totals.certifiedContacts.size,
      note: `verified certifications valid on ${evaluationDate}`
    },
    VALIDATED_INTEGRATIONS: { value: totals.validatedIntegrations, note: 'verified Validated Integration evidence' },
    SOW_EVIDENCE: { value: totals.sowEvidence, note: 'verified SOW or Playbook evidence' },
    EVIDENCE_AGE_DAYS: totals.newestEvidence
      ? {
          value: daysBetween(totals.newestEvidence, evaluationDate),
          note: `newest verified proof dated ${totals.newestEvidence}`
        }
      : { value: null, note: `no verified evidence dated on or before ${evaluationDate}` }
  };
  for (const [field, value] of Object.entries(totals.fields)) {
    values[`FIELD:${field}`] =
      value === null
        ? { value: null, note: `Partner Profile field ${field} is blank` }
        : { value, note: `Partner Profile field ${field}` };
  }
  return values;
}
