/*
 * Delivery reviews, certified people and evidence of one partner, built from the scenario so that
 * they produce its CSAT, escalation, certified-people, integration, SOW and evidence-age values
 * exactly, plus records that never count (outside the window, expired, unverified, dated after E).
 */
import type { PartnerContext } from './context.ts';
import { addDays, EVALUATION_DATE, HISTORY_START, LAST_RECORD_DATE, randomDate, WINDOW_START } from './dates.ts';
import type { WonDeal } from './opportunities.ts';
import type { Random } from './random.ts';
import { CERTIFICATIONS, CUSTOMERS, EVIDENCE_TITLES, FIRST_NAMES, LAST_NAMES, PROOF_TYPES } from './reference.ts';
import { bool, slugify } from './tables.ts';
import type { Row } from './tables.ts';

const INNER_START = addDays(WINDOW_START, 1);
const INNER_END = addDays(EVALUATION_DATE, -1);
const DAY_BEFORE_WINDOW = addDays(WINDOW_START, -1);
const AFTER_EVALUATION = addDays(EVALUATION_DATE, 1);

const byDate =
  <T>(date: (item: T) => string) =>
  (a: T, b: T) =>
    date(a) < date(b) ? -1 : date(a) > date(b) ? 1 : 0;

function historyStart(context: PartnerContext): string {
  return context.onboardedOn && context.onboardedOn > HISTORY_START ? context.onboardedOn : HISTORY_START;
}

/* ------------------------------------------------------------------------ delivery reviews */

/** `count` integer scores (0..100) around the mean that add up to exactly `sum`. */
function csatScores(random: Random, count: number, sum: number): number[] {
  const mean = sum / count;
  const base = Math.floor(mean);
  const scores = Array.from({ length: count }, (_, index) => base + (index < sum - base * count ? 1 : 0));
  for (let step = 0; step < count * 4; step++) {
    const up = random.int(0, count - 1);
    const down = random.int(0, count - 1);
    const delta = random.int(1, 5);
    const raised = scores[up] + delta;
    const lowered = scores[down] - delta;
    if (up === down || raised > 100 || lowered < 0 || raised > mean + 9 || lowered < mean - 12) continue;
    scores[up] = raised;
    scores[down] = lowered;
  }
  if (scores.reduce((total, score) => total + score, 0) !== sum) throw new Error('CSAT scores do not add up');
  return scores;
}

interface Review {
  score: number;
  date: string;
  escalated: boolean;
}

export function buildReviews(context: PartnerContext, won: WonDeal[]): Row[] {
  const { scenario, random } = context;
  const edges = new Set(scenario.edges ?? []);
  const reviews: Review[] = [];
  const spec = scenario.reviews;
  if (spec) {
    const scores = csatScores(random, spec.count, spec.sum);
    const escalated = new Set(
      scores
        .map((score, index) => ({ score, index }))
        .sort((a, b) => a.score - b.score || a.index - b.index)
        .slice(0, spec.escalated ?? 0)
        .map((entry) => entry.index)
    );
    scores.forEach((score, index) => {
      const date =
        index === 0 && edges.has('review-on-window-start') ? WINDOW_START : randomDate(random, INNER_START, INNER_END);
      reviews.push({ score, date, escalated: escalated.has(index) });
    });
  }
  // Reviews that never count: before the window or after the evaluation date.
  if (edges.has('review-on-window-start')) reviews.push({ score: 64, date: DAY_BEFORE_WINDOW, escalated: true });
  if (edges.has('reviews-outside-window-only')) {
    reviews.push({ score: 82, date: '2025-08-14', escalated: false });
    reviews.push({ score: 79, date: DAY_BEFORE_WINDOW, escalated: false });
    reviews.push({ score: 85, date: '2026-10-02', escalated: false });
  }
  if (context.hasHistory) {
    for (let count = random.int(1, 3); count > 0; count--) {
      const date = randomDate(random, historyStart(context), addDays(WINDOW_START, -2));
      reviews.push({ score: random.int(62, 97), date, escalated: random.chance(0.15) });
    }
  }
  if ((spec || context.hasHistory) && random.chance(0.25)) {
    reviews.push({
      score: random.int(70, 98),
      date: randomDate(random, AFTER_EVALUATION, LAST_RECORD_DATE),
      escalated: false
    });
  }
  reviews.sort(byDate((review) => review.date));
  return reviews.map((review) => {
    const delivered = won.filter((deal) => deal.closeDate <= review.date);
    return {
      Id: context.newId('Delivery_Review__c'),
      Partner_Profile__c: context.profileId,
      Opportunity__c: delivered.length > 0 ? random.pick(delivered).id : '',
      CSAT__c: String(review.score),
      Reviewed_On__c: review.date,
      Escalated__c: bool(review.escalated)
    };
  });
}

/* -------------------------------------------------------------- certified people (contacts) */

interface Certification {
  issued: string;
  expires: string;
  verified: boolean;
}

interface Person {
  certifications: Certification[];
}

function validCertification(random: Random): Certification {
  // Issued on or after 2024-10-01, so a two-year expiry is never before 2026-10-01.
  const issued = randomDate(random, HISTORY_START, '2026-09-20');
  return { issued, expires: random.chance(0.5) ? '' : addDays(issued, 730), verified: true };
}

function noiseCertification(random: Random): Certification {
  const kind = random.pick(['expired', 'unverified', 'future'] as const);
  if (kind === 'expired') {
    return {
      issued: randomDate(random, HISTORY_START, '2025-03-31'),
      expires: randomDate(random, WINDOW_START, INNER_END),
      verified: true
    };
  }
  if (kind === 'unverified') {
    const issued = randomDate(random, WINDOW_START, '2026-09-25');
    return { issued, expires: addDays(issued, 730), verified: false };
  }
  const issued = randomDate(random, AFTER_EVALUATION, LAST_RECORD_DATE);
  return { issued, expires: addDays(issued, 730), verified: true };
}

export function buildPeople(context: PartnerContext): { contacts: Row[]; certifications: Row[] } {
  const { scenario, random } = context;
  const edges = new Set(scenario.edges ?? []);
  const people: Person[] = [];
  for (let index = 0; index < scenario.certified; index++) {
    const certifications = [validCertification(random)];
    if (random.chance(0.25))
      certifications.push(random.chance(0.5) ? validCertification(random) : noiseCertification(random));
    people.push({ certifications });
  }
  if (edges.has('cert-expires-on-evaluation-date')) {
    // Expiring on the evaluation date still counts; expiring the day before does not.
    people[0].certifications = [{ issued: '2024-10-15', expires: EVALUATION_DATE, verified: true }];
    people.push({ certifications: [{ issued: '2024-10-14', expires: addDays(EVALUATION_DATE, -1), verified: true }] });
  }
  if (edges.has('certification-without-issue-date')) {
    // Issued_On__c is required in the org, so the uncounted edge here is an unverified certification.
    people.push({ certifications: [{ issued: '2025-01-10', expires: '', verified: false }] });
  }
  if (edges.has('lapsed-certifications')) {
    for (let count = 0; count < 4; count++) {
      const issued = randomDate(random, HISTORY_START, '2024-12-31');
      people.push({
        certifications: [{ issued, expires: randomDate(random, '2026-08-03', '2026-08-28'), verified: true }]
      });
    }
  }
  if (scenario.status !== 'Prospect') {
    for (let count = random.int(0, 2); count > 0; count--)
      people.push({ certifications: [noiseCertification(random)] });
  }

  const contacts: Row[] = [];
  const certifications: (Row & { sortKey: string })[] = [];
  const usedNames = new Set<string>();
  for (const person of people) {
    let first = random.pick(FIRST_NAMES);
    let last = random.pick(LAST_NAMES);
    while (usedNames.has(`${first} ${last}`)) {
      first = random.pick(FIRST_NAMES);
      last = random.pick(LAST_NAMES);
    }
    usedNames.add(`${first} ${last}`);
    const contactId = context.newId('Contact');
    contacts.push({
      Id: contactId,
      FirstName: first,
      LastName: last,
      AccountId: context.accountId,
      Email: `${slugify(first)}.${slugify(last)}@${context.slug}.example.com`
    });
    const names = random.shuffle(CERTIFICATIONS[scenario.type]);
    person.certifications.forEach((certification, index) => {
      certifications.push({
        sortKey: certification.issued || '9999-12-31',
        Id: '',
        Partner_Profile__c: context.profileId,
        Contact__c: contactId,
        Certification_Name__c: names[index % names.length],
        Credential_Id__c: `SFC-${random.int(10_000_000, 99_999_999)}`,
        Issued_On__c: certification.issued,
        Expires_On__c: certification.expires,
        Verified__c: bool(certification.verified)
      });
    });
  }
  certifications.sort(byDate((row) => row.sortKey));
  return {
    contacts,
    certifications: certifications.map(({ sortKey: _sortKey, ...row }) => ({
      ...row,
      Id: context.newId('Partner_Certification__c')
    }))
  };
}

/* -------------------------------------------------------------------------------- evidence */

interface Evidence {
  type: string;
  date: string;
  verified: boolean;
}

function olderThan(random: Random, newest: string): string {
  const date = addDays(newest, -random.int(7, 400));
  return date < HISTORY_START ? randomDate(random, HISTORY_START, newest) : date;
}

export function buildEvidence(context: PartnerContext): Row[] {
  const { scenario, random } = context;
  const edges = new Set(scenario.edges ?? []);
  const items: Evidence[] = [];
  const spec = scenario.evidence;
  if (spec) {
    const newest = addDays(EVALUATION_DATE, -spec.ageDays);
    items.push({ type: random.pick(PROOF_TYPES), date: newest, verified: true });
    for (let count = random.int(0, 2); count > 0; count--) {
      items.push({ type: random.pick(PROOF_TYPES), date: olderThan(random, newest), verified: true });
    }
    for (let index = 0; index < (spec.integrations ?? 0); index++) {
      const date = index === 0 && edges.has('integration-before-window') ? '2025-05-20' : olderThan(random, newest);
      items.push({ type: 'Validated Integration', date, verified: true });
    }
    for (let index = 0; index < (spec.sows ?? 0); index++) {
      items.push({ type: index % 2 === 0 ? 'SOW' : 'Playbook', date: olderThan(random, newest), verified: true });
    }
  }
  // Evidence that never counts: unverified, or dated after the evaluation date.
  if (edges.has('evidence-after-evaluation')) {
    items.push({ type: 'Case Study', date: '2026-10-02', verified: true });
    items.push({ type: 'Reference Customer', date: '2026-09-10', verified: false });
  }
  if (edges.has('unverified-integration')) {
    items.push({ type: 'Validated Integration', date: '2026-08-12', verified: false });
    items.push({ type: 'Validated Integration', date: '2026-10-03', verified: true });
  }
  if (scenario.status !== 'Prospect') {
    const anyType = [...PROOF_TYPES, 'Validated Integration', 'SOW', 'Playbook'];
    if (random.chance(0.35)) {
      items.push({ type: random.pick(anyType), date: addDays(EVALUATION_DATE, -random.int(1, 60)), verified: false });
    }
    if (random.chance(0.1)) {
      items.push({
        type: random.pick(anyType),
        date: randomDate(random, AFTER_EVALUATION, LAST_RECORD_DATE),
        verified: true
      });
    }
  }
  items.sort(byDate((item) => item.date));
  return items.map((item, index) => {
    const title = random
      .pick(EVIDENCE_TITLES[item.type])
      .replace('{customer}', random.pick(CUSTOMERS))
      .replace('{n}', String(random.int(1, 4)));
    const url =
      item.type === 'Marketplace Listing'
        ? `https://marketplace.example.com/listings/${context.slug}`
        : `https://partners.example.com/${context.slug}/${slugify(item.type)}/${index + 1}`;
    return {
      Id: context.newId('Partner_Evidence__c'),
      Partner_Profile__c: context.profileId,
      Type__c: item.type,
      Title__c: title,
      URL__c: url,
      Evidence_Date__c: item.date,
      Verified__c: bool(item.verified)
    };
  });
}
