import { freshProfileCases, legacyProfileCases, useTempDir } from '@lepupitre/fixtures';
import { checkProfileUpgrade } from './profile-assertions';

/**
 * Profile scope: a new database, and every untracked state the previous app's builds left,
 * with their layout variants. Each must converge to the schema of a new database with its
 * valid data kept and its orphans normalized.
 */
describe('migration matrix: profile, fresh and legacy', () => {
  const dataDir = useTempDir('lepupitre-matrix-');

  describe.each(freshProfileCases().map((c) => [c.name, c] as const))('%s', (_name, fixtureCase) => {
    it('upgrades to the current schema with nothing to keep and no snapshot', () => {
      const fixture = checkProfileUpgrade(fixtureCase, dataDir());
      expect(fixture.holdsTables).toBe(false);
    });
  });

  describe.each(legacyProfileCases().map((c) => [c.name, c] as const))('%s', (_name, fixtureCase) => {
    it('upgrades every migration with its data kept, orphans normalized and a verified snapshot', () => {
      const fixture = checkProfileUpgrade(fixtureCase, dataDir());
      expect(fixture.recorded).toBeNull();
      expect(fixture.holdsTables).toBe(true);
    });
  });
});
