import type Database from 'better-sqlite3';
import { type FileInspection, applyConnectionSettings, INSPECT_SQL, sqliteCodeOf, readHistory, openSqliteConnection } from '@lepupitre/db-core/internals';
import { DATABASE_COMPANIONS } from '../files/database-companions';
import { removeQuietly } from '../files/remove-quietly';
import { BACKUP_SQL } from './queries';

/** What a sound copy holds, as far as restoring it is concerned. */
export interface SoundCopy {
  /** Latest applied migration id, or null for a legacy (untracked) or empty database. */
  readonly schemaVersion: string | null;
  /** The same read-only look `openDatabase` takes, for its scope and history checks. */
  readonly inspection: FileInspection;
  /**
   * Rows of the copy that refer to missing rows. Counted, not refused: a copy is exact, and a
   * database an older app version wrote with foreign keys off keeps such rows on purpose (the
   * migrations never delete them); refusing its copy would leave that profile with no backup.
   */
  readonly foreignKeyViolations: number;
}

export type CopyDefect = 'unreadable' | 'integrity';

export type CopyVerdict = { readonly ok: true; readonly copy: SoundCopy } | { readonly ok: false; readonly defect: CopyDefect; readonly cause?: unknown };

/**
 * Proves a copy sound before it counts: `PRAGMA integrity_check` must answer exactly `ok`;
 * `PRAGMA foreign_key_check` is counted (see `SoundCopy.foreignKeyViolations`). Only ever run on a copy of our own (a backup being
 * written, a backup being restored), never on a user's database: it switches the copy to a
 * rollback journal so that the copy stays one self-contained file that any reader can open
 * without creating -wal and -shm companions beside it.
 */
export function verifyDatabaseCopy(path: string): CopyVerdict {
  let db: Database.Database | undefined;
  try {
    db = openSqliteConnection(path, { fileMustExist: true });
    applyConnectionSettings(db);
    db.prepare(BACKUP_SQL.rollbackJournal).get();
    const integrity = db.prepare(BACKUP_SQL.integrityCheck).pluck().all() as string[];
    if (integrity.length !== 1 || integrity[0] !== 'ok') return { ok: false, defect: 'integrity' };
    const foreignKeyViolations = db.prepare(BACKUP_SQL.foreignKeyCheck).all().length;
    const history = readHistory(db);
    const tableNames = db.prepare(INSPECT_SQL.tableNames).pluck().all() as string[];
    const schemaVersion = history.rows?.at(-1)?.version ?? null;
    return { ok: true, copy: { schemaVersion, inspection: { fileState: 'database', history, tableNames, posture: null }, foreignKeyViolations } };
  } catch (error) {
    // A check that stops on a damaged page has found what it looks for.
    const corrupt = sqliteCodeOf(error)?.startsWith('SQLITE_CORRUPT') === true;
    return { ok: false, defect: corrupt ? 'integrity' : 'unreadable', cause: error };
  } finally {
    db?.close();
    for (const companion of DATABASE_COMPANIONS) removeQuietly(`${path}${companion}`);
  }
}
