/**
 * The per-connection part of db-core's posture, for the connections a bench opens beside the
 * handle that built the data: a foreign-key check or a different synchronous level would
 * otherwise make one side cheaper. Journal mode is a property of the file, already WAL once
 * db-core has opened it.
 */
export const POSTURE_PRAGMAS = {
  busyTimeout: (ms: number) => `busy_timeout = ${Math.trunc(ms)}`,
  synchronous: (level: number) => `synchronous = ${Math.trunc(level)}`,
  foreignKeys: (flag: number) => `foreign_keys = ${flag ? 1 : 0}`,
  trustedSchema: (flag: number) => `trusted_schema = ${flag ? 1 : 0}`,
  cellSizeCheck: (flag: number) => `cell_size_check = ${flag ? 1 : 0}`,
  journalSizeLimit: (bytes: number) => `journal_size_limit = ${Math.trunc(bytes)}`,
  read: {
    journalMode: 'journal_mode',
    synchronous: 'synchronous',
    foreignKeys: 'foreign_keys',
    trustedSchema: 'trusted_schema',
    cellSizeCheck: 'cell_size_check',
  },
} as const;

/** Copies the whole WAL into the database file and empties it; run through `db.pragma`. */
export const CHECKPOINT_PRAGMA = 'wal_checkpoint(TRUNCATE)';
