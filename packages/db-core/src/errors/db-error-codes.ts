/**
 * Platform error codes raised by db-core. UPPER_SNAKE marks them as the platform's own, apart
 * from the lowercase domain codes inherited from the previous app.
 */
export const DbErrorCode = {
  /** A posture pragma did not read back as applied. */
  POSTURE_MISMATCH: 'DB_POSTURE_MISMATCH',
  /** The path names a directory, not a database file. */
  PATH_IS_DIRECTORY: 'DB_PATH_IS_DIRECTORY',
  /** The file exists but is not an SQLite database. */
  NOT_A_DATABASE: 'DB_NOT_A_DATABASE',
  /** SQLite reported a malformed database image. */
  CORRUPT: 'DB_CORRUPT',
  /** The file or its folder cannot be opened or created (permissions, missing parent). */
  CANT_OPEN: 'DB_CANT_OPEN',
  /** Another connection held a lock longer than the busy timeout. */
  BUSY: 'DB_BUSY',
  /** The disk or the file system quota is full. */
  DISK_FULL: 'DB_DISK_FULL',
  /** The database or its folder is read-only. */
  READ_ONLY: 'DB_READ_ONLY',
  /** A low-level I/O error. */
  IO: 'DB_IO',
  /** A constraint (unique, foreign key, not null, check) refused a write. */
  CONSTRAINT: 'DB_CONSTRAINT',
  /** Any other SQLite failure. */
  SQL: 'DB_SQL_ERROR',
  /** The file does not carry the expected scope's schema. */
  SCOPE_MISMATCH: 'DB_SCOPE_MISMATCH',
  /** A transaction callback returned a promise: transactions are synchronous. */
  ASYNC_TRANSACTION: 'DB_ASYNC_TRANSACTION',
  /** Transaction-bound work (compensation, after-commit) was registered outside a transaction. */
  NOT_IN_TRANSACTION: 'DB_NOT_IN_TRANSACTION',
  /** A fault injected by a test harness at a counted step. */
  INJECTED_FAULT: 'DB_INJECTED_FAULT',
  /** The connection was used after it was closed. */
  CLOSED: 'DB_CLOSED',
  /** The recorded history holds every known migration plus later ones. */
  NEWER_THAN_APP: 'DB_NEWER_THAN_APP',
  /** A known migration is missing before an applied one. */
  MIGRATION_GAP: 'MIGRATION_GAP',
  /** Migrations were recorded in an order that the history does not allow. */
  MIGRATION_ORDER: 'MIGRATION_ORDER',
  /** An unknown id stands where a known migration belongs. */
  MIGRATION_UNKNOWN: 'MIGRATION_UNKNOWN',
  /** A recorded migration's checksum differs from the migration this app ships. */
  MIGRATION_CHECKSUM_MISMATCH: 'MIGRATION_CHECKSUM_MISMATCH',
  /** A migration failed; its transaction was rolled back. */
  MIGRATION_FAILED: 'MIGRATION_FAILED',
  /** A table rebuild left foreign-key violations; its transaction was rolled back. */
  MIGRATION_FK_VIOLATION: 'MIGRATION_FK_VIOLATION',
  /** The pre-migration snapshot could not be written or did not verify; nothing was migrated. */
  SNAPSHOT_FAILED: 'DB_SNAPSHOT_FAILED',
  /** Corruption: nothing could be salvaged and no verified backup exists; the original is in quarantine. */
  RECOVERY_NO_SNAPSHOT: 'DB_RECOVERY_NO_SNAPSHOT',
  /** Corruption: the rebuilt database did not pass its checks; the original is in quarantine. */
  RECOVERY_FAILED: 'DB_RECOVERY_FAILED',
  /**
   * A schema entry of a damaged file is not one `CREATE TABLE` or `CREATE INDEX` statement as
   * SQLite writes it: it is never run. Recovery then salvages the rows into this app's schema.
   */
  RECOVERY_SCHEMA_REFUSED: 'DB_RECOVERY_SCHEMA_REFUSED',
  /** There is no database file to recover (restoring a backup is a separate operation). */
  RECOVERY_NO_DATABASE: 'DB_RECOVERY_NO_DATABASE',
  /** A backup could not be written or its copy did not verify; no backup was added. */
  BACKUP_FAILED: 'DB_BACKUP_FAILED',
  /** No backup of that name exists for this database (or the name is not a backup's). */
  BACKUP_NOT_FOUND: 'DB_BACKUP_NOT_FOUND',
  /** The chosen backup has no valid manifest, does not match it, or fails its integrity check. */
  BACKUP_UNVERIFIED: 'DB_BACKUP_UNVERIFIED',
  /** A restore failed after it started moving files; the current database was put back. */
  RESTORE_FAILED: 'DB_RESTORE_FAILED',
} as const;

export type DbErrorCode = (typeof DbErrorCode)[keyof typeof DbErrorCode];
