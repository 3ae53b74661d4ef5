import type Database from 'better-sqlite3';
import { ensureOwnerOnlyFile } from '../connection/owner-only-files';
import { DbError } from '../errors/db-error';
import { DbErrorCode } from '../errors/db-error-codes';
import { toDbError } from '../errors/sqlite-error-mapping';
import { LOCK_SQL } from './queries';
import { openSqliteConnection } from '../connection/sqlite-connection';

/**
 * A cross-process mutex around a whole migration run, so that of two processes opening one
 * database at once exactly one snapshots and migrates while the other waits and then finds it
 * current.
 *
 * The per-migration transactions alone cannot give that: between two of them another process
 * could take the write lock and carry on. The mutex is an exclusive SQLite lock on a small
 * companion file (`<database>.lock`), which brings SQLite's own portable file locking and busy
 * waiting, and which the operating system releases if the holder dies. The file is never
 * deleted: unlinking a lock file that others wait on would split the mutex in two.
 */
export function withMigrationLock<T>(databasePath: string, timeoutMs: number, fn: () => T): T {
  const lockPath = `${databasePath}.lock`;
  let lock: Database.Database;
  try {
    ensureOwnerOnlyFile(lockPath);
    lock = openSqliteConnection(lockPath, { timeout: timeoutMs });
  } catch (error) {
    throw toDbError(error, 'open the migration lock');
  }
  try {
    try {
      lock.exec(LOCK_SQL.acquire);
    } catch (error) {
      const mapped = toDbError(error, 'wait for another process to finish migrating');
      throw mapped.code === DbErrorCode.BUSY
        ? new DbError(DbErrorCode.BUSY, 'another process has been migrating this database for too long', { cause: error })
        : mapped;
    }
    try {
      return fn();
    } finally {
      lock.exec(LOCK_SQL.release);
    }
  } finally {
    lock.close();
  }
}
