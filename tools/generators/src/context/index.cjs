'use strict';
/** The entry Nx requires: the context generator's TypeScript, loaded by `load-typescript.cjs`. */
module.exports = require('../load-typescript.cjs')(require.resolve('./generator.ts'));
