import { readFileSync } from 'node:fs';

// js-yaml ships without type declarations; load() returns a plain object tree.
const yaml = require('js-yaml') as { load: (text: string) => unknown };

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface Job {
  needs?: string;
  if?: string;
  outputs?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, Job>;
}

const WORKFLOW = '.github/workflows/org-ci.yml';
const text = readFileSync(WORKFLOW, 'utf8');
const workflow = yaml.load(text) as Workflow;
const runs = (job: Job): string => job.steps.map((step) => step.run ?? '').join('\n');

describe(WORKFLOW, () => {
  it('is well-formed YAML that runs on push and pull request', () => {
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
    expect(Object.keys(workflow.jobs)).toEqual(['test', 'scratch-org']);
  });

  it('tests on Node 24 with npm install, a lockfile check and npm test', () => {
    const { steps } = workflow.jobs.test;
    expect(steps[0].uses).toMatch(/^actions\/checkout@/);
    expect(steps.find((step) => step.uses?.startsWith('actions/setup-node@'))!.with).toMatchObject({
      'node-version': 24
    });
    const script = runs(workflow.jobs.test);
    expect(script).not.toMatch(/^\s*npm ci\b/m);
    expect(script).toMatch(/npm install[\s\S]*cmp -s package-lock\.json[\s\S]*exit 1/);
    expect(steps.some((step) => step.run === 'npm test')).toBe(true);
  });

  it('runs the org job only with Dev Hub credentials and always deletes the scratch org', () => {
    const job = workflow.jobs['scratch-org'];
    expect(job.needs).toBe('test');
    expect(job.if).toContain('needs.test.outputs.devhub-auth');
    expect(workflow.jobs.test.outputs!['devhub-auth']).toBe('${{ steps.devhub.outputs.method }}');
    const names = job.steps.map((step) => step.run ?? '');
    const create = names.findIndex((run) => run.includes('setup-scratch-org.ts'));
    const tests = names.findIndex((run) => run.includes('sf apex run test'));
    const remove = job.steps.findIndex((step) => step.run?.includes('sf org delete scratch'));
    expect(create).toBeGreaterThan(0);
    expect(tests).toBeGreaterThan(create);
    expect(remove).toBe(job.steps.length - 1);
    expect(job.steps[remove].if).toBe('always()');
    expect(job.steps[remove].run).toContain('--no-prompt');
    for (const flag of ['--test-level RunLocalTests', '--code-coverage', '--result-format human', '--wait 30']) {
      expect(names[tests].replaceAll('\n', ' ')).toContain(flag);
    }
  });

  it('hands secrets to steps only through env and a private file, never echoing them', () => {
    for (const [name, job] of Object.entries(workflow.jobs)) {
      for (const step of job.steps) {
        // A secret expression may appear in env only, never inside a run script or an if.
        expect({ job: name, step: step.name, run: /secrets\./.test(step.run ?? '') }).toEqual({
          job: name,
          step: step.name,
          run: false
        });
        expect(/secrets\./.test(step.if ?? '')).toBe(false);
        expect(step.run ?? '').not.toMatch(/echo[^\n]*\$(SFDX_AUTH_URL_DEVHUB|SF_JWT_KEY)/);
      }
    }
    const login = workflow.jobs['scratch-org'].steps.find((step) => step.run?.includes('org login sfdx-url'))!;
    expect(login.run).toContain('umask 077');
    expect(login.run).toContain('--sfdx-url-file "$auth_file"');
    expect(login.run).toContain('rm -f "$auth_file"');
    expect(login.env).toEqual({ SFDX_AUTH_URL_DEVHUB: '${{ secrets.SFDX_AUTH_URL_DEVHUB }}' });
  });
});
