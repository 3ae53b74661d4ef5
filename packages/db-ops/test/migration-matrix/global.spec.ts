import { GLOBAL_TABLE_KEYS, globalFixtureCases, type GlobalFixture, useTempDir } from '@lepupitre/fixtures';
import { expectSecondOpenIsANoOp, expectSnapshot, expectSoundDatabase, inspect, tableRows, upgrade } from './matrix-support';
import { expectRows, fixtureExpectation, withExpectation } from './expected-rows';

/**
 * Global scope: no file, the rollback-journal legacy file, its WAL twin, the tracked file,
 * and the tracking table created but never written. No profile is ever dropped: duplicate
 * names converge by suffixing the later profiles and several active profiles by keeping the
 * one opened last (`0002_unique_profile_names`); no active profile stays so.
 */
describe('migration matrix: global', () => {
  const dataDir = useTempDir('lepupitre-matrix-');

  describe.each(globalFixtureCases().map((c) => [c.name, c] as const))('%s', (_name, fixtureCase) => {
    it('converges with every profile kept, names unique, at most one active', () => {
      const fixture = fixtureCase.build(dataDir());
      const result = upgrade(fixture);
      expectSoundDatabase(fixture, result);
      expectGlobalData(fixture);
      expectSnapshot(fixture, result, fixture.seeded, GLOBAL_TABLE_KEYS);
      expectSecondOpenIsANoOp(fixture);
      expectGlobalData(fixture);
    });
  });
});

function expectGlobalData(fixture: GlobalFixture): void {
  inspect(fixture.path, (db) => withExpectation(fixtureExpectation(fixture), () => {
    expectRows('global', 'profiles', 'id', tableRows(db, 'profiles', 'id'), fixture.expected.tables.profiles);
    expectRows('global', 'global_settings', 'key', tableRows(db, 'global_settings', 'key'), fixture.expected.tables.global_settings);
    const active = (db.prepare('SELECT id FROM profiles WHERE is_active = 1 ORDER BY id').all() as { id: string }[]).map((r) => r.id);
    expect(active).toEqual(fixture.expected.activeProfileIds);
    const duplicates = (db.prepare('SELECT name FROM profiles GROUP BY name HAVING count(*) > 1 ORDER BY name').all() as { name: string }[]).map((r) => r.name);
    expect(duplicates).toEqual(fixture.expected.duplicateNames);
    expect(db.prepare('SELECT count(*) AS n FROM pragma_foreign_key_check').get()).toEqual({ n: 0 });
  }));
}
