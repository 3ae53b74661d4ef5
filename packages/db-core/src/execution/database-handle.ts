import type BetterSqlite3 from 'better-sqlite3';
import { POSTURE_SQL } from '../connection/queries';
import { DbError } from '../errors/db-error';
import { DbErrorCode } from '../errors/db-error-codes';
import { toDbError } from '../errors/sqlite-error-mapping';
import { WriteTransactions } from '../transactions/write-transaction';
import type { OpenSafeguards } from '../connection/open-safeguards';
import type { DatabaseScope } from './database-scope';
import type { PreparedQuery } from './prepared-query';
import { StatementCache } from './statement-cache';

export type { DatabaseScope };

export interface RunResult {
  readonly changes: number;
  readonly lastInsertRowid: number | bigint;
}

/**
 * One step of a flow, as seen by an observer: a statement about to run, a commit about to
 * happen, or a file operation of the artifact store. The fault-injection harness counts the
 * steps of a flow, then replays it failing at each one.
 */
export interface StepEvent {
  readonly kind: 'statement' | 'commit' | 'file';
  readonly detail: string;
}
export type StepObserver = (event: StepEvent) => void;

/** Arguments are omitted for queries that take none. */
type ArgsOf<P> = keyof P extends never ? [] : [args: P];

const rawConnections = new WeakMap<DatabaseHandle, BetterSqlite3.Database>();

/**
 * One open database: a better-sqlite3 connection with its posture applied and its
 * migrations current, its statement cache and its write-transaction helper.
 *
 * Everything is synchronous. Driver errors leave as typed DbErrors; errors thrown by callers
 * inside a transaction pass through untouched.
 */
export class DatabaseHandle {
  readonly scope: DatabaseScope;
  /**
   * The safeguards this database was opened with. Another database of the same data folder is
   * opened with the same ones: the workspace context opens profile databases through the global
   * handle it is given, and so never chooses (or forgets) the safeguards itself.
   */
  readonly safeguards: OpenSafeguards;
  readonly #statements: StatementCache;
  readonly #transactions: WriteTransactions;
  #closed = false;
  #observer: StepObserver | undefined;

  constructor(raw: BetterSqlite3.Database, scope: DatabaseScope, safeguards: OpenSafeguards) {
    rawConnections.set(this, raw);
    this.scope = scope;
    this.safeguards = safeguards;
    this.#statements = new StatementCache(raw);
    this.#transactions = new WriteTransactions(raw, () => this.#observer?.({ kind: 'commit', detail: 'commit' }));
  }

  get isOpen(): boolean {
    return !this.#closed;
  }

  get inTransaction(): boolean {
    return this.#transactions.depth > 0;
  }

  /** First row, or undefined. */
  get<P, R>(query: PreparedQuery<P, R>, ...args: ArgsOf<P>): R | undefined {
    const stmt = this.statementFor(query);
    try {
      return stmt.get(...query.bind(args[0] as P)) as R | undefined;
    } catch (error) {
      throw toDbError(error, 'query');
    }
  }

  all<P, R>(query: PreparedQuery<P, R>, ...args: ArgsOf<P>): R[] {
    const stmt = this.statementFor(query);
    try {
      return stmt.all(...query.bind(args[0] as P)) as R[];
    } catch (error) {
      throw toDbError(error, 'query');
    }
  }

  run<P, R>(query: PreparedQuery<P, R>, ...args: ArgsOf<P>): RunResult {
    const stmt = this.statementFor(query);
    try {
      return stmt.run(...query.bind(args[0] as P));
    } catch (error) {
      throw toDbError(error, 'write');
    }
  }

  /**
   * Runs `fn` in a write transaction (`BEGIN IMMEDIATE`); nested calls become savepoints.
   * Every multi-step write goes through here so that a failure at any step leaves nothing.
   */
  transaction<T>(fn: () => T): T {
    this.assertOpen();
    return this.#transactions.run(fn);
  }

  /**
   * Work outside the database that must be undone if the current transaction level rolls back
   * (a file written for a row that will not exist). Only inside `transaction`.
   */
  onRollback(fn: () => void): void {
    this.#transactions.onRollback(fn);
  }

  /**
   * Work that may only happen once the outermost transaction has committed (removing the file
   * of a deleted row). A failure there cannot undo the commit; diagnostics report what it left.
   */
  afterCommit(fn: () => void): void {
    this.#transactions.afterCommit(fn);
  }

  /**
   * Sets (or clears, with undefined) the observer of every step this handle performs. For the
   * fault-injection harness; production code never sets one.
   */
  observeSteps(observer: StepObserver | undefined): void {
    this.#observer = observer;
  }

  /** Reports a step performed outside SQLite (a file operation) to the observer. */
  reportStep(event: StepEvent): void {
    this.#observer?.(event);
  }

  /** Checkpoints the WAL into the main file and closes. Safe to call twice. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#statements.clear();
    const raw = rawConnections.get(this);
    if (!raw) return;
    try {
      if (!raw.readonly) raw.pragma(POSTURE_SQL.checkpointTruncate);
    } catch {
      // Another connection may hold a read lock; the next open or checkpoint finishes the job.
    }
    raw.close();
  }

  private statementFor(query: PreparedQuery<unknown, unknown>): BetterSqlite3.Statement {
    this.assertOpen();
    if (this.#observer) this.#observer({ kind: 'statement', detail: query.sql });
    try {
      return this.#statements.forQuery(query, query.sql);
    } catch (error) {
      throw toDbError(error, 'prepare');
    }
  }

  private assertOpen(): void {
    if (this.#closed) throw new DbError(DbErrorCode.CLOSED, 'the database connection is closed');
  }
}

/**
 * The driver connection behind a handle: for db-core's own modules and, through the engine room
 * (`internals.ts`), the operations package's backups and recovery; never for repositories.
 */
export function rawConnectionOf(handle: DatabaseHandle): BetterSqlite3.Database {
  const raw = rawConnections.get(handle);
  if (!raw || !handle.isOpen) throw new DbError(DbErrorCode.CLOSED, 'the database connection is closed');
  return raw;
}
