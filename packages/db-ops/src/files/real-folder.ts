import { lstatSync } from 'node:fs';

/**
 * True when `path` is a folder itself, not a symbolic link to one: files moved or copied into a
 * linked `replaced/`, `corrupted/` or backup folder would land wherever the link points, out of
 * the data folder.
 */
export function isRealFolder(path: string): boolean {
  try {
    return lstatSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Refuses a linked (or non-folder) path with an error the callers map like any file failure. */
export function assertRealFolder(path: string): void {
  if (!isRealFolder(path)) throw Object.assign(new Error('not a folder of its own (a link, or a file)'), { code: 'ENOTDIR' });
}
