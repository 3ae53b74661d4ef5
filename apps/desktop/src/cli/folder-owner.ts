import type { FolderOwner } from '@lepupitre/db-core';
import type { DatabaseTarget, TargetSelection } from './database-target';

/**
 * Who owns the folder that holds a target's database, which decides whether opening it may
 * change that folder's mode. In a data directory, a profile's database lies in
 * `profiles/<id>/`, the app's own folder (tightened to owner-only, as the previous app left it
 * `0755`); `global.db` lies in the data directory itself, and a `--file` in a folder the operator
 * named: both are the user's, created owner-only when missing but never re-permissioned.
 */
export function folderOwnerOf(kind: TargetSelection['kind'], target: DatabaseTarget): FolderOwner {
  return kind === 'data-dir' && target.scope === 'profile' ? 'app' : 'user';
}
