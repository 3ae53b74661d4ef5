/**
 * db-core: the one way into a LePupitre database. Connection posture, typed query execution,
 * write transactions, the migration engine and its history, pre-migration snapshots.
 * Repositories import from here only; the driver connection is never handed out.
 */
export { openDatabase, type OpenDatabaseOptions, type OpenedDatabase, type OpenReport } from './connection/open-database';
export { POSTURE, MIN_BUSY_TIMEOUT_MS, type PostureReading } from './connection/posture';
export {
  OWNER_ONLY_DIR_MODE,
  OWNER_ONLY_FILE_MODE,
  ensureOwnerOnlyDir,
  ensureOwnerOnlyFile,
  ensureUserGivenDir,
  type FolderOwner,
} from './connection/owner-only-files';
export { DatabaseHandle, type DatabaseScope, type RunResult, type StepEvent, type StepObserver } from './execution/database-handle';
export { defineQuery, PreparedQuery, type Compilable, type NoArgs } from './execution/prepared-query';
export { QueryParam, type QueryParams } from './execution/query-param';
export { createQueryBuilder } from './execution/query-builder';
export { globalQueryBuilder, profileQueryBuilder, type GlobalSchema, type ProfileSchema } from './schema/query-builders';
export type { Insertable, Selectable, Updateable } from 'kysely';
/** Kysely's raw-SQL template, for the rare expression the builder cannot say (planner hints). */
export { sql } from 'kysely';
export { LepupitreError, isLepupitreError } from './errors/lepupitre-error';
export { DbError, isDbError, type DbErrorDetails } from './errors/db-error';
export { DbErrorCode } from './errors/db-error-codes';
export { DomainError, isDomainError } from './errors/domain-error';
export { newId, ID_PATTERN } from './ids/new-id';
export { ArtifactStore, type Artifact, type ArtifactInput } from './artifacts/artifact-store';
export { auditArtifacts, type ArtifactAudit, type ArtifactAuditOptions, type ArtifactProblem, type ArtifactProblemKind } from './artifacts/artifact-audit';
export { ArtifactErrorCode, artifactNotFound, resolveInside } from './artifacts/artifact-files';
export type { ArtifactSweepReport } from './artifacts/artifact-sweep';
export { writeFileDurably } from './files/durable-write';
export { entryExists } from './files/entry-exists';
export { MIGRATIONS, DATABASE_SCOPES, isDatabaseScope } from './migrations/scope-migrations';
export type { Migration, MigrationStep, SchemaProbe } from './migrations/migration';
export type { MigrationHooks } from './migrations/migration-runner';
export type { DatabaseState } from './migrations/migration-plan';
export { migrationChecksum } from './migrations/checksum';
export { SNAPSHOT_RETENTION, type SnapshotManifest } from './snapshots/pre-migration-snapshot';
export { backupDatabase, backupDatabaseFile, BACKUP_PAGES_PER_STEP, type BackupOptions, type BackupPhase, type BackupProgress, type BackupResult, type BackupCopyStats, type BackupStep } from './backups/take-backup';
export type { ArtifactBackupSummary } from './backups/backup-artifacts';
export { listBackups, type BackupEntry, type BackupEntryArtifacts, type ListBackupsOptions } from './backups/list-backups';
export { restoreBackup, RESTORE_PARTIAL_SUFFIX, type RestoreOptions, type RestoreResult, type RestoreStep } from './backups/restore-backup';
export type { ArtifactRestoreSummary } from './backups/restore-artifacts';
export { BACKUP_RETENTION, backupsToPrune, type RetentionCandidate } from './backups/backup-retention';
export { BACKUPS_DIR } from './backups/backup-folder';
export { REPLACED_DIR } from './backups/replaced-files';
export type { BackupArtifacts, BackupManifest, VerificationProblem } from './backups/backup-manifest';
export type { BackupKind } from './backups/backup-names';
export { readDatabaseStatus, type DatabaseStatus } from './status/database-status';
export { recoverDatabase, type RecoverOptions, type RecoveryHooks, type RecoveryProgress, type RecoveryStep } from './recovery/recover-database';
export { renderRecoveryReport, type RecoveryReport, type RecoveryOutcome } from './recovery/recovery-report';
export type { TableOutcome } from './recovery/table-ledger';
export { classifyFailure, type Classification, type FailureKind } from './recovery/failure-classification';
export { probeDatabaseFile, type FileProbe } from './recovery/file-probe';
export { openWithRecovery, type OpenWithRecoveryOptions, type OpenedWithRecovery, type OpenIntegrityPolicy, type HealthCheck } from './recovery/open-with-recovery';
export { QUARANTINE_DIR } from './recovery/quarantine';
export { diagnoseDatabase, type ArtifactCheck, type DatabaseDiagnostics, type DiagnoseOptions, type DiagnosticProblem } from './diagnostics/database-diagnostics';
export { compactUtcStamp, formatUtcTimestamp, utcNow } from './time/utc-timestamp';
export { isUnicodeWhiteSpace, splitUnicodeWhiteSpace, trimUnicodeWhiteSpace } from './text/unicode-white-space';
export { PRINTABLE_MAX_CHARS, PRINTABLE_MAX_ITEMS, printableList, printableText } from './text/printable-text';
export { JsonReader, type JsonObject } from './files/json-reader';
export {
  readTranscriptDocument,
  transcriptEndMs,
  transcriptText,
  TranscriptErrorCode,
  type TranscriptSegment,
  type TranscriptV1,
} from './artifacts/transcript-document';
export {
  decodeWav,
  encodeWav,
  pcmSlice,
  WAV_SAMPLE_RATE_HZ,
  wavDurationMs,
  wavSampleRange,
  WavErrorCode,
  type PcmAudio,
} from './artifacts/wav-audio';
