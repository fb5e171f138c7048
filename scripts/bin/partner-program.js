#!/usr/bin/env node
// Entry point of the `partner-program` bin. npm puts the project's pinned Node 24 first on PATH,
// which runs the TypeScript sources directly (type stripping), so there is no build step for the CLI.
import { main } from '../cli/main.ts';

const io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  interactive: Boolean(process.stderr.isTTY)
};

process.exitCode = await main(process.argv.slice(2), io);
