import type BetterSqlite3 from 'better-sqlite3';
import { TABLE_SQL } from './queries';
import type { TableShape } from './table-shape';

/**
 * What recovery knows about one table while it works, by primary key: which rows the damaged
 * file gave, which rows its indexes say existed, which came from the backup or were rebuilt
 * from index entries. Keys, never contents, and only in memory.
 */
export class TableLedger {
  readonly table: string;
  rowsRead = 0;
  /** Part of the table could not be read. */
  damaged = false;
  /** The table could not be read at all (absent from the readable schema). */
  missing = false;
  budgetExhausted = false;
  readonly sourceKeys = new Set<string>();
  readonly indexKeys = new Set<string>();
  readonly backupKeys = new Set<string>();
  readonly partialKeys = new Set<string>();
  /** Rows the table b-tree lost but the indexes hold every required column of. */
  readonly partialRows: Record<string, unknown>[] = [];
  unlinked = 0;
  backupInserted = 0;
  partialInserted = 0;

  constructor(table: string) {
    this.table = table;
  }

  get needsBackup(): boolean {
    return this.damaged || this.missing;
  }
}

/** Per-table figures of a recovery report: counts only. */
export interface TableOutcome {
  readonly table: string;
  /** Rows of the damaged file that are in the result. */
  readonly salvaged: number;
  /** Rows the result took from the backup, for keys the salvage did not recover. */
  readonly fromBackup: number;
  /** Rows rebuilt from index entries (their other columns empty), for keys nothing else had. */
  readonly partial: number;
  /** Rows known to have existed in the damaged file that are not in the result. */
  readonly lost: number;
  /** References to rows that are gone, cleared (set to null) so the row itself could stay. */
  readonly unlinked: number;
  /** Part of the table could not be read: there may be losses no index could count. */
  readonly damaged: boolean;
}

/** A primary key as a string; integers (read as BigInt) and text never collide. */
export function keyOf(values: readonly unknown[]): string {
  return values
    .map((v) => {
      if (typeof v === 'bigint') return `i${v}`;
      if (typeof v === 'number') return Number.isInteger(v) ? `i${v}` : `r${v}`;
      if (typeof v === 'string') return `s${v}`;
      if (v === null || v === undefined) return 'n';
      if (Buffer.isBuffer(v)) return `b${v.toString('hex')}`;
      return `o${String(v)}`;
    })
    .join('\u0000');
}

/** Final figures, read against the rebuilt database. */
export function tableOutcome(result: BetterSqlite3.Database, shape: TableShape, ledger: TableLedger): TableOutcome {
  const unlinked = ledger.unlinked;
  const damaged = ledger.needsBackup;
  if (shape.primaryKey.length === 0) {
    const total = Number(result.prepare(TABLE_SQL.count(shape.name)).pluck().get());
    const salvaged = Math.max(0, total - ledger.backupInserted - ledger.partialInserted);
    return {
      table: shape.name,
      salvaged,
      fromBackup: ledger.backupInserted,
      partial: ledger.partialInserted,
      lost: Math.max(0, ledger.rowsRead - salvaged),
      unlinked,
      damaged,
    };
  }
  const present = new Set<string>();
  const stmt = result.prepare(TABLE_SQL.keyValues(shape.name, shape.primaryKey)).raw(true).safeIntegers(true);
  for (const row of stmt.iterate() as Iterable<unknown[]>) present.add(keyOf(row));
  const countIn = (keys: ReadonlySet<string>): number => [...keys].filter((k) => present.has(k)).length;
  let lost = 0;
  for (const key of ledger.sourceKeys) if (!present.has(key)) lost += 1;
  for (const key of ledger.indexKeys) if (!present.has(key) && !ledger.sourceKeys.has(key)) lost += 1;
  return {
    table: shape.name,
    salvaged: countIn(ledger.sourceKeys),
    fromBackup: countIn(ledger.backupKeys),
    partial: countIn(ledger.partialKeys),
    lost,
    unlinked,
    damaged,
  };
}
