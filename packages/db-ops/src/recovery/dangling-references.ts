import type BetterSqlite3 from 'better-sqlite3';
import { RECOVERY_SQL, TABLE_SQL } from './queries';
import type { TableLedger } from './table-ledger';
import type { TableShape } from './table-shape';

/** Rounds of clean-up: removing a row can leave its own children dangling, a round deeper. */
const MAX_ROUNDS = 64;

/**
 * Makes the rebuilt database satisfy its foreign keys, the way migration 0007 normalised
 * orphans: a reference whose key is `ON DELETE SET NULL` and nullable is cleared and the row
 * kept (a run without its lost feedback); any other row that refers to a missing row is removed
 * (a note whose feedback is gone). Repeats until `foreign_key_check` is empty.
 */
export function resolveDanglingReferences(
  db: BetterSqlite3.Database,
  shapes: readonly TableShape[],
  ledgers: ReadonlyMap<string, TableLedger>,
): void {
  const byName = new Map(shapes.map((s) => [s.name, s] as const));
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const violations = db.prepare(RECOVERY_SQL.foreignKeyCheck).all() as { tbl: string; rowId: number | null; fkid: number }[];
    if (violations.length === 0) return;
    db.transaction(() => {
      for (const violation of violations) {
        if (violation.rowId === null) continue;
        const shape = byName.get(violation.tbl);
        const fk = shape?.foreignKeys.find((f) => f.id === violation.fkid);
        if (!shape || !fk) continue;
        const nullable = fk.columns.every((c) => !shape.columns.find((col) => col.name === c)?.notNull);
        if (fk.onDelete.toUpperCase() === 'SET NULL' && nullable) {
          db.prepare(TABLE_SQL.setNull(shape.name, fk.columns)).run(violation.rowId);
          const ledger = ledgers.get(shape.name);
          if (ledger) ledger.unlinked += 1;
        } else {
          db.prepare(TABLE_SQL.deleteByRowid(shape.name)).run(violation.rowId);
        }
      }
    })();
  }
}
