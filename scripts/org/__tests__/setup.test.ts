import { UserError } from '../../lib/errors.ts';
import type { DataModel } from '../lib/data-model.ts';
import { displayCommand, parseSfJson, quoteArg, redact, type Command, type CommandResult } from '../lib/sf-cli.ts';
import { parseSetupArgs } from '../lib/setup-args.ts';
import { runSetup, type SetupDeps, type SetupOptions } from '../lib/setup.ts';
import type { SnapshotTables, TreeConversion } from '../lib/tree-plan.ts';

const ACCESS_TOKEN = '00DAB0000001234!AQ0AQFakeSessionTokenValue.abc';
const REFRESH_TOKEN = '5Aep861TSESvWeug_xvFHRBTTbf_YrTWgEyjBJrSjyCAhJtE7wMJtTj7W2XMQ6MqEFQwhVGCB8nA7Eq4RZxNx';
const AUTH_URL = 'force://PlatformCLI::5Aep861SECRET@example.my.salesforce.com';
const ADMIN_ID = '005AB0000001234AAA';

const SNAPSHOT: SnapshotTables = {
  corporateCurrency: 'USD',
  exportedAt: '2026-10-05T06:00:00.000Z',
  tables: {
    Account: [{ Id: '001000000000001AAA', Name: 'Acme Partners', BillingCountry: 'Canada' }],
    Partner_Profile__c: [
      {
        Id: 'a01000000000001AAA',
        Name: 'Acme Partners',
        Account__c: '001000000000001AAA',
        Partner_Type__c: 'Service',
        Status__c: 'Active',
        Tier__c: 'Select',
        Grace_Until__c: null,
        Partner_Manager__c: '005000000000009AAA'
      }
    ],
    Opportunity: [
      {
        Id: '006000000000001AAA',
        Name: 'Deal',
        Partner_Account__c: '001000000000001AAA',
        Partner_Involvement__c: 'Resold',
        Type: 'New Business',
        StageName: 'Closed Won',
        IsClosed: true,
        IsWon: true,
        CloseDate: '2026-03-31',
        Amount: 1000,
        CurrencyIsoCode: 'CAD',
        OwnerId: '005000000000009AAA',
        NextStep: null,
        Deal_Registered__c: false
      }
    ],
    DatedConversionRate: [
      { Id: null, IsoCode: 'CAD', ConversionRate: 1.37, StartDate: '2026-01-01', NextStartDate: '2026-04-01' },
      { Id: null, IsoCode: 'CAD', ConversionRate: 1.36, StartDate: '2026-04-01', NextStartDate: '9999-12-31' }
    ]
  }
};

const OPTIONS: SetupOptions = {
  alias: 'partner-program',
  devHub: null,
  durationDays: 7,
  data: true,
  dryRun: false,
  snapshotDir: 'data/sample'
};

type Reply = { exitCode?: number; json?: unknown; stdout?: string; stderr?: string };
type Replies = (command: Command) => Reply | undefined;

const HUB = {
  alias: 'DevHub',
  username: 'hub@example.com',
  isDevHub: true,
  connectedStatus: 'Connected',
  isDefaultDevHubUsername: true,
  accessToken: ACCESS_TOKEN
};

/** What a fresh scratch org and a working Dev Hub answer. */
function freshOrg(command: Command): Reply {
  const line = command.args.join(' ');
  if (command.program === 'npm') return { stdout: '> tsc -p tsconfig.lwc.json\n' };
  if (line.startsWith('version'))
    return { json: { cliVersion: '@salesforce/cli/2.150.6', nodeVersion: 'node-v24.21.0' } };
  if (line.startsWith('org list')) return { json: { status: 0, result: { devHubs: [HUB], nonScratchOrgs: [HUB] } } };
  if (line.startsWith('org create scratch')) {
    return {
      json: {
        status: 0,
        result: {
          username: 'test-abc@example.com',
          orgId: '00DAB0000001234',
          scratchOrgInfo: { ExpirationDate: '2026-11-29' },
          authFields: { accessToken: ACCESS_TOKEN, refreshToken: REFRESH_TOKEN }
        }
      }
    };
  }
  if (line.startsWith('project deploy start')) {
    return { json: { status: 0, result: { status: 'Succeeded', numberComponentsDeployed: 42, files: [] } } };
  }
  if (line.startsWith('org assign permset'))
    return { json: { status: 0, result: { successes: [{ name: 'test-abc@example.com' }], failures: [] } } };
  if (line.includes('FROM CurrencyType'))
    return {
      json: { status: 0, result: { records: [{ Id: '02B1', IsoCode: 'USD', IsActive: true, IsCorporate: true }] } }
    };
  if (line.includes('FROM DatedConversionRate')) return { json: { status: 0, result: { records: [] } } };
  if (line.startsWith('data create record') || line.startsWith('data update record'))
    return { json: { status: 0, result: { id: 'x', success: true, errors: [] } } };
  if (line.startsWith('org display user')) {
    return {
      json: { status: 0, result: { id: ADMIN_ID, username: 'test-abc@example.com', accessToken: ACCESS_TOKEN } }
    };
  }
  if (line.startsWith('data import tree')) {
    return {
      json: {
        status: 0,
        result: [
          { refId: 'AccountRef1', type: 'Account', id: '001AB0000000001AAA' },
          { refId: 'Partner_Profile__cRef1', type: 'Partner_Profile__c', id: 'a01AB0000000001AAA' },
          { refId: 'OpportunityRef1', type: 'Opportunity', id: '006AB0000000001AAA' }
        ]
      }
    };
  }
  if (line.startsWith('apex run'))
    return {
      json: { status: 0, result: { success: true, compiled: true, logs: 'USER_DEBUG|INFO|evaluation keys updated: 0' } }
    };
  throw new Error(`unexpected command: ${line}`);
}

function harness(replies: Replies = () => undefined, overrides: Partial<SetupDeps> = {}) {
  const executed: string[] = [];
  const output: string[] = [];
  const written: TreeConversion[] = [];
  const deps: SetupDeps = {
    execute: async (command: Command): Promise<CommandResult> => {
      executed.push(displayCommand(command));
      const reply = replies(command) ?? freshOrg(command);
      return {
        exitCode: reply.exitCode ?? 0,
        stdout: reply.stdout ?? (reply.json === undefined ? '' : JSON.stringify(reply.json, null, 2)),
        stderr: reply.stderr ?? ''
      };
    },
    out: (line) => output.push(line),
    sfInstalled: () => true,
    readSnapshot: async () => SNAPSHOT,
    readDataModel: (): DataModel => new Map(),
    writeTree: (conversion) => {
      written.push(conversion);
      return '/tmp/tree/plan.json';
    },
    treeDir: '/tmp/tree',
    ...overrides
  };
  return { deps, executed, output, written, text: () => output.join('\n') };
}

/** The commands a run printed (the `$ …` lines). */
function printedCommands(output: string[]): string[] {
  return output.filter((line) => line.startsWith('  $ ')).map((line) => line.slice(4));
}

describe('runSetup --dry-run', () => {
  it('prints every command in order and runs none', async () => {
    const { deps, output } = harness();
    deps.execute = async () => {
      throw new Error('a dry run must not run anything');
    };
    expect(await runSetup({ ...OPTIONS, dryRun: true }, deps)).toBe(0);
    expect(printedCommands(output)).toEqual([
      'sf version --json',
      'sf org list --json',
      'npm run build',
      'sf org create scratch --definition-file config/project-scratch-def.json --alias partner-program --duration-days 7 --set-default --wait 15 --json',
      'sf project deploy start --target-org partner-program --wait 30 --json',
      'sf org assign permset --name Partner_Program_Admin --name Partner_Program_Data_Load --target-org partner-program --json',
      "sf data query --query 'SELECT Id, IsoCode, IsActive, IsCorporate FROM CurrencyType' --target-org partner-program --json",
      "sf data create record --sobject CurrencyType --values 'IsoCode=CAD ConversionRate=1.36 DecimalPlaces=2 IsActive=true' --target-org partner-program --json",
      "sf data query --query 'SELECT IsoCode, StartDate FROM DatedConversionRate' --target-org partner-program --json",
      "sf data create record --sobject DatedConversionRate --values 'IsoCode=CAD ConversionRate=1.37 StartDate=2026-01-01' --target-org partner-program --json",
      "sf data create record --sobject DatedConversionRate --values 'IsoCode=CAD ConversionRate=1.36 StartDate=2026-04-01' --target-org partner-program --json",
      'sf org display user --target-org partner-program --json',
      'sf data import tree --plan /tmp/tree/plan.json --target-org partner-program --json',
      'sf apex run --file scripts/org/apex/fix-evaluation-keys.apex --target-org partner-program --json'
    ]);
    expect(output.at(-1)).toBe('Then: npx sf org open --target-org partner-program');
  });

  it('names the Dev Hub and the duration when given, and leaves out the data steps with --no-data', async () => {
    const { deps, output } = harness();
    await runSetup({ ...OPTIONS, dryRun: true, devHub: 'MyHub', durationDays: 3, data: false, alias: 'demo' }, deps);
    const commands = printedCommands(output);
    expect(commands).toContain(
      'sf org create scratch --definition-file config/project-scratch-def.json --alias demo --duration-days 3 --set-default --wait 15 --target-dev-hub MyHub --json'
    );
    expect(commands.some((command) => /data |apex run|display user/.test(command))).toBe(false);
    expect(output.filter((line) => /^\[\d+\/6\]/.test(line))).toHaveLength(6);
  });
});

describe('runSetup', () => {
  it('runs, on a fresh org, exactly the commands the dry run prints, and ends with sf org open', async () => {
    const dry = harness();
    await runSetup({ ...OPTIONS, dryRun: true }, dry.deps);
    const real = harness();
    expect(await runSetup(OPTIONS, real.deps)).toBe(0);
    expect(real.executed).toEqual(printedCommands(dry.output));
    expect(real.text()).toContain('Done: the scratch org partner-program is ready.');
    expect(real.output.slice(-2)).toEqual(['Next step:', '  npx sf org open --target-org partner-program']);
  });

  it('loads the sample with the admin user as partner manager', async () => {
    const { deps, written } = harness();
    await runSetup(OPTIONS, deps);
    expect(written).toHaveLength(1);
    const profile = written[0].files.find((file) => file.sobject === 'Partner_Profile__c')!.records[0];
    expect(profile.Partner_Manager__c).toBe(ADMIN_ID);
  });

  it('never prints a token, even when sf puts one in its answer or its error', async () => {
    const { deps, text } = harness((command) =>
      command.args[0] === 'project'
        ? {
            exitCode: 1,
            json: {
              status: 1,
              name: 'DeployFailed',
              message: `Session ${ACCESS_TOKEN} rejected; auth url ${AUTH_URL}; refresh ${REFRESH_TOKEN}`,
              result: { accessToken: ACCESS_TOKEN }
            }
          }
        : undefined
    );
    expect(await runSetup(OPTIONS, deps)).toBe(1);
    for (const secret of [ACCESS_TOKEN, REFRESH_TOKEN, AUTH_URL, '5Aep861SECRET']) expect(text()).not.toContain(secret);
    expect(text()).toContain('[redacted access token]');
  });

  it('stops at the Dev Hub check, before creating anything, when no default Dev Hub is set', async () => {
    const { deps, executed, text } = harness((command) =>
      command.args[0] === 'org' && command.args[1] === 'list'
        ? { json: { status: 0, result: { devHubs: [], nonScratchOrgs: [] } } }
        : undefined
    );
    expect(await runSetup(OPTIONS, deps)).toBe(1);
    expect(text()).toContain('Step 2/11 failed (Check the Dev Hub).');
    expect(text()).toContain('npx sf org login web --set-default-dev-hub --alias DevHub');
    expect(executed.some((command) => command.includes('create scratch'))).toBe(false);
    expect(text()).not.toContain('exists and counts');
  });

  it('says when the named org is authorised but is not a Dev Hub, or not authorised at all', async () => {
    const other = { ...HUB, alias: 'Prod', username: 'admin@prod.example.com', isDevHub: false };
    const list = () => ({ json: { status: 0, result: { devHubs: [HUB], nonScratchOrgs: [HUB, other] } } });
    const replies: Replies = (command) => (command.args[1] === 'list' ? list() : undefined);
    const notHub = harness(replies);
    expect(await runSetup({ ...OPTIONS, devHub: 'Prod' }, notHub.deps)).toBe(1);
    expect(notHub.text()).toContain('Prod is authorised but is not a Dev Hub.');
    const unknown = harness(replies);
    expect(await runSetup({ ...OPTIONS, devHub: 'Nope' }, unknown.deps)).toBe(1);
    expect(unknown.text()).toContain('npx sf org login web --set-default-dev-hub --alias Nope');
    const expired = harness((command) =>
      command.args[1] === 'list'
        ? { json: { status: 0, result: { devHubs: [{ ...HUB, connectedStatus: 'RefreshTokenAuthError' }] } } }
        : undefined
    );
    expect(await runSetup(OPTIONS, expired.deps)).toBe(1);
    expect(expired.text()).toContain('cannot be reached: RefreshTokenAuthError');
  });

  it('stops when the CLI is not installed', async () => {
    const { deps, executed, text } = harness(undefined, { sfInstalled: () => false });
    expect(await runSetup(OPTIONS, deps)).toBe(1);
    expect(executed).toEqual([]);
    expect(text()).toContain('Step 1/11 failed');
    expect(text()).toContain('npm install');
  });

  it('stops before creating the org when the build fails, with the compiler output', async () => {
    const { deps, executed, text } = harness((command) =>
      command.program === 'npm' ? { exitCode: 2, stdout: "x.ts(1,1): error TS1005: ';' expected." } : undefined
    );
    expect(await runSetup(OPTIONS, deps)).toBe(1);
    expect(text()).toContain('Step 4/11 failed');
    expect(text()).toContain("error TS1005: ';' expected.");
    expect(executed.some((command) => command.includes('create scratch'))).toBe(false);
  });

  it('lists the components a failed deploy names and tells how to delete the org', async () => {
    const { deps, executed, text } = harness((command) =>
      command.args[0] === 'project'
        ? {
            exitCode: 1,
            json: {
              status: 1,
              name: 'FailedDeploy',
              message: 'Deploy failed.',
              result: {
                status: 'Failed',
                files: [
                  {
                    state: 'Failed',
                    type: 'CustomField',
                    fullName: 'Partner_Profile__c.Tier__c',
                    error: 'Value set Partner_Tier not found',
                    filePath: '/p/force-app/main/default/objects/Partner_Profile__c/fields/Tier__c.field-meta.xml',
                    lineNumber: 4
                  },
                  { state: 'Created', type: 'ApexClass', fullName: 'Fine' }
                ]
              }
            }
          }
        : undefined
    );
    expect(await runSetup(OPTIONS, deps)).toBe(1);
    expect(text()).toContain('Step 6/11 failed (Deploy force-app (waits up to 30 minutes)).');
    expect(text()).toContain(
      '  - CustomField Partner_Profile__c.Tier__c: Value set Partner_Tier not found (Tier__c.field-meta.xml:4)'
    );
    expect(text()).not.toContain('Fine');
    expect(text()).toContain('npx sf org delete scratch --target-org partner-program --no-prompt');
    expect(executed.some((command) => command.includes('assign permset'))).toBe(false);
  });

  it('falls back to component failures when a deploy answer has no failed files', async () => {
    const { deps, text } = harness((command) =>
      command.args[0] === 'project'
        ? {
            exitCode: 1,
            json: {
              status: 1,
              message: 'Deploy failed.',
              result: {
                details: { componentFailures: { componentType: 'ApexClass', fullName: 'X', problem: 'Bad' } }
              }
            }
          }
        : undefined
    );
    expect(await runSetup(OPTIONS, deps)).toBe(1);
    expect(text()).toContain('  - ApexClass X: Bad');
  });

  it('leaves active currencies and existing dated rates alone and re-activates an inactive currency', async () => {
    const { deps, executed } = harness((command) => {
      const line = command.args.join(' ');
      if (line.includes('FROM CurrencyType')) {
        return {
          json: {
            status: 0,
            result: {
              records: [
                { Id: '02B1', IsoCode: 'USD', IsActive: true, IsCorporate: true },
                { Id: '02B2', IsoCode: 'CAD', IsActive: false, IsCorporate: false }
              ]
            }
          }
        };
      }
      if (line.includes('FROM DatedConversionRate'))
        return { json: { status: 0, result: { records: [{ IsoCode: 'CAD', StartDate: '2026-01-01' }] } } };
      return undefined;
    });
    expect(await runSetup(OPTIONS, deps)).toBe(0);
    expect(executed).toContain(
      "sf data update record --sobject CurrencyType --record-id 02B2 --values 'IsoCode=CAD ConversionRate=1.36 DecimalPlaces=2 IsActive=true' --target-org partner-program --json"
    );
    expect(executed.filter((command) => command.includes('--sobject DatedConversionRate'))).toEqual([
      "sf data create record --sobject DatedConversionRate --values 'IsoCode=CAD ConversionRate=1.36 StartDate=2026-04-01' --target-org partner-program --json"
    ]);
  });

  it("refuses to load rates relative to another corporate currency than the sample's", async () => {
    const { deps, executed, text } = harness((command) =>
      command.args.join(' ').includes('FROM CurrencyType')
        ? {
            json: {
              status: 0,
              result: { records: [{ Id: '02B1', IsoCode: 'EUR', IsActive: true, IsCorporate: true }] }
            }
          }
        : undefined
    );
    expect(await runSetup(OPTIONS, deps)).toBe(1);
    expect(text()).toContain("The org's corporate currency is EUR");
    expect(executed.some((command) => command.includes('data import tree'))).toBe(false);
  });

  it('stops before creating the org when the org would reject sample records', async () => {
    const model: DataModel = new Map([
      [
        'Partner_Profile__c',
        {
          nameFieldType: 'Text',
          fields: new Map([
            ['Status__c', { type: 'Picklist', writable: true, required: false, restrictedValues: ['Prospect'] }]
          ])
        }
      ]
    ]);
    const { deps, executed, text } = harness(undefined, { readDataModel: () => model });
    expect(await runSetup(OPTIONS, deps)).toBe(1);
    expect(text()).toContain('Step 3/11 failed');
    expect(text()).toContain(
      'Partner_Profile__c.Status__c: "Active" is not a value of the restricted picklist (Prospect)'
    );
    expect(text()).toContain('--no-data');
    expect(executed.some((command) => command.includes('create scratch'))).toBe(false);

    const dry = harness(undefined, { readDataModel: () => model });
    expect(await runSetup({ ...OPTIONS, dryRun: true }, dry.deps)).toBe(0);
    expect(dry.text()).toContain('A real run stops here');
  });

  it('reports an unreadable sample as a failed step', async () => {
    const { deps, text } = harness(undefined, {
      readSnapshot: async () => {
        throw new UserError('Opportunity.csv was changed after the snapshot was taken.', {
          hint: 'Take a new snapshot.'
        });
      }
    });
    expect(await runSetup(OPTIONS, deps)).toBe(1);
    expect(text()).toContain('Step 3/11 failed');
    expect(text()).toContain('What to do: Take a new snapshot.');
  });

  it('says that earlier files stay in the org when the tree import fails', async () => {
    const { deps, text } = harness((command) =>
      command.args.join(' ').startsWith('data import tree')
        ? {
            exitCode: 1,
            json: {
              status: 1,
              name: 'dataImportFailed',
              message:
                'Data plan import failed. Opportunity-1.json: FIELD_CUSTOM_VALIDATION_EXCEPTION Registered On is required'
            }
          }
        : undefined
    );
    expect(await runSetup(OPTIONS, deps)).toBe(1);
    expect(text()).toContain('Step 10/11 failed (Load the sample data).');
    expect(text()).toContain('FIELD_CUSTOM_VALIDATION_EXCEPTION Registered On is required');
    expect(text()).toContain('not all-or-nothing');
  });
});

describe('parseSetupArgs', () => {
  it('has the documented defaults', () => {
    expect(parseSetupArgs([])).toEqual({
      alias: 'partner-program',
      devHub: null,
      durationDays: 7,
      data: true,
      dryRun: false,
      help: false
    });
    expect(
      parseSetupArgs(['--alias', 'demo', '--dev-hub', 'Hub', '--duration-days', '30', '--no-data', '--dry-run'])
    ).toEqual({
      alias: 'demo',
      devHub: 'Hub',
      durationDays: 30,
      data: false,
      dryRun: true,
      help: false
    });
  });

  it('refuses bad values and unknown options', () => {
    expect(() => parseSetupArgs(['--duration-days', '0'])).toThrow(/1 to 30/);
    expect(() => parseSetupArgs(['--duration-days', '2.5'])).toThrow(UserError);
    expect(() => parseSetupArgs(['--alias', 'my org'])).toThrow(/not a usable alias/);
    expect(() => parseSetupArgs(['--target-org', 'x'])).toThrow(UserError);
  });
});

describe('sf-cli helpers', () => {
  it('quotes arguments only where a shell needs it', () => {
    expect(quoteArg('--target-org')).toBe('--target-org');
    expect(quoteArg('config/project-scratch-def.json')).toBe('config/project-scratch-def.json');
    expect(quoteArg('SELECT Id FROM User')).toBe("'SELECT Id FROM User'");
    expect(quoteArg("it's")).toBe("'it'\\''s'");
  });

  it('redacts tokens, auth URLs and secret JSON properties', () => {
    const text = redact(
      `{"accessToken": "${ACCESS_TOKEN}", "sfdxAuthUrl": "x"} ${AUTH_URL} ${REFRESH_TOKEN} session ${ACCESS_TOKEN}`
    );
    for (const secret of [ACCESS_TOKEN, AUTH_URL, REFRESH_TOKEN]) expect(text).not.toContain(secret);
    expect(text).toContain('"accessToken": "[redacted]"');
  });

  it('parses JSON from stdout or stderr and ignores anything else', () => {
    expect(parseSfJson({ exitCode: 0, stdout: '{"status":0,"result":[]}', stderr: '' })).toEqual({
      status: 0,
      result: []
    });
    expect(parseSfJson({ exitCode: 1, stdout: '', stderr: 'warning\n{"status":1,"message":"x"}\n' })).toEqual({
      status: 1,
      message: 'x'
    });
    expect(parseSfJson({ exitCode: 1, stdout: 'not json', stderr: '' })).toBeNull();
  });
});
