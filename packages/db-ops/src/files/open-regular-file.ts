import { closeSync, constants, fstatSync, openSync } from 'node:fs';

/**
 * Opens a file for reading only if it is a regular file, without following a symbolic link
 * (`O_NOFOLLOW`) and checking the opened descriptor itself (`fstat`), so that what is read is
 * exactly what was checked: a link, a FIFO or a device put at a path a backup or restore reads
 * is refused, never followed or blocked on. `O_NONBLOCK` keeps the open of a FIFO from waiting
 * for a writer. Returns null when the path is absent, unreadable or not a regular file: to a
 * backup or a restore, a file it cannot read is as good as missing. The caller closes.
 */
export function openRegularFile(path: string): number | null {
  const flags = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);
  let fd: number;
  try {
    fd = openSync(path, flags);
  } catch {
    return null;
  }
  try {
    if (fstatSync(fd).isFile()) return fd;
  } catch {
    // Unreadable metadata: treated as not a file.
  }
  closeSync(fd);
  return null;
}
