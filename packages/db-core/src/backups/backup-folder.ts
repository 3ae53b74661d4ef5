import { closeSync, existsSync, openSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { OWNER_ONLY_FILE_MODE } from '../connection/owner-only-files';
import { snapshotStem } from '../snapshots/snapshot-names';
import { backupFileName, parseBackupName } from './backup-names';
import { removeQuietly } from '../files/remove-quietly';

/** The folder beside a database that holds its backups and pre-migration snapshots. */
export const BACKUPS_DIR = 'backups';

/** Suffix of a copy being written; it becomes a backup only once verified. */
export const PARTIAL_SUFFIX = '.partial';

/**
 * A partial copy this old was left by a process that died while writing it. Far above the time
 * a backup takes (a copy is refreshed continuously; the integrity check of even a multi-GB
 * file takes minutes), so a backup still in progress in another process is never removed.
 */
export const ABANDONED_PARTIAL_AGE_MS = 24 * 60 * 60 * 1000;

export interface BackupLocation {
  readonly dir: string;
  readonly stem: string;
}

export function backupLocationOf(databasePath: string): BackupLocation {
  return { dir: join(dirname(databasePath), BACKUPS_DIR), stem: snapshotStem(databasePath) };
}

/**
 * Chooses a free name for a new backup and claims it by creating its partial copy (empty,
 * owner-only) exclusively: two backups started in the same second by two processes get
 * different names instead of writing into one file.
 */
export function claimBackupName(location: BackupLocation, scope: string, stamp: string): string {
  for (let counter = 1; ; counter++) {
    const file = backupFileName(location.stem, scope, stamp, counter);
    const target = join(location.dir, file);
    if (existsSync(target)) continue;
    try {
      closeSync(openSync(`${target}${PARTIAL_SUFFIX}`, 'wx', OWNER_ONLY_FILE_MODE));
      return file;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/** Removes the partial copies of this stem and scope that a dead process left behind. */
export function removeAbandonedPartials(location: BackupLocation, scope: string, now: Date): void {
  for (const file of readdirSync(location.dir)) {
    if (!file.endsWith(PARTIAL_SUFFIX)) continue;
    const name = parseBackupName(file.slice(0, -PARTIAL_SUFFIX.length), location.stem, scope);
    if (name?.kind !== 'backup') continue;
    const path = join(location.dir, file);
    try {
      if (now.getTime() - statSync(path).mtimeMs > ABANDONED_PARTIAL_AGE_MS) removeQuietly(path);
    } catch {
      // Gone already: another process finished or cleaned it.
    }
  }
}
