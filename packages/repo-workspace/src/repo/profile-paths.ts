import { DomainError } from '@lepupitre/domain-primitives';
import { realpathSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { WorkspaceErrorCode } from '../types';

export const PROFILES_FOLDER = 'profiles';
/** Where deleted profiles' folders are moved: the user's data is set aside, never erased here. */
export const DELETED_PROFILES_FOLDER = 'deleted-profiles';
export const PROFILE_DATABASE_FILE = 'profile.db';

/**
 * The folder of a profile. The id becomes a path segment, so anything that could climb out of
 * `profiles/` (a separator, `..`) is refused before it reaches the filesystem. Ids this app
 * writes are `prof_<hex>`; a row written by anything else is still never trusted as a path.
 */
export function profileFolder(dataDir: string, profileId: string): string {
  if (!isPlainSegment(profileId)) throw new DomainError(WorkspaceErrorCode.PATH_NOT_ALLOWED);
  return join(dataDir, PROFILES_FOLDER, profileId);
}

export function profileDatabasePath(dataDir: string, profileId: string): string {
  return join(profileFolder(dataDir, profileId), PROFILE_DATABASE_FILE);
}

/**
 * The previous app's containment check before removing a folder: both paths canonicalised
 * (symlinks resolved), the folder strictly inside the data folder, else `path_not_allowed`.
 */
export function assertInsideDataDir(dataDir: string, folder: string): void {
  let root: string;
  let target: string;
  try {
    root = realpathSync(dataDir);
    target = realpathSync(folder);
  } catch (error) {
    throw new DomainError(WorkspaceErrorCode.PATH_NOT_ALLOWED, WorkspaceErrorCode.PATH_NOT_ALLOWED, { cause: error });
  }
  const rel = relative(root, target);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    throw new DomainError(WorkspaceErrorCode.PATH_NOT_ALLOWED);
  }
}

function isPlainSegment(id: string): boolean {
  return id !== '' && id !== '.' && id !== '..' && !/[/\\\0]/.test(id) && !/^[A-Za-z]:/.test(id);
}

