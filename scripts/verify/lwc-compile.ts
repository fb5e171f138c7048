/*
 * Compiles every component bundle under a folder with Salesforce's own LWC compiler and prints the
 * problems as JSON. Runs as its own Node process because the compiler is ESM-only, which jest's
 * CommonJS runtime cannot load. Usage: node scripts/verify/lwc-compile.ts <lwc folder>
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { compile } from '@lwc/sfdc-lwc-compiler';

const lwcDir = process.argv[2];
const problems: string[] = [];
let checked = 0;
const bundles = existsSync(lwcDir)
  ? readdirSync(lwcDir, { withFileTypes: true }).filter((entry) => entry.isDirectory() && !/^[._]/.test(entry.name))
  : [];
for (const entry of bundles) {
  const bundle = path.join(lwcDir, entry.name);
  const files: Record<string, string> = {};
  for (const file of readdirSync(bundle)) {
    if (/\.(js|html|css)$/.test(file)) files[file] = readFileSync(path.join(bundle, file), 'utf8');
  }
  if (!files[`${entry.name}.js`]) continue;
  checked++;
  const result = await compile({
    bundle: { type: 'platform', name: entry.name, namespace: 'c', files, options: { apiVersion: 65 } }
  });
  if (!result.success) for (const diagnostic of result.diagnostics) problems.push(`${bundle}: ${diagnostic.message}`);
}
process.stdout.write(JSON.stringify({ checked, problems }));
