#!/usr/bin/env node
'use strict';
/**
 * `npm start`: the local app host (apps/desktop/src/host). There is nothing to build: the
 * sources are TypeScript run through tsx's CommonJS loader with this app's tsconfig, the page is
 * plain HTML/CSS/JS served from files, and `npm ci` has already built the SQLite driver.
 */
const path = require('node:path');

const previousTsconfig = process.env.TSX_TSCONFIG_PATH;
process.env.TSX_TSCONFIG_PATH = path.join(__dirname, '..', 'tsconfig.json');
require('tsx/cjs');
if (previousTsconfig === undefined) delete process.env.TSX_TSCONFIG_PATH;
else process.env.TSX_TSCONFIG_PATH = previousTsconfig;

const { main } = require('../src/host/main.ts');
main(process.argv.slice(2)).then((code) => {
  if (code !== null) process.exitCode = code;
});
