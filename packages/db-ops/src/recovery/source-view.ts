import type Database from 'better-sqlite3';
import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { DbError, type DatabaseScope, MIGRATIONS } from '@lepupitre/db-core';
import { applyConnectionSettings, planMigrations, type MigrationPlan, SCOPE_SIGNATURE_TABLE, readHistory, openSqliteConnection } from '@lepupitre/db-core/internals';
import { withReader } from './file-probe';
import type { FreshSchema } from './fresh-schema';
import { checkIntegrity, isCorruptionSignal, type IntegrityVerdict } from './integrity';
import { RECOVERY_SQL } from './queries';
import { toRecoveryError } from './recovery-errors';
import { readHeader, rebuiltHeader } from './sqlite-header';
import { listTables } from './table-shape';

/**
 * One way of reading the damaged database: its file with its write-ahead log (what SQLite
 * would show), or its file alone (what the last checkpoint left). Always a private copy.
 */
export type ViewName = 'with-wal' | 'without-wal';

export type ViewHistory = { readonly plan: MigrationPlan } | { readonly refusal: DbError };

export interface SourceView {
  readonly name: ViewName;
  readonly path: string;
  /** Open read-only after repairs; null when the schema could not be read at all. */
  readonly db: Database.Database | null;
  /** The first error met opening the copy, before any repair. */
  readonly openError: unknown;
  /** Repairs made to the copy so that it could be read: stable words for the report. */
  readonly repairs: readonly string[];
  readonly integrity: IntegrityVerdict | null;
  /** The scope's signature table is there and the other scope's is not (or there are no tables). */
  readonly scopeOk: boolean;
  readonly history: ViewHistory | null;
  readonly tables: readonly string[];
}

/** Schema objects a repair is allowed to try before giving up on the rest. */
const MAX_SCHEMA_REPAIRS = 32;
const SCHEMA_ERROR = /malformed database schema \((.*?)\)/;

/**
 * Opens a copy for salvage, repairing what stands between SQLite and the rows, in the copy
 * only: a destroyed header is rebuilt from the page structure, and a schema entry that no
 * longer parses is rewritten from this app's own schema (when the copy's history says it is
 * at the current version, so the table's layout is known) or dropped (its rows then come from
 * a backup). Then the full integrity check, the scope and the history are read.
 */
export function openView(path: string, name: ViewName, scope: DatabaseScope, fresh: FreshSchema, hasWal: boolean): SourceView {
  const repairs: string[] = [];
  const bytes = statSync(path).size;
  const header = withReader(path, (read) => readHeader(read, bytes), { kind: 'foreign' as const, pageSize: null });
  if ((header.kind === 'zeroed' || header.kind === 'damaged') && header.pageSize !== null) {
    writeAt(path, 0, rebuiltHeader(header.pageSize, Math.floor(bytes / header.pageSize), hasWal));
    repairs.push('header-rebuilt');
  }

  let attempt = tryOpen(path);
  const openError = 'error' in attempt ? attempt.error : null;
  if ('error' in attempt && isSchemaError(attempt.error)) {
    repairs.push(...repairSchema(path, scope, fresh, attempt.error));
    attempt = tryOpen(path);
  }
  if ('error' in attempt && repairs.length === 0) {
    // The schema b-tree itself is damaged (a page of it lost): read the part that loads.
    const partial = tryOpenPartialSchema(path);
    if (partial) {
      attempt = { db: partial };
      repairs.push('schema-partly-read');
    }
  }
  if ('error' in attempt) {
    return { name, path, db: null, openError: openError ?? attempt.error, repairs, integrity: null, scopeOk: false, history: null, tables: [] };
  }
  const db = attempt.db;
  const integrity = checkIntegrity(db, 'full');
  let tables: string[] = [];
  let history: ViewHistory | null = null;
  try {
    tables = listTables(db);
    history = readViewHistory(db, scope);
  } catch (error) {
    if (!isCorruptionSignal(error)) throw toRecoveryError(error, 'read the damaged database');
  }
  return { name, path, db, openError, repairs, integrity, scopeOk: scopeHolds(tables, scope), history, tables };
}

export function closeView(view: SourceView | null): void {
  view?.db?.close();
}

/** Whole and of this scope: nothing to recover from, or the view to recover from. */
export function isSound(view: SourceView | null): boolean {
  return view !== null && view.db !== null && view.integrity?.ok === true && view.scopeOk;
}

function readViewHistory(db: Database.Database, scope: DatabaseScope): ViewHistory {
  try {
    return { plan: planMigrations(scope, MIGRATIONS[scope], readHistory(db)) };
  } catch (error) {
    if (error instanceof DbError) return { refusal: error };
    throw error;
  }
}

function scopeHolds(tables: readonly string[], scope: DatabaseScope): boolean {
  if (tables.length === 0) return true;
  const other = SCOPE_SIGNATURE_TABLE[scope === 'global' ? 'profile' : 'global'];
  return tables.includes(SCOPE_SIGNATURE_TABLE[scope]) && !tables.includes(other);
}

/** An open that met damage returns the error SQLite raised; anything else is raised, typed. */
type OpenAttempt = { readonly db: Database.Database } | { readonly error: unknown };

function tryOpen(path: string): OpenAttempt {
  let db: Database.Database | undefined;
  try {
    db = openSqliteConnection(path, { readonly: true, fileMustExist: true });
    applyConnectionSettings(db, 1000);
    db.prepare(RECOVERY_SQL.touchSchema).get();
    return { db };
  } catch (error) {
    db?.close();
    if (isCorruptionSignal(error)) return { error };
    throw toRecoveryError(error, 'open the damaged database');
  }
}

/**
 * With `writable_schema` (and defensive mode off), SQLite keeps whatever part of the schema it
 * could load before hitting damage, instead of refusing everything; the first statement still
 * reports the error, the next ones see the part that loaded. Null when nothing loads.
 */
function tryOpenPartialSchema(path: string): Database.Database | null {
  let db: Database.Database | undefined;
  try {
    db = openSqliteConnection(path, { readonly: true, fileMustExist: true });
    db.unsafeMode(true);
    db.pragma(RECOVERY_SQL.writableSchemaOn);
    for (let attempt = 0; ; attempt++) {
      try {
        if (listTables(db).length === 0) break;
        applyConnectionSettings(db, 1000);
        return db;
      } catch (error) {
        if (!isCorruptionSignal(error) || attempt >= 2) break;
      }
    }
  } catch (error) {
    if (!isCorruptionSignal(error)) throw toRecoveryError(error, 'open the damaged database');
  }
  db?.close();
  return null;
}

/**
 * Errors are recognised by shape, not `instanceof`: the driver's error class may come from
 * another realm (a test runner's module registry), where `instanceof Error` is false.
 */
function isSchemaError(error: unknown): boolean {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' && SCHEMA_ERROR.test(message);
}

/**
 * Lets SQLite load what it can of a schema with bad entries (`writable_schema` with defensive
 * mode off: the bad entry is skipped instead of failing everything), then fixes the entry the
 * error names, one at a time.
 */
function repairSchema(path: string, scope: DatabaseScope, fresh: FreshSchema, first: unknown): string[] {
  const repairs: string[] = [];
  let error: unknown = first;
  for (let attempt = 0; attempt < MAX_SCHEMA_REPAIRS && error; attempt++) {
    const name = SCHEMA_ERROR.exec(String((error as { message?: unknown }).message))?.[1];
    if (name === undefined) break;
    const fixed = fixSchemaEntry(path, scope, fresh, name);
    if (fixed.length === 0) break;
    repairs.push(...fixed);
    const reopened = tryOpen(path);
    if ('db' in reopened) {
      reopened.db.close();
      error = null;
    } else {
      error = isSchemaError(reopened.error) ? reopened.error : null;
    }
  }
  return repairs;
}

function fixSchemaEntry(path: string, scope: DatabaseScope, fresh: FreshSchema, name: string): string[] {
  const db = openSqliteConnection(path, { fileMustExist: true });
  try {
    db.unsafeMode(true);
    db.pragma(RECOVERY_SQL.writableSchemaOn);
    const rows = schemaRows(db).filter((row) => row.name === name);
    if (rows.length === 0) return [];
    const current = historyIsCurrent(db, scope);
    const fixes: string[] = [];
    for (const row of rows) {
      const sql = fresh.sqlOf(row.type, row.name);
      if (row.type === 'table' && current && sql !== undefined) {
        db.prepare(RECOVERY_SQL.setSchemaSql).run(sql, row.id);
        fixes.push('schema-entry-rewritten');
      } else {
        db.prepare(RECOVERY_SQL.deleteSchemaRow).run(row.id);
        fixes.push('schema-entry-dropped');
      }
    }
    return fixes;
  } catch (error) {
    if (isCorruptionSignal(error)) return [];
    throw toRecoveryError(error, 'repair the damaged schema');
  } finally {
    db.close();
  }
}

interface SchemaRow {
  readonly id: number;
  readonly type: string;
  readonly name: string;
}

/** With `writable_schema`, the first statement still reports the error; the next one works. */
function schemaRows(db: Database.Database): SchemaRow[] {
  for (let attempt = 0; ; attempt++) {
    try {
      return db.prepare(RECOVERY_SQL.schemaRows).all() as SchemaRow[];
    } catch (error) {
      if (attempt >= 2) throw error;
    }
  }
}

function historyIsCurrent(db: Database.Database, scope: DatabaseScope): boolean {
  try {
    const plan = planMigrations(scope, MIGRATIONS[scope], readHistory(db));
    return plan.state === 'tracked' && plan.pending.length === 0;
  } catch {
    return false;
  }
}

function writeAt(path: string, offset: number, bytes: Buffer): void {
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, bytes, 0, bytes.length, offset);
  } finally {
    closeSync(fd);
  }
}
