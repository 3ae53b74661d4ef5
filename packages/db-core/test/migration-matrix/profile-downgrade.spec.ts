import { downgradedProfileCases, PROFILE_IDS, readNormalizedSchema } from '@lepupitre/fixtures';
import { freshSchema, inspect, upgrade, useDataDir } from './matrix-support';
import { expectProfileData } from './profile-assertions';

/**
 * Profile scope, variant (d): a build at v0.2.8 or older ignores `schema_migrations` and
 * writes with foreign keys off, so a fully tracked P-T7 file can hold rows that violate its
 * keys, and a v0.2.4 build numbers the training talk. Every migration is recorded, so the
 * open must succeed and keep the data exactly as it is: cleaning it belongs to a later
 * migration, not to an open.
 */
describe('migration matrix: profile, P-T7 after a downgrade', () => {
  const dataDir = useDataDir();

  describe.each(downgradedProfileCases().map((c) => [c.name, c] as const))('%s', (_name, fixtureCase) => {
    it('opens without applying anything and keeps every row, violations included', () => {
      const fixture = fixtureCase.build(dataDir());
      expect(fixture.pending).toEqual([]);
      const result = upgrade(fixture);

      expect(result.report.appliedNow).toEqual([]);
      expect(result.report.snapshot).toBeNull();
      expect(readNormalizedSchema(fixture.path)).toEqual(freshSchema('profile'));
      expectProfileData(fixture);

      expect(fixture.expected.foreignKeyViolations).toEqual([
        { table: 'quest_attempts', parent: 'quests' },
        { table: 'quest_attempts', parent: 'talk_projects' },
        { table: 'runs', parent: 'artifacts' },
        { table: 'runs', parent: 'auto_feedback' },
      ]);
      // Exactly what was written, row for row: nothing deleted, nothing nulled, nothing renumbered.
      expect(fixture.expected.tables).toEqual(fixture.seeded);
      const trainingNumber = fixture.expected.talkNumbers[PROFILE_IDS.projTraining];
      expect(trainingNumber).toEqual(expect.any(Number));
      inspect(fixture.path, (db) => {
        const training = db.prepare('SELECT talk_number, is_training FROM talk_projects WHERE id = ?').get(PROFILE_IDS.projTraining);
        expect(training).toEqual({ talk_number: trainingNumber, is_training: 1 });
        expect(db.prepare('PRAGMA integrity_check').all()).toEqual([{ integrity_check: 'ok' }]);
        const history = db.prepare('SELECT version, checksum FROM schema_migrations ORDER BY rowid').all() as { checksum: string | null }[];
        expect(history).toHaveLength(7);
        for (const row of history) expect(row.checksum).not.toBeNull();
      });

      const again = upgrade(fixture);
      expect(again.report.appliedNow).toEqual([]);
      expectProfileData(fixture);
    });
  });
});
