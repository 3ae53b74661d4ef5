import { DomainError } from '@lepupitre/domain-primitives';
import { entryExists, type DatabaseHandle } from '@lepupitre/db-core';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { activateProfile, activeProfiles, deactivateActiveProfiles, profileById, reactivateProfileIfNoneActive, restoreSwitchedProfile } from '../queries';
import { WorkspaceErrorCode, type ClockOptions } from '../types';
import { clockOf } from './clock';
import { attachCleanupError } from './failures';
import { openProfileDatabase } from './profile-database';
import { profileDatabasePath } from './profile-paths';

interface SwitchChange {
  readonly databasePath: string;
  readonly previouslyActive: readonly { id: string }[];
  readonly previousLastOpenedAt: string | null;
}

/**
 * `profile_switch`: makes a profile the active one (refreshing its `last_opened_at`, also when it
 * already is active), then opens its database so that it exists and is migrated.
 *
 * The flags change in one transaction. If the database then cannot be opened (refused, corrupt,
 * failing migration), the switch is undone: the previously active profile is active again and
 * the target's `last_opened_at` is what it was, unless someone changed that row meanwhile. A
 * profile folder that did not exist before the call and was created by the failed open is
 * removed. What an open leaves beside an existing database (snapshots) is db-core's and stays.
 */
export function switchProfile(db: DatabaseHandle, dataDir: string, profileId: string, options?: ClockOptions): void {
  const now = clockOf(options)();
  const change = db.transaction((): SwitchChange => {
    const target = db.get(profileById, { id: profileId });
    if (!target) throw new DomainError(WorkspaceErrorCode.PROFILE_NOT_FOUND);
    const databasePath = profileDatabasePath(dataDir, profileId);
    const previouslyActive = db.all(activeProfiles);
    db.run(deactivateActiveProfiles);
    if (db.run(activateProfile, { id: profileId, now }).changes !== 1) {
      throw new DomainError(WorkspaceErrorCode.PROFILE_NOT_FOUND);
    }
    return { databasePath, previouslyActive, previousLastOpenedAt: target.last_opened_at };
  });

  const folder = dirname(change.databasePath);
  const folderExisted = entryExists(folder);
  try {
    db.reportStep({ kind: 'file', detail: 'open profile database' });
    openProfileDatabase(db, change.databasePath).db.close();
  } catch (error) {
    undoSwitch(db, profileId, now, change, error);
    if (!folderExisted && entryExists(folder)) {
      try {
        rmSync(folder, { recursive: true, force: true });
      } catch (cleanupError) {
        attachCleanupError(error, cleanupError);
      }
    }
    throw error;
  }
}

function undoSwitch(db: DatabaseHandle, profileId: string, now: string, change: SwitchChange, error: unknown): void {
  try {
    db.transaction(() => {
      const restored = db.run(restoreSwitchedProfile, {
        id: profileId,
        wroteAt: now,
        lastOpenedAt: change.previousLastOpenedAt,
      });
      if (restored.changes !== 1) throw new DomainError(WorkspaceErrorCode.PROFILE_SWITCH_FAILED);
      for (const profile of change.previouslyActive) {
        db.run(reactivateProfileIfNoneActive, { id: profile.id });
      }
    });
  } catch (cleanupError) {
    attachCleanupError(error, cleanupError);
  }
}
