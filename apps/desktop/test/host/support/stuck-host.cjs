#!/usr/bin/env node
'use strict';
/** Runs `stuck-host-main.ts` through tsx, the way the real launcher runs the built host. */
require('./ts-entry.cjs').runTypeScriptMain('test/host/support/stuck-host-main.ts');
