import { MIGRATIONS } from '@lepupitre/db-core';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  createFutureDatabase,
  createLegacyProfile,
  FUTURE_MIGRATION,
  jsonOf,
  removeDir,
  runCli,
  tempDir,
  treeOf,
  withoutReaderCompanions,
} from './support/cli-harness';

// Each test runs the CLI in process (see runCli); the timeout leaves room on busy machines.
jest.setTimeout(60_000);

const GLOBAL_IDS = MIGRATIONS.global.map((m) => m.id);
const PROFILE_IDS = MIGRATIONS.profile.map((m) => m.id);

describe('lepupitre db migrate|status --file', () => {
  let work: string;

  beforeEach(() => {
    work = tempDir('file');
  });

  afterEach(() => removeDir(work));

  it('creates and migrates one database, then detects its scope from its tables', async () => {
    const migrate = await runCli(['db', 'migrate', '--file', 'g.db', '--scope', 'global', '--json'], { cwd: work });
    expect(migrate.code).toBe(0);
    expect(jsonOf(migrate)).toEqual({
      ok: true,
      command: 'db migrate',
      databases: [{ database: 'g.db', scope: 'global', ok: true, previousState: 'absent', appliedNow: GLOBAL_IDS, snapshot: null, artifactSweep: null }],
    });
    expect(existsSync(path.join(work, 'g.db'))).toBe(true);

    const status = await runCli(['db', 'status', '--file', path.join(work, 'g.db'), '--json'], { cwd: work });
    expect(status.code).toBe(0);
    expect(jsonOf(status)).toMatchObject({
      ok: true,
      databases: [{ database: 'g.db', scope: 'global', ok: true, state: 'tracked', applied: GLOBAL_IDS, pending: [], continuity: { ok: true } }],
    });
  });

  it('detects a profile database and migrates it with a snapshot', async () => {
    createLegacyProfile(path.join(work, 'legacy.db'));
    const status = jsonOf(await runCli(['db', 'status', '--file', 'legacy.db', '--json'], { cwd: work }));
    expect(status['databases']).toEqual([
      expect.objectContaining({ database: 'legacy.db', scope: 'profile', state: 'legacy', applied: [], pending: PROFILE_IDS }),
    ]);

    const migrate = await runCli(['db', 'migrate', '--file', 'legacy.db'], { cwd: work });
    expect(migrate.code).toBe(0);
    expect(migrate.stdout).toContain(`legacy.db (profile): was legacy; applied ${PROFILE_IDS.join(', ')}; snapshot backups/legacy-profile-pre-0001_init-`);
  });

  it('reports an absent file without creating it when the scope is given', async () => {
    const run = await runCli(['db', 'status', '--file', 'p.db', '--scope', 'profile', '--json'], { cwd: work });
    expect(run.code).toBe(0);
    expect(jsonOf(run)['databases']).toEqual([
      {
        database: 'p.db',
        scope: 'profile',
        ok: true,
        fileState: 'absent',
        state: null,
        applied: [],
        pending: PROFILE_IDS,
        continuity: { ok: true },
        posture: null,
      },
    ]);
    expect(treeOf(work)).toEqual({});
  });

  describe.each(['global', 'profile'] as const)('a %s database written by a newer app', (scope) => {
    let file: string;
    let bytes: Buffer;

    beforeEach(() => {
      file = path.join(work, `${scope}-future.db`);
      createFutureDatabase(file, scope);
      bytes = readFileSync(file);
    });

    it('status reports continuity DB_NEWER_THAN_APP and is not ok', async () => {
      const before = treeOf(work);
      const run = await runCli(['db', 'status', '--file', file, '--json'], { cwd: work });
      expect(run.code).toBe(1);
      const json = jsonOf(run);
      expect(json['ok']).toBe(false);
      expect(json['error']).toEqual({ code: 'DB_NEWER_THAN_APP', message: expect.any(String) });
      expect(json['databases']).toEqual([
        expect.objectContaining({
          database: `${scope}-future.db`,
          scope,
          ok: false,
          applied: [...MIGRATIONS[scope].map((m) => m.id), FUTURE_MIGRATION],
          pending: [],
          continuity: { ok: false, code: 'DB_NEWER_THAN_APP', message: expect.any(String) },
        }),
      ]);
      expect(readFileSync(file).equals(bytes)).toBe(true);
      expect(withoutReaderCompanions(treeOf(work))).toEqual(withoutReaderCompanions(before));
    });

    it('migrate refuses it with DB_NEWER_THAN_APP and leaves it byte-identical', async () => {
      const before = treeOf(work);
      const run = await runCli(['db', 'migrate', '--file', file, '--scope', scope, '--json'], { cwd: work });
      expect(run.code).toBe(1);
      const json = jsonOf(run);
      expect(json).toMatchObject({ ok: false, error: { code: 'DB_NEWER_THAN_APP' } });
      expect(json['databases']).toEqual([{ database: `${scope}-future.db`, scope, ok: false, error: json['error'] }]);
      expect(readFileSync(file).equals(bytes)).toBe(true);
      expect(withoutReaderCompanions(treeOf(work))).toEqual(withoutReaderCompanions(before));
    });
  });
});
