import { SOURCE_CONDITION } from '@lepupitre/fixtures';
import { build, type Plugin } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/**
 * A TypeScript entry point that tests run in a separate process (to kill it at a chosen
 * point, or to race another process), bundled with everything it imports from this workspace
 * into one JavaScript file, once per test file.
 *
 * Why: started through tsx, every child loads tsx, then resolves and transforms about a hundred
 * TypeScript modules before running a line, some 0.6 s of CPU each time, and the crash specs
 * start dozens of children. The bundle is the same code compiled by the same compiler
 * (esbuild, as tsx and the Jest transform do) and starts like plain node.
 *
 * Call it in a `describe` body (or at the top of a spec); the returned function gives the
 * bundled script, to run with `process.execPath`, inside the tests.
 */
export function useChildScript(entry: string): () => string {
  let dir: string | undefined;
  let script: string | undefined;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lepupitre-child-'));
    script = join(dir, basename(entry).replace(/\.ts$/, '.js'));
    await build({
      entryPoints: [entry],
      outfile: script,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: `node${process.versions.node.split('.')[0]}`,
      // Workspace packages from their TypeScript sources, as the tests import them.
      conditions: [SOURCE_CONDITION],
      keepNames: true,
      plugins: [nativeAddonsOutside],
      logLevel: 'silent',
    });
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    if (!script) throw new Error('useChildScript: the script exists only inside a test');
    return script;
  };
}

/**
 * better-sqlite3 stays outside the bundle, required by its absolute path: it loads its native
 * addon relative to its own folder, and the bundle lives in a temporary folder.
 */
const nativeAddonsOutside: Plugin = {
  name: 'native-addons-outside',
  setup(bundler) {
    bundler.onResolve({ filter: /^better-sqlite3$/ }, () => ({ path: require.resolve('better-sqlite3'), external: true }));
  },
};
