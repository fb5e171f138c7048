#!/usr/bin/env node
// Entry point of the `partner-program` bin. npm puts the project's pinned Node 24 (the `node`
// devDependency) first on PATH, and Node 24 runs the TypeScript sources directly (type stripping),
// so the CLI has no build step. Started by an older Node, it says how to start it instead.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  process.stderr.write(
    `partner-program needs Node 24 or later; this is Node ${process.versions.node}.\n` +
      "Fix: run it through npm, which uses the project's own Node 24: npm exec partner-program -- <command> …\n" +
      '     (after npm install in the project folder), or npm run evaluate for the sample.\n'
  );
  process.exit(1);
}

const { main } = await import('../cli/main.ts');
const io = {
  stdout: (text) => process.stdout.write(text),
  stdoutBytes: (bytes) => process.stdout.write(bytes),
  stderr: (text) => process.stderr.write(text),
  interactive: Boolean(process.stderr.isTTY)
};
process.exitCode = await main(process.argv.slice(2), io);
