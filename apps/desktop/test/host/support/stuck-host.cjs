#!/usr/bin/env node
'use strict';
/** Runs `stuck-host-main.ts` through the app's own TypeScript entry, as the real launcher does. */
require('../../../bin/ts-entry.cjs').runTypeScriptMain('test/host/support/stuck-host-main.ts');
