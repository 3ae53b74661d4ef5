import type BetterSqlite3 from 'better-sqlite3';
import { TABLE_SQL } from './queries';
import { keyOf, type TableLedger } from './table-ledger';
import { listTables, parentsFirst, readTableShape, type TableShape } from './table-shape';

/**
 * Adds the backup's rows to the tables the salvage could not read completely, for keys the
 * salvage did not recover: a row the damaged file gave is never replaced by an older copy.
 * Tables that were read completely take nothing from the backup: their rows are the newest
 * truth, and rows deleted since the backup stay deleted.
 */
export function mergeBackupRows(
  target: BetterSqlite3.Database,
  backup: BetterSqlite3.Database,
  targetShapes: readonly TableShape[],
  ledgers: ReadonlyMap<string, TableLedger>,
  onTable?: (table: string) => void,
): void {
  const backupTables = listTables(backup);
  for (const shape of parentsFirst(targetShapes)) {
    const ledger = ledgers.get(shape.name);
    if (!ledger?.needsBackup || !backupTables.includes(shape.name)) continue;
    onTable?.(shape.name);
    const backupShape = readTableShape(backup, shape.name);
    const columns = shape.columns.map((c) => c.name).filter((c) => backupShape.columns.some((b) => b.name === c));
    if (columns.length === 0) continue;
    const keyAt = shape.primaryKey.map((k) => columns.indexOf(k));
    const hasKey = keyAt.length > 0 && keyAt.every((i) => i >= 0);
    const insert = target.prepare(TABLE_SQL.insertOrIgnore(shape.name, columns));
    const rows = backup.prepare(TABLE_SQL.allRows(shape.name, columns)).raw(true).safeIntegers(true);
    target.transaction(() => {
      for (const values of rows.iterate() as Iterable<unknown[]>) {
        if (insert.run(values).changes === 0) continue;
        ledger.backupInserted += 1;
        if (hasKey) ledger.backupKeys.add(keyOf(keyAt.map((i) => values[i])));
      }
    })();
  }
}
