'use strict';
/**
 * The app as it runs: the operator CLI and the app host, each bundled by esbuild into one
 * CommonJS file of `dist/` with every workspace package and npm dependency in it, and the page
 * (apps/page) bundled beside them in `dist/page/`. One file to read instead of a few hundred
 * modules to resolve and compile is what makes `lepupitre` start in tens of milliseconds;
 * TypeScript stays a development concern (tsx, Jest).
 *
 * better-sqlite3 stays outside: it loads its native binding from its own package folder.
 *
 * The bundle takes the workspace packages from their TypeScript sources (the `@lepupitre/source`
 * condition of their `exports` maps), not from the CommonJS each package builds into its
 * `dist/`: esbuild drops what the app never uses only from ES modules, and bundling the
 * packages' CommonJS made the CLI bundle 1.8 MB instead of 1.0 MB, all of it read and run at
 * every start. It also means the bundle can never take a package build older than its sources.
 *
 * Runs as `npx nx run desktop:build` (cached; `npm ci` runs `nx run-many -t build` through the
 * root `prepare` script) and as the global setup of the desktop's Jest configs, so that the
 * tests that spawn the bins never run a stale bundle.
 * Every file is written to a temporary name and renamed, so two builds at once (the test
 * targets run side by side) and a reader never see half a file.
 */
const { buildSync } = require('esbuild');
const { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const APP_DIR = path.join(__dirname, '..');
const DIST_DIR = path.join(APP_DIR, 'dist');
/** The page's project: its Vue sources and the static files served beside the bundle. */
const PAGE_PROJECT = path.join(APP_DIR, '..', 'page');
const PAGE_STATIC = ['index.html', 'style.css', 'favicon.svg'];

/** The bundles: `dist/<name>.cjs` exports the `main(argv)` of its entry. */
const ENTRIES = { cli: 'src/cli/main.ts', host: 'src/host/main.ts' };

function writeAtomically(file, bytes) {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${Math.random().toString(16).slice(2)}.tmp`;
  writeFileSync(temporary, bytes);
  renameSync(temporary, file);
}

/**
 * The page (apps/page): its Vue 3 sources bundled into one ES module for the browser, Vue's
 * runtime-only build (templates are render functions, so nothing is compiled in the page and
 * the policy's `script-src 'self'` holds), with the static files beside it in `dist/page/`. The
 * error sentences stay a separate module the host makes at start (`/error-sentences.js`).
 */
function buildPage() {
  const result = buildSync({
    absWorkingDir: PAGE_PROJECT,
    entryPoints: { app: path.join(PAGE_PROJECT, 'src', 'main.ts') },
    outdir: path.join(DIST_DIR, 'page'),
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: ['chrome120', 'firefox120', 'safari17'],
    external: ['host:*'],
    tsconfig: path.join(PAGE_PROJECT, 'tsconfig.json'),
    define: {
      'process.env.NODE_ENV': '"production"',
      __VUE_OPTIONS_API__: 'true',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    write: false,
  });
  // `host:<name>` imports are modules the host serves at `/<name>.js`, left to the browser.
  for (const file of result.outputFiles) writeAtomically(file.path, Buffer.from(file.text.replace(/(["'])host:([\w-]+)\1/g, '$1/$2.js$1')));
  for (const name of PAGE_STATIC) writeAtomically(path.join(DIST_DIR, 'page', name), readFileSync(path.join(PAGE_PROJECT, name)));
  // Files of an earlier page that this one no longer has.
  const kept = new Set([...result.outputFiles.map((file) => path.basename(file.path)), ...PAGE_STATIC]);
  for (const name of readdirSync(path.join(DIST_DIR, 'page'))) {
    if (!kept.has(name) && !name.endsWith('.tmp')) rmSync(path.join(DIST_DIR, 'page', name), { force: true });
  }
}

/** Resolves every workspace package to its TypeScript sources (their `exports` maps). */
const SOURCE_CONDITIONS = ['@lepupitre/source'];

function buildApp() {
  const result = buildSync({
    conditions: SOURCE_CONDITIONS,
    absWorkingDir: APP_DIR,
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, entry]) => [name, path.join(APP_DIR, entry)])),
    outdir: DIST_DIR,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    // The oldest Node the app supports (engines.node).
    target: 'node20',
    format: 'cjs',
    external: ['better-sqlite3'],
    tsconfig: path.join(APP_DIR, 'tsconfig.json'),
    sourcemap: 'linked',
    // Less to read and parse at every start; names are kept for error messages and stacks.
    minify: true,
    keepNames: true,
    legalComments: 'none',
    logLevel: 'warning',
    write: false,
  });
  for (const file of result.outputFiles) writeAtomically(file.path, file.contents);
  // The bins' compile caches belong to the bundles they were made from (bin/run-built.cjs).
  rmSync(path.join(DIST_DIR, '.v8-cache'), { recursive: true, force: true });
  buildPage();
  return result.outputFiles.map((file) => path.relative(APP_DIR, file.path));
}

module.exports = buildApp;

if (require.main === module) {
  const written = buildApp();
  console.log(`desktop build: ${written.filter((file) => file.endsWith('.cjs')).join(', ')} and dist/page/`);
}
