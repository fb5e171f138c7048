/*
 * Bundles the component preview with Rollup and LWC OSS: the project's own components (the `.js`
 * that `npm run build` compiles from their TypeScript, i.e. exactly what is deployed), the real
 * `lightning-*` base components from the npm package lightning-base-components, synthetic shadow,
 * and local stand-ins for the platform modules an org provides (stand-ins.ts).
 *
 * Usage: node scripts/preview/build.ts   (writes out/preview/app.js)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import lwc from 'lwc/rollup-plugin';
import { rollup, type Plugin } from 'rollup';
import { standIns } from './stand-ins.ts';

export const PREVIEW_DIR = path.dirname(fileURLToPath(import.meta.url));
export const PROJECT_ROOT = path.resolve(PREVIEW_DIR, '..', '..');
export const LWC_DIR = path.join(PROJECT_ROOT, 'force-app', 'main', 'default', 'lwc');
export const OUT_DIR = path.join(PROJECT_ROOT, 'out', 'preview');

/** The components the preview pages mount, in page order, when their bundles exist (`?page=mdf`: the MDF ones). */
export const PAGE_COMPONENTS = [
  'tierProgress',
  'partnerChecklist',
  'tierHistory',
  'mdfRequestForm',
  'mdfClaimForm',
  'mdfBudgetSummary'
];

/** A package as the `lwc` package itself resolves it (its own versions, not the top-level ones). */
function fromLwcPackage(name: string): string {
  return createRequire(fileURLToPath(import.meta.resolve('lwc'))).resolve(name);
}

/** Component bundles (`lwc/<name>/<name>.ts` or `.js`), by name. */
function bundlesIn(dir: string): Map<string, string> {
  const bundles = new Map<string, string>();
  if (!existsSync(dir)) return bundles;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || /^[._]/.test(entry.name)) continue;
    const base = path.join(dir, entry.name, entry.name);
    if (existsSync(`${base}.ts`) || existsSync(`${base}.js`)) bundles.set(entry.name, `${base}.js`);
  }
  return bundles;
}

/** Bundles whose `.js` is missing or older than their `.ts` (the TypeScript was not compiled since it changed). */
function staleBundles(bundles: Map<string, string>): string[] {
  return [...bundles.entries()]
    .filter(([, js]) => {
      const ts = js.replace(/\.js$/, '.ts');
      if (!existsSync(ts)) return false;
      return !existsSync(js) || statSync(js).mtimeMs < statSync(ts).mtimeMs;
    })
    .map(([name]) => name);
}

/** Runs the project's component build (`tsc -p tsconfig.lwc.json`, what `npm run build` does). */
function compileComponents(): void {
  const tsc = path.join(PROJECT_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.lwc.json'], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8'
  });
  if (result.status !== 0) {
    throw new Error(`The component TypeScript does not compile (npm run build):\n${result.stdout}${result.stderr}`);
  }
}

/** The page's component list as a module: `[{ name, tag, ctor }]`. */
function pageComponents(names: string[]): Plugin {
  const id = '\0preview:components';
  const tag = (name: string) => `c-${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
  return {
    name: 'preview-page-components',
    resolveId: (source) => (source === 'preview:components' ? id : null),
    load: (loaded) =>
      loaded === id
        ? names.map((name, index) => `import C${index} from 'c/${name}';`).join('\n') +
          `\nexport default [${names
            .map(
              (name, index) => `{ name: ${JSON.stringify(name)}, tag: ${JSON.stringify(tag(name))}, ctor: C${index} }`
            )
            .join(', ')}];\n`
        : null
  };
}

export interface BuildResult {
  file: string;
  components: string[];
  /** Milliseconds spent compiling component TypeScript (0 when every `.js` was up to date). */
  compileMs: number;
  bundleMs: number;
  milliseconds: number;
}

export async function buildPreview(options: { outDir?: string } = {}): Promise<BuildResult> {
  const started = Date.now();
  const outDir = options.outDir ?? OUT_DIR;
  const bundles = bundlesIn(LWC_DIR);
  const stale = staleBundles(bundles);
  if (stale.length > 0) compileComponents();
  const compileMs = Date.now() - started;
  const present = PAGE_COMPONENTS.filter((name) => bundles.has(name));
  if (present.length === 0) {
    throw new Error(
      `None of the page's components (${PAGE_COMPONENTS.join(', ')}) exists in ${path.relative(PROJECT_ROOT, LWC_DIR)}.`
    );
  }

  const bundle = await rollup({
    input: path.join(PREVIEW_DIR, 'app', 'main.js'),
    plugins: [
      standIns({
        projectRoot: PROJECT_ROOT,
        standInDir: path.join(PREVIEW_DIR, 'standins'),
        lightningDir: path.join(PROJECT_ROOT, 'node_modules', 'lightning-base-components', 'src', 'lightning')
      }),
      pageComponents(present),
      replace({
        preventAssignment: true,
        values: {
          'process.env.NODE_ENV': JSON.stringify('development'),
          'import.meta.env.SSR': 'false'
        }
      }),
      lwc({
        rootDir: PREVIEW_DIR,
        // The `lwc` package provides the engine, synthetic shadow and wire service in the compiler's version
        // (the top-level @lwc/* packages may be other versions, pulled in by sfdx-lwc-jest).
        defaultModules: [],
        exclude: ['**/node_modules/lwc/**', '**/node_modules/@lwc/**'],
        modules: [
          { name: 'lwc', path: fromLwcPackage('@lwc/engine-dom') },
          { name: '@lwc/synthetic-shadow', path: fromLwcPackage('@lwc/synthetic-shadow') },
          { name: '@lwc/wire-service', path: fromLwcPackage('@lwc/wire-service') },
          ...[...bundles.entries()].map(([name, js]) => ({ name: `c/${name}`, path: js })),
          { npm: 'lightning-base-components' }
        ]
      }),
      nodeResolve({ rootDir: PROJECT_ROOT })
    ],
    onwarn(warning, warn) {
      // LBC and the engine use `this` at module level and circular imports; neither matters here.
      if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'THIS_IS_UNDEFINED') return;
      // Template warnings inside lightning-base-components (e.g. lightning-card's duplicate slots) are not ours.
      if (warning.loc?.file?.includes(`${path.sep}node_modules${path.sep}`)) return;
      warn(warning);
    }
  });
  const file = path.join(outDir, 'app.js');
  await bundle.write({ file, format: 'es', sourcemap: true, inlineDynamicImports: true });
  await bundle.close();
  const milliseconds = Date.now() - started;
  return { file, components: present, compileMs, bundleMs: milliseconds - compileMs, milliseconds };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const result = await buildPreview();
  process.stdout.write(
    `Built ${path.relative(PROJECT_ROOT, result.file)} with ${result.components.join(', ')} in ${result.milliseconds} ms ` +
      `(TypeScript ${result.compileMs} ms, bundle ${result.bundleMs} ms).\n`
  );
}
