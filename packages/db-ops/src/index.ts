/**
 * db-ops: the operations on a data folder's databases that only the app and its operator CLI
 * perform: backups (pre-migration snapshots included) and their retention, restore, recovery
 * of a damaged database with its quarantine and salvage, diagnostics (doctor) and status. They
 * share one journaled file swap, and supply the safeguards that every open requires
 * (`openGuardedDatabase`). No context package depends on it: the module boundaries allow the
 * app and the tools only.
 */
export { openGuardedDatabase } from './safeguards/data-folder-safeguards';
export {
  backupDatabaseFile,
  type BackupOptions,
  type BackupPhase,
  type BackupProgress,
  type BackupResult,
  type BackupCopyStats,
  type BackupStep,
} from './backups/take-backup';
export type { ArtifactBackupSummary } from './backups/backup-artifacts';
export { listBackups, type BackupEntry, type BackupEntryArtifacts, type ListBackupsOptions } from './backups/list-backups';
export { restoreBackup, type RestoreOptions, type RestoreResult, type RestoreStep } from './backups/restore-backup';
export type { ArtifactRestoreSummary } from './backups/restore-artifacts';
export type { BackupArtifacts, BackupManifest, SnapshotManifest, VerificationProblem } from './backups/backup-manifest';
export type { BackupKind } from './backups/backup-names';
export { readDatabaseStatus, type DatabaseStatus } from './status/database-status';
export { readProfileNames } from './status/profile-names';
export { recoverDatabase, type RecoverOptions, type RecoveryHooks, type RecoveryProgress, type RecoveryStep } from './recovery/recover-database';
export { renderRecoveryReport, type RecoveryReport, type RecoveryOutcome } from './recovery/recovery-report';
export type { TableOutcome } from './recovery/table-ledger';
export {
  openWithRecovery,
  type OpenWithRecoveryOptions,
  type OpenedWithRecovery,
  type OpenIntegrityPolicy,
  type HealthCheck,
} from './recovery/open-with-recovery';
export {
  diagnoseDatabase,
  type ArtifactCheck,
  type DatabaseDiagnostics,
  type DiagnoseOptions,
  type DiagnosticProblem,
} from './diagnostics/database-diagnostics';
export { auditArtifacts, type ArtifactAudit, type ArtifactAuditOptions, type ArtifactProblem, type ArtifactProblemKind } from './artifacts/artifact-audit';
