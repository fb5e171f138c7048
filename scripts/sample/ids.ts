/*
 * Salesforce-like 18-character record Ids: 3-character key prefix, 2-character pod, reserved `0`,
 * a 9-character base-62 record number, and the 3-character case-safety suffix computed exactly as
 * Salesforce does, so the Ids look and validate like real ones.
 */
import type { Random } from './random.ts';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const POD = '8d';

/** Key prefixes of the objects in the sample (a01..a09: the program's custom objects). */
export const KEY_PREFIX = {
  Account: '001',
  Contact: '003',
  User: '005',
  Opportunity: '006',
  DatedConversionRate: '04w',
  Partner_Profile__c: 'a01',
  Partner_Certification__c: 'a02',
  Partner_Evidence__c: 'a03',
  Delivery_Review__c: 'a04',
  Tier_Exception__c: 'a05',
  Tier_Evaluation__c: 'a06',
  MDF_Budget__c: 'a07',
  MDF_Request__c: 'a08',
  MDF_Claim__c: 'a09',
  Campaign: '701'
} as const;

export type KeyPrefixObject = keyof typeof KEY_PREFIX;

function base62(value: number, width: number): string {
  let text = '';
  let rest = value;
  while (rest > 0) {
    text = BASE62[rest % 62] + text;
    rest = Math.floor(rest / 62);
  }
  return text.padStart(width, '0');
}

/** The 3-character suffix that makes a 15-character Id case-insensitively unique. */
export function caseSafeSuffix(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let flags = 0;
    for (let position = 0; position < 5; position++) {
      const character = id15[chunk * 5 + position];
      if (character >= 'A' && character <= 'Z') flags |= 1 << position;
    }
    suffix += SUFFIX_ALPHABET[flags];
  }
  return suffix;
}

/** Issues increasing Ids per object, with small random gaps like a real org's record numbers. */
export function createIdFactory(random: Random): (object: KeyPrefixObject) => string {
  const counters = new Map<KeyPrefixObject, number>();
  return (object) => {
    const previous = counters.get(object) ?? 62 ** 5 * random.int(20, 60) + random.int(0, 62 ** 4);
    const counter = previous + random.int(1, 40);
    counters.set(object, counter);
    const id15 = `${KEY_PREFIX[object]}${POD}0${base62(counter, 9)}`;
    return id15 + caseSafeSuffix(id15);
  };
}
