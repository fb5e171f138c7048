/*
 * The component preview's browser test (scripts/preview) drives a headless Chromium through
 * playwright-core, which never downloads a browser of its own. This makes sure one is there: on a
 * Debian/Ubuntu machine where we are root (CI and the development machines), it installs Debian's
 * `chromium` package (and the DejaVu fonts); elsewhere it says what to install. Silent when a browser is there.
 *
 * Usage: node scripts/setup/ensure-chromium.ts [--print]   (--print: print the browser's path)
 * PREVIEW_CHROMIUM=/path/to/chrome overrides the lookup (any Chromium-based browser, version 100+).
 */
import { spawnSync } from 'node:child_process';
import { findChromium } from '../preview/chromium.ts';

const print = process.argv.includes('--print');

function run(command: string, args: string[]): boolean {
  return (
    spawnSync(command, args, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
    }).status === 0
  );
}

function done(executable: string): never {
  if (print) process.stdout.write(`${executable}\n`);
  process.exit(0);
}

const found = findChromium();
if (found) done(found);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = spawnSync('apt-get', ['--version']).status === 0;
if (isRoot && hasApt) {
  process.stderr.write(
    'Chromium not found: installing Debian’s chromium package (needed by the preview browser test)…\n'
  );
  // No recommends (no desktop stack); DejaVu so that text renders and screenshots look alike everywhere.
  const packages = ['chromium', 'fonts-dejavu-core'];
  if (
    run('apt-get', ['update', '-qq']) &&
    run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages])
  ) {
    const installed = findChromium();
    if (installed) done(installed);
  }
}
process.stderr.write(
  'The component preview’s browser test needs Chromium (headless).\n' +
    'Fix: install it, e.g. sudo apt-get install chromium (Debian/Ubuntu) or brew install --cask chromium (macOS),\n' +
    '     or point PREVIEW_CHROMIUM at an installed Chromium or Chrome binary.\n'
);
process.exit(1);
