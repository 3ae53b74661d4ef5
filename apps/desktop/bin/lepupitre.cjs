#!/usr/bin/env node
'use strict';
/**
 * `lepupitre`, the operator CLI. The sources are TypeScript, run through tsx's CommonJS loader
 * with this app's tsconfig whatever the working directory is.
 */
const path = require('node:path');

const previousTsconfig = process.env.TSX_TSCONFIG_PATH;
process.env.TSX_TSCONFIG_PATH = path.join(__dirname, '..', 'tsconfig.json');
require('tsx/cjs');
if (previousTsconfig === undefined) delete process.env.TSX_TSCONFIG_PATH;
else process.env.TSX_TSCONFIG_PATH = previousTsconfig;

const { main } = require('../src/cli/main.ts');
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
