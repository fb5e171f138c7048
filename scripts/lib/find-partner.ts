import { UserError } from './errors.ts';
import type { Manifest } from './snapshot/manifest.ts';
import { readSnapshotCsv } from './snapshot/read-csv.ts';

export interface PartnerRef {
  accountId: string;
  profileId: string;
  name: string;
}

/**
 * Finds one partner by Account Id (15 or 18 characters), Partner Profile Id or name: an exact name
 * (any case) first, then a unique part of a name. Ambiguity is an error listing the candidates.
 */
export async function findPartner(snapshotDir: string, manifest: Manifest, query: string): Promise<PartnerRef> {
  const names = new Map<string, string>();
  for await (const { row } of readSnapshotCsv(snapshotDir, manifest, 'Account'))
    names.set(row.Id!, row.Name ?? row.Id!);
  const partners: PartnerRef[] = [];
  for await (const { row } of readSnapshotCsv(snapshotDir, manifest, 'Partner_Profile__c')) {
    if (row.Account__c) {
      partners.push({
        accountId: row.Account__c,
        profileId: row.Id!,
        name: names.get(row.Account__c) ?? row.Name ?? row.Account__c
      });
    }
  }
  const wanted = query.trim();
  const lower = wanted.toLowerCase();
  const byId = partners.find(
    (partner) =>
      partner.accountId === wanted ||
      partner.profileId === wanted ||
      (wanted.length === 15 && (partner.accountId.startsWith(wanted) || partner.profileId.startsWith(wanted)))
  );
  if (byId) return byId;
  const exact = partners.filter((partner) => partner.name.toLowerCase() === lower);
  if (exact.length === 1) return exact[0];
  const partial = exact.length > 1 ? exact : partners.filter((partner) => partner.name.toLowerCase().includes(lower));
  if (partial.length === 1) return partial[0];
  if (partial.length === 0) {
    throw new UserError(`No partner matches "${query}" in this snapshot.`, {
      hint: 'Give the Account Id, the Partner Profile Id or (part of) the account name; "evaluate" lists every partner.'
    });
  }
  const listed = partial
    .slice(0, 10)
    .map((partner) => `${partner.name} (${partner.accountId})`)
    .sort();
  throw new UserError(`"${query}" matches ${partial.length} partners.`, {
    details: listed,
    hint: 'Give more of the name, or the Account Id.'
  });
}
