import type BetterSqlite3 from 'better-sqlite3';
import { isCorruptionSignal } from './integrity';
import { TABLE_SQL } from './queries';
import { toRecoveryError } from './recovery-errors';
import { keyOf, TableLedger } from './table-ledger';
import { parentsFirst, readTableShape, type TableShape } from './table-shape';
import { readAroundDamage, scanWhole } from './tolerant-table-reader';

/** The tracking table: the rebuilt database keeps its own history, not the damaged file's. */
export const HISTORY_TABLE = 'schema_migrations';

export interface SalvageOptions {
  /** Copy the damaged file's `schema_migrations` too (a target built with the file's own schema). */
  readonly copyHistory: boolean;
  readonly statementBudget?: number;
  readonly onTable?: (table: string) => void;
}

/**
 * Copies every readable row of the damaged database into the target, table by table, parents
 * first, by column name: columns the target lacks are dropped, columns the source lacks get
 * their default. A row the target's constraints refuse (a duplicate, a missing required value)
 * is skipped; references are not checked here (foreign keys are off on the target) so that a
 * parent found later in a backup can still save its children; dangling ones are dealt with at
 * the end.
 *
 * Returns one ledger per target table.
 */
export function salvageRows(
  target: BetterSqlite3.Database,
  source: BetterSqlite3.Database | null,
  sourceTables: readonly string[],
  targetShapes: readonly TableShape[],
  options: SalvageOptions,
): Map<string, TableLedger> {
  const ledgers = new Map<string, TableLedger>();
  for (const shape of parentsFirst(targetShapes)) {
    if (shape.name === HISTORY_TABLE && !options.copyHistory) continue;
    const ledger = new TableLedger(shape.name);
    ledgers.set(shape.name, ledger);
    options.onTable?.(shape.name);
    const sourceShape = source && sourceTables.includes(shape.name) ? shapeOrNull(source, shape.name) : null;
    const columns = sourceShape ? shape.columns.map((c) => c.name).filter((c) => sourceShape.columns.some((s) => s.name === c)) : [];
    if (!source || !sourceShape || columns.length === 0) {
      ledger.missing = true;
      continue;
    }
    const keyAt = shape.primaryKey.map((k) => columns.indexOf(k));
    const hasKey = keyAt.length > 0 && keyAt.every((i) => i >= 0);
    const insert = target.prepare(TABLE_SQL.insertOrIgnore(shape.name, columns));
    const copyRow = (values: unknown[]): void => {
      insert.run(values);
      ledger.rowsRead += 1;
      if (hasKey) ledger.sourceKeys.add(keyOf(keyAt.map((i) => values[i])));
    };
    if (copyWhole(target, () => scanWhole(source, sourceShape, columns, copyRow))) continue;
    // Damaged: what the scan copied is discarded (rows of the damaged page itself may be
    // garbage) and the table is read again, around its damage.
    ledger.rowsRead = 0;
    ledger.sourceKeys.clear();
    const read = target.transaction(() => readAroundDamage(source, sourceShape, columns, copyRow, options.statementBudget))();
    ledger.damaged = true;
    ledger.budgetExhausted = read.budgetExhausted;
    const required = shape.columns.filter((c) => (c.notNull && !c.hasDefault) || c.pk > 0).map((c) => c.name);
    for (const values of read.unreadable.values()) {
      const keyValues = shape.primaryKey.map((k) => values[k]);
      if (shape.primaryKey.length > 0 && keyValues.every((v) => v !== undefined && v !== null)) ledger.indexKeys.add(keyOf(keyValues));
      if (required.length > 0 && required.every((c) => values[c] !== undefined && values[c] !== null)) {
        const row: Record<string, unknown> = {};
        for (const column of shape.columns) if (values[column.name] !== undefined) row[column.name] = values[column.name];
        ledger.partialRows.push(row);
      }
    }
  }
  return ledgers;
}

/**
 * Rows rebuilt from index entries, for keys that neither the damaged table nor the backup
 * gave: better a run without its audio link than no run. Inserted after the backup merge, so a
 * complete row always wins over a partial one.
 */
export function insertPartialRows(target: BetterSqlite3.Database, shape: TableShape, ledger: TableLedger): void {
  target.transaction(() => {
    for (const row of ledger.partialRows) {
      const columns = Object.keys(row);
      const result = target.prepare(TABLE_SQL.insertOrIgnore(shape.name, columns)).run(columns.map((c) => row[c]));
      if (result.changes > 0) {
        ledger.partialInserted += 1;
        ledger.partialKeys.add(keyOf(shape.primaryKey.map((k) => row[k])));
      }
    }
  })();
}

function shapeOrNull(db: BetterSqlite3.Database, table: string): TableShape | null {
  try {
    return readTableShape(db, table);
  } catch (error) {
    if (isCorruptionSignal(error)) return null;
    throw toRecoveryError(error, 'read the damaged schema');
  }
}

/** Thrown inside the fast path's transaction to roll it back. */
const DAMAGED = Symbol('damaged');

/** Runs the fast path in its own transaction; rolls it back and returns false when it met damage. */
function copyWhole(target: BetterSqlite3.Database, scan: () => boolean): boolean {
  try {
    target.transaction(() => {
      if (!scan()) throw DAMAGED;
    })();
    return true;
  } catch (error) {
    if (error === DAMAGED) return false;
    throw error;
  }
}
