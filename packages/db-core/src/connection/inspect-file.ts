import type Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { DbError } from '../errors/db-error';
import { DbErrorCode } from '../errors/db-error-codes';
import { toDbError } from '../errors/sqlite-error-mapping';
import { readHistory, type HistorySnapshot } from '../migrations/tracking-table';
import { applyConnectionSettings, readPosture, type PostureVerdict } from './posture';
import { INSPECT_SQL } from './queries';
import { openSqliteConnection } from './sqlite-connection';

export type FileState = 'absent' | 'empty-file' | 'database';

export interface FileInspection {
  readonly fileState: FileState;
  readonly history: HistorySnapshot;
  readonly tableNames: readonly string[];
  /** The posture a connection to this file gets: journal mode is the file's own. */
  readonly posture: PostureVerdict | null;
}

const NO_HISTORY: HistorySnapshot = { rows: null, hasChecksumColumn: false, userTableCount: 0 };

/**
 * A read-only look at a database file, for deciding before anything is written. The file is
 * opened read-only, so its bytes cannot change; in WAL mode SQLite may create the -wal and
 * -shm companions, as any reader does.
 */
export function inspectDatabaseFile(path: string): FileInspection {
  const state = fileStateOf(path);
  if (state !== 'database') return { fileState: state, history: NO_HISTORY, tableNames: [], posture: null };
  let db: Database.Database | undefined;
  try {
    db = openSqliteConnection(path, { readonly: true, fileMustExist: true });
    applyConnectionSettings(db);
    const history = readHistory(db);
    const tableNames = (db.prepare(INSPECT_SQL.tableNames).all() as { name: string }[]).map((t) => t.name);
    return { fileState: state, history, tableNames, posture: readPosture(db) };
  } catch (error) {
    throw toDbError(error, 'read the database');
  } finally {
    db?.close();
  }
}

export function fileStateOf(path: string): FileState {
  let stats;
  try {
    stats = statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'absent';
    throw new DbError(DbErrorCode.CANT_OPEN, 'the database file cannot be read', { cause: error });
  }
  if (stats.isDirectory()) {
    throw new DbError(DbErrorCode.PATH_IS_DIRECTORY, 'the database path names a directory, not a file');
  }
  if (!stats.isFile()) throw new DbError(DbErrorCode.CANT_OPEN, 'the database path is not a regular file');
  return stats.size === 0 ? 'empty-file' : 'database';
}
