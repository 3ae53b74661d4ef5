#!/usr/bin/env node
'use strict';
/**
 * `npm start`: the local app host (apps/desktop/src/host). The page is plain HTML/CSS/JS served
 * from files, and `npm ci` has already built the SQLite driver: nothing to build.
 */
require('./ts-entry.cjs').runTypeScriptMain('src/host/main.ts');
