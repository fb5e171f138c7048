/*
 * Where the headless browser is and how it is started. The project never downloads a browser:
 * it uses Debian's `chromium` package (scripts/setup/ensure-chromium.ts installs it) or the binary
 * named by PREVIEW_CHROMIUM.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];

/** Flags that make Debian's chromium run headless in a container, without phoning home. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage'
];

/** The Chromium binary to drive, or null when none is installed. */
export function findChromium(): string | null {
  const override = process.env.PREVIEW_CHROMIUM;
  if (override) return existsSync(override) ? override : null;
  for (const name of CANDIDATES) {
    const result = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    const found = result.status === 0 ? result.stdout.trim() : '';
    if (found && existsSync(found)) return found;
  }
  return null;
}
