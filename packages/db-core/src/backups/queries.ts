/** Statements of the backup, verification and restore code. Paths are always bound values. */
export const BACKUP_SQL = {
  integrityCheck: 'PRAGMA integrity_check',
  foreignKeyCheck: 'PRAGMA foreign_key_check',
  /** A backup is one self-contained file: no -wal companion is needed to read it. */
  rollbackJournal: 'PRAGMA journal_mode = DELETE',
} as const;
