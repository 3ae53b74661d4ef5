import { openDatabase, type OpenSafeguards } from '@lepupitre/db-core';
import { join } from 'node:path';

/**
 * A fresh file has no interrupted work to finish and nothing to copy before migrating, so the
 * kit's tests open it without the data-folder safeguards (which live in db-ops).
 */
const FRESH_FILE: OpenSafeguards = { finishInterruptedWork: () => undefined, copyBeforeMigrating: () => null };

/** A database of `scope` with every shipped migration applied, closed, in `dir`. */
export function migratedDatabase(dir: string, scope: 'profile' | 'global', name = `${scope}.db`): string {
  const path = join(dir, name);
  openDatabase(path, scope, { safeguards: FRESH_FILE }).db.close();
  return path;
}
