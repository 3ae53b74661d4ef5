import type { DatabaseHandle } from '@lepupitre/db-core';
import { existsSync } from 'node:fs';
import { allProfiles, talksCount } from '../queries';
import type { ListProfilesOptions, ProfileSummary } from '../types';
import { openProfileDatabase } from './profile-database';
import { folderSizeBytes } from './profile-folder-size';
import { profileDatabasePath, profileFolder } from './profile-paths';

/**
 * How long the list waits for another process that is migrating one profile's database before
 * reporting 0 talks for it: a listing must not hang for the migration lock's full minute.
 */
const LIST_MIGRATION_LOCK_TIMEOUT_MS = 2_000;

/**
 * `profile_list`: every profile, oldest first (ties by id), with the size of its folder and its
 * number of talks. Only a failure of the global database is an error (db-core's `DbError`,
 * unchanged); whatever goes wrong with one profile's files shows as 0.
 *
 * Unlike the previous app, listing never creates anything: a profile whose folder or database is
 * missing reports 0 bytes and 0 talks (what a freshly created database would have counted)
 * instead of getting an empty database. An existing database is opened as any other open does,
 * which brings it up to date if it is behind, as the previous app did; a database the caller
 * already holds open (`heldDatabase`, the host's connections) is counted on that connection.
 */
export function listProfiles(db: DatabaseHandle, dataDir: string, options: ListProfilesOptions = {}): ProfileSummary[] {
  const rows = db.all(allProfiles);
  const summaries: ProfileSummary[] = [];
  for (const row of rows) {
    summaries.push({
      id: row.id,
      name: row.name,
      created_at: row.created_at,
      last_opened_at: row.last_opened_at,
      is_active: row.is_active === 1,
      size_bytes: sizeOf(dataDir, row.id),
      talks_count: talksOf(db, dataDir, row.id, options.heldDatabase?.(row.id) ?? null),
    });
  }
  return summaries;
}

function sizeOf(dataDir: string, profileId: string): number {
  try {
    return folderSizeBytes(profileFolder(dataDir, profileId));
  } catch {
    return 0;
  }
}

function talksOf(global: DatabaseHandle, dataDir: string, profileId: string, held: DatabaseHandle | null): number {
  try {
    if (held) return held.get(talksCount)?.n ?? 0;
    const path = profileDatabasePath(dataDir, profileId);
    if (!existsSync(path)) return 0;
    const profileDb = openProfileDatabase(global, path, { lockTimeoutMs: LIST_MIGRATION_LOCK_TIMEOUT_MS }).db;
    try {
      return profileDb.get(talksCount)?.n ?? 0;
    } finally {
      profileDb.close();
    }
  } catch {
    return 0;
  }
}
