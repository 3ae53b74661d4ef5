import { existsSync, lstatSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { OWNER_ONLY_DIR_MODE } from '../connection/owner-only-files';
import { isDbError } from '../errors/db-error';
import { DbErrorCode } from '../errors/db-error-codes';
import { POSTURE_SQL } from '../connection/queries';
import { rawConnectionOf, type DatabaseHandle } from '../execution/database-handle';
import { fsyncDirectoryBestEffort } from '../files/fsync';
import { ARTIFACTS_DIR, listArtifactFolder, ORPHANED_DIR, type ArtifactFolderEntry } from './artifact-folder';
import { allArtifactPaths } from './queries';
import { entryExists } from '../files/entry-exists';

/** What one sweep did: counts only, so that it can be logged and shown without any path. */
export interface ArtifactSweepReport {
  /** `.<hex>.tmp` files of writers that died before their rename: deleted. */
  readonly temporaryRemoved: number;
  /** Complete files (or links) no row names: moved to `orphaned/`, never deleted. */
  readonly straysSetAside: number;
  /** Bytes of the files set aside. */
  readonly straysBytes: number;
  /**
   * True when another process held the write lock for longer than the busy timeout: nothing
   * was touched and the next open tries again. Opening never fails because of the sweep.
   */
  readonly deferred: boolean;
}

/** How long the sweep waits for another process's write lock before leaving the work to the next open. */
export const SWEEP_LOCK_WAIT_MS = 250;

export const EMPTY_SWEEP: ArtifactSweepReport = { temporaryRemoved: 0, straysSetAside: 0, straysBytes: 0, deferred: false };

/**
 * Finishes what killed writers left under `artifacts/`. The store writes a file (temporary
 * name, fsync, rename) and inserts its row inside one write transaction (`BEGIN IMMEDIATE`),
 * so a file without a row is either the work of a writer that is still inside its transaction
 * or of one that died (or of a delete whose file removal had not happened yet). Holding the
 * write lock excludes the first case, in this process and every other one: a file still
 * without a row once the sweep holds the lock will never get one.
 *
 * The normal open pays for a folder listing and one read of the paths; the lock is taken only
 * when that look found a candidate, and each candidate is checked again under the lock.
 * Temporary files are incomplete by definition and are deleted. A complete file without a row
 * was never acknowledged to anyone, but it may also be a recording an earlier app version left
 * (its recorder wrote at the final name before inserting the row), so it is moved to
 * `orphaned/<same relative path>` rather than deleted: out of the way of the app and of doctor,
 * still there for a person who looks.
 */
export function sweepArtifacts(db: DatabaseHandle, profileDir: string): ArtifactSweepReport {
  if (!existsSync(join(profileDir, ARTIFACTS_DIR))) return EMPTY_SWEEP;
  if (candidates(db, profileDir).length === 0) return EMPTY_SWEEP;
  const raw = rawConnectionOf(db);
  const busyTimeoutMs = Number(raw.pragma(POSTURE_SQL.busyTimeout, { simple: true }));
  try {
    // Tidying must not hold up an open behind a long write of another process: a short wait,
    // then the next open tries again.
    raw.pragma(POSTURE_SQL.setBusyTimeout(SWEEP_LOCK_WAIT_MS));
    return db.transaction(() => setAside(candidates(db, profileDir), profileDir));
  } catch (error) {
    // A database failure other than a held lock (corruption) is the open's business; a folder
    // that cannot be tidied now (permissions, a full disk) is left for the next open and for
    // doctor, which reports what is still there.
    if (isDbError(error) && error.code !== DbErrorCode.BUSY) throw error;
    return { ...EMPTY_SWEEP, deferred: true };
  } finally {
    raw.pragma(POSTURE_SQL.setBusyTimeout(busyTimeoutMs));
  }
}

function candidates(db: DatabaseHandle, profileDir: string): ArtifactFolderEntry[] {
  const entries = listArtifactFolder(profileDir);
  if (entries.length === 0) return [];
  const known = new Set(db.all(allArtifactPaths).map((row) => row.local_relpath));
  return entries.filter((entry) => entry.kind !== 'file' || !known.has(entry.relpath));
}

function setAside(entries: readonly ArtifactFolderEntry[], profileDir: string): ArtifactSweepReport {
  let temporaryRemoved = 0;
  let straysSetAside = 0;
  let straysBytes = 0;
  const touched = new Set<string>();
  for (const entry of entries) {
    const from = join(profileDir, entry.relpath);
    if (!entryExists(from)) continue;
    if (entry.kind === 'temporary') {
      rmSync(from, { force: true });
      temporaryRemoved += 1;
    } else {
      const to = freeName(join(profileDir, ORPHANED_DIR, entry.relpath.slice(ARTIFACTS_DIR.length + 1)));
      mkdirSync(dirname(to), { recursive: true, mode: OWNER_ONLY_DIR_MODE });
      straysBytes += sizeOf(from);
      renameSync(from, to);
      touched.add(dirname(to));
      straysSetAside += 1;
    }
    touched.add(dirname(from));
  }
  for (const dir of touched) fsyncDirectoryBestEffort(dir);
  return { temporaryRemoved, straysSetAside, straysBytes, deferred: false };
}

/** Size of the entry itself (of a link, not its target); 0 when it cannot be read. */
function sizeOf(path: string): number {
  try {
    return lstatSync(path).size;
  } catch {
    return 0;
  }
}

/** `orphaned/` keeps every file it is given: a second stray of the same name gets a suffix. */
function freeName(path: string): string {
  if (!entryExists(path)) return path;
  for (let counter = 2; ; counter++) {
    const candidate = `${path}.${counter}`;
    if (!entryExists(candidate)) return candidate;
  }
}
