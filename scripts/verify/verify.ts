/*
 * `npm run verify`: the offline checks that stand in for a deploy, since no org is reachable here.
 * Exit 0 when every check passes, 1 otherwise, listing each problem with its file.
 */
import path from 'node:path';
import {
  checkBundlesBuilt,
  checkProjectDefinitions,
  checkPlatformCompile,
  checkProgramConfiguration,
  checkSourceConvert,
  checkXmlWellFormed,
  type CheckResult
} from './checks.ts';
import { checkApexSemantics } from './apex-semantics.ts';
import { checkCrossReferences } from './cross-reference.ts';
import { checkPmdRules } from './pmd-rules.ts';

const root = process.cwd();
const source = path.join(root, 'force-app', 'main', 'default');
const lwc = path.join(source, 'lwc');

const results: CheckResult[] = [
  checkXmlWellFormed(path.join(root, 'force-app')),
  checkBundlesBuilt(lwc),
  await checkPlatformCompile(lwc),
  await checkProgramConfiguration(path.join(source, 'customMetadata')),
  await checkSourceConvert(root),
  checkProjectDefinitions(root, path.join(root, 'node_modules', '@salesforce', 'core', 'schemas')),
  await checkApexSemantics(root),
  await checkPmdRules(root),
  checkCrossReferences(root)
];

let failed = 0;
for (const result of results) {
  if (result.problems.length === 0) {
    process.stdout.write(`ok    ${result.name} (${result.checked} checked)\n`);
  } else {
    failed++;
    process.stdout.write(`FAIL  ${result.name}\n${result.problems.map((problem) => `      ${problem}`).join('\n')}\n`);
  }
}
process.stdout.write(failed === 0 ? 'verify: all checks passed\n' : `verify: ${failed} check(s) failed\n`);
process.exitCode = failed === 0 ? 0 : 1;
