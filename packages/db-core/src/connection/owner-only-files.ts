import { chmodSync, closeSync, existsSync, lstatSync, mkdirSync, openSync, statSync } from 'node:fs';

/**
 * Owner-only permissions on everything the platform writes: a talk rehearsal, a transcript or
 * a preference is nobody else's business on a shared machine. SQLite gives the -wal and -shm
 * companions the permissions of the database file, so the file's mode covers all three.
 * Modes are POSIX; on Windows the folder ACLs of the user's profile apply instead.
 */
export const OWNER_ONLY_DIR_MODE = 0o700;
export const OWNER_ONLY_FILE_MODE = 0o600;

/**
 * Who a folder belongs to, which decides whether the app may change its mode:
 * - `app`: a folder the app names and keeps for itself (`profiles/`, a profile's folder,
 *   `backups/`, `corrupted/`, `replaced/`, `artifacts/`, `orphaned/`, `deleted-profiles/`,
 *   working folders): created `0700`, and tightened to `0700` when found wider (the previous
 *   app left them `0755`). See `ensureOwnerOnlyDir`.
 * - `user`: a folder the user gave the app (the data folder, the folder of a database file
 *   named on the command line) and every folder above it: created `0700` when missing, its
 *   mode never changed when it exists. A data folder on `/tmp` is `1777`, a home folder is
 *   whatever its owner chose: tightening them would break the machine. See `ensureUserGivenDir`.
 */
export type FolderOwner = 'app' | 'user';

/**
 * A folder the app owns: created owner-only (with any missing parent) when absent, tightened
 * to owner-only when it exists. Never for the data folder, a folder the user named, or any
 * parent of theirs (`ensureUserGivenDir`). A symbolic link in its place is followed for use but
 * never re-permissioned: what it points to is not a folder the app made.
 */
export function ensureOwnerOnlyDir(dir: string): void {
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true, mode: OWNER_ONLY_DIR_MODE });
  } else if (!statSync(dir).isDirectory()) {
    throw notADirectory();
  }
  tightenOwnedDir(dir);
}

/**
 * A folder the user gave the app (the data folder, the folder of a named database file): created
 * owner-only, with any missing parent, when absent (the app made those); left exactly as it is
 * when it exists, whatever its mode.
 */
export function ensureUserGivenDir(dir: string): void {
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true, mode: OWNER_ONLY_DIR_MODE });
  } else if (!statSync(dir).isDirectory()) {
    throw notADirectory();
  }
}

/** Creates or tightens the folder by who owns it (`FolderOwner`). */
export function ensureDirOf(owner: FolderOwner, dir: string): void {
  if (owner === 'app') ensureOwnerOnlyDir(dir);
  else ensureUserGivenDir(dir);
}

/** Tightens an existing folder the app owns (not a link to one); nothing when it is absent. */
export function tightenOwnedDir(dir: string): void {
  let isRealDir: boolean;
  try {
    isRealDir = lstatSync(dir).isDirectory();
  } catch {
    return;
  }
  if (isRealDir) tighten(dir, OWNER_ONLY_DIR_MODE);
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

/** Removes group and other permission bits; never widens a mode. Only for what the app owns. */
export function tighten(path: string, mode: number): void {
  if (process.platform === 'win32') return;
  try {
    const current = statSync(path).mode & 0o777;
    if ((current & ~mode) !== 0) chmodSync(path, current & mode);
  } catch {
    // A file we cannot chmod (not ours) keeps its mode; opening it reports the real problem.
  }
}

function notADirectory(): Error {
  return Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
}
