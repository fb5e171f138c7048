/*
 * Opens the component preview in headless Chromium for some sample partners and reports what the
 * page shows, read from the DOM: per component its text, and every progress bar with its value, its
 * accessible name and the text of the row it stands in. Saves a screenshot per partner.
 * The browser test (scripts/preview/__tests__) compares this with `partner-program explain`.
 *
 * Usage: node scripts/preview/capture.ts --partner "Skylark Metrics" [--partner …] [--partner-site …] [--appeal …]
 *          [--appeal-reason text] [--appeal-link url] [--mdf …] [--mdf-partner-site …] [--mdf-claim …]
 *          [--screenshots docs/images] [--out facts.json]
 * --partner opens the Partner Profile record page view, --partner-site the partner site signed in as
 * that partner, --appeal the partner site and then files an appeal through the tier history;
 * --mdf and --mdf-partner-site open the MDF components (`?page=mdf`) the same two ways; --mdf-claim
 * the partner site's MDF page, then attaches a proof file to the draft claim and submits it.
 * Runs in its own process because Rollup and Playwright are ES modules (the jest project is CommonJS).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { PROJECT_ROOT } from './build.ts';
import { CHROMIUM_FLAGS, findChromium } from './chromium.ts';
import { startPreview } from './preview.ts';

export interface BarFact {
  /** aria-valuenow: the percentage the bar shows (0–100, whole numbers). */
  value: number | null;
  /** The bar's accessible name (aria-label). */
  label: string | null;
  /** The visible text around the bar: its row (the largest enclosing element that holds no other bar). */
  row: string;
  /** The data-* attributes of the elements around the bar, the nearest first (`criterion`, `met`, …). */
  data: Record<string, string>;
  /** The elements around the bar, outermost first, as `tag.class.class` (e.g. `section.next-tier`). */
  within: string[];
}

/** An element that carries data-* attributes (a criterion row, a checklist item, a section…). */
export interface MarkedFact {
  data: Record<string, string>;
  /** Its visible text. */
  text: string;
  /** The data-* attributes of the elements around it, the nearest first (e.g. its section). */
  context: Record<string, string>;
}

export interface ComponentFact {
  name: string;
  text: string;
  bars: BarFact[];
  marked: MarkedFact[];
}

export interface PageFact {
  query: string;
  viewer: string;
  /** `tier` (the tier components) or `mdf` (the MDF components). */
  page: string;
  partner: { accountId: string; profileId: string; name: string } | null;
  components: ComponentFact[];
  /** After filing an appeal through the page (PageRequest.appeal): the components again. */
  afterAppeal: ComponentFact[] | null;
  /** After attaching a proof file to the claim and submitting it (PageRequest.claim): the components again. */
  afterClaim: ComponentFact[] | null;
  errors: string[];
  screenshot: string | null;
  milliseconds: number;
}

/** A file name for a partner's screenshot: `preview-skylark-metrics.png`, `mdf-skylark-metrics.png`. */
export function screenshotName(name: string, viewer: string, page = 'tier'): string {
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${page === 'mdf' ? 'mdf' : 'preview'}-${slug}${viewer === 'partner' ? '-partner-site' : ''}.png`;
}

/** Runs in the page: reads one component region across (synthetic) shadow boundaries. */
function readComponent(region: Element): ComponentFact {
  const parentOf = (node: Element): Element | null => {
    if (node.parentElement) return node.parentElement;
    const root = node.getRootNode() as ShadowRoot | Document;
    return 'host' in root ? root.host : null;
  };
  const below = (node: Element, accept: (element: Element) => boolean): Element[] => {
    const found: Element[] = [];
    const visit = (element: Element) => {
      if (accept(element)) found.push(element);
      const shadow = (element as Element & { shadowRoot: ShadowRoot | null }).shadowRoot;
      for (const child of Array.from(shadow ? shadow.children : [])) visit(child);
      for (const child of Array.from(element.children)) visit(child);
    };
    visit(node);
    return [...new Set(found)];
  };
  const barsBelow = (node: Element) => below(node, (element) => element.getAttribute('role') === 'progressbar');
  const ownData = (element: Element): Record<string, string> =>
    Object.fromEntries(
      Object.entries((element as HTMLElement).dataset ?? {}).filter(
        (entry): entry is [string, string] => entry[1] !== undefined && !entry[0].startsWith('render')
      )
    );
  const contextOf = (element: Element): Record<string, string> => {
    const context: Record<string, string> = {};
    for (let node = parentOf(element); node && node !== region; node = parentOf(node)) {
      for (const [key, value] of Object.entries(ownData(node))) if (!(key in context)) context[key] = value;
    }
    return context;
  };
  const clean = (text: string) => text.replace(/\s+/g, ' ').trim();
  const describe = (element: Element) =>
    [element.tagName.toLowerCase(), ...Array.from(element.classList).filter((name) => !name.startsWith('slds-'))].join(
      '.'
    );
  const bars = barsBelow(region).map((bar) => {
    let row: Element = bar;
    const data: Record<string, string> = {};
    const within: string[] = [];
    for (let node: Element | null = bar; node && node !== region; node = parentOf(node)) {
      for (const [key, value] of Object.entries((node as HTMLElement).dataset ?? {})) {
        if (!(key in data) && value !== undefined) data[key] = value;
      }
      within.unshift(describe(node));
      if (node !== bar && barsBelow(node).length === 1) row = node;
    }
    const value = bar.getAttribute('aria-valuenow');
    return {
      value: value === null ? null : Number(value),
      label: bar.getAttribute('aria-label'),
      row: clean((row as HTMLElement).innerText ?? ''),
      data,
      within
    };
  });
  const marked = below(region, (element) => element !== region && Object.keys(ownData(element)).length > 0).map(
    (element) => ({
      data: ownData(element),
      text: clean((element as HTMLElement).innerText ?? ''),
      context: contextOf(element)
    })
  );
  return {
    name: region.getAttribute('data-component') ?? '',
    text: clean((region as HTMLElement).innerText),
    bars,
    marked
  };
}

async function waitUntilSettled(page: Page): Promise<void> {
  await page.waitForSelector('body[data-ready]', { timeout: 20_000 });
  await page.waitForLoadState('networkidle');
  // Rendering after the last response: wait until no spinner is left and the text stops changing.
  let previous = '';
  for (let attempt = 0; attempt < 20; attempt++) {
    const text = await page.locator('#components').innerText();
    const spinners = await page.locator('#components lightning-spinner').count();
    if (text === previous && spinners === 0) return;
    previous = text;
    await page.waitForTimeout(150);
  }
}

export interface PageRequest {
  /** A partner's name (or part of it), Account Id or Partner Profile Id, as `?partner=` takes it. */
  query: string;
  /** `manager`: the Partner Profile record page; `partner`: the partner site, signed in as that partner. */
  viewer: 'manager' | 'partner';
  /** Then file an appeal as a user would: Appeal, type the reason (and link), Submit (partner site). */
  appeal?: { reason: string; evidenceUrl?: string };
  /** `mdf`: the MDF components (`?page=mdf`) instead of the tier components. */
  page?: 'tier' | 'mdf';
  /** Then (MDF page) attach a proof file to the draft claim and submit it, as a user would. */
  claim?: boolean;
}

export async function capture(options: {
  pages: PageRequest[];
  screenshotDir?: string | null;
  width?: number;
}): Promise<{ pages: PageFact[]; timings: Record<string, number> }> {
  const started = Date.now();
  const executablePath = findChromium();
  if (!executablePath) {
    throw new Error(
      'No Chromium found. Run: npm exec -- node scripts/setup/ensure-chromium.ts (or set PREVIEW_CHROMIUM).'
    );
  }
  const { server, build, data } = await startPreview({ snapshotDir: path.join(PROJECT_ROOT, 'data', 'sample') });
  const timings: Record<string, number> = { buildAndData: Date.now() - started, build: build?.milliseconds ?? 0 };
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'partner-program-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: options.width ?? 1280, height: 900 },
    deviceScaleFactor: 1,
    reducedMotion: 'reduce'
  });
  const pages: PageFact[] = [];
  try {
    timings.browserStart = Date.now() - started - timings.buildAndData;
    for (const { query, viewer, appeal, claim, page: shown = 'tier' } of options.pages) {
      const pageStarted = Date.now();
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console error: ${message.text()}`);
      });
      // The page's "today" is the day the snapshot was taken, as it would be in the org after the run.
      await page.clock.setFixedTime(new Date(data.run.manifest.exportedAt));
      await page.goto(
        `${server.url}?partner=${encodeURIComponent(query)}${viewer === 'partner' ? '&as=partner' : ''}` +
          (shown === 'mdf' ? '&page=mdf' : '')
      );
      await waitUntilSettled(page);
      const accountId = await page.locator('body').getAttribute('data-partner');
      const partner = accountId ? data.resolve(accountId) : null;
      const readComponents = async () => {
        const read: ComponentFact[] = [];
        for (const region of await page.locator('[data-component]').all())
          read.push(await region.evaluate(readComponent));
        return read;
      };
      const components = await readComponents();
      let screenshot: string | null = null;
      if (options.screenshotDir && partner) {
        mkdirSync(options.screenshotDir, { recursive: true });
        screenshot = path.join(options.screenshotDir, screenshotName(partner.name, viewer, shown));
        await page.locator('#components').screenshot({ path: screenshot, animations: 'disabled' });
      }
      let afterAppeal: ComponentFact[] | null = null;
      if (appeal) {
        const history = page.locator('[data-component="tierHistory"]');
        await history.locator('lightning-button.appeal-action button').click();
        await history.locator('lightning-textarea.reason textarea').fill(appeal.reason);
        if (appeal.evidenceUrl) await history.locator('lightning-input.evidence input').fill(appeal.evidenceUrl);
        await history.locator('lightning-button.submit button').click();
        await history.locator('.appeal[data-status]').first().waitFor({ timeout: 10_000 });
        await waitUntilSettled(page);
        afterAppeal = await readComponents();
      }
      let afterClaim: ComponentFact[] | null = null;
      if (claim) {
        const form = page.locator('[data-component="mdfClaimForm"]');
        await form.locator('lightning-file-upload input[type="file"]').setInputFiles({
          name: 'roundtable-attendees.pdf',
          mimeType: 'application/pdf',
          buffer: Buffer.from('%PDF-1.4 preview proof of performance\n')
        });
        await form.getByText('Files attached: 1').waitFor({ timeout: 10_000 });
        await form.locator('lightning-button.submit button').click();
        await form.locator('.existing-claim').waitFor({ timeout: 10_000 });
        await waitUntilSettled(page);
        afterClaim = await readComponents();
      }
      pages.push({
        query,
        viewer,
        page: shown,
        afterClaim,
        partner: partner && { accountId: partner.accountId, profileId: partner.profileId, name: partner.name },
        components,
        afterAppeal,
        errors,
        screenshot,
        milliseconds: Date.now() - pageStarted
      });
      await page.close();
    }
  } finally {
    await context.close();
    await server.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
  timings.total = Date.now() - started;
  return { pages, timings };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(PROJECT_ROOT, 'scripts', 'preview', 'capture.ts')) {
  const { values } = parseArgs({
    options: {
      partner: { type: 'string', multiple: true, default: [] },
      'partner-site': { type: 'string', multiple: true, default: [] },
      appeal: { type: 'string', multiple: true, default: [] },
      mdf: { type: 'string', multiple: true, default: [] },
      'mdf-partner-site': { type: 'string', multiple: true, default: [] },
      'mdf-claim': { type: 'string', multiple: true, default: [] },
      'appeal-reason': { type: 'string', default: 'A won deal closed on the last day of the quarter is missing.' },
      'appeal-link': { type: 'string', default: 'https://partners.example.com/appeals/1' },
      screenshots: { type: 'string' },
      out: { type: 'string' }
    }
  });
  const result = await capture({
    pages: [
      ...values.partner.map((query) => ({ query, viewer: 'manager' as const })),
      ...values['partner-site'].map((query) => ({ query, viewer: 'partner' as const })),
      ...values.appeal.map((query) => ({
        query,
        viewer: 'partner' as const,
        appeal: { reason: values['appeal-reason'], evidenceUrl: values['appeal-link'] }
      })),
      ...values.mdf.map((query) => ({ query, viewer: 'manager' as const, page: 'mdf' as const })),
      ...values['mdf-partner-site'].map((query) => ({ query, viewer: 'partner' as const, page: 'mdf' as const })),
      ...values['mdf-claim'].map((query) => ({ query, viewer: 'partner' as const, page: 'mdf' as const, claim: true }))
    ],
    screenshotDir: values.screenshots ? path.resolve(values.screenshots) : null
  });
  const text = JSON.stringify(result, null, 2) + '\n';
  if (values.out) writeFileSync(values.out, text);
  else process.stdout.write(text);
}
