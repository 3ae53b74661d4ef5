/**
 * The plugin as Node loads it, without a build step: ESLint's flat config (eslint.config.mjs)
 * imports this file. The TypeScript source is loaded through tsx's scoped require, which
 * registers no global hook. (The folder is not `tools/eslint-rules`: @nx/eslint-plugin loads
 * that path by convention and needs swc-node or ts-node to do it.)
 */
const { require: tsxRequire } = require('tsx/cjs/api');

module.exports = tsxRequire('./src/index.ts', __filename).default;
