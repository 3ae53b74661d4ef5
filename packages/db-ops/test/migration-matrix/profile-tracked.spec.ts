import { PROFILE_IDS, trackedProfileCases, useTempDir } from '@lepupitre/fixtures';
import { inspect } from './matrix-support';
import { checkProfileUpgrade } from './profile-assertions';

/**
 * Profile scope, the tracked states: P-U8 (0001..0006), P-T7 (the previous app's last
 * schema), the hidden lock failure (0005 recorded with the runs rebuild not done), and 0007's
 * tables rebuilt with no 0007 row and orphans written afterwards.
 */
describe('migration matrix: profile, tracked states', () => {
  const dataDir = useTempDir('lepupitre-matrix-');

  describe.each(trackedProfileCases().map((c) => [c.name, c] as const))('%s', (_name, fixtureCase) => {
    it('converges with its data kept', () => {
      checkProfileUpgrade(fixtureCase, dataDir());
    });
  });

  it('makes runs audio nullable and nulls dangling audio when 0005 was recorded without its rebuild', () => {
    const fixtureCase = trackedProfileCases().find((c) => c.name.includes('runs rebuild gave up'));
    if (!fixtureCase) throw new Error('the catalogue lost its hidden-lock-failure case');
    const fixture = checkProfileUpgrade(fixtureCase, dataDir());
    expect(fixture.written.find((s) => s.row.id === PROFILE_IDS.runDangling)?.row.audio_artifact_id).toBe(PROFILE_IDS.artMissingAudio);
    inspect(fixture.path, (db) => {
      expect(db.prepare('SELECT audio_artifact_id AS audio FROM runs WHERE id = ?').get(PROFILE_IDS.runDangling)).toEqual({ audio: null });
      expect(db.prepare("SELECT \"notnull\" AS nn FROM pragma_table_info('runs') WHERE name = 'audio_artifact_id'").get()).toEqual({ nn: 0 });
    });
  });
});
