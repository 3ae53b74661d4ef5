import { copyFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ensureOwnerOnlyDir, OWNER_ONLY_FILE_MODE } from '@lepupitre/db-core';
import { tighten } from '@lepupitre/db-core/internals';
import { compactUtcStamp } from '@lepupitre/domain-primitives';
import { removeQuietly } from '../files/remove-quietly';

/** Working folders are hidden beside the database: same file system, so the result renames into place. */
const WORK_DIR_PREFIX = '.recovery-';

/**
 * A private folder beside the database for everything recovery writes before the end: copies
 * of the damaged files (the originals are only read, and later moved), the rebuilt database,
 * verified copies of backups. Removed when recovery ends, whatever the outcome; one left by a
 * killed process is removed by the next recovery of that folder.
 */
export class WorkArea {
  readonly dir: string;

  private constructor(dir: string) {
    this.dir = dir;
  }

  /** Call under the recovery lock: it removes other working folders as abandoned. */
  static create(databasePath: string, now: Date): WorkArea {
    const parent = dirname(databasePath);
    for (const entry of safeList(parent)) {
      if (entry.startsWith(WORK_DIR_PREFIX)) removeQuietly(join(parent, entry), { recursive: true });
    }
    const dir = join(parent, `${WORK_DIR_PREFIX}${compactUtcStamp(now)}`);
    ensureOwnerOnlyDir(dir);
    return new WorkArea(dir);
  }

  file(...parts: string[]): string {
    return join(this.dir, ...parts);
  }

  folder(name: string): string {
    const dir = join(this.dir, name);
    ensureOwnerOnlyDir(dir);
    return dir;
  }

  /** A private copy of a file; the original is only read. */
  copyIn(from: string, to: string): void {
    copyFileSync(from, to);
    tighten(to, OWNER_ONLY_FILE_MODE);
  }

  dispose(): void {
    removeQuietly(this.dir, { recursive: true });
  }
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
