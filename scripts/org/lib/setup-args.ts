/* Options of npm run org:setup (scripts/org/setup-scratch-org.ts). */
import { parseArgs } from 'node:util';
import { UserError } from '../../lib/errors.ts';

export const DEFAULT_ALIAS = 'partner-program';
export const DEFAULT_DAYS = 7;

export interface SetupArgs {
  alias: string;
  devHub: string | null;
  durationDays: number;
  data: boolean;
  dryRun: boolean;
  help: boolean;
}

export function parseSetupArgs(argv: string[]): SetupArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        alias: { type: 'string', default: DEFAULT_ALIAS },
        'dev-hub': { type: 'string' },
        'duration-days': { type: 'string', default: String(DEFAULT_DAYS) },
        'no-data': { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false }
      },
      strict: true,
      allowPositionals: false
    }));
  } catch (error) {
    throw new UserError((error as Error).message, { hint: 'See npm run org:setup -- --help.' });
  }
  const alias = values.alias.trim();
  if (!/^[A-Za-z0-9_.@-]+$/.test(alias)) {
    throw new UserError(`--alias "${values.alias}" is not a usable alias.`, {
      hint: 'Use letters, digits, dots, dashes and underscores, e.g. --alias partner-program.'
    });
  }
  const days = Number(values['duration-days']);
  if (!Number.isInteger(days) || days < 1 || days > 30) {
    throw new UserError(`--duration-days ${values['duration-days']} is not a whole number from 1 to 30.`, {
      hint: `Scratch orgs live 1 to 30 days; the default is ${DEFAULT_DAYS}.`
    });
  }
  const devHub = values['dev-hub']?.trim() || null;
  return { alias, devHub, durationDays: days, data: !values['no-data'], dryRun: values['dry-run'], help: values.help };
}
