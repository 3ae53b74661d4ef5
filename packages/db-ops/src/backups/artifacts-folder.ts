import { lstatSync } from 'node:fs';
import { removeQuietly } from '../files/remove-quietly';
import type { AnyBackupManifest, BackupArtifacts } from './backup-manifest';

/**
 * Suffix of the folder, inside `backups/`, that holds a profile backup's artifact files:
 * `<backup file>.artifacts/<local_relpath>`. While it is filled it is `<...>.artifacts.partial`,
 * renamed into place just before the copy itself, so a backup that exists has its files.
 */
export const ARTIFACTS_FOLDER_SUFFIX = '.artifacts';

export function artifactsFolderOf(backupFile: string): string {
  return `${backupFile}${ARTIFACTS_FOLDER_SUFFIX}`;
}

/**
 * Removes an artifacts folder without following anything: a folder is removed with what it
 * holds (`rmSync` unlinks symbolic links found inside instead of following them), and a name
 * that is not a folder (a link planted in its place) is removed itself, never its target.
 * Hard-linked files shared with other backups stay whole in those backups: only this name of
 * each goes. Quiet, like every cleanup: it must never replace the failure it cleans after.
 */
export function removeArtifactsFolder(path: string): void {
  let isFolder: boolean;
  try {
    isFolder = lstatSync(path).isDirectory();
  } catch {
    return;
  }
  removeQuietly(path, { recursive: isFolder });
}

/**
 * The `artifacts` part of a manifest, when it is one this code wrote for that backup: a
 * manifest is a file anyone can edit, and a folder name taken from it is only trusted when it
 * is the one derived from the backup's own name.
 */
export function manifestArtifactsOf(manifest: AnyBackupManifest, backupFile: string): BackupArtifacts | null {
  const value = (manifest as { readonly artifacts?: unknown }).artifacts;
  if (typeof value !== 'object' || value === null) return null;
  const a = value as Record<string, unknown>;
  const counts = [a['count'], a['bytes'], a['newBytes']].every((n) => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0);
  const ids = (list: unknown): boolean => Array.isArray(list) && list.every((id) => typeof id === 'string');
  const lists = ids(a['missing']) && (a['deletedSince'] === undefined || ids(a['deletedSince']));
  if (a['folder'] !== artifactsFolderOf(backupFile) || !counts || !lists) return null;
  return value as BackupArtifacts;
}
