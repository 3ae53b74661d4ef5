/** The tables of a freshly migrated database, to check that codegen saw every one of them. */
export const TABLE_NAMES_SQL = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";

/** The primary-key columns of one table, with their declared type, NOT NULL flag and default. */
export const KEY_COLUMNS_SQL =
  'SELECT name, type, "notnull" AS not_null, dflt_value AS default_value FROM pragma_table_xinfo(?) WHERE pk > 0 ORDER BY pk';
