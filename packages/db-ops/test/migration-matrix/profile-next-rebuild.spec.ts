import {
  downgradedProfileCases,
  PROFILE_IDS,
  type ProfileFixture,
  useTempDir,
} from '@lepupitre/fixtures';
import { DbErrorCode, MIGRATIONS } from '@lepupitre/db-core';
import { inspect } from './matrix-support';
import { nextRebuildMigration, runWithNext } from './next-rebuild';
import { expectProfileData } from './profile-assertions';
import { readSchema } from './schema-reads';
import { openGuardedDatabase } from '../../src';

/**
 * A table rebuild refuses the foreign-key violations it introduces, on a file that keeps
 * violations of its own (variant d): those it found are not its doing, any beyond them are,
 * wherever they are. The matrix proves the other half: the plain rebuild applies everywhere.
 */
describe('the next table rebuild, on a file that keeps violations', () => {
  const dataDir = useTempDir('lepupitre-matrix-');

  function upgradedDowngradeFile(): ProfileFixture {
    const fixtureCase = downgradedProfileCases()[0];
    if (!fixtureCase) throw new Error('the catalogue lost its downgrade case');
    const fixture = fixtureCase.build(dataDir());
    openGuardedDatabase(fixture.path, 'profile').db.close();
    return fixture;
  }

  it.each([
    [
      'a reference it breaks on the rebuilt table',
      `UPDATE runs SET project_id = '${PROFILE_IDS.projForeign}' WHERE id = '${PROFILE_IDS.run1}';`,
      { violations: 1, tables: ['runs->talk_projects'] },
    ],
    [
      'one more of a reference that was already dangling',
      `INSERT INTO runs (id, project_id, created_at, audio_artifact_id)
         SELECT 'run_copy', project_id, created_at, audio_artifact_id FROM runs WHERE id = '${PROFILE_IDS.runDowngradeAudio}';`,
      { violations: 1, tables: ['runs->artifacts'] },
    ],
    [
      'a dangling reference it points at another missing row',
      `UPDATE runs SET audio_artifact_id = 'art_never_stored' WHERE id = '${PROFILE_IDS.runDowngradeAudio}';`,
      { violations: 1, tables: ['runs->artifacts'] },
    ],
    [
      'a parent it removes under tables it did not touch',
      `DELETE FROM talk_projects WHERE id = '${PROFILE_IDS.projA}';`,
      { tables: expect.arrayContaining(['runs->talk_projects', 'talk_outlines->talk_projects']) },
    ],
  ])('refuses %s and keeps nothing of it', (_what, extraSql, details) => {
    const fixture = upgradedDowngradeFile();
    const schema = readSchema(fixture.path);
    const next = nextRebuildMigration(undefined, extraSql);

    expect(() => runWithNext(fixture.path, next)).toThrow(
      expect.objectContaining({ code: DbErrorCode.MIGRATION_FK_VIOLATION, details: expect.objectContaining({ migrationId: next.id, ...details }) }),
    );

    expect(readSchema(fixture.path)).toEqual(schema);
    expectProfileData(fixture);
    inspect(fixture.path, (db) => {
      const history = (db.prepare('SELECT version FROM schema_migrations ORDER BY rowid').all() as { version: string }[]).map((r) => r.version);
      expect(history).toEqual(MIGRATIONS.profile.map((m) => m.id));
    });
  });
});
