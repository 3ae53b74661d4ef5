/**
 * SQL of the hand-written baseline. The statements mirror what Kysely compiles for the db-core
 * and Kysely implementations (same columns, same bound LIMIT), so that the comparison measures
 * the execution path and not a difference in the SQL that SQLite runs.
 */
export const BASELINE_SQL = {
  talkById: 'SELECT * FROM talk_projects WHERE id = ?',
  latestRunsOfTalk: 'SELECT * FROM runs WHERE project_id = ? ORDER BY created_at DESC, id DESC LIMIT ?',
  insertRun: 'INSERT INTO runs (id, project_id, created_at) VALUES (?, ?, ?)',
  beginImmediate: 'BEGIN IMMEDIATE',
  commit: 'COMMIT',
  rollback: 'ROLLBACK',
  /** A pragma, run through `db.pragma`. */
  checkpoint: 'wal_checkpoint(TRUNCATE)',
} as const;

/**
 * The per-connection part of db-core's posture, for the baseline and Kysely connections: a
 * foreign-key check or a different synchronous level would otherwise make one side cheaper.
 * Journal mode is a property of the file, already WAL once db-core has opened it.
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
