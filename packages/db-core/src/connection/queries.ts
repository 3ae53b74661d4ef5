/**
 * Pragma statements of the connection posture. Values are constants of this module, never
 * input.
 */
export const POSTURE_SQL = {
  setJournalModeWal: 'journal_mode = WAL',
  setSynchronousNormal: 'synchronous = NORMAL',
  setForeignKeys: (on: boolean) => `foreign_keys = ${on ? 'ON' : 'OFF'}`,
  setBusyTimeout: (ms: number) => `busy_timeout = ${Math.trunc(ms)}`,
  setTrustedSchemaOff: 'trusted_schema = OFF',
  setCellSizeCheckOn: 'cell_size_check = ON',
  setJournalSizeLimit: (bytes: number) => `journal_size_limit = ${Math.trunc(bytes)}`,
  journalMode: 'journal_mode',
  synchronous: 'synchronous',
  foreignKeys: 'foreign_keys',
  busyTimeout: 'busy_timeout',
  trustedSchema: 'trusted_schema',
  cellSizeCheck: 'cell_size_check',
  journalSizeLimit: 'journal_size_limit',
  /** On close: the WAL folded into the main file and truncated, so the file is complete alone. */
  checkpointTruncate: 'wal_checkpoint(TRUNCATE)',
} as const;

export const INSPECT_SQL = {
  userObjectCount: "SELECT count(*) AS n FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'",
  tableNames: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
} as const;

/** The pre-migration copy: one read transaction, so the copy is consistent while others write. */
export const SNAPSHOT_SQL = {
  vacuumInto: 'VACUUM INTO ?',
} as const;
