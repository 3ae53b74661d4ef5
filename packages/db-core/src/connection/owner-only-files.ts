import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';

/**
 * Owner-only permissions on everything the platform writes: a talk rehearsal, a transcript or
 * a preference is nobody else's business on a shared machine. SQLite gives the -wal and -shm
 * companions the permissions of the database file, so the file's mode covers all three.
 * Modes are POSIX; on Windows the folder ACLs of the user's profile apply instead.
 */
export const OWNER_ONLY_DIR_MODE = 0o700;
export const OWNER_ONLY_FILE_MODE = 0o600;

export function ensureOwnerOnlyDir(dir: string): void {
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true, mode: OWNER_ONLY_DIR_MODE });
  } else if (!statSync(dir).isDirectory()) {
    throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
  }
  tighten(dir, OWNER_ONLY_DIR_MODE);
}

/** Creates an empty file with owner-only permissions unless it exists. */
export function ensureOwnerOnlyFile(file: string): void {
  try {
    closeSync(openSync(file, 'wx', OWNER_ONLY_FILE_MODE));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  tighten(file, OWNER_ONLY_FILE_MODE);
}

/** Removes group and other permission bits; never widens a mode. */
export function tighten(path: string, mode: number): void {
  if (process.platform === 'win32') return;
  try {
    const current = statSync(path).mode & 0o777;
    if ((current & ~mode) !== 0) chmodSync(path, current & mode);
  } catch {
    // A file we cannot chmod (not ours) keeps its mode; opening it reports the real problem.
  }
}
