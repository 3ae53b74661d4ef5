import { DomainError } from '@lepupitre/domain-primitives';
import type { DatabaseHandle } from '@lepupitre/db-core';
import { otherProfileIdByName, profileById, renameProfile as renameProfileQuery } from '../queries';
import { WorkspaceErrorCode } from '../types';
import { isUniqueViolation } from './failures';
import { assertUsableProfileName } from './profile-names';

/**
 * `profile_rename`: the name as given (exact, case-sensitive uniqueness; keeping one's own name is
 * fine). Touches nothing else: not the active flag, not `last_opened_at`, not the folder.
 * One transaction, so the checks and the update see the same rows.
 */
export function renameProfile(db: DatabaseHandle, profileId: string, name: string): void {
  assertUsableProfileName(name);
  db.transaction(() => {
    if (!db.get(profileById, { id: profileId })) throw new DomainError(WorkspaceErrorCode.PROFILE_NOT_FOUND);
    if (db.get(otherProfileIdByName, { name, id: profileId })) throw new DomainError(WorkspaceErrorCode.PROFILE_NAME_EXISTS);
    let changes: number;
    try {
      changes = db.run(renameProfileQuery, { id: profileId, name }).changes;
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError(WorkspaceErrorCode.PROFILE_NAME_EXISTS, undefined, { cause: error });
      throw error;
    }
    if (changes !== 1) throw new DomainError(WorkspaceErrorCode.PROFILE_NOT_FOUND);
  });
}
