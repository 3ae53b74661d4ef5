'use strict';
/**
 * The app as it runs: the operator CLI and the app host, each bundled by esbuild into one
 * CommonJS file of `dist/` with every workspace package and npm dependency in it, and the page
 * copied beside them. One file to read instead of a few hundred modules to resolve and compile
 * is what makes `lepupitre` start in tens of milliseconds; TypeScript stays a development
 * concern (tsx, Jest).
 *
 * better-sqlite3 stays outside: it loads its native binding from its own package folder.
 *
 * Runs as `npx nx run desktop:build` (cached; `npm ci` runs it through the root `prepare`
 * script) and as the global setup of the desktop's Jest configs, so that the tests that spawn
 * the bins never run a stale bundle. Every file is written to a temporary name and renamed, so
 * two builds at once (the test targets run side by side) and a reader never see half a file.
 */
const { buildSync } = require('esbuild');
const { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const APP_DIR = path.join(__dirname, '..');
const DIST_DIR = path.join(APP_DIR, 'dist');
const PAGE_SOURCE = path.join(APP_DIR, 'src', 'host', 'page');

/** The bundles: `dist/<name>.cjs` exports the `main(argv)` of its entry. */
const ENTRIES = { cli: 'src/cli/main.ts', host: 'src/host/main.ts' };

function writeAtomically(file, bytes) {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${Math.random().toString(16).slice(2)}.tmp`;
  writeFileSync(temporary, bytes);
  renameSync(temporary, file);
}

function buildApp() {
  const result = buildSync({
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
  // The host serves the page from `page/` beside its bundle (`static-page.ts`).
  for (const name of readdirSync(PAGE_SOURCE)) writeAtomically(path.join(DIST_DIR, 'page', name), readFileSync(path.join(PAGE_SOURCE, name)));
  return result.outputFiles.map((file) => path.relative(APP_DIR, file.path));
}

module.exports = buildApp;

if (require.main === module) {
  const written = buildApp();
  console.log(`desktop build: ${written.filter((file) => file.endsWith('.cjs')).join(', ')} and dist/page/`);
}
