/*
 * The real connection path (@salesforce/core and the Salesforce CLI's auth store), with an empty
 * home folder: an alias nobody logged in to is a clear "log in first" (exit 2), no stack trace.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../main.ts';
import { captureIo } from '../../__tests__/helpers/snapshot-builder.ts';

describe('--target-org with the Salesforce CLI auth store', () => {
  const home = process.env.HOME;
  beforeAll(() => {
    process.env.HOME = mkdtempSync(path.join(tmpdir(), 'pp-home-'));
  });
  afterAll(() => {
    process.env.HOME = home;
  });

  it('an alias without a login says how to log in', async () => {
    const io = captureIo();
    const code = await main(
      ['evaluate', '--target-org', 'nobody-logged-in', '--run-dir', path.join(tmpdir(), 'never')],
      io
    );
    expect(code).toBe(2);
    expect(io.err).toContain('No Salesforce login found for "nobody-logged-in"');
    expect(io.err).toContain('npx sf org login web --alias nobody-logged-in');
  }, 30_000);
});
