/*
 * The Apex checks of `npm run verify` run the Apex language server and PMD, which need Java 11+.
 * This makes sure a Java runtime is there: on a Debian/Ubuntu machine where we are root (CI and the
 * development machines), it installs the headless OpenJDK 17 runtime from the distribution's
 * packages; elsewhere it says what to install.
 */
import { spawnSync } from 'node:child_process';

function javaMajor(): number | null {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) return null;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(result.stderr ?? '');
  if (!match) return null;
  const major = Number(match[1]);
  return major === 1 ? Number(match[2]) : major;
}

function run(command: string, args: string[]): boolean {
  return (
    spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
      .status === 0
  );
}

const found = javaMajor();
if (found !== null && found >= 11) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = spawnSync('apt-get', ['--version']).status === 0;
if (isRoot && hasApt) {
  process.stderr.write('Java 11+ not found: installing openjdk-17-jre-headless (needed by the Apex checks)…\n');
  if (run('apt-get', ['update', '-qq']) && run('apt-get', ['install', '-y', '-qq', 'openjdk-17-jre-headless'])) {
    const installed = javaMajor();
    if (installed !== null && installed >= 11) process.exit(0);
  }
}
process.stderr.write(
  `The Apex checks need Java 11 or later${found !== null ? ` (found Java ${found})` : ''}.\n` +
    'Fix: install a Java runtime, e.g. sudo apt-get install openjdk-17-jre-headless (Debian/Ubuntu) or brew install openjdk@17 (macOS).\n'
);
process.exit(1);
