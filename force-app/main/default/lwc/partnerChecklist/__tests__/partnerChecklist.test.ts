/*
 * c-partner-checklist, driven through its Apex wire adapter with fixtures built from data/sample
 * (see data/README.md).
 */
import { createElement } from 'lwc';
import { createApexTestWireAdapter } from '@salesforce/sfdx-lwc-jest';
import PartnerChecklist from 'c/partnerChecklist';
import getChecklist from '@salesforce/apex/PartnerChecklistController.getChecklist';
import SKYLARK from './data/skylark.json';
import THISTLEDOWN from './data/thistledown.json';

jest.mock(
  '@salesforce/apex/PartnerChecklistController.getChecklist',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);

let mockCommunityId: string | undefined;
jest.mock(
  '@salesforce/community/Id',
  () => ({
    __esModule: true,
    get default() {
      return mockCommunityId;
    }
  }),
  { virtual: true }
);

const wire = getChecklist as unknown as ReturnType<typeof createApexTestWireAdapter>;
const navigation = require('lightning/navigation') as {
  getNavigateCalledWith(): { pageReference: { type: string; attributes: Record<string, unknown> } } | undefined;
  resetNavigation(): void;
};

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

function mount(props: Record<string, unknown> = {}): HTMLElement {
  const element = createElement('c-partner-checklist', { is: PartnerChecklist }) as unknown as HTMLElement;
  Object.assign(element, props);
  document.body.appendChild(element);
  return element;
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const root = (element: Element) => element.shadowRoot!;

interface ItemState {
  key: string;
  done: boolean;
  label: string;
}

function sectionItems(element: Element, section: string): ItemState[] {
  const found = Array.from(root(element).querySelectorAll('c-checklist-section'))
    .map((host) => host.shadowRoot!.querySelector('section')!)
    .find((candidate) => candidate.dataset.section === section)!;
  return Array.from(found.querySelectorAll('c-checklist-item')).map((item) => {
    const line = item.shadowRoot!.querySelector('.item') as HTMLElement;
    const button = line.querySelector('lightning-button') as (Element & { label: string }) | null;
    return {
      key: line.dataset.item!,
      done: line.dataset.done === 'true',
      label: button ? button.label : line.querySelector('.label')!.textContent!
    };
  });
}

function activation(element: Element): HTMLElement {
  return root(element).querySelector('c-activation-checklist')!.shadowRoot!.querySelector('section')!;
}

describe('c-partner-checklist', () => {
  beforeEach(() => {
    mockCommunityId = undefined;
    setToday('2026-10-05');
  });

  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.useRealTimers();
    navigation.resetNavigation();
    jest.clearAllMocks();
  });

  it('shows completeness by section and the activation steps of an established partner (Skylark Metrics)', async () => {
    const element = mount({ recordId: SKYLARK.profileId });
    wire.emit(SKYLARK);
    await flush();

    expect(wire.getLastConfig()).toEqual({ recordId: SKYLARK.profileId });
    const completeness = root(element).querySelector('c-tier-progress-bar.completeness')!.shadowRoot!;
    // 26 items: 20 fields (2 empty), reference customer and marketplace listing (none), certified
    // people (7), proof of delivery (validated integrations), plays (3), case study (1).
    expect(completeness.querySelector('.caption')!.textContent).toBe('22 of 26 items complete');
    expect(completeness.querySelector('.percent')!.textContent).toBe('84 %');

    const serve = sectionItems(element, 'whoTheyServe');
    expect(serve.map((item) => item.label)).toEqual([
      'Industries',
      'Regions',
      'Customer Employee Bands',
      'Customer Systems',
      'Signing Authority',
      'Decision Maker Roles',
      'A reference customer (verified evidence)'
    ]);
    expect(serve.filter((item) => !item.done).map((item) => item.key)).toEqual([
      'whoTheyServe:Signing_Authority__c',
      'whoTheyServe:evidence:Reference Customer'
    ]);
    expect(
      sectionItems(element, 'whatTheyDeliver')
        .filter((item) => !item.done)
        .map((item) => item.key)
    ).toEqual(['whatTheyDeliver:Margin_Expectation_Pct__c']);
    expect(sectionItems(element, 'whyItWorks').every((item) => item.done)).toBe(true);

    const steps = activation(element);
    // Onboarded in 2020: four of five steps done, long past the 90 days.
    expect(steps.dataset.status).toBe('overdue');
    const stepStates = Array.from(steps.querySelectorAll('c-checklist-item')).map(
      (item) => (item.shadowRoot!.querySelector('.item') as HTMLElement).dataset.done
    );
    expect(stepStates).toEqual(['true', 'true', 'true', 'false', 'true']);
    expect(root(element).querySelector('c-tier-notice.review-overdue')).toBeNull();

    await expect(element).toBeAccessible();
  });

  it('leads an open item to the field to fill in or the evidence to add', async () => {
    const element = mount({ recordId: SKYLARK.profileId });
    wire.emit(SKYLARK);
    await flush();

    const section = Array.from(root(element).querySelectorAll('c-checklist-section'))
      .map((host) => host.shadowRoot!.querySelector('section')!)
      .find((candidate) => candidate.dataset.section === 'whoTheyServe')!;
    const buttons = Array.from(section.querySelectorAll('c-checklist-item')).map(
      (item) => item.shadowRoot!.querySelector('lightning-button') as (HTMLElement & { title: string }) | null
    );
    const signing = buttons[4]!;
    expect(signing.title).toBe('Fill in: Signing Authority');
    signing.click();
    expect(navigation.getNavigateCalledWith()!.pageReference).toEqual({
      type: 'standard__recordPage',
      attributes: { recordId: SKYLARK.profileId, objectApiName: 'Partner_Profile__c', actionName: 'edit' }
    });

    const reference = buttons[6]!;
    expect(reference.title).toBe('Add evidence: A reference customer (verified evidence)');
    reference.click();
    expect(navigation.getNavigateCalledWith()!.pageReference).toEqual({
      type: 'standard__recordRelationshipPage',
      attributes: {
        recordId: SKYLARK.profileId,
        objectApiName: 'Partner_Profile__c',
        relationshipApiName: 'Evidence__r',
        actionName: 'view'
      }
    });
    await expect(element).toBeAccessible();
  });

  it('warns about an overdue review and an unscheduled activation of a new partner (Thistledown Consulting)', async () => {
    const element = mount({ recordId: THISTLEDOWN.profileId });
    wire.emit(THISTLEDOWN);
    await flush();

    const notice = root(element).querySelector('c-tier-notice.review-overdue') as Element & Record<string, unknown>;
    expect(notice.message).toBe('Profile review overdue: the profile has never been reviewed.');
    expect(notice.date).toBeNull();
    const steps = activation(element);
    expect(steps.dataset.status).toBe('unscheduled');
    expect(steps.querySelector('.status')!.textContent).toBe(
      'No onboarding date yet: the 90 days start on Onboarded On.'
    );
    const icp = steps.querySelectorAll('c-checklist-item')[1].shadowRoot!.querySelector('.label')!;
    expect(icp.textContent).toBe('Two registered opportunities that match the agreed ICP (1 registered)');
    await expect(element).toBeAccessible();
  });

  it('gives the activation checklist its due date, 90 days after onboarding, and says when it is overdue', async () => {
    const onboarded = { ...THISTLEDOWN, onboardedOn: '2026-08-01', lastReviewedOn: '2026-08-20' };
    const element = mount({ recordId: THISTLEDOWN.profileId });
    wire.emit(onboarded);
    await flush();

    let steps = activation(element);
    expect(steps.dataset.status).toBe('open');
    expect((steps.querySelector('lightning-formatted-date-time.due') as Element & { value: string }).value).toBe(
      '2026-10-30'
    );
    const review = root(element).querySelector('c-tier-notice.review-overdue') as Element & Record<string, unknown>;
    expect(review.message).toBe('Profile review overdue. Last reviewed on');
    expect(review.date).toBe('2026-08-20');

    setToday('2026-11-15');
    const later = mount({ recordId: THISTLEDOWN.profileId });
    wire.emit(onboarded);
    await flush();
    steps = activation(later);
    expect(steps.dataset.status).toBe('overdue');
    const overdue = steps.querySelector('c-tier-notice.overdue') as Element & Record<string, unknown>;
    expect(overdue.message).toBe('Overdue since');
    expect(overdue.date).toBe('2026-10-30');
    await expect(later).toBeAccessible();
  });

  it('can hide the activation checklist (design property)', async () => {
    const element = mount({ recordId: SKYLARK.profileId, hideActivation: true });
    wire.emit(SKYLARK);
    await flush();

    expect(root(element).querySelector('c-activation-checklist')).toBeNull();
    expect(root(element).querySelectorAll('c-checklist-section')).toHaveLength(5);
    await expect(element).toBeAccessible();
  });

  it('shows the empty state for an account without a partner profile', async () => {
    const element = mount({ recordId: '001000000000001AAA' });
    wire.emit(null);
    await flush();

    expect(root(element).querySelector('.empty')!.textContent).toBe('This account has no partner profile yet.');
    await expect(element).toBeAccessible();
  });

  it('shows the refusal of the server as an alert', async () => {
    const element = mount({ recordId: SKYLARK.profileId });
    wire.error({ message: 'You do not have access to this partner profile.' });
    await flush();

    expect(root(element).querySelector('[role="alert"] .message')!.textContent).toBe(
      'You do not have access to this partner profile.'
    );
    expect(root(element).querySelector('c-checklist-section')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows the signed-in partner’s own profile on the partner site and opens records there for viewing', async () => {
    mockCommunityId = '0DB000000000001AAA';
    const element = mount();
    wire.emit(SKYLARK);
    await flush();

    expect(wire.getLastConfig()).toEqual({ recordId: null });
    const item = Array.from(root(element).querySelectorAll('c-checklist-section'))[0]
      .shadowRoot!.querySelectorAll('c-checklist-item')[4]
      .shadowRoot!.querySelector('lightning-button') as HTMLElement;
    item.click();
    expect(navigation.getNavigateCalledWith()!.pageReference.attributes.actionName).toBe('view');
    await expect(element).toBeAccessible();
  });
});
