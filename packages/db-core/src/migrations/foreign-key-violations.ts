import type BetterSqlite3 from 'better-sqlite3';
import { FOREIGN_KEY_SQL } from './queries';

/** The violations of one child → parent reference that a migration left behind. */
export interface IntroducedViolations {
  readonly table: string;
  readonly parent: string;
  readonly count: number;
}

/**
 * The foreign-key violations of a whole database, counted by what they reference: child table,
 * parent table and the child's key values. Not by rowid: a table rebuild copies rows into a
 * new table, which numbers them afresh, so the same dangling reference has another rowid after
 * it. A child table without rowid cannot be read back by row: its violations are counted by
 * child and parent table only.
 */
export type ViolationCensus = ReadonlyMap<string, IntroducedViolations>;

interface CheckRow {
  readonly tbl: string;
  readonly row_id: number | bigint | null;
  readonly parent: string;
  readonly fkid: number;
}

export function foreignKeyViolationCensus(db: BetterSqlite3.Database): ViolationCensus {
  const census = new Map<string, IntroducedViolations>();
  const rows = db.prepare(FOREIGN_KEY_SQL.check).all() as CheckRow[];
  if (rows.length === 0) return census;
  const readers = new Map<string, BetterSqlite3.Statement>();
  for (const row of rows) {
    const key = [row.tbl, row.parent, referencedValues(db, readers, row)].join('\u0000');
    const seen = census.get(key);
    census.set(key, { table: row.tbl, parent: row.parent, count: (seen?.count ?? 0) + 1 });
  }
  return census;
}

/**
 * What `after` holds beyond `before`, grouped by child and parent table. A violation already
 * there before is not the migration's doing, wherever it is; one more of the same reference
 * is, and so is any on a table whose parent rows the migration removed.
 */
export function violationsIntroduced(before: ViolationCensus, after: ViolationCensus): IntroducedViolations[] {
  const introduced = new Map<string, IntroducedViolations>();
  for (const [key, now] of after) {
    const extra = now.count - (before.get(key)?.count ?? 0);
    if (extra <= 0) continue;
    const pair = `${now.table}->${now.parent}`;
    const seen = introduced.get(pair);
    introduced.set(pair, { table: now.table, parent: now.parent, count: (seen?.count ?? 0) + extra });
  }
  return [...introduced.values()];
}

function referencedValues(db: BetterSqlite3.Database, readers: Map<string, BetterSqlite3.Statement>, row: CheckRow): string {
  if (row.row_id === null) return '';
  const readerKey = `${row.tbl}\u0000${row.fkid}`;
  let reader = readers.get(readerKey);
  if (!reader) {
    const columns = (db.prepare(FOREIGN_KEY_SQL.childColumns).all(row.tbl, row.fkid) as { name: string }[]).map((c) => c.name);
    reader = db.prepare(FOREIGN_KEY_SQL.childValues(row.tbl, columns)).pluck();
    readers.set(readerKey, reader);
  }
  return String(reader.get(row.row_id) ?? '');
}
