import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from './errors.ts';

/**
 * Writes a set of files so that a reader never sees half of them: every file is first written in
 * full under a temporary name, and only when all succeeded are they renamed into place.
 */
export async function writeOutputsAtomically(outDir: string, files: Record<string, string>): Promise<string[]> {
  try {
    await mkdir(outDir, { recursive: true });
  } catch (error) {
    throw new UserError(`Cannot create the output folder ${outDir}: ${(error as Error).message}`);
  }
  const staged: [string, string][] = [];
  try {
    for (const [name, content] of Object.entries(files)) {
      const target = path.join(outDir, name);
      const temporary = `${target}.partial-${process.pid}`;
      staged.push([temporary, target]);
      await writeFile(temporary, content, 'utf8');
    }
  } catch (error) {
    await Promise.all(staged.map(([temporary]) => rm(temporary, { force: true })));
    throw new UserError(`Cannot write to ${outDir}: ${(error as Error).message}. Nothing was written.`);
  }
  for (const [temporary, target] of staged) await rename(temporary, target);
  return staged.map(([, target]) => target);
}
