/*
 * The naive baseline the benchmark compares org mode with, counted from a snapshot's data (never
 * run against anything): an integration that evaluates partner by partner over the REST API.
 *
 *  - reads: one SOQL query for the partner list, one for the dated rates, and per evaluated partner
 *    one query per related object (opportunities, delivery reviews, certifications, evidence,
 *    exceptions, stored evaluations); every query returns at most REST_PAGE_SIZE records per call,
 *    so a partner with more related records needs queryMore calls (counted from the data);
 *  - writes: per evaluated partner one upsert of its Tier_Evaluation__c and one update of its
 *    Partner_Profile__c (one REST call per record).
 */
import { readManifest } from '../../lib/snapshot/manifest.ts';
import { hasSnapshotFile, scanSnapshotCsv } from '../../lib/snapshot/read-csv.ts';
import type { SnapshotObject } from '../../lib/snapshot/schema.ts';

/** Records per REST query call (the default batch size of the REST query resource). */
export const REST_PAGE_SIZE = 2_000;

/** The related objects the naive integration queries per partner, and the column naming it. */
const PER_PARTNER_QUERIES: { object: SnapshotObject; by: 'account' | 'profile'; column: string }[] = [
  { object: 'Opportunity', by: 'account', column: 'Partner_Account__c' },
  { object: 'Delivery_Review__c', by: 'profile', column: 'Partner_Profile__c' },
  { object: 'Partner_Certification__c', by: 'profile', column: 'Partner_Profile__c' },
  { object: 'Partner_Evidence__c', by: 'profile', column: 'Partner_Profile__c' },
  { object: 'Tier_Exception__c', by: 'profile', column: 'Partner_Profile__c' },
  { object: 'Tier_Evaluation__c', by: 'profile', column: 'Partner_Profile__c' }
];

export interface NaiveCalls {
  partners: number;
  evaluatedPartners: number;
  /** Partner list and rates: queries plus their queryMore calls. */
  listQueries: number;
  /** One per evaluated partner and related object. */
  perPartnerQueries: number;
  /** Extra calls for partners with more than REST_PAGE_SIZE records of one object. */
  queryMore: number;
  /** One upsert and one update per evaluated partner. */
  recordUpdates: number;
  total: number;
}

const pages = (records: number): number => Math.max(1, Math.ceil(records / REST_PAGE_SIZE));

export async function countNaiveCalls(snapshotDir: string): Promise<NaiveCalls> {
  const manifest = await readManifest(snapshotDir);
  const indexByAccount = new Map<string, number>();
  const indexByProfile = new Map<string, number>();
  const active: boolean[] = [];
  await scanSnapshotCsv(snapshotDir, manifest, 'Partner_Profile__c', (c) => (cells) => {
    const index = active.length;
    indexByAccount.set(cells[c.Account__c], index);
    indexByProfile.set(cells[c.Id], index);
    active.push(cells[c.Status__c] === 'Active');
  });
  const partners = active.length;
  const evaluatedPartners = active.filter(Boolean).length;
  let listQueries = pages(partners);
  if (hasSnapshotFile(snapshotDir, manifest, 'DatedConversionRate'))
    listQueries += pages(manifest.files['DatedConversionRate.csv']?.rows ?? 0);

  let perPartnerQueries = 0;
  let queryMore = 0;
  for (const { object, by, column } of PER_PARTNER_QUERIES) {
    const counts = new Int32Array(partners);
    const index = by === 'account' ? indexByAccount : indexByProfile;
    await scanSnapshotCsv(snapshotDir, manifest, object, (c) => {
      const position = c[column];
      return (cells) => {
        const partner = index.get(cells[position]);
        if (partner !== undefined) counts[partner]++;
      };
    });
    for (let partner = 0; partner < partners; partner++) {
      if (!active[partner]) continue;
      perPartnerQueries++;
      queryMore += pages(counts[partner]) - 1;
    }
  }
  const recordUpdates = 2 * evaluatedPartners;
  return {
    partners,
    evaluatedPartners,
    listQueries,
    perPartnerQueries,
    queryMore,
    recordUpdates,
    total: listQueries + perPartnerQueries + queryMore + recordUpdates
  };
}
