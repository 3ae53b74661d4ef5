/** The tables of a freshly migrated database, to check that codegen saw every one of them. */
export const TABLE_NAMES_SQL = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
