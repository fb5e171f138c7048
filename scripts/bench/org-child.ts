/*
 * One size of step (c) of the benchmark, in its own process (the fake org and the CLI share it, so
 * it gets a large heap): `node --max-old-space-size=… scripts/bench/org-child.ts <partners>` prints
 * the call counts as one JSON line (lib/org-run.ts), or the error as the last line of stderr.
 */
import { findProjectRoot } from '../lib/project.ts';
import { countOrgCalls } from './lib/org-run.ts';

try {
  const counts = await countOrgCalls(findProjectRoot() ?? process.cwd(), Number(process.argv[2]), 1);
  process.stdout.write(JSON.stringify(counts) + '\n');
} catch (error) {
  process.stderr.write(`${(error as Error).message.replace(/\s+/g, ' ').trim()}\n`);
  process.exitCode = 1;
}
