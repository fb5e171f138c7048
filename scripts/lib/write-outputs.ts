import { closeSync, createReadStream, openSync, writeSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from './errors.ts';

/**
 * Writes a set of files so that a reader never sees half of them: every file is first written in
 * full under a temporary name, and only when all succeeded are they renamed into place.
 */
/** Writes text given whole or piece by piece, in writes of about a megabyte. */
function writeText(file: string, content: string | Iterable<string>): void {
  const fd = openSync(file, 'w');
  try {
    let buffer = '';
    const flush = () => {
      const bytes = Buffer.from(buffer, 'utf8');
      let offset = 0;
      while (offset < bytes.length) offset += writeSync(fd, bytes, offset);
      buffer = '';
    };
    for (const piece of typeof content === 'string' ? [content] : content) {
      buffer += piece;
      if (buffer.length >= 1 << 20) flush();
    }
    flush();
  } finally {
    closeSync(fd);
  }
}

export async function writeOutputsAtomically(
  outDir: string,
  files: Record<string, string | Iterable<string>>
): Promise<string[]> {
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
      writeText(temporary, content);
    }
  } catch (error) {
    await Promise.all(staged.map(([temporary]) => rm(temporary, { force: true })));
    throw new UserError(`Cannot write to ${outDir}: ${(error as Error).message}. Nothing was written.`);
  }
  for (const [temporary, target] of staged) await rename(temporary, target);
  return staged.map(([, target]) => target);
}

/** A written file on an output such as stdout, in pieces: it can be larger than one string may be. */
export async function copyFileTo(file: string, write: (text: string) => void): Promise<void> {
  for await (const piece of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 }))
    write(piece as string);
}
