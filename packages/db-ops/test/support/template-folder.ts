import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TemplateFolder<T> {
  /**
   * Copies every file of the template into `dest` (created when missing), each with its bytes
   * and mode, and returns what the build returned.
   */
  copyTo(dest: string): T;
}

/**
 * A folder built once per spec, in `beforeAll`, and copied into each test's own folder.
 *
 * Why: the worlds the restore and recovery specs start from (a migrated, seeded profile, its
 * verified backups, a WAL left behind by a killed writer) take a second or more to build, the
 * same way for every test. Copying the finished files costs milliseconds and gives each test
 * the very same bytes, so every test still works on its own real files. What `build` returns
 * must hold no path into the template (names and relative paths only).
 *
 * Call it in a `describe` body (or at the top of a spec).
 */
export function useTemplateFolder<T>(build: (dir: string) => T | Promise<T>): TemplateFolder<T> {
  let dir: string | undefined;
  let built: { readonly value: T } | undefined;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lepupitre-template-'));
    built = { value: await build(dir) };
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return {
    copyTo(dest) {
      if (!dir || !built) throw new Error('useTemplateFolder: the template exists only inside a test');
      cpSync(dir, dest, { recursive: true });
      return built.value;
    },
  };
}
