/*
 * Running the project's Salesforce CLI (node_modules/.bin/sf) and npm from a script: argument
 * arrays, never a shell string; output captured, `--json` parsed, and nothing that could hold a
 * credential printed unfiltered.
 */
import { spawn } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';

export interface Command {
  program: 'sf' | 'npm';
  args: string[];
}

export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs one command to completion. Injected, so the setup can be tested and dry-run. */
export type Execute = (command: Command) => Promise<CommandResult>;

/** The envelope `sf … --json` prints (a few commands, such as `sf version`, print their result bare). */
export interface SfJson {
  status?: number;
  result?: unknown;
  name?: string;
  message?: string;
  data?: unknown;
  warnings?: unknown[];
  [key: string]: unknown;
}

const SAFE_ARG = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** Quotes an argument for display the way a POSIX shell would read it back. */
export function quoteArg(arg: string): string {
  return SAFE_ARG.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`;
}

export function displayCommand(command: Command): string {
  return [command.program, ...command.args].map(quoteArg).join(' ');
}

const SECRET_PATTERNS: [RegExp, string][] = [
  // "accessToken": "…", "refreshToken": "…", "sfdxAuthUrl": "…", "password": "…", "clientSecret": "…"
  [/("(?:accessToken|refreshToken|sfdxAuthUrl|password|clientSecret|privateKey)"\s*:\s*)"[^"]*"/gi, '$1"[redacted]"'],
  // force://<clientId>:<clientSecret>:<refreshToken>@<instance>
  [/force:\/\/\S+/g, 'force://[redacted]'],
  // session ids / access tokens: <15-char org id>!<token>
  [/\b00D[0-9A-Za-z]{12,15}![0-9A-Za-z._-]+/g, '[redacted access token]'],
  // refresh tokens
  [/\b5Aep[0-9A-Za-z._-]{40,}/g, '[redacted refresh token]']
];

/** Removes anything shaped like a token, auth URL or password before text reaches a terminal or log. */
export function redact(text: string): string {
  return SECRET_PATTERNS.reduce((current, [pattern, replacement]) => current.replace(pattern, replacement), text);
}

/** Parses what `sf … --json` printed (stdout, or stderr for some errors); null when there is no JSON. */
export function parseSfJson(result: CommandResult): SfJson | null {
  for (const text of [result.stdout, result.stderr]) {
    const start = text.indexOf('{');
    const end = text.lastIndexOf('}');
    if (start < 0 || end < start) continue;
    try {
      const parsed: unknown = JSON.parse(text.slice(start, end + 1));
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as SfJson;
    } catch {
      // not JSON: try the other stream
    }
  }
  return null;
}

/**
 * The JavaScript entry point of the project's Salesforce CLI. It is run with the Node that runs
 * this script (Node 24 under npm), because node_modules/.bin/sf would start whatever `node` comes
 * first on PATH, and the CLI needs Node 22 or later.
 */
export function findSfEntry(projectDir: string): string | null {
  const bin = path.join(projectDir, 'node_modules', '.bin', 'sf');
  if (existsSync(bin)) {
    const target = realpathSync(bin);
    if (target.endsWith('.js')) return target;
  }
  const entry = path.join(projectDir, 'node_modules', '@salesforce', 'cli', 'bin', 'run.js');
  return existsSync(entry) ? entry : null;
}

/** Executes commands for real: sf through its entry point, npm through the npm that started us. */
export function createExecutor(projectDir: string): Execute {
  return (command) =>
    new Promise((resolve) => {
      let file: string;
      let args: string[];
      if (command.program === 'sf') {
        const entry = findSfEntry(projectDir);
        if (!entry) {
          resolve({ exitCode: 127, stdout: '', stderr: 'node_modules/.bin/sf not found' });
          return;
        }
        file = process.execPath;
        args = ['--no-deprecation', entry, ...command.args];
      } else {
        const npmCli = process.env.npm_execpath;
        file = npmCli && npmCli.endsWith('.js') ? process.execPath : 'npm';
        args = file === 'npm' ? command.args : [npmCli!, ...command.args];
      }
      const child = spawn(file, args, {
        cwd: projectDir,
        env: { ...process.env, SF_SKIP_NEW_VERSION_CHECK: 'true', SF_AUTOUPDATE_DISABLE: 'true' },
        stdio: ['ignore', 'pipe', 'pipe']
      });
      const stdout: Buffer[] = [];
      const stderr: Buffer[] = [];
      child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
      child.on('error', (error) => resolve({ exitCode: 127, stdout: '', stderr: error.message }));
      child.on('close', (code, signal) =>
        resolve({
          exitCode: code ?? (signal ? 128 : 1),
          stdout: Buffer.concat(stdout).toString('utf8'),
          stderr: Buffer.concat(stderr).toString('utf8')
        })
      );
    });
}
