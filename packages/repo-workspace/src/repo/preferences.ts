import type { DatabaseHandle } from '@lepupitre/db-core';
import {
  deleteGlobalPreference,
  deleteProfilePreference,
  globalPreference,
  profilePreference,
  upsertGlobalPreference,
  upsertProfilePreference,
} from '../queries';
import type { PreferenceValue } from '../types';
import { assertPreferenceValue, normalizePreferenceKey } from './preference-rules';
import { withProfileDatabase } from './profile-database';

/*
 * Both scopes share the rules and the semantics: get returns the stored string or null (no
 * default; "never set" and "deleted" look the same); set with a string upserts it verbatim (an
 * empty string is a value); set with null or nothing deletes, silently when absent. Checks run
 * in the previous app's order: key, value size, then (profile scope) the profile's existence,
 * then the database. A failing statement leaves as db-core's `DbError`, unchanged.
 */

export function getGlobalPreference(db: DatabaseHandle, key: string): string | null {
  const normalized = normalizePreferenceKey(key);
  return db.get(globalPreference, { key: normalized })?.value_json ?? null;
}

export function setGlobalPreference(db: DatabaseHandle, key: string, value?: PreferenceValue): void {
  const normalized = normalizePreferenceKey(key);
  assertPreferenceValue(value);
  if (value === null || value === undefined) {
    db.run(deleteGlobalPreference, { key: normalized });
  } else {
    db.run(upsertGlobalPreference, { key: normalized, value });
  }
}

/** Profile scope, composed: checks the profile on the global database, opens its database for the call. */
export function getProfilePreference(db: DatabaseHandle, dataDir: string, profileId: string, key: string): string | null {
  const normalized = normalizePreferenceKey(key);
  return withProfileDatabase(db, dataDir, profileId, (profileDb) => readProfilePreference(profileDb, normalized));
}

export function setProfilePreference(
  db: DatabaseHandle,
  dataDir: string,
  profileId: string,
  key: string,
  value?: PreferenceValue,
): void {
  const normalized = normalizePreferenceKey(key);
  assertPreferenceValue(value);
  withProfileDatabase(db, dataDir, profileId, (profileDb) => writeProfilePreference(profileDb, normalized, value));
}

/**
 * Profile scope on a profile database the caller already holds open, after its own
 * `ensureProfileExists` (a command layer that keeps the active profile's database open).
 */
export function readProfilePreference(profileDb: DatabaseHandle, key: string): string | null {
  const normalized = normalizePreferenceKey(key);
  return profileDb.get(profilePreference, { key: normalized })?.value_json ?? null;
}

export function writeProfilePreference(profileDb: DatabaseHandle, key: string, value?: PreferenceValue): void {
  const normalized = normalizePreferenceKey(key);
  assertPreferenceValue(value);
  if (value === null || value === undefined) {
    profileDb.run(deleteProfilePreference, { key: normalized });
  } else {
    profileDb.run(upsertProfilePreference, { key: normalized, value });
  }
}
