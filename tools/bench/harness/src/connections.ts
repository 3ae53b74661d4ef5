import Database from 'better-sqlite3';
import { POSTURE } from '@lepupitre/db-core';
import { POSTURE_PRAGMAS } from './queries';

/**
 * A second connection to the benchmark file with db-core's posture, for the implementations
 * that cannot go through a DatabaseHandle. The posture is read back because a silently
 * different setting (foreign keys off, FULL sync) would skew every ratio.
 */
export function openPosturedConnection(path: string): Database.Database {
  const db = new Database(path, { fileMustExist: true });
  db.pragma(POSTURE_PRAGMAS.busyTimeout(POSTURE.busyTimeoutMs));
  db.pragma(POSTURE_PRAGMAS.synchronous(POSTURE.synchronous));
  db.pragma(POSTURE_PRAGMAS.foreignKeys(POSTURE.foreignKeys));
  db.pragma(POSTURE_PRAGMAS.trustedSchema(POSTURE.trustedSchema));
  db.pragma(POSTURE_PRAGMAS.cellSizeCheck(POSTURE.cellSizeCheck));
  db.pragma(POSTURE_PRAGMAS.journalSizeLimit(POSTURE.journalSizeLimitBytes));

  const read = (name: string): unknown => db.pragma(name, { simple: true });
  const expected: [string, unknown, unknown][] = [
    ['journal_mode', String(read(POSTURE_PRAGMAS.read.journalMode)).toLowerCase(), POSTURE.journalMode],
    ['synchronous', Number(read(POSTURE_PRAGMAS.read.synchronous)), POSTURE.synchronous],
    ['foreign_keys', Number(read(POSTURE_PRAGMAS.read.foreignKeys)), POSTURE.foreignKeys],
    ['trusted_schema', Number(read(POSTURE_PRAGMAS.read.trustedSchema)), POSTURE.trustedSchema],
    ['cell_size_check', Number(read(POSTURE_PRAGMAS.read.cellSizeCheck)), POSTURE.cellSizeCheck],
  ];
  const wrong = expected.filter(([, actual, wanted]) => actual !== wanted).map(([name]) => name);
  if (wrong.length > 0) {
    db.close();
    throw new Error(`benchmark connection posture differs from db-core's: ${wrong.join(', ')}`);
  }
  return db;
}
