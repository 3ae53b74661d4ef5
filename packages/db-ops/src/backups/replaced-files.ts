import { existsSync } from 'node:fs';
import { REPLACED_DIR } from '@lepupitre/db-core';
import { join } from 'node:path';
import { databaseStem } from './backup-names';
import { copyPrefix } from './copy-prefix';
import { compactUtcStamp } from '@lepupitre/domain-primitives';
import { DATABASE_COMPANIONS } from '../files/database-companions';

/**
 * The name shared by everything one restore moves aside:
 * `<prefix>-replaced-<YYYYMMDDTHHMMSSZ>[-<n>]` (`copyPrefix`), followed by `.db[-wal|-shm|-journal]` for
 * the database files and `.artifacts/<local_relpath>` for artifact files. Free in `replaced/`
 * at the time of asking, so a restore never overwrites what an earlier one kept.
 */
export function replacedBaseName(databasePath: string, scope: string, now: Date): string {
  const dir = join(databasePath, '..', REPLACED_DIR);
  const base = `${copyPrefix(databaseStem(databasePath), scope)}-replaced-${compactUtcStamp(now)}`;
  for (let counter = 1; ; counter++) {
    const candidate = counter > 1 ? `${base}-${counter}` : base;
    const names = [...['', ...DATABASE_COMPANIONS].map((suffix) => `${candidate}.db${suffix}`), `${candidate}.artifacts`];
    if (names.every((name) => !existsSync(join(dir, name)))) return candidate;
  }
}
