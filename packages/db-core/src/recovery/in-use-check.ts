import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { DbError } from '../errors/db-error';
import { DbErrorCode } from '../errors/db-error-codes';
import { sqliteCodeOf } from '../errors/sqlite-error-mapping';
import { RECOVERY_SQL } from './queries';

const IN_USE_WAIT_MS = 1000;

/**
 * Refuses to recover a database that another connection has open (the app, another tool): its
 * writes would go on into the quarantined file while the rebuilt one misses them.
 *
 * Under WAL every open connection holds a shared lock on the database file while it is open.
 * A read-only connection in exclusive locking mode asks for the exclusive lock and gets
 * SQLITE_BUSY when anyone else holds one; being read-only it never checkpoints or rewrites
 * anything. Any other failure (a damaged page 1, no WAL to lock) is not another user.
 */
export function assertNoOtherConnection(databasePath: string, waitMs: number = IN_USE_WAIT_MS): void {
  if (!existsSync(databasePath)) return;
  let probe: Database.Database | undefined;
  try {
    probe = new Database(databasePath, { readonly: true, fileMustExist: true, timeout: waitMs });
    probe.pragma(RECOVERY_SQL.exclusiveLocking);
    probe.prepare(RECOVERY_SQL.touchSchema).get();
  } catch (error) {
    if (sqliteCodeOf(error)?.startsWith('SQLITE_BUSY')) {
      throw new DbError(DbErrorCode.BUSY, 'the database is open in another program (the app?); close it, then recover; nothing was changed', {
        cause: error,
      });
    }
  } finally {
    probe?.close();
  }
}
