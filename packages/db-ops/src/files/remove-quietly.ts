import { readdirSync, rmdirSync, rmSync } from 'node:fs';

export interface RemoveQuietlyOptions {
  /**
   * Remove a folder and everything in it too. Off by default: cleanup of a file that turns out
   * to be a folder (a name someone else uses) must fail, quietly, rather than empty it. Only
   * owners of a private working folder (recovery) ask for it.
   */
  readonly recursive?: boolean;
}

/**
 * Removes a file left by a failed or finished step, ignoring every failure: cleanup after a
 * failure must never replace the failure, and what cannot be removed (the folder itself is
 * unusable) is not ours to report.
 */
export function removeQuietly(path: string, options: RemoveQuietlyOptions = {}): void {
  try {
    rmSync(path, { force: true, recursive: options.recursive ?? false });
  } catch {
    // Nothing of ours left to remove, or a folder we cannot touch.
  }
}

/**
 * Removes a folder an undone operation created, only if nothing is in it: a folder that holds
 * anything (an earlier restore's files, someone else's) stays. Quiet, like every cleanup.
 */
export function removeFolderIfEmpty(dir: string): void {
  try {
    if (readdirSync(dir).length === 0) rmdirSync(dir);
  } catch {
    // Gone already, or not ours to remove.
  }
}
