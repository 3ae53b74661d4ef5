/**
 * The engine room: what the operations package (db-ops) needs of the engine to back up,
 * restore, recover and diagnose a database, and what no repository may touch: the driver
 * connection behind a handle, the raw migration history and plan, the read-only inspection of a
 * file, the fsync primitives and the artifact folder's layout. Reached as
 * `@lepupitre/db-core/internals`; the lint configuration lets only db-ops import it.
 */
export { openSqliteConnection } from './connection/sqlite-connection';
export { rawConnectionOf } from './execution/database-handle';
export { applyConnectionSettings } from './connection/posture';
export { tighten } from './connection/owner-only-files';
export { inspectDatabaseFile, type FileInspection, type FileState } from './connection/inspect-file';
export { assertScope } from './connection/assert-scope';
export { sqliteCodeOf, toDbError } from './errors/sqlite-error-mapping';
export { fsyncDirectory, fsyncDirectoryBestEffort, fsyncFile, fsyncFilesConcurrently } from './files/fsync';
export { SCOPE_SIGNATURE_TABLE } from './migrations/scope-migrations';
export { planMigrations, type MigrationPlan } from './migrations/migration-plan';
export { readHistory } from './migrations/tracking-table';
export { withMigrationLock } from './migrations/migration-lock';
export { INSPECT_SQL } from './connection/queries';
export { ARTIFACTS_DIR, ORPHANED_DIR, listArtifactFolder } from './artifacts/artifact-folder';
/** For migrations written by hand: the engine's own tests and the operations' upgrade drills. */
export { defineMigration, type Migration } from './migrations/migration';
export { runMigrations } from './migrations/migration-runner';
