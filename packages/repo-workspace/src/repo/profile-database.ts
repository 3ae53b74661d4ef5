import { openDatabase, type DatabaseHandle, type OpenDatabaseOptions, type OpenedDatabase } from '@lepupitre/db-core';
import { ensureProfileExists } from './profile-existence';
import { profileDatabasePath } from './profile-paths';

/**
 * Opens a profile's database with the safeguards its data folder's global database was opened
 * with (`global.safeguards`): this context never picks them. Its folder, `profiles/<id>/`, is the
 * app's own: created or tightened to owner-only (with the app's folders in it) at every open, so
 * a profile folder the previous app left `0755` is closed; the data folder above it is never
 * re-permissioned.
 */
export function openProfileDatabase(
  global: DatabaseHandle,
  path: string,
  options: Omit<OpenDatabaseOptions, 'folderOwner' | 'safeguards'> = {},
): OpenedDatabase {
  return openDatabase(path, 'profile', { ...options, safeguards: global.safeguards, folderOwner: 'app' });
}

/**
 * The previous app's preamble of every profile-scoped read or write: the profile must exist in
 * the global database (`profile_not_found`), then its database is opened (created and migrated
 * if needed) for the duration of `work` and closed afterwards. Open failures are db-core's typed
 * errors, unchanged.
 */
export function withProfileDatabase<T>(
  db: DatabaseHandle,
  dataDir: string,
  profileId: string,
  work: (profileDb: DatabaseHandle) => T,
): T {
  ensureProfileExists(db, profileId);
  const path = profileDatabasePath(dataDir, profileId);
  db.reportStep({ kind: 'file', detail: 'open profile database' });
  const profileDb = openProfileDatabase(db, path).db;
  try {
    return work(profileDb);
  } finally {
    profileDb.close();
  }
}
