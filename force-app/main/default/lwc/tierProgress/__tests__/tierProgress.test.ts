/*
 * c-tier-progress, driven through its Apex wire adapter with fixtures built from data/sample (see
 * data/README.md): the bars and gaps it shows must be the numbers `partner-program explain` gives.
 */
import { createElement } from 'lwc';
import { createApexTestWireAdapter } from '@salesforce/sfdx-lwc-jest';
import TierProgress from 'c/tierProgress';
import getTierProgress from '@salesforce/apex/TierProgressController.getTierProgress';
import SKYLARK from './data/skylark.json';
import SKYLARK_EXPLAIN from './data/skylark-explain.json';
import IRONBARK from './data/ironbark.json';
import IRONBARK_EXPLAIN from './data/ironbark-explain.json';
import FATHOM from './data/fathom.json';
import STONEBRIDGE from './data/stonebridge.json';

jest.mock(
  '@salesforce/apex/TierProgressController.getTierProgress',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);

const wire = getTierProgress as unknown as ReturnType<typeof createApexTestWireAdapter>;

/** Only Date is faked: the grace banner compares with today; LWC and axe keep their real timers. */
function setToday(isoDate: string) {
  jest.useFakeTimers({
    now: new Date(`${isoDate}T12:00:00Z`),
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout'
    ]
  });
}

function mount(props: Record<string, unknown> = {}): HTMLElement & Record<string, unknown> {
  const element = createElement('c-tier-progress', { is: TierProgress }) as unknown as HTMLElement &
    Record<string, unknown>;
  Object.assign(element, props);
  document.body.appendChild(element);
  return element;
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

const root = (element: Element) => element.shadowRoot!;

function rows(element: Element, section: string): HTMLElement[] {
  return Array.from(root(element).querySelectorAll(`section.${section} c-criterion-row`)).map(
    (row) => row.shadowRoot!.querySelector('.criterion') as HTMLElement
  );
}

function notice(
  element: Element,
  kind: string
): { variant: string; message: string; date: string | null; detail: string | null } | null {
  const host = root(element).querySelector(`c-tier-notice.${kind}`) as (Element & Record<string, unknown>) | null;
  if (!host) return null;
  return {
    variant: host.variant as string,
    message: host.message as string,
    date: (host.date as string | null) ?? null,
    detail: (host.detail as string | null) ?? null
  };
}

describe('c-tier-progress', () => {
  beforeEach(() => setToday('2026-10-05'));

  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.useRealTimers();
    jest.clearAllMocks();
  });

  it('shows a near-upgrade Select partner with the progress and gaps explain gives (Ironbark Systems)', async () => {
    const element = mount({ recordId: IRONBARK.profileId });
    wire.emit(IRONBARK);
    await flush();

    expect(wire.getLastConfig()).toEqual({ recordId: IRONBARK.profileId });
    const badge = root(element).querySelector('lightning-badge.tier') as Element & { label: string };
    expect(badge.label).toBe('Select');

    const overall = root(element).querySelector('c-tier-progress-bar.overall')!;
    const percent = overall.shadowRoot!.querySelector('.percent')!;
    expect(percent.textContent).toBe(`${Math.floor(IRONBARK_EXPLAIN.progress * 100)} %`);
    expect(overall.shadowRoot!.querySelector('.caption')!.textContent).toBe('5 of 6 criteria met');
    const bar = overall.shadowRoot!.querySelector('lightning-progress-bar') as Element & { value: number };
    expect(bar.value).toBe(97);

    const eliteCriteria = IRONBARK_EXPLAIN.criteria.filter((criterion) => criterion.tier === 'Elite');
    const shown = rows(element, 'next-tier');
    expect(shown.map((row) => row.dataset.criterion)).toEqual(eliteCriteria.map((criterion) => criterion.criterion));
    for (const [index, criterion] of eliteCriteria.entries()) {
      expect(shown[index].dataset.met).toBe(String(criterion.met));
      expect(shown[index].dataset.percent).toBe(String(Math.floor(criterion.progress * 100)));
      const gap = shown[index].querySelector('.gap');
      expect(gap?.textContent ?? null).toBe(criterion.gap === null ? null : `Missing: ${criterion.gap}`);
    }
    const renewal = shown.find((row) => row.dataset.criterion === 'Elite_Renewal_Rate_Reseller')!;
    expect(renewal.querySelector('.shown')!.textContent).toBe('70 %');
    expect(renewal.querySelector('.required')!.textContent).toBe(' (required: at least 85 %)');

    expect(notice(element, 'near-upgrade')).toEqual({
      variant: 'success',
      message: 'Near upgrade: 97 % of the way to Elite.',
      date: null,
      detail: null
    });
    expect(notice(element, 'grace')).toBeNull();
    expect(root(element).querySelector('section.keep')).toBeNull();
    const benefits = Array.from(root(element).querySelectorAll('section.benefits li'));
    expect(benefits).toHaveLength(4);
    expect(root(element).querySelector('section.benefits h3')!.textContent).toBe('What Elite adds');

    await expect(element).toBeAccessible();
  });

  it('shows an Elite partner in grace: the at-risk criterion with its gap and the missing recovery plan (Skylark Metrics)', async () => {
    const element = mount({ recordId: SKYLARK.profileId });
    wire.emit(SKYLARK);
    await flush();

    expect(root(element).querySelector('.top-tier')!.textContent).toBe('Elite is the highest tier.');
    expect(root(element).querySelector('section.next-tier')).toBeNull();
    const elite = SKYLARK_EXPLAIN.criteria.filter((criterion) => criterion.tier === 'Elite');
    const shown = rows(element, 'keep');
    expect(shown.map((row) => row.dataset.criterion)).toEqual(elite.map((criterion) => criterion.criterion));
    const revenue = shown.find((row) => row.dataset.criterion === 'Elite_Revenue_4Q')!;
    const explained = elite.find((criterion) => criterion.criterion === 'Elite_Revenue_4Q')!;
    expect(revenue.dataset.met).toBe('false');
    expect(revenue.dataset.percent).toBe(String(Math.floor(explained.progress * 100)));
    expect(revenue.querySelector('.gap')!.textContent).toBe(`Missing: ${explained.gap}`);
    expect(revenue.querySelector('.gap')!.textContent).toBe('Missing: USD 30,000.00 more');
    expect(revenue.querySelector('.shown')!.textContent).toBe('USD 470,000.00');

    expect(notice(element, 'grace')).toEqual({
      variant: 'error',
      message: 'Grace period: Elite is kept until',
      date: SKYLARK_EXPLAIN.graceUntil,
      detail: 'A written recovery plan is required and missing: fill in Recovery Plan on the partner profile.'
    });
    expect(notice(element, 'near-upgrade')).toBeNull();

    await expect(element).toBeAccessible();
  });

  it('says when the recovery plan is on file, and when a grace period has ended', async () => {
    const element = mount({ recordId: SKYLARK.profileId });
    wire.emit({ ...SKYLARK, gracePlan: true });
    await flush();
    expect(notice(element, 'grace')).toMatchObject({
      variant: 'warning',
      detail: 'The written recovery plan is on file.'
    });

    setToday('2027-01-04');
    const later = mount({ recordId: SKYLARK.profileId });
    wire.emit({ ...SKYLARK, gracePlan: true });
    await flush();
    expect(notice(later, 'grace')).toEqual({
      variant: 'warning',
      message: 'The grace period for Elite ended on',
      date: '2026-12-31',
      detail: null
    });
    await expect(later).toBeAccessible();
  });

  it('shows a tier held by exception with its expiry (Stonebridge Commerce Cloud)', async () => {
    const element = mount({ recordId: STONEBRIDGE.accountId });
    wire.emit(STONEBRIDGE);
    await flush();

    expect(wire.getLastConfig()).toEqual({ recordId: STONEBRIDGE.accountId });
    expect(notice(element, 'exception')).toEqual({
      variant: 'info',
      message: 'Held at Elite by exception until',
      date: '2026-12-31',
      detail: null
    });
    expect(rows(element, 'keep').filter((row) => row.dataset.met === 'false').length).toBeGreaterThan(0);
    await expect(element).toBeAccessible();
  });

  it('lists every criterion of the top tier as met for an Elite partner that keeps its tier (Fathom Ledger Ltd)', async () => {
    const element = mount({ recordId: FATHOM.profileId });
    wire.emit(FATHOM);
    await flush();

    const shown = rows(element, 'keep');
    expect(shown.length).toBe(6);
    expect(shown.every((row) => row.dataset.met === 'true')).toBe(true);
    expect(root(element).querySelectorAll('c-tier-notice')).toHaveLength(0);
    await expect(element).toBeAccessible();
  });

  it('can hide met criteria and the benefits (design properties)', async () => {
    const element = mount({ recordId: IRONBARK.profileId, hideMetCriteria: true, hideBenefits: true });
    wire.emit(IRONBARK);
    await flush();

    expect(rows(element, 'next-tier').map((row) => row.dataset.criterion)).toEqual(['Elite_Renewal_Rate_Reseller']);
    expect(root(element).querySelector('section.benefits')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows a spinner until the data arrives', async () => {
    const element = mount({ recordId: IRONBARK.profileId });
    await flush();

    expect(root(element).querySelector('lightning-spinner')).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows the empty state for an account without a partner profile', async () => {
    const element = mount({ recordId: '001000000000001AAA' });
    wire.emit(null);
    await flush();

    expect(root(element).querySelector('.empty')!.textContent).toBe('This account has no partner profile yet.');
    expect(root(element).querySelector('c-criterion-row')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows the refusal of the server as an alert', async () => {
    const element = mount({ recordId: SKYLARK.profileId });
    wire.error({ message: 'You do not have access to this partner profile.' });
    await flush();

    const alert = root(element).querySelector('[role="alert"]')!;
    expect(alert.querySelector('.message')!.textContent).toBe('You do not have access to this partner profile.');
    expect(root(element).querySelector('c-criterion-row')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('asks for the signed-in partner’s own profile on the partner site (no record)', async () => {
    const element = mount();
    wire.emit(IRONBARK);
    await flush();

    expect(wire.getLastConfig()).toEqual({ recordId: null });
    expect(root(element).querySelector('.summary .slds-text-title')!.textContent).toBe('Your tier');
    expect(rows(element, 'next-tier')).toHaveLength(6);
    await expect(element).toBeAccessible();
  });
});
