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
  foreignKeyCheck: 'SELECT "table" AS tbl, parent FROM pragma_foreign_key_check',
  userTableCount: "SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
} as const;

/** The companion lock file's only statements: an exclusive lock taken and released. */
export const LOCK_SQL = {
  acquire: 'BEGIN EXCLUSIVE',
  release: 'ROLLBACK',
} as const;
