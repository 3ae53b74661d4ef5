/**
 * SQL of the migration engine: the tracking table and the schema probes. The tracking table
 * keeps the previous app's shape (`version`, `applied_at`); `checksum` is this platform's
 * addition, nullable so the previous app's rows stay valid until they are back-filled.
 */
export const TRACKING_SQL = {
  tableExists: "SELECT 1 AS found FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'",
  columns: "SELECT name FROM pragma_table_info('schema_migrations')",
  create:
    'CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, applied_at TEXT NOT NULL, checksum TEXT)',
  addChecksumColumn: 'ALTER TABLE schema_migrations ADD COLUMN checksum TEXT',
  /** Insertion order is rowid order: it tells the order migrations were recorded in. */
  rowsWithChecksum: 'SELECT version, applied_at, checksum FROM schema_migrations ORDER BY rowid',
  rowsWithoutChecksum: 'SELECT version, applied_at, NULL AS checksum FROM schema_migrations ORDER BY rowid',
  insert: 'INSERT INTO schema_migrations (version, applied_at, checksum) VALUES (?, ?, ?)',
  backfillChecksum: 'UPDATE schema_migrations SET checksum = ? WHERE version = ? AND checksum IS NULL',
} as const;

export const PROBE_SQL = {
  column: 'SELECT name, "notnull" AS not_null FROM pragma_table_info(?) WHERE name = ?',
  userTableCount: "SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
} as const;

/**
 * The foreign-key check around a table rebuild, and what each violation references. Table and
 * column names come from the database's own schema and are quoted; the rowid is bound.
 */
export const FOREIGN_KEY_SQL = {
  check: 'SELECT "table" AS tbl, rowid AS row_id, parent, fkid FROM pragma_foreign_key_check',
  childColumns: 'SELECT "from" AS name FROM pragma_foreign_key_list(?) WHERE id = ? ORDER BY seq',
  /** One text per row: the key values, each as an SQL literal (`quote`), so blobs and NULLs compare too. */
  childValues: (table: string, columns: readonly string[]): string =>
    `SELECT ${columns.length > 0 ? columns.map((c) => `quote(${quoteIdent(c)})`).join(" || ',' || ") : "''"} FROM ${quoteIdent(table)} WHERE rowid = ?`,
} as const;

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * The lock files' statements (the migration lock's, `tryExclusiveFileLock`'s): an exclusive lock
 * taken and released. A lock held for a whole process's life keeps its journal in memory, so a
 * holder killed while holding it leaves no `-journal` file beside the lock file.
 */
export const LOCK_SQL = {
  journalInMemory: 'journal_mode = MEMORY',
  acquire: 'BEGIN EXCLUSIVE',
  release: 'ROLLBACK',
} as const;
