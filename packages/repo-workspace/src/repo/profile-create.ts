import { DomainError, newId } from '@lepupitre/domain-primitives';
import { ensureOwnerOnlyDir, OWNER_ONLY_DIR_MODE, type DatabaseHandle } from '@lepupitre/db-core';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { activeProfiles, deactivateActiveProfiles, deleteProfile, insertProfile, profileIdByName, reactivateProfileIfNoneActive } from '../queries';
import { WorkspaceErrorCode, type ClockOptions } from '../types';
import { clockOf } from './clock';
import { attachCleanupError, isUniqueViolation } from './failures';
import { openProfileDatabase } from './profile-database';
import { assertUsableProfileName } from './profile-names';
import { PROFILE_DATABASE_FILE, PROFILES_FOLDER, profileFolder } from './profile-paths';

/**
 * `profile_create`: a new profile, active at once (creating implies switching), with its folder
 * and a migrated database. Returns its id.
 *
 * The global row goes first, in one transaction (name check, deactivate, insert); then the folder
 * and the database. If that second part fails, the creation is undone as far as possible: the
 * row is deleted, the previously active profile is active again, and the new folder is removed
 * (it holds nothing but the database this call was creating). Only if that undo fails too does
 * the previous app's state remain: the new row, active, with a missing or partial database that
 * the next switch or open completes; the undo's own failure is on the error as `cleanupError`.
 */
export function createProfile(db: DatabaseHandle, dataDir: string, name: string, options?: ClockOptions): string {
  assertUsableProfileName(name);
  const now = clockOf(options)();
  const id = newId('prof');
  const folder = profileFolder(dataDir, id);

  const previouslyActive = db.transaction(() => {
    if (db.get(profileIdByName, { name })) throw new DomainError(WorkspaceErrorCode.PROFILE_NAME_EXISTS);
    const active = db.all(activeProfiles);
    db.run(deactivateActiveProfiles);
    try {
      db.run(insertProfile, { id, name, createdAt: now, lastOpenedAt: now, isActive: 1 });
    } catch (error) {
      // Another writer took the name between the check and the insert: the unique index says so.
      if (isUniqueViolation(error)) throw new DomainError(WorkspaceErrorCode.PROFILE_NAME_EXISTS, undefined, { cause: error });
      throw error;
    }
    return active;
  });

  let folderCreated = false;
  try {
    db.reportStep({ kind: 'file', detail: 'create profile folder' });
    try {
      ensureOwnerOnlyDir(join(dataDir, PROFILES_FOLDER));
      // Not recursive: a folder already there is not this profile's and must not be adopted or removed.
      mkdirSync(folder, { mode: OWNER_ONLY_DIR_MODE });
      folderCreated = true;
      ensureOwnerOnlyDir(folder);
    } catch (error) {
      // A filesystem failure, not a driver one: the system error stays on `cause`.
      throw new DomainError(WorkspaceErrorCode.PROFILE_FOLDER_CREATE_FAILED, undefined, { cause: error });
    }
    db.reportStep({ kind: 'file', detail: 'create profile database' });
    openProfileDatabase(db, join(folder, PROFILE_DATABASE_FILE)).db.close();
  } catch (error) {
    undoCreate(db, id, previouslyActive, folderCreated ? folder : null, error);
    throw error;
  }
  return id;
}

function undoCreate(
  db: DatabaseHandle,
  id: string,
  previouslyActive: readonly { id: string }[],
  createdFolder: string | null,
  error: unknown,
): void {
  try {
    db.transaction(() => {
      if (db.run(deleteProfile, { id }).changes !== 1) throw new DomainError(WorkspaceErrorCode.PROFILE_NOT_FOUND);
      for (const profile of previouslyActive) {
        db.run(reactivateProfileIfNoneActive, { id: profile.id });
      }
    });
  } catch (cleanupError) {
    attachCleanupError(error, cleanupError);
    return;
  }
  if (!createdFolder) return;
  try {
    rmSync(createdFolder, { recursive: true, force: true });
  } catch (cleanupError) {
    attachCleanupError(error, cleanupError);
  }
}
