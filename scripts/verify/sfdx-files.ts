/*
 * Shared helpers of the offline checks: the project's package directories and a file walk that
 * leaves out folders the platform never sees.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Folders no check looks into: dependencies, tool state and component tests. */
const SKIPPED_DIRS = new Set(['node_modules', '__tests__', '__mocks__', '.sfdx', '.sf', '.git', '.localdevserver']);

/** Every file under `dir` (recursively, sorted) that `keep` accepts. */
export function walkFiles(dir: string, keep: (file: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) found.push(...walkFiles(full, keep));
    } else if (keep(full)) found.push(full);
  }
  return found.sort();
}

/** The package directories of sfdx-project.json as absolute paths (force-app when it cannot be read). */
export function packageDirectories(projectDir: string): string[] {
  try {
    const project = JSON.parse(readFileSync(path.join(projectDir, 'sfdx-project.json'), 'utf8')) as {
      packageDirectories?: { path: string }[];
    };
    const dirs = (project.packageDirectories ?? []).map((entry) => path.join(projectDir, entry.path));
    if (dirs.length > 0) return dirs;
  } catch {
    // fall through to the default
  }
  return [path.join(projectDir, 'force-app')];
}

/** Apex classes and triggers of the project. */
export function apexFiles(projectDir: string): string[] {
  return packageDirectories(projectDir).flatMap((dir) => walkFiles(dir, (file) => /\.(cls|trigger)$/.test(file)));
}
