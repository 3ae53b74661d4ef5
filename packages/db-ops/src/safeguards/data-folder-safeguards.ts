import { openDatabase, type DatabaseScope, type OpenDatabaseOptions, type OpenedDatabase, type OpenSafeguards } from '@lepupitre/db-core';
import { takePreMigrationSnapshot } from '../backups/pre-migration-snapshot';
import { finishInterruptedSwaps } from '../swaps/interrupted-swaps';

/**
 * The safeguards of every open the app makes: a restore or recovery that a killed process left
 * half done is finished first, and an existing database is copied (verified, with its manifest,
 * in `backups/`) before its first pending migration.
 */
export const DATA_FOLDER_SAFEGUARDS: OpenSafeguards = {
  finishInterruptedWork: (databasePath) => finishInterruptedSwaps(databasePath),
  copyBeforeMigrating: (request) => takePreMigrationSnapshot(request).file,
};

/** `openDatabase` with the app's safeguards: the way the app and its operations open a database. */
export function openGuardedDatabase(
  path: string,
  scope: DatabaseScope,
  options: Omit<OpenDatabaseOptions, 'safeguards'> = {},
): OpenedDatabase {
  return openDatabase(path, scope, { ...options, safeguards: DATA_FOLDER_SAFEGUARDS });
}
