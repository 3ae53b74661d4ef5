import type Database from 'better-sqlite3';
import { BASELINE_SQL } from './queries';

/**
 * What a careful hand-written write transaction does on a baseline connection: BEGIN IMMEDIATE,
 * COMMIT and ROLLBACK prepared once, rollback on error, the error passed on unchanged.
 */
export function preparedWriteTransaction(db: Database.Database): <T>(fn: () => T) => T {
  const begin = db.prepare(BASELINE_SQL.beginImmediate);
  const commit = db.prepare(BASELINE_SQL.commit);
  const rollback = db.prepare(BASELINE_SQL.rollback);
  return <T>(fn: () => T): T => {
    begin.run();
    try {
      const result = fn();
      commit.run();
      return result;
    } catch (error) {
      if (db.inTransaction) rollback.run();
      throw error;
    }
  };
}
