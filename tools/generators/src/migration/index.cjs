/**
 * The entry Nx requires. Nx transpiles a local plugin's TypeScript only through swc-node or
 * ts-node, which this workspace does not install, and Node 20 cannot strip types itself; tsx,
 * which already runs the workspace's scripts, transpiles the generator instead. It stays
 * registered because the generator loads db-core's TypeScript (the checksum) while it runs.
 */
require('tsx/cjs/api').register();
module.exports = require('./generator.ts');
