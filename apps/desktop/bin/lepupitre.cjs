#!/usr/bin/env node
'use strict';
/** `lepupitre`, the operator CLI (apps/desktop/src/cli), as built into dist/cli.cjs. */
require('./run-built.cjs').runBuilt('cli');
