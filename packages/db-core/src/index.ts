/**
 * db-core: the engine of a LePupitre database. Connection and posture, typed query execution
 * (`defineQuery`, handles, statement cache), write transactions and their compensations (the
 * artifact store and its open-time sweep), the migration engine and its history, the generated
 * schema types and the database error codes. Repositories import from here only; the driver
 * connection is never handed out. Backups, restore, recovery, diagnostics and status are the
 * operations package's (db-ops), which supplies the safeguards every open requires.
 */
export { openDatabase, type OpenDatabaseOptions, type OpenedDatabase, type OpenReport } from './connection/open-database';
export type { OpenSafeguards, PreMigrationCopyRequest } from './connection/open-safeguards';
export { POSTURE, type PostureReading } from './connection/posture';
export { OWNER_ONLY_DIR_MODE, OWNER_ONLY_FILE_MODE, ensureOwnerOnlyDir, ensureUserGivenDir, type FolderOwner } from './connection/owner-only-files';
export { DatabaseHandle, type DatabaseScope, type RunResult, type StepEvent, type StepObserver } from './execution/database-handle';
export { defineQuery, PreparedQuery, type NoArgs } from './execution/prepared-query';
export type { QueryParams } from './execution/query-param';
export { globalQueryBuilder, profileQueryBuilder, type GlobalSchema, type ProfileSchema } from './schema/query-builders';
export type { Insertable, Selectable, Updateable } from 'kysely';
/** Kysely's raw-SQL template, for the rare expression the builder cannot say (planner hints). */
export { sql } from 'kysely';
export { DbError, isDbError, type DbErrorDetails } from './errors/db-error';
export { DbErrorCode } from './errors/db-error-codes';
export { ArtifactStore, type Artifact, type ArtifactInput } from './artifacts/artifact-store';
export { ArtifactErrorCode, artifactNotFound, resolveInside } from './artifacts/artifact-files';
export type { ArtifactSweepReport } from './artifacts/artifact-sweep';
export { writeFileDurably } from './files/durable-write';
export { entryExists } from './files/entry-exists';
export { tryExclusiveFileLock, type ExclusiveFileLock } from './files/exclusive-file-lock';
export { MIGRATIONS, DATABASE_SCOPES, isDatabaseScope } from './migrations/scope-migrations';
export type { Migration, MigrationStep, SchemaProbe } from './migrations/migration';
export type { MigrationHooks } from './migrations/migration-runner';
export type { DatabaseState } from './migrations/migration-plan';
/** The checksum a migration's tracking row records: for the migration generator's checksum line. */
export { migrationChecksum } from './migrations/checksum';
export { BACKUPS_DIR, QUARANTINE_DIR, REPLACED_DIR } from './connection/app-folders';
