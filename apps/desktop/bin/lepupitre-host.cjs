#!/usr/bin/env node
'use strict';
/**
 * `npm start`: the local app host (apps/desktop/src/host) and its page, as built into
 * dist/host.cjs and dist/page/.
 */
require('./run-built.cjs').runBuilt('host');
