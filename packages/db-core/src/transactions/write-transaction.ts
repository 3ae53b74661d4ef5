import type BetterSqlite3 from 'better-sqlite3';
import { DbError } from '../errors/db-error';
import { DbErrorCode } from '../errors/db-error-codes';
import { toDbError } from '../errors/sqlite-error-mapping';
import { TRANSACTION_SQL } from './queries';

/** Work registered by a transaction level for its end: compensation, or follow-up after commit. */
interface Level {
  readonly onRollback: (() => void)[];
  readonly afterCommit: (() => void)[];
}

/**
 * Write transactions of one connection: `BEGIN IMMEDIATE` at the outermost level, savepoints
 * inside.
 *
 * IMMEDIATE takes the write lock up front. A deferred transaction that reads and then writes
 * can fail with SQLITE_BUSY under WAL whatever the busy timeout, because its snapshot may be
 * stale by the time it wants to write; taking the lock first makes the busy timeout apply.
 *
 * The error that caused a rollback is the one that surfaces. A failure of the rollback itself
 * is attached to it as `rollbackError`, failures of compensations as `compensationErrors`.
 *
 * Work outside SQLite (files) joins a transaction through `onRollback` (undo it if the level
 * rolls back) and `afterCommit` (do it only once the outermost transaction has committed).
 * A released savepoint hands both lists to its parent, so a compensation runs whenever the
 * work it undoes is rolled back, at whatever level.
 */
export class WriteTransactions {
  readonly #levels: Level[] = [];

  /** `beforeCommit` lets an observer count (and fail) the commit as one step of a flow. */
  constructor(
    private readonly db: BetterSqlite3.Database,
    private readonly beforeCommit: () => void = () => undefined,
  ) {}

  get depth(): number {
    return this.#levels.length;
  }

  onRollback(fn: () => void): void {
    this.current('onRollback').onRollback.push(fn);
  }

  afterCommit(fn: () => void): void {
    this.current('afterCommit').afterCommit.push(fn);
  }

  run<T>(fn: () => T): T {
    const depth = this.#levels.length;
    const savepoint = `lp_sp_${depth}`;
    try {
      this.db.exec(depth === 0 ? TRANSACTION_SQL.beginImmediate : TRANSACTION_SQL.savepoint(savepoint));
    } catch (error) {
      throw toDbError(error, 'begin transaction');
    }
    const level: Level = { onRollback: [], afterCommit: [] };
    this.#levels.push(level);
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
      this.abandon(level, depth, savepoint, error);
      throw error;
    }
    if (depth === 0) {
      try {
        this.beforeCommit();
      } catch (error) {
        this.abandon(level, depth, savepoint, error);
        throw error;
      }
    }
    try {
      this.db.exec(depth === 0 ? TRANSACTION_SQL.commit : TRANSACTION_SQL.release(savepoint));
    } catch (error) {
      const mapped = toDbError(error, 'commit');
      this.abandon(level, depth, savepoint, mapped);
      throw mapped;
    }
    this.#levels.pop();
    const parent = this.#levels.at(-1);
    if (parent) {
      parent.onRollback.push(...level.onRollback);
      parent.afterCommit.push(...level.afterCommit);
    } else {
      runQuietly(level.afterCommit);
    }
    return result;
  }

  private abandon(level: Level, depth: number, savepoint: string, cause: unknown): void {
    this.#levels.pop();
    this.rollback(depth, savepoint, cause);
    const failures = runQuietly([...level.onRollback].reverse());
    if (failures.length > 0) attach(cause, 'compensationErrors', failures);
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
      attach(cause, 'rollbackError', rollbackError);
    }
  }

  private current(what: string): Level {
    const level = this.#levels.at(-1);
    if (!level) {
      throw new DbError(DbErrorCode.NOT_IN_TRANSACTION, `${what} is only possible inside a write transaction`);
    }
    return level;
  }
}

/**
 * Runs every callback even when some fail: a compensation that fails must not stop the others,
 * and work after a commit cannot undo the commit. Returns the failures.
 */
function runQuietly(callbacks: readonly (() => void)[]): unknown[] {
  const failures: unknown[] = [];
  for (const callback of callbacks) {
    try {
      callback();
    } catch (error) {
      failures.push(error);
    }
  }
  return failures;
}

function attach(target: unknown, key: string, value: unknown): void {
  if (typeof target === 'object' && target !== null) {
    Object.defineProperty(target, key, { value, enumerable: false, configurable: true });
  }
}

function isPromiseLike(value: unknown): boolean {
  return (
    typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function'
  );
}
