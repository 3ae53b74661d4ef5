import type BetterSqlite3 from 'better-sqlite3';
import { DbError } from '../errors/db-error';
import { DbErrorCode } from '../errors/db-error-codes';
import { toDbError } from '../errors/sqlite-error-mapping';
import { TRANSACTION_SQL } from './queries';

/**
 * Write transactions of one connection: `BEGIN IMMEDIATE` at the outermost level, savepoints
 * inside.
 *
 * IMMEDIATE takes the write lock up front. A deferred transaction that reads and then writes
 * can fail with SQLITE_BUSY under WAL whatever the busy timeout, because its snapshot may be
 * stale by the time it wants to write; taking the lock first makes the busy timeout apply.
 *
 * The error that caused a rollback is the one that surfaces. A failure of the rollback itself
 * is attached to it as `rollbackError` rather than replacing it.
 */
export class WriteTransactions {
  #depth = 0;

  constructor(private readonly db: BetterSqlite3.Database) {}

  get depth(): number {
    return this.#depth;
  }

  run<T>(fn: () => T): T {
    const depth = this.#depth;
    const savepoint = `lp_sp_${depth}`;
    try {
      this.db.exec(depth === 0 ? TRANSACTION_SQL.beginImmediate : TRANSACTION_SQL.savepoint(savepoint));
    } catch (error) {
      throw toDbError(error, 'begin transaction');
    }
    this.#depth = depth + 1;
    let result: T;
    try {
      result = fn();
      if (isPromiseLike(result)) {
        throw new DbError(
          DbErrorCode.ASYNC_TRANSACTION,
          'a transaction callback must be synchronous; it returned a promise',
        );
      }
    } catch (error) {
      this.#depth = depth;
      this.rollback(depth, savepoint, error);
      throw error;
    }
    this.#depth = depth;
    try {
      this.db.exec(depth === 0 ? TRANSACTION_SQL.commit : TRANSACTION_SQL.release(savepoint));
    } catch (error) {
      this.rollback(depth, savepoint, error);
      throw toDbError(error, 'commit');
    }
    return result;
  }

  private rollback(depth: number, savepoint: string, cause: unknown): void {
    // SQLite may already have rolled back on its own (SQLITE_FULL, SQLITE_IOERR, ...).
    if (!this.db.inTransaction) return;
    try {
      if (depth === 0) {
        this.db.exec(TRANSACTION_SQL.rollback);
      } else {
        this.db.exec(TRANSACTION_SQL.rollbackTo(savepoint));
        this.db.exec(TRANSACTION_SQL.release(savepoint));
      }
    } catch (rollbackError) {
      if (typeof cause === 'object' && cause !== null) {
        Object.defineProperty(cause, 'rollbackError', { value: rollbackError, enumerable: false });
      }
    }
  }
}

function isPromiseLike(value: unknown): boolean {
  return (
    typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function'
  );
}
