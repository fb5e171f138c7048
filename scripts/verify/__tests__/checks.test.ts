import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { copyOfDeployedMetadata, setRecordValue } from '../../__tests__/helpers/fixtures.ts';
import {
  checkBundlesBuilt,
  checkPlatformCompile,
  checkProjectDefinitions,
  checkProgramConfiguration,
  checkSourceConvert,
  checkXmlWellFormed
} from '../checks.ts';

const META = `<?xml version="1.0" encoding="UTF-8" ?>
<LightningComponentBundle xmlns="http://soap.sforce.com/2006/04/metadata">
  <apiVersion>65.0</apiVersion>
  <isExposed>false</isExposed>
</LightningComponentBundle>
`;

/** A minimal SFDX project with one component bundle, for planting defects. */
function project(files: Record<string, string>, forceignore = '**/lwc/**/*.ts\n**/__tests__/**\n'): string {
  const root = mkdtempSync(path.join(tmpdir(), 'pp-verify-'));
  writeFileSync(
    path.join(root, 'sfdx-project.json'),
    JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }], sourceApiVersion: '65.0' })
  );
  writeFileSync(path.join(root, '.forceignore'), forceignore);
  const bundle = path.join(root, 'force-app', 'main', 'default', 'lwc', 'sample');
  mkdirSync(bundle, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(bundle, name), content);
  return root;
}

const lwcOf = (root: string) => path.join(root, 'force-app', 'main', 'default', 'lwc');

describe('offline verification checks', () => {
  it('XML well-formedness fails on an unclosed tag and names the file and line', () => {
    const root = project({
      'sample.js-meta.xml': '<?xml version="1.0"?>\n<LightningComponentBundle>\n  <apiVersion>65.0</apiVersion>\n'
    });
    const result = checkXmlWellFormed(path.join(root, 'force-app'));
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toContain('sample.js-meta.xml');
  });

  it('bundle check fails on a TypeScript bundle that was never compiled, or compiled before its last edit', () => {
    const never = project({ 'sample.ts': 'export const x = 1;\n', 'sample.js-meta.xml': META });
    expect(checkBundlesBuilt(lwcOf(never)).problems).toEqual([
      `${path.join(lwcOf(never), 'sample')}: sample.ts was never compiled to sample.js (run npm run build)`
    ]);
    const stale = project({
      'sample.ts': 'export const x = 2;\n',
      'sample.js': 'export const x = 1;\n',
      'sample.js-meta.xml': META
    });
    const old = new Date('2020-01-01');
    utimesSync(path.join(lwcOf(stale), 'sample', 'sample.js'), old, old);
    expect(checkBundlesBuilt(lwcOf(stale)).problems[0]).toContain('sample.js is older than sample.ts');
  });

  it('platform compile fails on code the LWC compiler rejects and passes on a valid bundle', async () => {
    const broken = project({ 'sample.js': 'export default class { run( }\n', 'sample.js-meta.xml': META });
    const failed = await checkPlatformCompile(lwcOf(broken));
    expect(failed.problems[0]).toMatch(/LWC1503|Parsing error/);
    const fine = project({ 'sample.js': 'export function run() { return 1; }\n', 'sample.js-meta.xml': META });
    expect((await checkPlatformCompile(lwcOf(fine))).problems).toEqual([]);
  });

  it('program configuration check fails on a criterion with an unknown metric', async () => {
    const dir = copyOfDeployedMetadata();
    setRecordValue(dir, 'Tier_Criterion.Elite_CSAT.md-meta.xml', 'Metric__c', 'CSAT');
    const result = await checkProgramConfiguration(dir);
    expect(result.problems.join('\n')).toContain(
      'Tier_Criterion.Elite_CSAT.md-meta.xml: field Metric__c is not a known metric'
    );
  });

  it('source convert fails when .forceignore would ship TypeScript sources', async () => {
    const files = {
      'sample.ts': 'export const x = 1;\n',
      'sample.js': 'export const x = 1;\n',
      'sample.js-meta.xml': META
    };
    const leaky = project(files, '');
    const result = await checkSourceConvert(leaky);
    expect(result.problems).toEqual([expect.stringContaining('would deploy lwc/sample/sample.ts')]);
    const tight = project(files);
    expect((await checkSourceConvert(tight)).problems).toEqual([]);
  }, 60_000);

  it('passes on this project', async () => {
    const root = path.resolve('.');
    expect(checkXmlWellFormed(path.join(root, 'force-app')).problems).toEqual([]);
    expect(
      (await checkProgramConfiguration(path.join(root, 'force-app/main/default/customMetadata'))).problems
    ).toEqual([]);
  });
});

describe('project definition check', () => {
  it('fails on an unknown scratch org feature and passes on this project', () => {
    const schemas = path.resolve('node_modules/@salesforce/core/schemas');
    const root = project({});
    mkdirSync(path.join(root, 'config'));
    writeFileSync(
      path.join(root, 'config', 'project-scratch-def.json'),
      JSON.stringify({ edition: 'Enterprise', features: ['Communities', 'Telepathy'] })
    );
    expect(checkProjectDefinitions(root, schemas).problems).toContain(
      `${path.join(root, 'config', 'project-scratch-def.json')}: /features/1 must be equal to one of the allowed values`
    );
    expect(checkProjectDefinitions(path.resolve('.'), schemas).problems).toEqual([]);
  });
});
