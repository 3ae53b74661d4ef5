import type BetterSqlite3 from 'better-sqlite3';
import { sqliteCodeOf } from '@lepupitre/db-core/internals';
import { toRecoveryError } from './recovery-errors';
import { TABLE_SQL } from './queries';
import type { TableShape } from './table-shape';

const MIN_ROWID = -(2n ** 63n);
const MAX_ROWID = 2n ** 63n - 1n;

/** Statements one damaged table may cost before the rest of its damage is given up. */
export const DEFAULT_STATEMENT_BUDGET = 200_000;

export interface TolerantRead {
  readonly rowsRead: number;
  /** Some part of the table could not be read. */
  readonly damaged: boolean;
  /**
   * Rows that an intact index lists but the table b-tree could not give, with the column
   * values the indexes hold for them (keyed by rowid).
   */
  readonly unreadable: ReadonlyMap<bigint, Readonly<Record<string, unknown>>>;
  /** The statement budget ran out before every damaged range was narrowed down. */
  readonly budgetExhausted: boolean;
}

/** A row as read: values in the order of the requested columns. */
export type RowSink = (values: unknown[]) => void;

/**
 * The fast path: one scan in rowid order. Returns false at the first damaged page; the caller
 * then discards what it received and reads the table again with `readAroundDamage` (rows
 * read from a page that turned out to be damaged cannot be trusted).
 */
export function scanWhole(db: BetterSqlite3.Database, shape: TableShape, columns: readonly string[], onRow: RowSink): boolean {
  const sql = shape.withoutRowid ? TABLE_SQL.allRows(shape.name, columns) : TABLE_SQL.rowRange(shape.name, columns);
  const stmt = prepare(db, sql);
  try {
    const rows = (shape.withoutRowid ? stmt.iterate() : stmt.iterate(MIN_ROWID, MAX_ROWID)) as Iterable<unknown[]>;
    for (const row of rows) onRow(shape.withoutRowid ? row : row.slice(1));
    return true;
  } catch (error) {
    if (isReadDamage(error)) return false;
    throw toRecoveryError(error, 'read the damaged database');
  }
}

/**
 * Reads every row of a damaged table that can still be read, around its damaged pages.
 *
 * A range read that fails is resumed past the last good row, and a range that fails before
 * giving any row is cut in two, down to single rows, which are read by point lookups (a lookup
 * descends from the root and never steps onto a neighbouring leaf). Only the pages on a
 * damaged path are lost, not everything after them.
 *
 * Which rows exist comes first from the intact indexes, read from the index b-tree alone
 * (`INDEXED BY`, a covering read that never touches the table b-tree). When one index could
 * be read completely, its rowids are the list to fetch: the search is cut along that list
 * (never into empty rowid space), rows a damaged page invents are ignored, and every listed row
 * that cannot be fetched is counted, with the indexed column values kept. Without a complete
 * index, the search runs over the rowid range that the readable parts show, within a budget.
 */
export function readAroundDamage(
  db: BetterSqlite3.Database,
  shape: TableShape,
  columns: readonly string[],
  onRow: RowSink,
  budget: number = DEFAULT_STATEMENT_BUDGET,
): TolerantRead {
  if (shape.withoutRowid) return readWithoutRowid(db, shape, columns, onRow);
  const range = prepare(db, TABLE_SQL.rowRange(shape.name, columns));
  const point = prepare(db, TABLE_SQL.rowByRowid(shape.name, columns));
  const indexed = readIndexEntries(db, shape);
  const found = new Set<bigint>();
  let rowsRead = 0;
  let statements = 0;
  let budgetExhausted = false;
  const accept = indexed.complete ? (rowid: bigint) => indexed.entries.has(rowid) : () => true;
  let lowBound = MIN_ROWID;
  let highBound = MAX_ROWID;
  /** Passes a row on unless it is a duplicate or a row no complete index lists (invented by damage). */
  const emit = (row: unknown[]): bigint | null => {
    const rowid = row[0] as bigint;
    if (!accept(rowid) || rowid < lowBound || rowid > highBound) return null;
    if (!found.has(rowid)) {
      found.add(rowid);
      onRow(row.slice(1));
      rowsRead += 1;
    }
    return rowid;
  };
  /** Reads [a, b]; returns the last good rowid before a failure (null: none), undefined when it completed. */
  const readRange = (a: bigint, b: bigint): bigint | null | undefined => {
    statements += 1;
    let last: bigint | null = null;
    lowBound = a;
    highBound = b;
    try {
      if (a === b) {
        const row = point.get(a) as unknown[] | undefined;
        if (row) emit(row);
      } else {
        for (const row of range.iterate(a, b) as Iterable<unknown[]>) last = emit(row) ?? last;
      }
      return undefined;
    } catch (error) {
      if (!isReadDamage(error)) throw toRecoveryError(error, 'read a damaged table');
      return last;
    }
  };

  if (indexed.complete) {
    const listed = [...indexed.entries.keys()].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    const stack: [number, number][] = listed.length > 0 ? [[0, listed.length - 1]] : [];
    while (stack.length > 0) {
      if (statements >= budget) {
        budgetExhausted = true;
        break;
      }
      const [i, j] = stack.pop() as [number, number];
      const stoppedAt = readRange(listed[i] as bigint, listed[j] as bigint);
      if (stoppedAt === undefined || i === j) continue;
      const resume = stoppedAt === null ? i : firstAbove(listed, stoppedAt, i, j);
      if (resume > i) {
        if (resume <= j) stack.push([resume, j]);
        continue;
      }
      const mid = i + Math.floor((j - i) / 2);
      stack.push([mid + 1, j], [i, mid]);
    }
  } else {
    const highest = maxOf([...indexed.entries.keys()]) ?? largestRowid(db, shape);
    const lowest = minOf([1n, ...indexed.entries.keys()]);
    const stack: [bigint, bigint][] = highest !== null ? [[lowest, highest]] : [];
    while (stack.length > 0) {
      if (statements >= budget) {
        budgetExhausted = true;
        break;
      }
      const [a, b] = stack.pop() as [bigint, bigint];
      if (a > b) continue;
      const stoppedAt = readRange(a, b);
      if (stoppedAt === undefined || a === b) continue;
      if (stoppedAt !== null && stoppedAt >= a) {
        stack.push([stoppedAt + 1n, b]);
        continue;
      }
      const mid = a + (b - a) / 2n;
      stack.push([mid + 1n, b], [a, mid]);
    }
  }

  const unreadable = new Map<bigint, Readonly<Record<string, unknown>>>();
  for (const [rowid, values] of indexed.entries) if (!found.has(rowid)) unreadable.set(rowid, values);
  return { rowsRead, damaged: true, unreadable, budgetExhausted };
}

/** The position of the first listed rowid greater than `rowid`, within [i, j + 1]. */
function firstAbove(listed: readonly bigint[], rowid: bigint, i: number, j: number): number {
  let lo = i;
  let hi = j + 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((listed[mid] as bigint) <= rowid) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A table without rowids can only be scanned in key order: everything before the damage. */
function readWithoutRowid(db: BetterSqlite3.Database, shape: TableShape, columns: readonly string[], onRow: RowSink): TolerantRead {
  let rowsRead = 0;
  try {
    for (const row of prepare(db, TABLE_SQL.allRows(shape.name, columns)).iterate() as Iterable<unknown[]>) {
      onRow(row);
      rowsRead += 1;
    }
    return { rowsRead, damaged: false, unreadable: new Map(), budgetExhausted: false };
  } catch (error) {
    if (!isReadDamage(error)) throw toRecoveryError(error, 'read a damaged table');
    return { rowsRead, damaged: true, unreadable: new Map(), budgetExhausted: false };
  }
}

interface IndexEntries {
  /** rowid → indexed column values, from every readable index. */
  readonly entries: Map<bigint, Record<string, unknown>>;
  /** At least one index was read from end to end: its rowids are every row of the table. */
  readonly complete: boolean;
}

/**
 * The entries of the table's indexes: rowid → indexed column values. Each index is read
 * forwards, and backwards when the forward read hits damage, so entries on both sides of a
 * damaged index page are kept. Partial indexes list only some rows and are skipped.
 */
function readIndexEntries(db: BetterSqlite3.Database, shape: TableShape): IndexEntries {
  const entries = new Map<bigint, Record<string, unknown>>();
  let complete = false;
  for (const index of shape.indexes) {
    if (index.partial) continue;
    const seen = new Set<bigint>();
    for (const descending of [false, true]) {
      let whole = true;
      try {
        const stmt = prepare(db, TABLE_SQL.indexEntries(shape.name, index.name, index.columns, descending));
        for (const row of stmt.iterate() as Iterable<unknown[]>) {
          const rowid = row[0] as bigint;
          if (complete && !entries.has(rowid)) continue;
          seen.add(rowid);
          const values = entries.get(rowid) ?? {};
          index.columns.forEach((column, i) => (values[column] = row[i + 1]));
          entries.set(rowid, values);
        }
      } catch (error) {
        if (!isReadDamage(error) && !isNoPlan(error)) throw toRecoveryError(error, 'read an index');
        whole = false;
      }
      if (whole) {
        // Other indexes may list rowids this complete one does not: those are not rows.
        if (!complete) for (const rowid of [...entries.keys()]) if (!seen.has(rowid)) entries.delete(rowid);
        complete = true;
        break;
      }
    }
  }
  return { entries, complete };
}

function largestRowid(db: BetterSqlite3.Database, shape: TableShape): bigint | null {
  try {
    const row = prepare(db, TABLE_SQL.rowidsDescending(shape.name)).get() as unknown[] | undefined;
    return row ? (row[0] as bigint) : null;
  } catch (error) {
    if (!isReadDamage(error)) throw toRecoveryError(error, 'read a damaged table');
    return null;
  }
}

function prepare(db: BetterSqlite3.Database, sql: string): BetterSqlite3.Statement {
  return db.prepare(sql).raw(true).safeIntegers(true);
}

/** Damage met while reading: malformed pages, or a page beyond the end of a truncated file. */
export function isReadDamage(error: unknown): boolean {
  const code = sqliteCodeOf(error);
  return code !== undefined && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB' || code === 'SQLITE_IOERR_SHORT_READ');
}

/** `INDEXED BY` names an index the planner cannot use for this query. */
function isNoPlan(error: unknown): boolean {
  return sqliteCodeOf(error) === 'SQLITE_ERROR';
}

function maxOf(values: readonly (bigint | null)[]): bigint | null {
  let best: bigint | null = null;
  for (const v of values) if (v !== null && (best === null || v > best)) best = v;
  return best;
}

function minOf(values: readonly bigint[]): bigint {
  return values.reduce((a, b) => (b < a ? b : a));
}
