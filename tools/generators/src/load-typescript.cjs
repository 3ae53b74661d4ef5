'use strict';
/**
 * How a generator's TypeScript runs inside the Nx process. Nx transpiles a local plugin's
 * TypeScript only through swc-node or ts-node, which this workspace does not install, and Node
 * 20 cannot strip types itself; tsx, which already runs the workspace's scripts, transpiles it
 * instead, and stays registered because a generator loads db-core's TypeScript while it runs.
 *
 * Workspace packages must resolve to their sources there too (the `@lepupitre/source` export
 * condition; docs/architecture.md, "Built packages"), but Node's `require` takes conditions only
 * from the command line of a process that Nx started without ours. So a request for a
 * `@lepupitre/*` package whose `exports` entry names a source file is answered with that file;
 * anything else resolves as Node would.
 */
const Module = require('node:module');
const path = require('node:path');
const { readFileSync } = require('node:fs');

const SOURCE_CONDITION = '@lepupitre/source';
const SCOPE = '@lepupitre/';

/** The source file `request` names under the source condition, or null. */
function sourceFileOf(request, parent) {
  if (!request.startsWith(SCOPE)) return null;
  const [scope, name, ...rest] = request.split('/');
  const packageName = `${scope}/${name}`;
  let manifestPath;
  try {
    manifestPath = require.resolve(`${packageName}/package.json`, { paths: [parent?.path ?? process.cwd()] });
  } catch {
    return null;
  }
  const entry = JSON.parse(readFileSync(manifestPath, 'utf8')).exports?.[rest.length ? `./${rest.join('/')}` : '.'];
  const source = entry && typeof entry === 'object' ? entry[SOURCE_CONDITION] : undefined;
  return typeof source === 'string' ? path.join(path.dirname(manifestPath), source) : null;
}

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function resolveToSources(request, parent, ...rest) {
  return sourceFileOf(request, parent) ?? resolveFilename.call(this, request, parent, ...rest);
};

require('tsx/cjs/api').register();

/** The generator of `generatorFile` (a TypeScript path), loaded through tsx. */
module.exports = (generatorFile) => require(generatorFile);
