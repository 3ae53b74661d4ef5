import { openDatabase } from '@lepupitre/db-core';
import { join } from 'node:path';
import { TEST_SAFEGUARDS } from '../../src';

/** A database of `scope` with every shipped migration applied, closed, in `dir`. */
export function migratedDatabase(dir: string, scope: 'profile' | 'global', name = `${scope}.db`): string {
  const path = join(dir, name);
  openDatabase(path, scope, { safeguards: TEST_SAFEGUARDS }).db.close();
  return path;
}
