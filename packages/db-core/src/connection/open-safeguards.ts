import type { DatabaseScope } from '../execution/database-scope';

/**
 * What a pre-migration copy is asked for. The connection stays in db-core: the copier gets a
 * function that writes a consistent copy of the open database (one read transaction, so other
 * connections may keep writing) into the file it names.
 */
export interface PreMigrationCopyRequest {
  readonly databasePath: string;
  readonly scope: DatabaseScope;
  /** Latest applied migration id of the database being copied, or null for a legacy file. */
  readonly schemaVersion: string | null;
  readonly nextMigrationId: string;
  readonly now?: Date;
  /** Writes the copy into `target`, which must be absent or an empty file. */
  readonly copyInto: (target: string) => void;
}

/**
 * The data-folder safety work that every open of a database must do, supplied by the operations
 * package (db-ops), which owns the file formats involved. The engine cannot do it itself without
 * depending on its operations, and must not open without it: `openDatabase` requires one.
 *
 * - `finishInterruptedWork`: before anything reads the file, finish (or undo) a restore or a
 *   recovery that a killed process left half done, so the open never sees a half-swapped folder.
 * - `copyBeforeMigrating`: before the first pending migration of an existing database, a
 *   verified copy; returns its file name in `backups/`, or null when the safeguards take none
 *   (test databases only). A throw stops the open before anything is migrated.
 */
export interface OpenSafeguards {
  finishInterruptedWork(databasePath: string): void;
  copyBeforeMigrating(request: PreMigrationCopyRequest): string | null;
}
