import { closeSync, existsSync, lstatSync, openSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { BACKUPS_DIR, OWNER_ONLY_FILE_MODE } from '@lepupitre/db-core';
import { databaseStem, parseBackupName } from './backup-names';
import { removeQuietly } from '../files/remove-quietly';
import { ARTIFACTS_FOLDER_SUFFIX, artifactsFolderOf, removeArtifactsFolder } from './artifacts-folder';

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
  return { dir: join(dirname(databasePath), BACKUPS_DIR), stem: databaseStem(databasePath) };
}

/**
 * Chooses a free name for a new copy (a backup or a pre-migration snapshot: `nameFor` gives the
 * n-th candidate of its second) and claims it by creating its partial copy (empty, owner-only)
 * exclusively: two copies started in the same second by two processes get different names
 * instead of writing into one file. A name whose artifacts folder exists is not free either, and
 * the name is looked at again once claimed: another process may have renamed its finished copy
 * to it (freeing its partial name) between the look and the claim.
 */
export function claimFreeName(dir: string, nameFor: (counter: number) => string): string {
  for (let counter = 1; ; counter++) {
    const file = nameFor(counter);
    const target = join(dir, file);
    if (existsSync(target) || existsSync(join(dir, artifactsFolderOf(file)))) continue;
    try {
      closeSync(openSync(`${target}${PARTIAL_SUFFIX}`, 'wx', OWNER_ONLY_FILE_MODE));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      continue;
    }
    if (!existsSync(target)) return file;
    removeQuietly(`${target}${PARTIAL_SUFFIX}`);
  }
}

/** The name of a profile backup's artifacts folder while it is being filled. */
export function partialArtifactsFolderOf(backupFile: string): string {
  return `${artifactsFolderOf(backupFile)}${PARTIAL_SUFFIX}`;
}

/**
 * Removes what a dead process left behind for this stem and scope, once it is older than any
 * backup takes: partial copies, partial artifacts folders, and an artifacts folder whose backup
 * never came to be (the process died between renaming the folder and renaming the copy). A
 * folder's age is its own modification time, which filling it does not refresh (files go into
 * its sub-folders): a backup busy for 24 hours would lose it, far beyond any real backup.
 */
export function removeAbandonedPartials(location: BackupLocation, scope: string, now: Date): void {
  const names = readdirSync(location.dir);
  const present = new Set(names);
  for (const file of names) {
    const leftover = leftoverOf(file, location.stem, scope, present);
    if (leftover === undefined) continue;
    const path = join(location.dir, file);
    let age: number;
    try {
      age = now.getTime() - lstatSync(path).mtimeMs;
    } catch {
      continue; // Gone already: another process finished or cleaned it.
    }
    if (age <= ABANDONED_PARTIAL_AGE_MS) continue;
    if (leftover === 'copy') removeQuietly(path);
    else removeArtifactsFolder(path);
  }
}

/** What a name in `backups/` is, when it is something a dead backup of this stem and scope left. */
function leftoverOf(file: string, stem: string, scope: string, present: ReadonlySet<string>): 'copy' | 'folder' | undefined {
  const isBackup = (name: string): boolean => parseBackupName(name, stem, scope)?.kind === 'backup';
  const partialFolder = `${ARTIFACTS_FOLDER_SUFFIX}${PARTIAL_SUFFIX}`;
  if (file.endsWith(partialFolder)) return isBackup(file.slice(0, -partialFolder.length)) ? 'folder' : undefined;
  if (file.endsWith(PARTIAL_SUFFIX)) return isBackup(file.slice(0, -PARTIAL_SUFFIX.length)) ? 'copy' : undefined;
  if (file.endsWith(ARTIFACTS_FOLDER_SUFFIX)) {
    const backup = file.slice(0, -ARTIFACTS_FOLDER_SUFFIX.length);
    // Its copy, placed or still partial, means the folder is in use or will be cleaned with it.
    if (!isBackup(backup) || present.has(backup) || present.has(`${backup}${PARTIAL_SUFFIX}`)) return undefined;
    return 'folder';
  }
  return undefined;
}
