import { closeSync, fsyncSync, openSync } from 'node:fs';

/**
 * Flushes a file's content to the disk. A rename is only as durable as the bytes it names:
 * without this a crash after the rename can leave a complete name over an empty file.
 */
export function fsyncFile(path: string): void {
  fsyncOpened(path, 'r+');
}

/**
 * Makes renames and new names in a folder durable. Windows cannot open a folder for syncing
 * and does not need it (NTFS journals metadata), so it is skipped there; elsewhere a failure
 * is thrown: a write that promises durability must not claim it when the folder was not synced.
 */
export function fsyncDirectory(dir: string): void {
  if (process.platform === 'win32') return;
  fsyncOpened(dir, 'r');
}

/**
 * `fsyncDirectory` for callers that must go on whatever happens (recovery, which has already
 * moved files and cannot stop half way): a folder that cannot be synced leaves the renames as
 * durable as the file system makes them, and the failure is swallowed.
 */
export function fsyncDirectoryBestEffort(dir: string): void {
  try {
    fsyncDirectory(dir);
  } catch {
    // Not supported here; nothing more can be done.
  }
}

/** A file is opened for writing to sync it (some systems refuse fsync on a read-only handle); a folder can only be opened read-only. */
function fsyncOpened(path: string, flags: 'r' | 'r+'): void {
  const fd = openSync(path, flags);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
