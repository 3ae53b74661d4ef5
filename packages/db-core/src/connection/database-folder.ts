import { join } from 'node:path';
import { ARTIFACTS_DIR, ORPHANED_DIR } from '../artifacts/artifact-folder';
import { BACKUPS_DIR, QUARANTINE_DIR, REPLACED_DIR } from './app-folders';
import { ensureDirOf, tightenOwnedDir, type FolderOwner } from './owner-only-files';

/** The folders the app keeps beside a database, in a folder of its own. */
const APP_SUBFOLDERS = [BACKUPS_DIR, QUARANTINE_DIR, REPLACED_DIR, ARTIFACTS_DIR, ORPHANED_DIR] as const;

/**
 * Makes the folder that holds a database ready before the open, by who owns it:
 * - `user` (the data folder, or the folder of a file named on the command line): created
 *   owner-only when missing, never re-permissioned; nothing in it changes mode here (the app's
 *   own `backups/`, `corrupted/`, `replaced/` there are tightened when it writes into them).
 * - `app` (a profile's folder, `profiles/<id>/`): created or tightened to `0700` at every open,
 *   with the app's folders directly in it, so that a profile the previous app left `0755` is
 *   closed the first time this app opens it. Their own sub-folders (`artifacts/<type>/`) are
 *   out of reach once their parent is `0700`, and are created `0700` by this app.
 */
export function prepareDatabaseFolder(dir: string, owner: FolderOwner): void {
  ensureDirOf(owner, dir);
  if (owner !== 'app') return;
  for (const name of APP_SUBFOLDERS) tightenOwnedDir(join(dir, name));
}
