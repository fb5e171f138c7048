import { closeSync, createReadStream, openSync, writeSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { CliIo } from '../cli/command.ts';
import { UserError } from './errors.ts';

/**
 * A file written in pieces. Small pieces are gathered up to 64 KB before a write; larger ones are
 * written as they come. Kept below V8's large-object size (128 KB), the strings die young and
 * are collected cheaply instead of piling up in the old generation until a full collection.
 */
const GATHER = 1 << 16;

export class BufferedFile {
  private readonly fd: number;
  private buffer = '';

  constructor(file: string) {
    this.fd = openSync(file, 'w');
  }

  write(text: string): void {
    if (this.buffer.length + text.length < GATHER) {
      this.buffer += text;
      return;
    }
    this.flush();
    if (text.length >= GATHER) this.writeNow(text);
    else this.buffer = text;
  }

  private flush(): void {
    this.writeNow(this.buffer);
    this.buffer = '';
  }

  private writeNow(text: string): void {
    if (text === '') return;
    // A string goes to the file without a Buffer of its own (Node encodes it in native memory and
    // frees it at once).
    const expected = Buffer.byteLength(text, 'utf8');
    const written = writeSync(this.fd, text, null, 'utf8');
    if (written < expected) {
      const bytes = Buffer.from(text, 'utf8');
      let offset = written;
      while (offset < bytes.length) offset += writeSync(this.fd, bytes, offset);
    }
  }

  close(): void {
    try {
      this.flush();
    } finally {
      closeSync(this.fd);
    }
  }
}

/**
 * A set of files written so that a reader never sees half of them: each is written in full under a
 * temporary name and renamed into place only when all succeeded (`commit`); `abort` removes them.
 */
export interface StagedOutputs {
  files: Record<string, BufferedFile>;
  commit(): Promise<string[]>;
  abort(): Promise<void>;
}

export async function stageOutputs(outDir: string, names: string[]): Promise<StagedOutputs> {
  try {
    await mkdir(outDir, { recursive: true });
  } catch (error) {
    throw new UserError(`Cannot create the output folder ${outDir}: ${(error as Error).message}`);
  }
  const staged: [string, string][] = [];
  const files: Record<string, BufferedFile> = {};
  const abort = async () => {
    for (const file of Object.values(files)) {
      try {
        file.close();
      } catch {
        // already closed, or the disk failed: the file is removed next
      }
    }
    await Promise.all(staged.map(([temporary]) => rm(temporary, { force: true })));
  };
  try {
    for (const name of names) {
      const target = path.join(outDir, name);
      const temporary = `${target}.partial-${process.pid}`;
      staged.push([temporary, target]);
      files[name] = new BufferedFile(temporary);
    }
  } catch (error) {
    await abort();
    throw new UserError(`Cannot write to ${outDir}: ${(error as Error).message}. Nothing was written.`);
  }
  return {
    files,
    abort,
    async commit() {
      try {
        for (const file of Object.values(files)) file.close();
      } catch (error) {
        await abort();
        throw new UserError(`Cannot write to ${outDir}: ${(error as Error).message}. Nothing was written.`);
      }
      for (const [temporary, target] of staged) await rename(temporary, target);
      return staged.map(([, target]) => target);
    }
  };
}

/** Writes files given whole or piece by piece, all or none (see stageOutputs). */
export async function writeOutputsAtomically(
  outDir: string,
  files: Record<string, string | Iterable<string>>
): Promise<string[]> {
  const staged = await stageOutputs(outDir, Object.keys(files));
  try {
    for (const [name, content] of Object.entries(files)) {
      const file = staged.files[name];
      for (const piece of typeof content === 'string' ? [content] : content) file.write(piece);
    }
  } catch (error) {
    await staged.abort();
    if (error instanceof UserError) throw error;
    throw new UserError(`Cannot write to ${outDir}: ${(error as Error).message}. Nothing was written.`);
  }
  return staged.commit();
}

/**
 * A written file on stdout, in pieces (it can be larger than one string may be): as bytes when the
 * output takes bytes (the bin's stdout), else as text.
 */
export async function copyFileTo(file: string, io: Pick<CliIo, 'stdout' | 'stdoutBytes'>): Promise<void> {
  const { stdoutBytes } = io;
  if (stdoutBytes) {
    for await (const bytes of createReadStream(file, { highWaterMark: 1 << 16 })) stdoutBytes(bytes as Buffer);
    return;
  }
  for await (const piece of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 16 }))
    io.stdout(piece as string);
}
