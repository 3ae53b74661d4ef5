'use strict';
/**
 * What this app's bins share: they run the built app (`dist/<name>.cjs`, written by
 * `scripts/build-app.cjs`, which `npm ci` runs through the root `prepare` script). Without it,
 * one line says how to build instead of a stack.
 *
 * The bundle is compiled with V8's code cache: compiling a megabyte of JavaScript was the
 * largest part of a CLI start. The first run of a build stores the cache in
 * `dist/.v8-cache/`, named by the bundle's digest and the Node version, so a rebuilt bundle or
 * another Node never reads a cache made for something else; V8 also rejects a cache that does
 * not fit, and the bundle then simply compiles as usual. A cache that cannot be written (a
 * read-only install) is skipped.
 */
const { createHash } = require('node:crypto');
const { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const vm = require('node:vm');

const DIST_DIR = path.join(__dirname, '..', 'dist');

function cacheFile(name, source) {
  const digest = createHash('sha256').update(source).digest('hex').slice(0, 16);
  return path.join(DIST_DIR, '.v8-cache', `${name}-${digest}-${process.version}-${process.arch}.bin`);
}

function readCache(file) {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

function writeCache(file, script) {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, script.createCachedData());
    renameSync(temporary, file);
  } catch {
    // A cache is an optimisation: a folder that cannot be written only means compiling again.
  }
}

/** Loads the bundle as Node's CommonJS loader would, compiling it with the cache. */
function loadBundle(name, file) {
  const source = readFileSync(file, 'utf8');
  const cache = cacheFile(name, source);
  const cachedData = readCache(cache);
  const script = new vm.Script(Module.wrap(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
  const bundle = new Module(file, module);
  bundle.filename = file;
  bundle.paths = Module._nodeModulePaths(path.dirname(file));
  script.runInThisContext()(bundle.exports, Module.createRequire(file), bundle, file, path.dirname(file));
  bundle.loaded = true;
  const store = cachedData === undefined || script.cachedDataRejected === true;
  return { exports: bundle.exports, storeCache: () => store && writeCache(cache, script) };
}

/**
 * Runs `main(argv)` of the bundle `name` and leaves its exit code to the process; `null` means
 * the bundle keeps running (a server) and sets no code.
 */
function runBuilt(name) {
  const file = path.join(DIST_DIR, `${name}.cjs`);
  if (!existsSync(file)) {
    process.stderr.write(`lepupitre: the app is not built (${file} is missing): run \`npm ci\` or \`npx nx run desktop:build\` at the repository root\n`);
    process.exitCode = 1;
    return;
  }
  const { exports, storeCache } = loadBundle(name, file);
  const running = exports.main(process.argv.slice(2));
  // After the first call, the cache also holds the functions that call compiled.
  storeCache();
  running.then((code) => {
    if (code !== null) process.exitCode = code;
  });
}

module.exports = { runBuilt };
