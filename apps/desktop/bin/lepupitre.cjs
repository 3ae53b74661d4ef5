#!/usr/bin/env node
'use strict';
/** `lepupitre`, the operator CLI. */
require('./ts-entry.cjs').runTypeScriptMain('src/cli/main.ts');
