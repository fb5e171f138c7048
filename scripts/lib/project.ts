import { existsSync } from 'node:fs';
import path from 'node:path';

/** The Salesforce DX project that holds `force-app`: the nearest folder with sfdx-project.json. */
export function findProjectRoot(from: string = process.cwd()): string | null {
  let dir = path.resolve(from);
  for (;;) {
    if (existsSync(path.join(dir, 'sfdx-project.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** Where the deployed program configuration lives: the custom metadata records in force-app. */
export function deployedCustomMetadataDir(projectRoot: string): string {
  return path.join(projectRoot, 'force-app', 'main', 'default', 'customMetadata');
}
