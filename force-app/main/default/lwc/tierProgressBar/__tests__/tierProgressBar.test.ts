import { createElement } from 'lwc';
import TierProgressBar from 'c/tierProgressBar';

describe('c-tier-progress-bar', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('gives the bar its label as accessible name and the percent as its value', async () => {
    const element = createElement('c-tier-progress-bar', { is: TierProgressBar }) as unknown as HTMLElement &
      Record<string, unknown>;
    Object.assign(element, { label: 'Progress to Elite', percent: 97, caption: '5 of 6 criteria met' });
    document.body.appendChild(element);
    await Promise.resolve();

    const root = element.shadowRoot!;
    expect(root.querySelector('.label')!.textContent).toBe('Progress to Elite');
    expect(root.querySelector('.percent')!.textContent).toBe('97 %');
    expect(root.querySelector('.caption')!.textContent).toBe('5 of 6 criteria met');
    const bar = root.querySelector('lightning-progress-bar')!.shadowRoot!.querySelector('[role="progressbar"]')!;
    expect(bar.getAttribute('aria-label')).toBe('Progress to Elite');
    expect(bar.getAttribute('aria-valuenow')).toBe('97');
    await expect(element).toBeAccessible();
  });

  it('can show the label to assistive technology only', async () => {
    const element = createElement('c-tier-progress-bar', { is: TierProgressBar }) as unknown as HTMLElement &
      Record<string, unknown>;
    Object.assign(element, { label: 'Progress to Elite', percent: 50, labelHidden: true });
    document.body.appendChild(element);
    await Promise.resolve();

    const root = element.shadowRoot!;
    expect(root.querySelector('.label')).toBeNull();
    const bar = root.querySelector('lightning-progress-bar')!.shadowRoot!.querySelector('[role="progressbar"]')!;
    expect(bar.getAttribute('aria-label')).toBe('Progress to Elite');
    await expect(element).toBeAccessible();
  });

  it('leaves the caption out when there is none', async () => {
    const element = createElement('c-tier-progress-bar', { is: TierProgressBar }) as unknown as HTMLElement &
      Record<string, unknown>;
    Object.assign(element, { label: 'Profile completeness', percent: 0 });
    document.body.appendChild(element);
    await Promise.resolve();

    expect(element.shadowRoot!.querySelector('.caption')).toBeNull();
    expect(element.shadowRoot!.querySelector('.percent')!.textContent).toBe('0 %');
    await expect(element).toBeAccessible();
  });
});
