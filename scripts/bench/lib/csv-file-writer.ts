/*
 * A snapshot CSV written in bounded memory: rows are appended as text to a small buffer that is
 * flushed (hashed, then written synchronously) every BUFFER_CHARS characters, so a file of any size
 * is written with about one megabyte of memory, and its SHA-256 and row count are ready for the
 * manifest when it is closed. Values are formatted the way the sample writes them (csv-stringify's
 * minimal quoting: only values with a comma, quote or line break are quoted).
 */
import { createHash, type Hash } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';

const BUFFER_CHARS = 1 << 20;
const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV cell: quoted (with doubled quotes) only when it has to be. */
export function csvCell(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export interface WrittenFile {
  rows: number;
  sha256: string;
  bytes: number;
}

export class CsvFileWriter {
  private readonly fd: number;
  private readonly hash: Hash = createHash('sha256');
  private buffer = '';
  private rowCount = 0;
  private byteCount = 0;

  constructor(file: string, header: readonly string[]) {
    this.fd = openSync(file, 'w');
    this.buffer = header.join(',') + '\n';
  }

  get rows(): number {
    return this.rowCount;
  }

  /** Appends one data row whose cells are already CSV text (see csvCell for free text). */
  row(cells: string): void {
    this.buffer += cells + '\n';
    this.rowCount++;
    if (this.buffer.length >= BUFFER_CHARS) this.flush();
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    const bytes = Buffer.from(this.buffer, 'utf8');
    this.buffer = '';
    this.hash.update(bytes);
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(this.fd, bytes, offset);
    this.byteCount += bytes.length;
  }

  close(): WrittenFile {
    this.flush();
    closeSync(this.fd);
    return { rows: this.rowCount, sha256: this.hash.digest('hex'), bytes: this.byteCount };
  }
}
