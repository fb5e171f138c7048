/*
 * Apex semantic check: the Apex language server (apex-ls, shipped as a jar inside
 * @salesforce/code-analyzer-pmd-engine) loads the project's classes, triggers, objects, fields,
 * labels and custom metadata types and reports what a deploy would reject: syntax errors, unknown
 * fields, types, variables and methods. Runs offline; needs Java.
 *
 * Limitation of apex-ls: it does not check the field lists of SOQL queries (`[SELECT No_Such__c FROM
 * X]` passes); the cross-reference check reads static SOQL for that.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { CheckResult } from './checks.ts';
import { findProjectRoot } from '../lib/project.ts';
import { apexFiles } from './sfdx-files.ts';

export interface ApexSemanticsOptions {
  /** The java executable; `java` from PATH by default. */
  javaCommand?: string;
  /** Where the jars are; the pmd engine's java-lib folder by default. */
  javaLibDir?: string;
}

interface ApexLsReport {
  files: {
    path: string;
    messages: { start: { line: number; offset: number }; category: string; message: string }[];
  }[];
}

const NAME = 'Apex compiles against the project schema (Apex language server)';
/** apex-ls exits 4 when it reports errors, 0 when clean; anything else is a failure to run. */
const EXIT_ISSUES = 4;
/** Syntax messages list every token the parser expected; the start is enough to act on. */
const MAX_MESSAGE = 240;

/** The jars of the installed pmd engine (of this repository, whichever project is checked). */
export function defaultJavaLibDir(): string {
  return path.join(
    findProjectRoot() ?? process.cwd(),
    'node_modules',
    '@salesforce',
    'code-analyzer-pmd-engine',
    'dist',
    'java-lib'
  );
}

function shorten(message: string): string {
  return message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE)}…` : message;
}

/** Parses apex-ls `-f json` output into `file:line:column: Category: message` problems. */
export function apexLsProblems(output: string, projectDir: string): string[] {
  const report = JSON.parse(output) as ApexLsReport;
  const problems: string[] = [];
  for (const file of report.files) {
    const where = path.relative(projectDir, file.path) || file.path;
    for (const message of file.messages)
      problems.push(
        `${where}:${message.start.line}:${message.start.offset + 1}: ${message.category}: ${shorten(message.message)}`
      );
  }
  return problems;
}

/** Runs apex-ls CheckForIssues on the project (no cache, errors only) and reports every issue. */
export async function checkApexSemantics(projectDir: string, options: ApexSemanticsOptions = {}): Promise<CheckResult> {
  const java = options.javaCommand ?? 'java';
  const classpath = path.join(options.javaLibDir ?? defaultJavaLibDir(), '*');
  const checked = apexFiles(projectDir).length;
  const args = ['-cp', classpath, 'io.github.apexdevtools.apexls.CheckForIssues', '-n', '-f', 'json', '-w', projectDir];
  let stdout: string;
  try {
    ({ stdout } = await promisify(execFile)(java, args, { maxBuffer: 64 * 1024 * 1024 }));
  } catch (error) {
    const failure = error as Error & { code?: string | number; stdout?: string; stderr?: string };
    if (failure.code === 'ENOENT')
      return {
        name: NAME,
        checked,
        problems: [`java was not found (${java}): the Apex language server needs Java 11 or later on PATH`]
      };
    if (failure.code !== EXIT_ISSUES || !failure.stdout)
      return {
        name: NAME,
        checked,
        problems: [
          `the Apex language server failed (exit ${failure.code}): ${(failure.stderr || failure.message).trim()}`
        ]
      };
    stdout = failure.stdout;
  }
  try {
    return { name: NAME, checked, problems: apexLsProblems(stdout, projectDir) };
  } catch (error) {
    return {
      name: NAME,
      checked,
      problems: [`unreadable Apex language server output (${(error as Error).message}): ${stdout.slice(0, 500)}`]
    };
  }
}
