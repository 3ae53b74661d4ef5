import type BetterSqlite3 from 'better-sqlite3';
import { RECOVERY_SQL } from './queries';

export interface ColumnShape {
  readonly name: string;
  readonly notNull: boolean;
  readonly hasDefault: boolean;
  /** 1-based position in the primary key, 0 when not part of it. */
  readonly pk: number;
}

export interface ForeignKeyShape {
  /** The id `pragma_foreign_key_list` and `pragma_foreign_key_check` (fkid) give it. */
  readonly id: number;
  readonly parent: string;
  readonly columns: readonly string[];
  readonly onDelete: string;
}

export interface IndexShape {
  readonly name: string;
  /** Plain columns only; an index on an expression is not listed. */
  readonly columns: readonly string[];
  readonly partial: boolean;
}

/** What recovery needs to know of one table, read from the connection's schema. */
export interface TableShape {
  readonly name: string;
  readonly columns: readonly ColumnShape[];
  /** Primary-key columns in key order; empty when the table has none. */
  readonly primaryKey: readonly string[];
  readonly foreignKeys: readonly ForeignKeyShape[];
  readonly indexes: readonly IndexShape[];
  readonly withoutRowid: boolean;
}

export function listTables(db: BetterSqlite3.Database): string[] {
  return db.prepare(RECOVERY_SQL.tableNames).pluck().all() as string[];
}

export function readTableShape(db: BetterSqlite3.Database, name: string): TableShape {
  const columns = (
    db.prepare(RECOVERY_SQL.tableColumns).all(name) as { name: string; required: number; defaultValue: unknown; pk: number }[]
  ).map((c) => ({ name: c.name, notNull: c.required === 1, hasDefault: c.defaultValue !== null, pk: c.pk }));
  const primaryKey = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);

  const fkRows = db.prepare(RECOVERY_SQL.foreignKeys).all(name) as { id: number; parent: string; fromColumn: string; onDelete: string }[];
  const byId = new Map<number, { id: number; parent: string; columns: string[]; onDelete: string }>();
  for (const row of fkRows) {
    const fk = byId.get(row.id) ?? { id: row.id, parent: row.parent, columns: [], onDelete: row.onDelete };
    fk.columns.push(row.fromColumn);
    byId.set(row.id, fk);
  }

  const indexes: IndexShape[] = [];
  for (const index of db.prepare(RECOVERY_SQL.indexList).all(name) as { name: string; partial: number }[]) {
    const cols = db.prepare(RECOVERY_SQL.indexColumns).all(index.name) as { cid: number; name: string | null }[];
    if (cols.length === 0 || cols.some((c) => c.cid < 0 || c.name === null)) continue;
    indexes.push({ name: index.name, columns: cols.map((c) => c.name as string), partial: index.partial === 1 });
  }
  const withoutRowid = db.prepare(RECOVERY_SQL.withoutRowid).get(name) !== undefined;
  return { name, columns, primaryKey, foreignKeys: [...byId.values()], indexes, withoutRowid };
}

/**
 * Tables ordered parents first, so that a row is written after the rows it refers to. A cycle
 * (none in this app's schemas) falls back to name order for the tables caught in it.
 */
export function parentsFirst(shapes: readonly TableShape[]): TableShape[] {
  const byName = new Map(shapes.map((s) => [s.name, s] as const));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const ordered: TableShape[] = [];
  const visit = (shape: TableShape): void => {
    if (done.has(shape.name) || visiting.has(shape.name)) return;
    visiting.add(shape.name);
    for (const fk of shape.foreignKeys) {
      const parent = byName.get(fk.parent);
      if (parent && parent !== shape) visit(parent);
    }
    visiting.delete(shape.name);
    done.add(shape.name);
    ordered.push(shape);
  };
  [...shapes].sort((a, b) => a.name.localeCompare(b.name)).forEach(visit);
  return ordered;
}
