import type Database from 'better-sqlite3';
import { ensureOwnerOnlyFile } from '../connection/owner-only-files';
import { openSqliteConnection } from '../connection/sqlite-connection';
import { DbErrorCode } from '../errors/db-error-codes';
import { toDbError } from '../errors/sqlite-error-mapping';
import { LOCK_SQL } from '../migrations/queries';

/** A lock taken by `tryExclusiveFileLock`, held until released or until its process ends. */
export interface ExclusiveFileLock {
  /** Gives the lock up; once done, another process may take it. Idempotent. */
  release(): void;
}

/**
 * Takes an exclusive lock on `lockPath` without waiting, or answers null when another process
 * (or another connection of this one) already holds it. The file is created owner-only if
 * missing, and is never deleted: unlinking a lock file that another process holds open would
 * let a third one lock a new file of the same name, splitting the lock in two.
 *
 * The lock is SQLite's own on an empty companion file (the migration lock's mechanism): portable,
 * and released by the operating system when the holder dies, however it dies. A lock that
 * outlives a crash never has to be told apart from a live one, which a lock made of a file's
 * mere presence cannot do safely when two processes find the same stale file at once.
 */
export function tryExclusiveFileLock(lockPath: string): ExclusiveFileLock | null {
  let connection: Database.Database;
  try {
    ensureOwnerOnlyFile(lockPath);
    connection = openSqliteConnection(lockPath, { timeout: 0 });
  } catch (error) {
    throw toDbError(error, 'open the lock file');
  }
  try {
    connection.pragma(LOCK_SQL.journalInMemory);
    connection.exec(LOCK_SQL.acquire);
  } catch (error) {
    connection.close();
    const mapped = toDbError(error, 'take the lock');
    if (mapped.code === DbErrorCode.BUSY) return null;
    throw mapped;
  }
  let held = true;
  return {
    release(): void {
      if (!held) return;
      held = false;
      try {
        connection.exec(LOCK_SQL.release);
      } finally {
        connection.close();
      }
    },
  };
}
