import { createElement } from 'lwc';
import TierNotice from 'c/tierNotice';

function mount(props: Record<string, unknown>): HTMLElement {
  const element = createElement('c-tier-notice', { is: TierNotice }) as unknown as HTMLElement;
  Object.assign(element, props);
  document.body.appendChild(element);
  return element;
}

describe('c-tier-notice', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('shows the message, the date after it and the detail in a status region of its variant', async () => {
    const element = mount({
      variant: 'warning',
      message: 'Grace period: Elite is kept until',
      date: '2026-12-31',
      detail: 'The written recovery plan is on file.'
    });
    await Promise.resolve();

    const notice = element.shadowRoot!.querySelector('[role="status"]') as HTMLElement;
    expect(notice.dataset.variant).toBe('warning');
    expect(notice.classList.contains('slds-theme_warning')).toBe(true);
    expect(notice.querySelector('.message')!.textContent).toContain('Grace period: Elite is kept until');
    const date = notice.querySelector('lightning-formatted-date-time') as Element & Record<string, unknown>;
    expect([date.value, date.timeZone]).toEqual(['2026-12-31', 'UTC']);
    expect(notice.querySelector('.detail')!.textContent).toBe('The written recovery plan is on file.');
    expect((notice.querySelector('lightning-icon') as Element & { iconName: string }).iconName).toBe('utility:warning');
    await expect(element).toBeAccessible();
  });

  it('shows only the message when there is no date or detail (info)', async () => {
    const element = mount({ message: 'Near upgrade.' });
    await Promise.resolve();

    const notice = element.shadowRoot!.querySelector('[role="status"]')!;
    expect(notice.classList.contains('slds-scoped-notification_light')).toBe(true);
    expect(notice.querySelector('lightning-formatted-date-time')).toBeNull();
    expect(notice.querySelector('.detail')).toBeNull();
    await expect(element).toBeAccessible();
  });
});
