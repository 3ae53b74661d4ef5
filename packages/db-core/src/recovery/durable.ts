import { closeSync, fsyncSync, openSync, rmSync } from 'node:fs';

/**
 * Makes renames and new names in a folder durable. Some platforms cannot open a folder for
 * syncing (Windows); there the rename is as durable as the file system makes it.
 */
export function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Not supported here; nothing more can be done.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Cleanup after a failure must never replace the failure. */
export function removeQuietly(path: string): void {
  try {
    rmSync(path, { recursive: true, force: true });
  } catch {
    // Nothing of ours left to remove, or a folder we cannot touch.
  }
}
