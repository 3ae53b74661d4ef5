import { openDatabase, type DatabaseHandle } from '@lepupitre/db-core';
import { ensureProfileExists } from './profile-existence';
import { profileDatabasePath } from './profile-paths';

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
  const profileDb = openDatabase(path, 'profile').db;
  try {
    return work(profileDb);
  } finally {
    profileDb.close();
  }
}
