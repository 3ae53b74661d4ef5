import { DomainError } from '@lepupitre/domain-primitives';
import type { DatabaseHandle } from '@lepupitre/db-core';
import { profileById } from '../queries';
import { WorkspaceErrorCode, type ProfileRow } from '../types';

/**
 * The "ensure profile exists" check on the global database that profile-scoped operations of
 * every context run first: `profile_not_found` for an unknown id.
 */
export function ensureProfileExists(db: DatabaseHandle, profileId: string): void {
  findProfile(db, profileId);
}

export function findProfile(db: DatabaseHandle, profileId: string): ProfileRow {
  const row = db.get(profileById, { id: profileId });
  if (!row) throw new DomainError(WorkspaceErrorCode.PROFILE_NOT_FOUND);
  return row;
}
