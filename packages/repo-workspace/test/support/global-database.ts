import { openDatabase, type DatabaseHandle } from '@lepupitre/db-core';
import { join } from 'node:path';
import { TEST_SAFEGUARDS } from '@lepupitre/testing';

/** The global database of a data folder, opened (created, migrated) as the app opens it. */
export function openGlobalDatabase(dataDir: string): DatabaseHandle {
  return openDatabase(globalDatabasePath(dataDir), 'global', { safeguards: TEST_SAFEGUARDS }).db;
}

export function globalDatabasePath(dataDir: string): string {
  return join(dataDir, 'global.db');
}
