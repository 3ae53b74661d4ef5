'use strict';
/** The entry Nx requires: the migration generator's TypeScript, loaded by `load-typescript.cjs`. */
module.exports = require('../load-typescript.cjs')(require.resolve('./generator.ts'));
