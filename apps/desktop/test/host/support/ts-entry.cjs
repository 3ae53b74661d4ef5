'use strict';
/**
 * For test processes written in TypeScript (the bins run the built app): an entry runs through
 * tsx's CommonJS loader with this app's tsconfig, whatever the working directory is. Once the
 * loader is in place, TSX_TSCONFIG_PATH is put back as the caller had it: the rest of the process
 * sees the caller's environment. The spawner passes `--conditions=@lepupitre/source` (Node reads
 * export conditions only from its command line), so workspace packages load from their sources.
 */
const path = require('node:path');

const APP_DIR = path.join(__dirname, '..', '..', '..');

/**
 * Runs `main(argv)` of `entry` (a path from this app's folder) and leaves its exit code to the
 * process; `null` means the entry keeps running (a server) and sets no code.
 */
function runTypeScriptMain(entry) {
  const previousTsconfig = process.env.TSX_TSCONFIG_PATH;
  process.env.TSX_TSCONFIG_PATH = path.join(APP_DIR, 'tsconfig.json');
  require('tsx/cjs');
  if (previousTsconfig === undefined) delete process.env.TSX_TSCONFIG_PATH;
  else process.env.TSX_TSCONFIG_PATH = previousTsconfig;

  const { main } = require(path.join(APP_DIR, entry));
  main(process.argv.slice(2)).then((code) => {
    if (code !== null) process.exitCode = code;
  });
}

module.exports = { runTypeScriptMain };
