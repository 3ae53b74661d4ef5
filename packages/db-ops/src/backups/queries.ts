/** Statements of the backup, verification and restore code. Paths are always bound values. */
export const BACKUP_SQL = {
  integrityCheck: 'PRAGMA integrity_check',
  foreignKeyCheck: 'PRAGMA foreign_key_check',
  /** A backup is one self-contained file: no -wal companion is needed to read it. */
  rollbackJournal: 'PRAGMA journal_mode = DELETE',
  /** Whether the copy has an `artifacts` table at all (a legacy file may predate it). */
  hasArtifactsTable: "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'artifacts'",
  /**
   * Every artifact row of a copy, with what its file must match: the files a profile backup
   * holds. A full scan is the point; by id so that the backup walks and reports them in a stable order.
   */
  artifactRows: 'SELECT id, local_relpath, sha256, bytes FROM artifacts ORDER BY id',
  /** Whether the live database still has an artifact row (a file missing during a backup). */
  artifactStillListed: 'SELECT 1 FROM artifacts WHERE id = ?',
} as const;
