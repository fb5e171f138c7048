import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UserError } from '../lib/errors.ts';

/** Where a command writes; tests pass their own to capture output without spawning a process. */
export interface CliIo {
  stdout: (text: string) => void;
  /** Bytes to stdout, for large outputs copied from a file (optional: text through `stdout` otherwise). */
  stdoutBytes?: (bytes: Uint8Array) => void;
  stderr: (text: string) => void;
  /** True when stderr is an interactive terminal (progress messages are shown only then). */
  interactive: boolean;
}

export interface Command {
  name: string;
  summary: string;
  /** Full help text, with usage, options and examples. */
  help: string;
  options: NonNullable<ParseArgsConfig['options']>;
  allowPositionals: boolean;
  run: (
    values: Record<string, string | boolean | (string | boolean)[] | undefined>,
    positionals: string[],
    io: CliIo
  ) => Promise<number>;
}

export const FORMAT_VALUES = ['table', 'json', 'csv'] as const;

export function parseCommandArgs(command: Command, argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: command.options,
      allowPositionals: command.allowPositionals,
      strict: true
    });
  } catch (error) {
    throw new UserError((error as Error).message.replace(/\.?$/, '.'), {
      hint: `See: partner-program ${command.name} --help`
    });
  }
}

export function requireOption(value: unknown, flag: string, command: string, example: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new UserError(`${flag} is required.`, { hint: `For example: partner-program ${command} ${example}` });
  }
  return value;
}

export function pickFormat<T extends string>(value: unknown, allowed: readonly T[]): T {
  const format = (typeof value === 'string' ? value : allowed[0]) as T;
  if (!allowed.includes(format)) {
    throw new UserError(`--format ${String(value)} is not supported.`, { hint: `Use one of: ${allowed.join(', ')}.` });
  }
  return format;
}

export const EXIT_CODES_HELP = `Exit codes:
  0  done
  2  bad input: a flag, the snapshot or the criteria; the message says what and where, nothing was written
  1  internal error: please report it with the command you ran`;

/** Rows read per file on stderr, on an interactive terminal only (never in pipes, CI or --format json). */
export function progressReporter(io: CliIo, enabled: boolean) {
  if (!io.interactive || !enabled) return undefined;
  return (file: string, rows: number, done: boolean) => {
    io.stderr(`\r  reading ${file}: ${rows.toLocaleString('en-US')} rows${done ? '\n' : ''}`);
  };
}
