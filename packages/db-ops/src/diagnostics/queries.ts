/** Read-only statements of the diagnostics. Table names come from the file's own schema, quoted. */
export const DIAGNOSTICS_SQL = {
  tableNames: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
  count: (table: string) => `SELECT count(*) AS n FROM "${table.replace(/"/g, '""')}"`,
  pageSize: 'page_size',
  pageCount: 'page_count',
  freelistCount: 'freelist_count',
} as const;
