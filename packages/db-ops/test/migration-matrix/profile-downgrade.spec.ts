import { MIGRATIONS } from '@lepupitre/db-core';
import { downgradedProfileCases, PROFILE_IDS, useTempDir } from '@lepupitre/fixtures';
import { expectSecondOpenIsANoOp, freshSchema, inspect, upgrade } from './matrix-support';
import { expectNextRebuildApplies, expectProfileData } from './profile-assertions';
import { readSchema } from './schema-reads';

/**
 * Profile scope, variant (d): a build at v0.2.8 or older ignores `schema_migrations` and
 * writes with foreign keys off, so a fully tracked P-T7 file can hold rows that violate its
 * keys, and a v0.2.4 build numbers the training talk. The previous app's history is fully
 * recorded, so only this platform's migrations run (0008 on): `0008_unique_talk_numbers` takes the number
 * off the training talk; the rows that violate foreign keys stay as they are (removing them is
 * not an open's business), and a later migration that rebuilds a table still applies.
 */
describe('migration matrix: profile, P-T7 after a downgrade', () => {
  const dataDir = useTempDir('lepupitre-matrix-');

  describe.each(downgradedProfileCases().map((c) => [c.name, c] as const))('%s', (_name, fixtureCase) => {
    it('applies only the new migrations and keeps every row, violations included', () => {
      const fixture = fixtureCase.build(dataDir());
      expect(fixture.pending).toEqual([]);
      const result = upgrade(fixture);

      expect(result.report.appliedNow).toEqual(MIGRATIONS.profile.slice(7).map((m) => m.id));
      expect(result.report.snapshot).toMatch(/^profile-pre-0008_unique_talk_numbers-\d{8}T\d{6}Z\.db$/);
      expect(readSchema(fixture.path)).toEqual(freshSchema('profile'));
      expectProfileData(fixture);

      expect(fixture.expected.foreignKeyViolations).toEqual([
        { table: 'quest_attempts', parent: 'quests' },
        { table: 'quest_attempts', parent: 'talk_projects' },
        { table: 'runs', parent: 'artifacts' },
        { table: 'runs', parent: 'auto_feedback' },
      ]);
      // What was written, row for row: nothing deleted, nothing nulled. Only talk numbers
      // moved: the training talk lost the number a v0.2.4 build gave it, and duplicated
      // numbers (two instances numbering at once) were made unique.
      const seededTraining = (fixture.seeded.talk_projects ?? []).find((r) => r.id === PROFILE_IDS.projTraining);
      expect(seededTraining?.talk_number).toEqual(expect.any(Number));
      const withoutNumbers = (tables: Readonly<Record<string, readonly Readonly<Record<string, unknown>>[]>>) => ({
        ...tables,
        talk_projects: (tables.talk_projects ?? []).map((r) => ({ ...r, talk_number: undefined })),
      });
      expect(withoutNumbers(fixture.expected.tables)).toEqual(withoutNumbers(fixture.seeded));
      expect(fixture.expected.talkNumbers[PROFILE_IDS.projTraining]).toBeNull();
      const numbers = Object.values(fixture.expected.talkNumbers).filter((n) => n !== null);
      expect(new Set(numbers).size).toBe(numbers.length);
      inspect(fixture.path, (db) => {
        const training = db.prepare('SELECT talk_number, is_training FROM talk_projects WHERE id = ?').get(PROFILE_IDS.projTraining);
        expect(training).toEqual({ talk_number: null, is_training: 1 });
        expect(db.prepare('PRAGMA integrity_check').all()).toEqual([{ integrity_check: 'ok' }]);
        const history = db.prepare('SELECT version, checksum FROM schema_migrations ORDER BY rowid').all() as { checksum: string | null }[];
        expect(history).toHaveLength(MIGRATIONS.profile.length);
        for (const row of history) expect(row.checksum).not.toBeNull();
      });

      expectSecondOpenIsANoOp(fixture);
      expectProfileData(fixture);
      // The next rebuild keeps the violations it found and applies: they are not its doing.
      expectNextRebuildApplies(fixture);
    });
  });
});
