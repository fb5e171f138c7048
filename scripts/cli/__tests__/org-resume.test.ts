/*
 * A run killed mid-write (SIGKILL: no clean-up at all) is resumed by `apply <run dir>` without
 * duplicates: state.json says which Bulk job was under way; a job whose upload completed is
 * re-attached by its id, a job whose upload may be incomplete is aborted and its rows sent again.
 * Meanwhile the killed run's lock keeps other runs out.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { orgTestEnv, type OrgTestEnv } from '../../lib/org/__tests__/helpers/org-test-env.ts';

const CHILD = path.resolve('scripts/lib/org/__tests__/helpers/cli-child.ts');

function startChild(env: OrgTestEnv, argv: string[]): { child: ChildProcess; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [CHILD, env.fake.instanceUrl, env.fake.org.orgId, ...argv], {
    env: { ...process.env, FAKE_ORG_TOKEN: env.fake.org.token },
    stdio: ['ignore', 'pipe', 'pipe']
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited };
}

/** Kills the child (SIGKILL) as soon as the fake receives a request matching `when`. */
function killWhen(env: OrgTestEnv, child: ChildProcess, when: (method: string, path: string, body: string) => boolean) {
  env.fake.org.onRequest = (request) => {
    if (when(request.method, request.path, request.body)) {
      env.fake.org.onRequest = null;
      child.kill('SIGKILL');
    }
  };
}

const state = (runDir: string) => JSON.parse(readFileSync(path.join(runDir, 'state.json'), 'utf8'));
const jobsFor = (env: OrgTestEnv, object: string) =>
  env.fake.org.calls(/\/jobs\/ingest$/, 'POST').filter((request) => JSON.parse(request.body).object === object);

describe('a run killed mid-write', () => {
  let env: OrgTestEnv;
  beforeEach(async () => {
    env = await orgTestEnv({ partners: 12 });
  });
  afterEach(() => env.close());

  it('after its upload completed: resume re-attaches to the same Bulk job, no row is written twice', async () => {
    const runDir = env.runDir();
    expect((await env.run(['evaluate', '--target-org', 'fake', '--run-dir', runDir])).code).toBe(0);
    // The first status request of the evaluation job hangs; the run is killed while it waits.
    env.fake.fault({ method: 'GET', path: /\/jobs\/ingest\/750\w+$/, hang: true });
    const { child, exited } = startChild(env, ['apply', runDir, '--yes']);
    killWhen(env, child, (method, requestPath) => method === 'GET' && /\/jobs\/ingest\/750\w+$/.test(requestPath));
    expect(await exited).toBeNull();

    const killed = state(runDir);
    expect(killed.objects[0].jobs).toEqual([expect.objectContaining({ phase: 'closed' })]);
    const jobId = killed.objects[0].jobs[0].id;
    expect(env.fake.org.store.rows('Evaluation_Run__c')[0]).toMatchObject({
      Status__c: 'Running',
      Host__c: 'child-host'
    });

    // Another run of the quarter is kept out while the killed run holds the lock.
    const otherRun = env.runDir();
    expect((await env.run(['evaluate', '--target-org', 'fake', '--run-dir', otherRun])).code).toBe(0);
    const refused = await env.run(['apply', otherRun, '--yes']);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('from host child-host');

    const resumed = await env.run(['apply', runDir, '--yes']);
    expect(resumed.code).toBe(0);
    expect(resumed.out).toContain(`Tier_Evaluation__c: 12 of 12 rows change; 12 written, 0 failed (Bulk job ${jobId})`);
    expect(jobsFor(env, 'Tier_Evaluation__c')).toHaveLength(1);
    expect(jobsFor(env, 'Partner_Profile__c')).toHaveLength(1);
    const keys = env.fake.org.store.rows('Tier_Evaluation__c').map((row) => row.Evaluation_Key__c);
    expect(new Set(keys).size).toBe(12);
    expect(keys).toHaveLength(12);
    expect(env.fake.org.store.rows('Evaluation_Run__c')[0].Status__c).toBe('Completed');
  }, 20_000);

  it('during its upload: resume aborts that job and sends the rows in a new one, once', async () => {
    const runDir = env.runDir();
    expect((await env.run(['evaluate', '--target-org', 'fake', '--run-dir', runDir])).code).toBe(0);
    env.fake.fault({ method: 'PUT', path: /\/batches$/, hang: true });
    const { child, exited } = startChild(env, ['apply', runDir, '--yes']);
    killWhen(env, child, (method, requestPath) => method === 'PUT' && requestPath.endsWith('/batches'));
    expect(await exited).toBeNull();
    expect(state(runDir).objects[0].jobs).toEqual([expect.objectContaining({ phase: 'created' })]);

    const resumed = await env.run(['apply', runDir, '--yes']);
    expect(resumed.code).toBe(0);
    const [first, second] = state(runDir).objects[0].jobs;
    expect(first).toMatchObject({ phase: 'aborted', state: 'Aborted' });
    expect(second).toMatchObject({ phase: 'finished', state: 'JobComplete', rows: 12 });
    expect(jobsFor(env, 'Tier_Evaluation__c')).toHaveLength(2);
    expect(env.fake.org.store.rows('Tier_Evaluation__c')).toHaveLength(12);
  }, 20_000);
});
