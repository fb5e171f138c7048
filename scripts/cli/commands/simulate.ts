import { renderTable } from '../../lib/report/text-table.ts';
import { simulate, type Simulation } from '../../lib/simulation.ts';
import { progressReporter, EXIT_CODES_HELP, pickFormat, requireOption, type Command } from '../command.ts';

function simulationTable(simulation: Simulation): string {
  const out: string[] = [];
  const { deployed, proposed, matrix } = simulation;
  out.push(
    `Simulation for ${simulation.quarter}: deployed rules (${deployed.criteriaHash}) vs proposed rules (${proposed.criteriaHash})`
  );
  out.push(`Proposal: ${proposed.config.sources[proposed.config.sources.length - 1]}`);
  out.push('');
  out.push(`Rule changes (${simulation.ruleChanges.length})`);
  out.push(
    ...(simulation.ruleChanges.length
      ? simulation.ruleChanges.map((change) => `  ${change}`)
      : ['  none: the proposal equals the deployed rules'])
  );
  out.push('');
  out.push('Movement matrix: rows = tier with the deployed rules, columns = tier with the proposed rules');
  out.push(
    renderTable(
      [{ header: 'deployed \\ proposed' }, ...matrix.tiers.map((tier) => ({ header: tier, align: 'right' as const }))],
      matrix.tiers.map((tier, row) => [tier, ...matrix.counts[row].map(String)]),
      '  '
    )
  );
  out.push('');
  out.push(`Partners whose result would change (${simulation.movements.length})`);
  if (simulation.movements.length === 0) out.push('  none');
  else {
    out.push(
      renderTable(
        [
          { header: 'Partner' },
          { header: 'Deployed rules' },
          { header: 'Proposed rules' },
          { header: 'Why (proposed)' }
        ],
        simulation.movements.map((movement) => [
          movement.name,
          `${movement.deployed.tier} (${movement.deployed.outcome})`,
          `${movement.proposed.tier} (${movement.proposed.outcome})`,
          movement.proposed.summary
        ]),
        '  '
      )
    );
  }
  return out.join('\n') + '\n';
}

export const simulateCommand: Command = {
  name: 'simulate',
  summary: 'Show who would move under proposed rules before they are deployed.',
  help: `Usage: partner-program simulate --snapshot <dir> --criteria <dir> [--quarter YYYY-Qn] [--format table|json]

Evaluates a snapshot twice for the same quarter: with the deployed rules (the custom metadata
records in force-app) and with a proposal (--criteria), and shows the rule changes, a movement
matrix (tier under the deployed rules x tier under the proposal) and every partner whose tier or
outcome would change, with the reason. Nothing is written.

The proposal folder holds custom metadata records like those in
force-app/main/default/customMetadata. Each record type present in the folder (Partner_Tier,
Tier_Criterion, Tier_Benefit, Partner_Program_Setting) replaces the deployed records of that type;
types absent from the folder stay as deployed. To propose a change, copy the records you want
to change into a new folder, edit them, simulate, then move them into force-app and deploy.

Options:
  --snapshot <dir>   snapshot folder (manifest.json + CSVs), e.g. data/sample
  --criteria <dir>   the proposed records
  --quarter YYYY-Qn  fiscal quarter; default: the last quarter that ended before the export
  --format <f>       table (default) or json
  -h, --help         show this help

Examples:
  partner-program simulate --snapshot data/sample --criteria data/proposals/stricter-select
  partner-program simulate --snapshot data/sample --criteria my-proposal --format json

${EXIT_CODES_HELP}
`,
  options: {
    snapshot: { type: 'string' },
    criteria: { type: 'string' },
    quarter: { type: 'string' },
    format: { type: 'string' },
    help: { type: 'boolean', short: 'h' }
  },
  allowPositionals: false,
  async run(values, _positionals, io) {
    const snapshotDir = requireOption(
      values.snapshot,
      '--snapshot',
      'simulate',
      '--snapshot data/sample --criteria my-proposal'
    );
    const criteriaDir = requireOption(
      values.criteria,
      '--criteria',
      'simulate',
      '--snapshot data/sample --criteria my-proposal'
    );
    const format = pickFormat(values.format, ['table', 'json'] as const);
    const simulation = await simulate({
      snapshotDir,
      criteriaDir,
      quarter: values.quarter as string | undefined,
      progress: progressReporter(io, format === 'table')
    });
    if (format === 'json') {
      io.stdout(
        JSON.stringify(
          {
            quarter: simulation.quarter,
            deployedRules: simulation.deployed.criteriaHash,
            proposedRules: simulation.proposed.criteriaHash,
            ruleChanges: simulation.ruleChanges,
            matrix: simulation.matrix,
            movements: simulation.movements
          },
          null,
          2
        ) + '\n'
      );
    } else {
      io.stdout(simulationTable(simulation));
    }
    return 0;
  }
};
