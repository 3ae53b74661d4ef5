import Database from 'better-sqlite3';
import { KEY_COLUMNS_SQL } from './queries';

interface KeyColumn {
  readonly name: string;
  readonly type: string;
  readonly not_null: number;
  readonly default_value: string | null;
}

/**
 * kysely-codegen `overrides` that type every TEXT primary-key column as `string`, read from the
 * migrated database itself (`PRAGMA table_xinfo`), so a new table's key needs no list to keep.
 *
 * kysely-codegen types these columns `string | null` because SQLite, for compatibility with a
 * bug of its early versions, lets a PRIMARY KEY that is not an INTEGER rowid hold NULL unless
 * the column says NOT NULL, and the previous app's tables, which the migrations keep, never said
 * it. The rows are stricter than that declaration: every writer of this app supplies the key (an
 * id from `newId`, a quest code, a settings key), and neither the migrations nor recovery make
 * one NULL (both copy keys as they find them; recovery rebuilds a row from an index entry only
 * when its key is known). A NULL key can therefore only be one an earlier app left in a file:
 * the known case is a global `profiles` row, which the global migrations keep as the user's row.
 * Reads stay correct because a lookup by key (`= ?`) never matches NULL and the queries that
 * list profiles leave such a row out in SQL (`id IS NOT NULL`). Typed this way, an insert must
 * give the key and a read needs no cast.
 */
export function textKeyOverrides(file: string, tables: readonly string[]): Record<string, string> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const keyColumns = db.prepare(KEY_COLUMNS_SQL);
    const overrides: Record<string, string> = {};
    for (const table of tables) {
      for (const column of keyColumns.all(table) as KeyColumn[]) {
        if (column.not_null === 1 || !hasTextAffinity(column.type)) continue;
        overrides[`${table}.${column.name}`] = column.default_value === null ? 'string' : 'Generated<string>';
      }
    }
    return overrides;
  } finally {
    db.close();
  }
}

/** SQLite's first two affinity rules: a declared type containing INT is INTEGER, then CHAR, CLOB or TEXT is TEXT. */
export function hasTextAffinity(declaredType: string): boolean {
  const type = declaredType.toUpperCase();
  return !type.includes('INT') && /CHAR|CLOB|TEXT/.test(type);
}
