'use strict';
/**
 * What this app's bins share: there is nothing to build, so an entry's TypeScript runs through
 * tsx's CommonJS loader with this app's tsconfig, whatever the working directory is. Once the
 * loader is in place, TSX_TSCONFIG_PATH is put back as the caller had it: the rest of the process
 * sees the caller's environment.
 */
const path = require('node:path');

/**
 * Runs `main(argv)` of `entry` (a path from this app's folder) and leaves its exit code to the
 * process; `null` means the entry keeps running (a server) and sets no code.
 */
function runTypeScriptMain(entry) {
  const previousTsconfig = process.env.TSX_TSCONFIG_PATH;
  process.env.TSX_TSCONFIG_PATH = path.join(__dirname, '..', 'tsconfig.json');
  require('tsx/cjs');
  if (previousTsconfig === undefined) delete process.env.TSX_TSCONFIG_PATH;
  else process.env.TSX_TSCONFIG_PATH = previousTsconfig;

  const { main } = require(path.join(__dirname, '..', entry));
  main(process.argv.slice(2)).then((code) => {
    if (code !== null) process.exitCode = code;
  });
}

module.exports = { runTypeScriptMain };
