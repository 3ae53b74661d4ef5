import type Database from 'better-sqlite3';
import { existsSync, linkSync } from 'node:fs';
import { DbError, DbErrorCode } from '@lepupitre/db-core';
import { openSqliteConnection } from '@lepupitre/db-core/internals';
import { sqliteCodeOf } from '@lepupitre/db-core/internals';
import { DATABASE_COMPANIONS } from './database-companions';
import { IN_USE_SQL } from './queries';
import { removeQuietly } from './remove-quietly';

/** How long the probe waits for a lock that a short-lived reader may be holding. */
const IN_USE_WAIT_MS = 1000;

/** Suffix of the probe's second name for the database file; removed after the probe. */
export const IN_USE_PROBE_SUFFIX = '.in-use-probe';

/**
 * Refuses to go on while another connection has the database open (the app, another tool):
 * files moved under an open connection (restore, recovery) would keep receiving its writes
 * while the new copy misses them.
 *
 * Under WAL every open connection keeps a shared lock on the database file for as long as it is
 * open, so asking for the exclusive lock tells whether anyone else is there (SQLITE_BUSY). The
 * ask must not change a byte: a read-write connection to the database would checkpoint its WAL
 * on close, and a read-only one in exclusive locking mode does not see another process's shared
lock (measured: it reports the file free while another process has it open). So the probe
 * opens a hard link to the database file: the same file, hence the same locks, but a name with no
 * -wal of its own, so the real -wal and -shm are never read, replayed or checkpointed. Where hard
 * links are unsupported there is no probe; not having the database open stays the caller's duty.
 * Any other outcome (a damaged file, not a database) is not another user: a damaged database is
 * precisely what a restore or a recovery replaces.
 *
 * `action` names what the user should do once the other program is closed ("restore",
 * "recover"); nothing was changed when this refuses.
 */
export function assertNotInUse(databasePath: string, action: string): void {
  if (!existsSync(databasePath)) return;
  const probePath = `${databasePath}${IN_USE_PROBE_SUFFIX}`;
  removeProbe(probePath);
  try {
    linkSync(databasePath, probePath);
  } catch {
    return;
  }
  let probe: Database.Database | undefined;
  try {
    probe = openSqliteConnection(probePath, { fileMustExist: true, timeout: IN_USE_WAIT_MS });
    probe.prepare(IN_USE_SQL.exclusiveLocking).get();
    probe.prepare(IN_USE_SQL.touch).get();
  } catch (error) {
    if (sqliteCodeOf(error)?.startsWith('SQLITE_BUSY')) {
      throw new DbError(
        DbErrorCode.BUSY,
        `the database is open in another program (the app?); close it, then ${action}; nothing was changed`,
        { cause: error },
      );
    }
  } finally {
    try {
      probe?.close();
    } finally {
      removeProbe(probePath);
    }
  }
}

function removeProbe(probePath: string): void {
  for (const suffix of ['', ...DATABASE_COMPANIONS]) removeQuietly(`${probePath}${suffix}`);
}
