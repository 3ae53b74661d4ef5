import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const REPOSITORY_ROOT = resolve(__dirname, '../../..');

/**
 * A temporary copy of the files the checks read, so that a test can take an entry out of a doc
 * without touching the committed one.
 */
export class TempRepository {
  readonly root = mkdtempSync(join(tmpdir(), 'docs-check-'));

  constructor(paths: readonly string[]) {
    for (const path of paths) {
      mkdirSync(dirname(join(this.root, path)), { recursive: true });
      copyFileSync(join(REPOSITORY_ROOT, path), join(this.root, path));
    }
  }

  /** Rewrites one copied file; fails when the edit would change nothing. */
  edit(path: string, change: (text: string) => string): void {
    const before = readFileSync(join(this.root, path), 'utf8');
    const after = change(before);
    if (after === before) throw new Error(`the edit of ${path} changed nothing`);
    writeFileSync(join(this.root, path), after);
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
