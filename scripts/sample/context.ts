/* What every record builder gets for one partner. */
import type { KeyPrefixObject } from './ids.ts';
import type { Random } from './random.ts';
import type { ForeignCurrency } from './reference.ts';
import type { Scenario } from './scenarios.ts';

export interface PartnerContext {
  scenario: Scenario;
  /** The partner's own PRNG, seeded from its scenario key. */
  random: Random;
  accountId: string;
  profileId: string;
  slug: string;
  onboardedOn: string | null;
  /** Whether the partner has records from before the window (onboarded before mid-2025). */
  hasHistory: boolean;
  homeCurrency: 'USD' | ForeignCurrency;
  newId: (object: KeyPrefixObject) => string;
  salesReps: string[];
}
