import { EXIT_BAD_INPUT, EXIT_INTERNAL, UserError } from '../lib/errors.ts';
import { orgFailureMessage } from '../lib/org/failure-message.ts';
import { EXIT_CODES_HELP, parseCommandArgs, type CliIo, type Command } from './command.ts';
import { applyCommand } from './commands/apply.ts';
import { evaluateCommand } from './commands/evaluate.ts';
import { explainCommand } from './commands/explain.ts';
import { mdfCommand } from './commands/mdf.ts';
import { simulateCommand } from './commands/simulate.ts';
import { snapshotCommand } from './commands/snapshot.ts';

export const COMMANDS: Command[] = [
  evaluateCommand,
  explainCommand,
  simulateCommand,
  snapshotCommand,
  applyCommand,
  mdfCommand
];

export const VERSION = '0.1.0';

function overview(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  return `partner-program: run the partner program's quarterly tier evaluation and MDF report from the terminal.

Usage: partner-program <command> [options]

Commands:
${COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`).join('\n')}

Run "partner-program <command> --help" for a command's options and examples.

Examples:
  partner-program evaluate --snapshot data/sample
  partner-program explain "Northwind" --snapshot data/sample
  partner-program simulate --snapshot data/sample --criteria data/proposals/stricter-select
  partner-program evaluate --target-org prod            (org mode: docs/org-mode.md)
  partner-program mdf --snapshot data/sample --quarter 2026-Q3

${EXIT_CODES_HELP}
`;
}

function reportUserError(error: UserError, io: CliIo): void {
  const lines = [`Error: ${error.message}`, ...error.details.map((detail) => `  - ${detail}`)];
  if (error.hint) lines.push(`Fix: ${error.hint}`);
  io.stderr(lines.join('\n') + '\n');
}

/** Runs the CLI; returns the exit code instead of exiting, so tests can call it in-process. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? COMMANDS.find((command) => command.name === rest[0]) : undefined;
    io.stdout(topic ? topic.help : overview());
    return 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`partner-program ${VERSION}\n`);
    return 0;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  try {
    if (!command) {
      throw new UserError(`Unknown command "${name}".`, {
        hint: `Use one of: ${COMMANDS.map((candidate) => candidate.name).join(', ')} (partner-program --help).`
      });
    }
    const { values, positionals } = parseCommandArgs(command, rest);
    if (values.help) {
      io.stdout(command.help);
      return 0;
    }
    return await command.run(values, positionals, io);
  } catch (error) {
    if (error instanceof UserError) {
      reportUserError(error, io);
      return EXIT_BAD_INPUT;
    }
    const orgFailure = orgFailureMessage(error);
    if (orgFailure) {
      io.stderr(orgFailure);
      return EXIT_INTERNAL;
    }
    const detail = process.env.PARTNER_PROGRAM_DEBUG ? (error as Error).stack : (error as Error).message;
    io.stderr(
      `Internal error: ${detail}\nThis is a bug in partner-program, not in your input. Please report it with the command you ran (set PARTNER_PROGRAM_DEBUG=1 for the stack trace).\n`
    );
    return EXIT_INTERNAL;
  }
}
