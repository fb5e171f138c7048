/*
 * npm run preview: builds the component preview and serves it on 127.0.0.1, fed from data/sample.
 *
 * Usage: node scripts/preview/preview.ts [--port 4173] [--snapshot data/sample]
 * Then open http://127.0.0.1:4173/?partner=Skylark (add &as=partner for the partner site view).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildPreview, OUT_DIR, PREVIEW_DIR, PROJECT_ROOT } from './build.ts';
import { PreviewData } from './data-provider.ts';
import { startPreviewServer } from './server.ts';

export const SLDS_ASSETS = path.join(PROJECT_ROOT, 'node_modules', '@salesforce-ux', 'design-system', 'assets');

export async function startPreview(options: { snapshotDir: string; port?: number; build?: boolean }) {
  const [build, data] = await Promise.all([
    options.build === false ? null : buildPreview(),
    PreviewData.load(options.snapshotDir)
  ]);
  const server = await startPreviewServer({
    data,
    appDir: path.join(PREVIEW_DIR, 'app'),
    bundleDir: OUT_DIR,
    assetsDir: SLDS_ASSETS,
    port: options.port
  });
  return { server, build, data };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(PREVIEW_DIR, 'preview.ts')) {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: '4173' }, snapshot: { type: 'string', default: 'data/sample' } }
  });
  const started = await startPreview({
    snapshotDir: path.resolve(PROJECT_ROOT, values.snapshot),
    port: Number(values.port)
  }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EADDRINUSE') throw error;
    process.stderr.write(`Port ${values.port} is in use. Pick another: npm run preview -- --port 4174\n`);
    process.exit(2);
  });
  const { server, build, data } = started;
  const example = data.partners().find((partner) => partner.outcome === 'Grace') ?? data.partners()[0];
  process.stdout.write(
    `Built ${build?.components.join(', ')} in ${build?.milliseconds} ms; ${data.quarter} evaluation of ${values.snapshot} applied.\n` +
      `Preview: ${server.url}?partner=${encodeURIComponent(example.name)}  (add &as=partner for the partner site)\n` +
      'Press Ctrl+C to stop.\n'
  );
  process.on('SIGINT', () => void server.close().then(() => process.exit(0)));
}
