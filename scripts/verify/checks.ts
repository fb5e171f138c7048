import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Ajv } from 'ajv';
import { XMLValidator } from 'fast-xml-parser';
import { loadProgram } from '../lib/program/load-program.ts';
import { findProjectRoot } from '../lib/project.ts';

/** One offline check: what it looked at, and every problem it found (empty = passed). */
export interface CheckResult {
  name: string;
  checked: number;
  problems: string[];
}

function walk(
  dir: string,
  keep: (file: string) => boolean,
  skipDir = (name: string) => name === 'node_modules'
): string[] {
  if (!existsSync(dir)) return [];
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!skipDir(entry.name)) found.push(...walk(full, keep, skipDir));
    } else if (keep(full)) found.push(full);
  }
  return found.sort();
}

/** Every metadata XML file parses (prettier --check covers its formatting). */
export function checkXmlWellFormed(sourceDir: string): CheckResult {
  const files = walk(sourceDir, (file) => file.endsWith('.xml'));
  const problems: string[] = [];
  for (const file of files) {
    const result = XMLValidator.validate(readFileSync(file, 'utf8'));
    if (result !== true) problems.push(`${file}:${result.err.line}:${result.err.col}: ${result.err.msg}`);
  }
  return { name: 'metadata XML is well formed', checked: files.length, problems };
}

function bundles(lwcDir: string): string[] {
  if (!existsSync(lwcDir)) return [];
  return readdirSync(lwcDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && !entry.name.startsWith('__'))
    .map((entry) => path.join(lwcDir, entry.name))
    .sort();
}

/** The platform deploys only the .js: every TypeScript bundle must have been compiled, and recently. */
export function checkBundlesBuilt(lwcDir: string): CheckResult {
  const problems: string[] = [];
  const list = bundles(lwcDir);
  for (const bundle of list) {
    const name = path.basename(bundle);
    const source = path.join(bundle, `${name}.ts`);
    const output = path.join(bundle, `${name}.js`);
    if (!existsSync(path.join(bundle, `${name}.js-meta.xml`))) problems.push(`${bundle}: no ${name}.js-meta.xml`);
    if (!existsSync(source)) continue;
    if (!existsSync(output))
      problems.push(`${bundle}: ${name}.ts was never compiled to ${name}.js (run npm run build)`);
    else if (statSync(output).mtimeMs < statSync(source).mtimeMs)
      problems.push(`${bundle}: ${name}.js is older than ${name}.ts (run npm run build)`);
  }
  return { name: 'every component bundle has its compiled .js', checked: list.length, problems };
}

/** Compiles every bundle's emitted files with Salesforce's own LWC compiler, as a deploy would. */
export async function checkPlatformCompile(lwcDir: string): Promise<CheckResult> {
  const name = 'component bundles compile with the platform LWC compiler';
  const script = path.join(findProjectRoot() ?? process.cwd(), 'scripts', 'verify', 'lwc-compile.ts');
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [script, lwcDir], { maxBuffer: 16 * 1024 * 1024 });
    const result = JSON.parse(stdout) as { checked: number; problems: string[] };
    return { name, checked: result.checked, problems: result.problems };
  } catch (error) {
    return { name, checked: 0, problems: [`the LWC compiler could not run: ${(error as Error).message}`] };
  }
}

/** The deployed program configuration passes the same validation the CLI applies. */
export async function checkProgramConfiguration(customMetadataDir: string): Promise<CheckResult> {
  try {
    const config = await loadProgram(customMetadataDir);
    return {
      name: 'program configuration (custom metadata records) is valid',
      checked: config.criteria.length + config.tiers.length,
      problems: []
    };
  } catch (error) {
    const details = (error as { details?: string[] }).details ?? [];
    return {
      name: 'program configuration (custom metadata records) is valid',
      checked: 0,
      problems: [(error as Error).message, ...details]
    };
  }
}

/** `sf project convert source` turns force-app into a deployable package without TypeScript in it. */
export async function checkSourceConvert(projectDir: string): Promise<CheckResult> {
  const out = mkdtempSync(path.join(tmpdir(), 'pp-convert-'));
  const problems: string[] = [];
  try {
    await promisify(execFile)(
      'sf',
      ['project', 'convert', 'source', '--output-dir', path.join(out, 'mdapi'), '--json'],
      {
        cwd: projectDir,
        env: { ...process.env, SF_DISABLE_TELEMETRY: 'true', SF_AUTOUPDATE_DISABLE: 'true' }
      }
    );
    const shipped = walk(path.join(out, 'mdapi'), (file) => file.endsWith('.ts') || file.includes('__tests__'));
    for (const file of shipped)
      problems.push(`would deploy ${path.relative(path.join(out, 'mdapi'), file)} (check .forceignore)`);
  } catch (error) {
    const output = (error as { stdout?: string }).stdout ?? (error as Error).message;
    problems.push(`sf project convert source failed: ${output.slice(0, 2000)}`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return { name: 'sf project convert source succeeds and ships no TypeScript or tests', checked: 1, problems };
}

/** Project and scratch org definitions match the schemas the Salesforce CLI itself validates with. */
export function checkProjectDefinitions(projectDir: string, schemaDir: string): CheckResult {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const pairs: [string, string][] = [[path.join(projectDir, 'sfdx-project.json'), 'sfdx-project.schema.json']];
  const configDir = path.join(projectDir, 'config');
  for (const file of existsSync(configDir)
    ? readdirSync(configDir).filter((name) => name.endsWith('scratch-def.json'))
    : []) {
    pairs.push([path.join(configDir, file), 'project-scratch-def.schema.json']);
  }
  const problems: string[] = [];
  for (const [file, schemaName] of pairs) {
    const schema = JSON.parse(readFileSync(path.join(schemaDir, schemaName), 'utf8'));
    delete schema.$schema;
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      problems.push(`${file}: ${(error as Error).message}`);
      continue;
    }
    const validate = ajv.compile(schema);
    if (!validate(data)) {
      for (const error of validate.errors ?? [])
        problems.push(`${file}: ${error.instancePath || '(root)'} ${error.message}`);
    }
  }
  return {
    name: 'sfdx-project.json and scratch org definitions match the Salesforce CLI schemas',
    checked: pairs.length,
    problems
  };
}
