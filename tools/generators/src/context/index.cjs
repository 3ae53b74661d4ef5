/**
 * The entry Nx requires. Nx transpiles a local plugin's TypeScript only through swc-node or
 * ts-node, which this workspace does not install, and Node 20 cannot strip types itself; tsx,
 * which already runs the workspace's scripts, transpiles the generator instead.
 */
require('tsx/cjs/api').register();
module.exports = require('./generator.ts');
