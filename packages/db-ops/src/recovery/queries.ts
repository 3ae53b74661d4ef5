/**
 * SQL of corruption handling. Table, column and index names come from the databases' own
 * schemas (never from input) and are always quoted; values are always bound.
 */

/** A quoted SQL identifier: `"name"`, inner quotes doubled. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function columnList(columns: readonly string[]): string {
  return columns.map(quoteIdent).join(', ');
}

export const RECOVERY_SQL = {
  /** At most `limit` problems are listed before the check stops. */
  integrityCheck: (limit: number) => `PRAGMA integrity_check(${Math.trunc(limit)})`,
  quickCheck: (limit: number) => `PRAGMA quick_check(${Math.trunc(limit)})`,
  foreignKeyCheck: 'SELECT "table" AS tbl, rowid AS rowId, parent, fkid FROM pragma_foreign_key_check',
  foreignKeysOff: 'foreign_keys = OFF',
  foreignKeysOn: 'foreign_keys = ON',
  writableSchemaOn: 'writable_schema = ON',
  /** Reading the schema table is what makes SQLite parse the whole schema. */
  touchSchema: 'SELECT count(*) AS n FROM sqlite_master',
  schemaRows: 'SELECT rowid AS id, type, name, tbl_name AS tableName, rootpage, sql FROM sqlite_master ORDER BY rowid',
  setSchemaSql: 'UPDATE sqlite_master SET sql = ? WHERE rowid = ?',
  deleteSchemaRow: 'DELETE FROM sqlite_master WHERE rowid = ?',
  /** User tables and indexes with their statements, in creation order (indexes after their table). */
  schemaStatements:
    "SELECT type, name, tbl_name AS tableName, sql FROM sqlite_master WHERE type IN ('table', 'index') AND name NOT LIKE 'sqlite_%' AND sql IS NOT NULL ORDER BY rowid",
  /** Every named object of the main schema but SQLite's own (views and triggers included). */
  schemaObjects: "SELECT type, name, sql FROM main.sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY rowid",
  tableNames: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
  tableColumns: 'SELECT name, "notnull" AS required, dflt_value AS defaultValue, pk FROM pragma_table_info(?) ORDER BY cid',
  foreignKeys: 'SELECT id, seq, "table" AS parent, "from" AS fromColumn, on_delete AS onDelete FROM pragma_foreign_key_list(?) ORDER BY id, seq',
  indexList: 'SELECT name, "unique" AS isUnique, partial FROM pragma_index_list(?)',
  indexColumns: 'SELECT cid, name FROM pragma_index_info(?) ORDER BY seqno',
  withoutRowid: "SELECT 1 AS found FROM sqlite_master WHERE type = 'table' AND name = ? AND sql LIKE '%WITHOUT ROWID%'",
} as const;

/**
 * How SQLite writes the text of a stored table or index: it builds it as `CREATE TABLE ` or
 * `CREATE [UNIQUE] INDEX ` followed by the statement's text from the object's name on (a
 * `TEMP`, `IF NOT EXISTS` or schema prefix is never kept), and `ALTER TABLE` edits it in
 * place. After the name comes `(` for a table and `ON` for an index. Schema text read from a
 * file is accepted only in these shapes (`recovery/stored-schema.ts`).
 */
export const STORED_SCHEMA_SHAPES = {
  table: { prefixes: ['CREATE TABLE '], afterName: '(' },
  index: { prefixes: ['CREATE INDEX ', 'CREATE UNIQUE INDEX '], afterName: 'ON' },
} as const;

/** Statements built per table; identifiers quoted, values bound. */
export const TABLE_SQL = {
  /** Rows of a rowid range in rowid order; the rowid comes first. */
  rowRange: (table: string, columns: readonly string[]) =>
    `SELECT rowid, ${columnList(columns)} FROM ${quoteIdent(table)} WHERE rowid >= ? AND rowid <= ? ORDER BY rowid`,
  /** One row by rowid: a point lookup never steps onto a neighbouring page. */
  rowByRowid: (table: string, columns: readonly string[]) =>
    `SELECT rowid, ${columnList(columns)} FROM ${quoteIdent(table)} WHERE rowid = ?`,
  rowidsDescending: (table: string) => `SELECT rowid FROM ${quoteIdent(table)} ORDER BY rowid DESC`,
  /** Every row, for tables without rowids and for sound sources (backups). */
  allRows: (table: string, columns: readonly string[]) => `SELECT ${columnList(columns)} FROM ${quoteIdent(table)}`,
  /**
   * The entries of one index: its columns and the rowid, read from the index b-tree alone
   * (a covering read), so a damaged table b-tree does not stop it.
   */
  indexEntries: (table: string, index: string, columns: readonly string[], descending: boolean) =>
    `SELECT rowid, ${columnList(columns)} FROM ${quoteIdent(table)} INDEXED BY ${quoteIdent(index)} ` +
    `ORDER BY ${columns.map((c) => `${quoteIdent(c)}${descending ? ' DESC' : ''}`).join(', ')}`,
  insertOrIgnore: (table: string, columns: readonly string[]) =>
    `INSERT OR IGNORE INTO ${quoteIdent(table)} (${columnList(columns)}) VALUES (${columns.map(() => '?').join(', ')})`,
  keyValues: (table: string, keyColumns: readonly string[]) => `SELECT ${columnList(keyColumns)} FROM ${quoteIdent(table)}`,
  count: (table: string) => `SELECT count(*) AS n FROM ${quoteIdent(table)}`,
  setNull: (table: string, columns: readonly string[]) =>
    `UPDATE ${quoteIdent(table)} SET ${columns.map((c) => `${quoteIdent(c)} = NULL`).join(', ')} WHERE rowid = ?`,
  deleteByRowid: (table: string) => `DELETE FROM ${quoteIdent(table)} WHERE rowid = ?`,
} as const;
