/** Statements of the backup, verification and restore code. Paths are always bound values. */
export const BACKUP_SQL = {
  integrityCheck: 'PRAGMA integrity_check',
  foreignKeyCheck: 'PRAGMA foreign_key_check',
  /** A backup is one self-contained file: no -wal companion is needed to read it. */
  rollbackJournal: 'PRAGMA journal_mode = DELETE',
  exclusiveLocking: 'PRAGMA locking_mode = EXCLUSIVE',
  /** Any read: it makes the connection take the file lock its locking mode asks for. */
  touch: 'SELECT count(*) FROM sqlite_master',
} as const;
