/**
 * db-core: the one way into a LePupitre database. Connection posture, typed query execution,
 * write transactions, the migration engine and its history, pre-migration snapshots.
 * Repositories import from here only; the driver connection is never handed out.
 */
export { openDatabase, type OpenDatabaseOptions, type OpenedDatabase, type OpenReport } from './connection/open-database';
export { POSTURE, MIN_BUSY_TIMEOUT_MS, type PostureReading } from './connection/posture';
export { OWNER_ONLY_DIR_MODE, OWNER_ONLY_FILE_MODE, ensureOwnerOnlyDir, ensureOwnerOnlyFile } from './connection/owner-only-files';
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
export { ArtifactStore, type Artifact, type ArtifactInput, type ArtifactDiagnostics } from './artifacts/artifact-store';
export { ArtifactErrorCode, writeFileDurably, resolveInside } from './artifacts/artifact-files';
export { MIGRATIONS, DATABASE_SCOPES, isDatabaseScope } from './migrations/scope-migrations';
export type { Migration, MigrationStep, SchemaProbe } from './migrations/migration';
export type { MigrationHooks } from './migrations/migration-runner';
export type { DatabaseState } from './migrations/migration-plan';
export { migrationChecksum } from './migrations/checksum';
export { SNAPSHOT_RETENTION, type SnapshotManifest } from './snapshots/pre-migration-snapshot';
export { readDatabaseStatus, type DatabaseStatus } from './status/database-status';
export { compactUtcStamp, formatUtcTimestamp, utcNow } from './time/utc-timestamp';
