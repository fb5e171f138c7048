/*
 * PMD rules on the project's Apex, through Salesforce Code Analyzer's own engine
 * (@salesforce/code-analyzer-core + @salesforce/code-analyzer-pmd-engine, the packages behind
 * `sf code-analyzer run`), offline. Needs Java, like the Apex language server.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CodeAnalyzer, CodeAnalyzerConfig, EventType, LogLevel } from '@salesforce/code-analyzer-core';
import type { EngineLogEvent, Violation } from '@salesforce/code-analyzer-core';
import { createEnginePlugin } from '@salesforce/code-analyzer-pmd-engine';
import { findProjectRoot } from '../lib/project.ts';
import type { CheckResult } from './checks.ts';
import { apexFiles, packageDirectories } from './sfdx-files.ts';

/**
 * The PMD policy of `npm run verify` (the README documents it).
 *
 * Rules run: every Apex security rule (Code Analyzer's Recommended set and its AppExchange security
 * review rules), plus the Recommended Apex best-practice, error-prone and performance rules. Code
 * style, design and documentation rules are not run.
 *
 * Severities (Code Analyzer's: 1 Critical, 2 High, 3 Moderate, 4 Low, 5 Info): a finding of severity
 * 1 to 3 fails the check. Moderate fails too, because several rules this project relies on are
 * Moderate: ApexSharingViolations, AvoidHardcodingId, ApexUnitTestClassShouldHaveAsserts,
 * OperationWithLimitsInLoop (PMD 7's replacement for AvoidDmlStatementsInLoops and AvoidSoqlInLoops)
 * and UnusedLocalVariable. Low and Info rules (AvoidDebugStatements, DebugsShouldUseLoggingLevel,
 * ApexUnitTestClassShouldHaveRunAs, AvoidNonRestrictiveQueries, QueueableWithoutFinalizer, …) are
 * not run: advice, not defects.
 *
 * Rule settings (pmd-ruleset.xml): ApexUnitTestClassShouldHaveAsserts counts a call to a helper
 * named assert… (assertRejected, …) as an assertion, so shared assertion helpers need no suppression.
 *
 * A justified exception is suppressed in the code, where a reviewer sees it, with its reason:
 * `@SuppressWarnings('PMD.ApexCRUDViolation')` on the class or method, `// NOPMD: <reason>` at the end
 * of the line, or `// code-analyzer-suppress(pmd:ApexCRUDViolation)` … `// code-analyzer-unsuppress`
 * around a block (all three are honoured, see pmd-rules.test.ts).
 */
export const PMD_POLICY = {
  selectors: ['pmd:Security:Apex', 'pmd:Recommended:(BestPractices,ErrorProne,Performance):Apex'],
  /** Findings of this severity or more severe (lower number) fail the check. */
  failAtOrAbove: 3,
  /** Rules the check must run; it fails when a selector change or engine upgrade drops one. */
  requiredRules: [
    'ApexCRUDViolation',
    'ApexSharingViolations',
    'ApexSOQLInjection',
    'ApexOpenRedirect',
    'ApexSuggestUsingNamedCred',
    'ApexXSSFromURLParam',
    'ApexBadCrypto',
    'ApexInsecureEndpoint',
    'AvoidHardcodingId',
    'ApexUnitTestClassShouldHaveAsserts',
    'ApexUnitTestShouldNotUseSeeAllDataTrue',
    'ApexUnitTestMethodShouldHaveIsTestAnnotation',
    'OperationWithLimitsInLoop',
    'EmptyCatchBlock',
    'AvoidLogicInTrigger'
  ]
} as const;

const SEVERITY_NAMES = ['', 'Critical', 'High', 'Moderate', 'Low', 'Info'];
/** Syntax messages list every token the parser expected; the start is enough to act on. */
const MAX_MESSAGE = 400;
/** The project's settings of standard rules (a PMD ruleset that references them). */
const PMD_RULESET = path.join(findProjectRoot() ?? process.cwd(), 'scripts', 'verify', 'pmd-ruleset.xml');
const NAME = 'Apex passes the PMD security and best-practice rules (Code Analyzer)';

export interface PmdOptions {
  /** The java executable; `java` from PATH by default. */
  javaCommand?: string;
}

function severitySelector(): string {
  return `(${Array.from({ length: PMD_POLICY.failAtOrAbove }, (_, index) => index + 1).join(',')})`;
}

/** The first lines of an engine message, without the stack trace, and not too long. */
function shorten(message: string): string {
  const text = message.split(/\n\s+at /)[0].trim();
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text;
}

/** "PMD issued a processing error for file '<path>': … Syntax error at 2:21: …" as `file:2:21: …`. */
function processingError(message: string, projectDir: string): string {
  const file = /for file '([^']+)'/.exec(message)?.[1];
  const syntax = /Syntax error at (\d+):(\d+): (.*)/.exec(message);
  if (file && syntax)
    return shorten(
      `${path.relative(projectDir, file)}:${syntax[1]}:${Number(syntax[2]) + 1}: PMD cannot parse: ${syntax[3]}`
    );
  return shorten(file ? message.replace(file, path.relative(projectDir, file)) : message);
}

function describe(violation: Violation, projectDir: string): string {
  const rule = violation.getRule();
  const location = violation.getPrimaryLocation();
  const file = location.getFile();
  const where = file
    ? `${path.relative(projectDir, file)}:${location.getStartLine() ?? '?'}:${location.getStartColumn() ?? '?'}`
    : rule.getEngineName();
  const severity = `${rule.getSeverityLevel()} ${SEVERITY_NAMES[rule.getSeverityLevel()] ?? ''}`.trim();
  return `${where}: ${rule.getName()} (severity ${severity}): ${shorten(violation.getMessage())}`;
}

/** Runs the policy's PMD rules on the project's package directories; every failing finding is a problem. */
export async function checkPmdRules(projectDir: string, options: PmdOptions = {}): Promise<CheckResult> {
  const checked = apexFiles(projectDir).length;
  const workingFolder = mkdtempSync(path.join(tmpdir(), 'pp-pmd-'));
  const problems: string[] = [];
  try {
    const config = CodeAnalyzerConfig.fromObject({
      root_working_folder: workingFolder,
      engines: {
        pmd: { custom_rulesets: [PMD_RULESET], ...(options.javaCommand ? { java_command: options.javaCommand } : {}) },
        cpd: { disable_engine: true }
      }
    });
    const analyzer = new CodeAnalyzer(config);
    // Files PMD cannot parse are logged, not reported as violations.
    analyzer.onEvent<EngineLogEvent>(EventType.EngineLogEvent, (event) => {
      if (event.engineName === 'pmd' && event.logLevel === LogLevel.Error)
        problems.push(processingError(event.message, projectDir));
    });
    await analyzer.addEnginePlugin(createEnginePlugin());
    const workspace = await analyzer.createWorkspace(packageDirectories(projectDir));
    const severities = severitySelector();
    // Selected without the workspace, so that a project without Apex still proves the rules exist.
    const selection = await analyzer.selectRules(PMD_POLICY.selectors.map((selector) => `${selector}:${severities}`));
    const selected = new Set(
      selection.getEngineNames().flatMap((engine) => selection.getRulesFor(engine).map((rule) => rule.getName()))
    );
    // The pmd engine's rules are only listed when it could start (it needs Java).
    if (selected.size > 0) {
      for (const rule of PMD_POLICY.requiredRules)
        if (!selected.has(rule)) problems.push(`required PMD rule ${rule} is not selected by PMD_POLICY`);
    }
    if (checked === 0 && selected.size > 0) return { name: NAME, checked, problems };
    const results = await analyzer.run(selection, { workspace });
    for (const violation of results.getViolations()) {
      if (violation.getRule().getName() === 'UninstantiableEngineError')
        problems.push(
          `the pmd engine could not start (it needs Java 11 or later on PATH): ${shorten(violation.getMessage())}`
        );
      else if (violation.getRule().getSeverityLevel() <= PMD_POLICY.failAtOrAbove)
        problems.push(describe(violation, projectDir));
    }
    if (selected.size === 0 && problems.length === 0)
      problems.push('no PMD rule could be selected: the pmd engine did not start (is java on PATH?)');
  } catch (error) {
    problems.push(`Code Analyzer failed: ${(error as Error).message}`);
  } finally {
    rmSync(workingFolder, { recursive: true, force: true });
  }
  return { name: NAME, checked, problems };
}
