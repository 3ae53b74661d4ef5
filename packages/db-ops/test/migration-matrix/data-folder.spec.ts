import {
  buildLegacyDataFolder,
  GLOBAL_TABLE_KEYS,
  profileDatabasePath,
  useTempDir,
} from '@lepupitre/fixtures';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { expectSnapshot, expectSoundDatabase, freshSchema, inspect, tableRows, upgrade } from './matrix-support';
import { checkProfileFixture } from './profile-assertions';
import { readSchema } from './schema-reads';
import { openGuardedDatabase } from '../../src';

/**
 * A whole data folder as an earlier version left it: global.db plus one profile.db per listed
 * profile, each at its own state (the previous app upgraded profiles lazily), a listed profile
 * whose database was never created, and a profile folder with no row.
 */
describe('migration matrix: a whole legacy data folder', () => {
  const dataDir = useTempDir('lepupitre-matrix-');

  it.each(['G-L', 'G-Lw', 'G-T1'] as const)('upgrades %s and every listed profile, each from its own state', (state) => {
    const folder = buildLegacyDataFolder(dataDir(), state, 'several');
    const strayBefore = digest(folder.folderWithoutRow.fixture.path);

    const globalResult = upgrade(folder.global);
    expectSoundDatabase(folder.global, globalResult);
    expectSnapshot(folder.global, globalResult, folder.global.seeded, GLOBAL_TABLE_KEYS);

    const listed = inspect(folder.global.path, (db) => tableRows(db, 'profiles', 'id').map((p) => String(p.id)));
    expect(listed).toEqual(folder.global.expected.tables.profiles.map((p) => p.id));
    for (const profileId of listed) {
      const entry = folder.profiles.find((p) => p.profileId === profileId);
      if (entry) {
        checkProfileFixture(entry.fixture);
      } else {
        // The row was inserted before its database: the next listing creates it.
        expect(profileId).toBe(folder.profileWithoutDatabase);
        const path = profileDatabasePath(folder.dataDir, profileId);
        expect(existsSync(path)).toBe(false);
        const created = openGuardedDatabase(path, 'profile');
        created.db.close();
        expect(created.report.snapshot).toBeNull();
        expect(readSchema(path)).toEqual(freshSchema('profile'));
      }
    }

    // Nothing lists the folder without a row: it keeps its old state until someone opens it.
    expect(digest(folder.folderWithoutRow.fixture.path)).toBe(strayBefore);
    checkProfileFixture(folder.folderWithoutRow.fixture);
  });
});

function digest(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}
