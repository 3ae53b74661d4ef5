import { trackedPrefixProfileCases, useTempDir } from '@lepupitre/fixtures';
import { checkProfileUpgrade } from './profile-assertions';

/**
 * Profile scope, variant (c): a tracking build replayed the history on a file and recorded
 * each step after it ran, with no outer transaction, so a crash can leave any prefix
 * 0001..000k, with or without the next step already applied. The upgrade resumes from the
 * recorded prefix and converges exactly as a full replay would.
 */
describe('migration matrix: profile, every tracked prefix', () => {
  const dataDir = useTempDir('lepupitre-matrix-');

  describe.each(trackedPrefixProfileCases().map((c) => [c.name, c] as const))('%s', (_name, fixtureCase) => {
    it('applies exactly the unrecorded migrations and converges', () => {
      const fixture = checkProfileUpgrade(fixtureCase, dataDir());
      expect(fixture.recorded).not.toBeNull();
    });
  });
});
