import { DomainError } from '@lepupitre/domain-primitives';
import { ensureOwnerOnlyDir, entryExists, type DatabaseHandle } from '@lepupitre/db-core';
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import {
  activateProfile,
  deactivateActiveProfiles,
  deleteProfile as deleteProfileQuery,
  insertProfile,
  newestProfile,
  profileById,
  restoreSwitchedProfile,
} from '../queries';
import { WorkspaceErrorCode, type ClockOptions, type ProfileRow } from '../types';
import { clockOf, compactStamp } from './clock';
import { attachCleanupError } from './failures';
import { findProfile } from './profile-existence';
import { assertInsideDataDir, DELETED_PROFILES_FOLDER, profileFolder } from './profile-paths';

interface Removal {
  readonly row: ProfileRow;
  /** The profile made active because the deleted one was, with what its row held before. */
  readonly fallback: { readonly id: string; readonly lastOpenedAt: string | null } | null;
}

/**
 * `profile_delete`: removes the profile's row and sets its folder aside.
 *
 * 1. Unknown id: `profile_not_found` (the previous app failed with a column-type message).
 * 2. The folder, if any, must resolve inside the data folder (`path_not_allowed`): checked
 *    before anything changes, so a refusal deletes nothing.
 * 3. One transaction: the row goes; if it was the active profile, the most recently CREATED
 *    remaining profile becomes active with `last_opened_at` = now (none if it was the last).
 * 4. After the commit the folder is MOVED to `<data>/deleted-profiles/<id>-<YYYYMMDDTHHMMSSZ>`
 *    (owner-only; `-2`, `-3`, ... appended should that name be taken), never erased: a later
 *    sweep may purge that folder. If the move fails, the rows are restored as they were (the
 *    profile is back, active if it was) and `profile_folder_move_failed` surfaces; only if
 *    that restore fails too does the row stay deleted with its folder in place under
 *    `profiles/` (the restore's failure is on the error as `cleanupError`).
 *
 * The profile's database should be closed by the caller first: on Windows an open file makes
 * the move fail, which then restores the profile.
 */
export function deleteProfile(db: DatabaseHandle, dataDir: string, profileId: string, options?: ClockOptions): void {
  const now = clockOf(options)();
  findProfile(db, profileId);
  const folder = profileFolder(dataDir, profileId);
  if (entryExists(folder)) assertInsideDataDir(dataDir, folder);

  const removal = db.transaction((): Removal => {
    const row = db.get(profileById, { id: profileId });
    if (!row || db.run(deleteProfileQuery, { id: profileId }).changes !== 1) {
      throw new DomainError(WorkspaceErrorCode.PROFILE_NOT_FOUND);
    }
    if (row.is_active !== 1) return { row, fallback: null };
    const next = db.get(newestProfile);
    if (!next) return { row, fallback: null };
    db.run(deactivateActiveProfiles);
    if (db.run(activateProfile, { id: next.id, now }).changes !== 1) {
      throw new DomainError(WorkspaceErrorCode.PROFILE_NOT_FOUND);
    }
    return { row, fallback: { id: next.id, lastOpenedAt: next.last_opened_at } };
  });

  if (!entryExists(folder)) return;
  try {
    db.reportStep({ kind: 'file', detail: 'move profile folder aside' });
    moveAside(dataDir, folder, profileId, now);
  } catch (error) {
    restoreRows(db, removal, now, error);
    throw error;
  }
}

/** A filesystem failure, not a driver one: `profile_folder_move_failed`, the system error on `cause`. */
function moveAside(dataDir: string, folder: string, profileId: string, now: string): void {
  try {
    const deletedProfiles = join(dataDir, DELETED_PROFILES_FOLDER);
    ensureOwnerOnlyDir(deletedProfiles);
    const base = join(deletedProfiles, `${profileId}-${compactStamp(now)}`);
    let destination = base;
    for (let n = 2; entryExists(destination); n++) destination = `${base}-${n}`;
    renameSync(folder, destination);
  } catch (error) {
    throw new DomainError(WorkspaceErrorCode.PROFILE_FOLDER_MOVE_FAILED, undefined, { cause: error });
  }
}

function restoreRows(db: DatabaseHandle, removal: Removal, now: string, error: unknown): void {
  const { row, fallback } = removal;
  try {
    db.transaction(() => {
      if (fallback) {
        const restored = db.run(restoreSwitchedProfile, { id: fallback.id, wroteAt: now, lastOpenedAt: fallback.lastOpenedAt });
        if (restored.changes !== 1) throw new DomainError(WorkspaceErrorCode.PROFILE_DELETE_FAILED);
      }
      db.run(insertProfile, {
        id: row.id,
        name: row.name,
        createdAt: row.created_at,
        lastOpenedAt: row.last_opened_at,
        isActive: row.is_active,
      });
    });
  } catch (cleanupError) {
    attachCleanupError(error, cleanupError);
  }
}
