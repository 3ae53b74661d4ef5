import Database from 'better-sqlite3';
import { DbError } from '../errors/db-error';
import { DbErrorCode } from '../errors/db-error-codes';
import { POSTURE_SQL } from './queries';

export type SqliteConnection = Database.Database;

/**
 * The one place a better-sqlite3 connection is created. Every connection the app opens goes
 * through here, the short-lived ones included (inspection, snapshot and backup checks, the
 * in-use probe, the migration lock, recovery's copies and targets, diagnostics): a database
 * file is data the user (or anyone who handed them a file) controls, so functions and virtual
 * tables named by its schema never run with elevated trust, on any connection.
 *
 * `trusted_schema = OFF` is set before anything reads the schema (setting it does not load
 * the schema, so a damaged file still opens here and fails later, where its caller expects)
 * and read back; a connection on which it does not hold is closed and refused with
 * `DB_POSTURE_MISMATCH`. Errors of the driver itself are raised unchanged, for the caller to
 * map as it already does. The rest of the posture is the caller's (`applyConnectionSettings`,
 * `applyPosture`). A lint rule (`lepupitre/sqlite-connection-through-helper`) keeps every
 * other production file from creating a connection itself.
 */
export function openSqliteConnection(path: string, options?: Database.Options): SqliteConnection {
  const db = new Database(path, options);
  try {
    db.pragma(POSTURE_SQL.setTrustedSchemaOff);
    const trusted = Number(db.pragma(POSTURE_SQL.trustedSchema, { simple: true }));
    if (trusted !== 0) {
      throw new DbError(DbErrorCode.POSTURE_MISMATCH, 'connection posture does not hold: trusted_schema', {
        details: { settings: ['trusted_schema'] },
      });
    }
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
