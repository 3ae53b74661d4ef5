/**
 * Jest's TypeScript transform: esbuild strips the types of one file at a time. Types are
 * checked once per project by its `typecheck` target, so tests only need the JavaScript, and
 * a cold transform cache (every CI run) costs seconds instead of a minute of TypeScript's own
 * per-file emit.
 */
const { transformSync } = require('esbuild');
const { createHash } = require('node:crypto');
const { version } = require('esbuild/package.json');

const TARGET = `node${process.versions.node.split('.')[0]}`;

module.exports = {
  canInstrument: false,
  getCacheKey(source, filename) {
    return createHash('sha256').update(`${version}\0${TARGET}\0${__filename}\0${filename}\0`).update(source).digest('hex');
  },
  process(source, filename) {
    const { code, map } = transformSync(source, {
      loader: 'ts',
      format: 'cjs',
      target: TARGET,
      sourcemap: 'external',
      sourcefile: filename,
      keepNames: true,
    });
    return { code, map };
  },
};
