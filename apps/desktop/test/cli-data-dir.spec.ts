import { useTemplateFolder } from '@lepupitre/fixtures';
import { MIGRATIONS } from '@lepupitre/db-core';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  createDatabase,
  createFutureDatabase,
  createLegacyProfile,
  FUTURE_MIGRATION,
  jsonOf,
  removeDir,
  runCli,
  tempDir,
} from './support/cli-harness';

// Each test runs the CLI in process (see runCli); the timeout leaves room on busy machines.
jest.setTimeout(60_000);

const GLOBAL_IDS = MIGRATIONS.global.map((m) => m.id);
const PROFILE_IDS = MIGRATIONS.profile.map((m) => m.id);

interface Entry {
  database: string;
  scope: string;
  ok: boolean;
  [key: string]: unknown;
}

function databasesOf(json: Record<string, unknown>): Entry[] {
  return json['databases'] as Entry[];
}

describe('lepupitre db migrate|status --data-dir', () => {
  let work: string;
  let dataDir: string;

  // Built once, copied for each test: most tests migrate their data folder.
  const prepared = useTemplateFolder((dir) => {
    // alice: a legacy profile database (no history yet); bob: created and migrated by the app.
    createLegacyProfile(path.join(dir, 'profiles', 'alice', 'profile.db'));
    createDatabase(path.join(dir, 'profiles', 'bob', 'profile.db'), 'profile');
    // A profile folder without a database holds no database to migrate.
    mkdirSync(path.join(dir, 'profiles', 'no-db-yet'), { recursive: true });
  });

  beforeEach(() => {
    work = tempDir('data-dir');
    dataDir = path.join(work, 'data');
    prepared.copyTo(dataDir);
  });

  afterEach(() => removeDir(work));

  it('reports pending work, migrates every database, then reports none pending', async () => {
    const before = await runCli(['db', 'status', '--data-dir', dataDir, '--json'], { cwd: work });
    expect(before.code).toBe(0);
    expect(before.stderr).toBe('');
    const beforeJson = jsonOf(before);
    expect(beforeJson).toMatchObject({ ok: true, command: 'db status' });
    expect(beforeJson).not.toHaveProperty('error');
    expect(databasesOf(beforeJson)).toEqual([
      {
        database: 'global.db',
        scope: 'global',
        ok: true,
        fileState: 'absent',
        state: null,
        applied: [],
        pending: GLOBAL_IDS,
        continuity: { ok: true },
        posture: null,
      },
      expect.objectContaining({
        database: 'profiles/alice/profile.db',
        scope: 'profile',
        ok: true,
        state: 'legacy',
        applied: [],
        pending: PROFILE_IDS,
        continuity: { ok: true },
      }),
      expect.objectContaining({
        database: 'profiles/bob/profile.db',
        scope: 'profile',
        ok: true,
        state: 'tracked',
        applied: PROFILE_IDS,
        pending: [],
        posture: expect.objectContaining({ journalMode: 'wal', foreignKeys: 1, ok: true, mismatches: [] }),
      }),
    ]);
    // status never writes: the absent global database stays absent.
    expect(existsSync(path.join(dataDir, 'global.db'))).toBe(false);

    const migrate = await runCli(['db', 'migrate', '--data-dir', dataDir, '--json'], { cwd: work });
    expect(migrate.code).toBe(0);
    const migrateJson = jsonOf(migrate);
    expect(migrateJson).toMatchObject({ ok: true, command: 'db migrate' });
    const [global, alice, bob] = databasesOf(migrateJson);
    expect(global).toEqual({ database: 'global.db', scope: 'global', ok: true, previousState: 'absent', appliedNow: GLOBAL_IDS, snapshot: null, artifactSweep: null });
    expect(alice).toMatchObject({ database: 'profiles/alice/profile.db', ok: true, previousState: 'legacy', appliedNow: PROFILE_IDS });
    expect(alice?.['snapshot']).toMatch(/^profiles\/alice\/backups\/profile-pre-0001_init-\d{8}T\d{6}Z(-\d+)?\.db$/);
    expect(existsSync(path.join(dataDir, String(alice?.['snapshot'])))).toBe(true);
    expect(bob).toEqual({
      database: 'profiles/bob/profile.db',
      scope: 'profile',
      // A profile folder that the global database does not list has no name to show.
      profileName: null,
      ok: true,
      previousState: 'tracked',
      appliedNow: [],
      snapshot: null,
      artifactSweep: { temporaryRemoved: 0, straysSetAside: 0, straysBytes: 0, deferred: false },
    });
    expect(databasesOf(migrateJson)).toHaveLength(3);

    const after = jsonOf(await runCli(['db', 'status', '--data-dir', dataDir, '--json'], { cwd: work }));
    expect(after['ok']).toBe(true);
    for (const entry of databasesOf(after)) {
      expect(entry).toMatchObject({ ok: true, state: 'tracked', pending: [], continuity: { ok: true } });
    }
    expect(databasesOf(after).map((e) => e['applied'])).toEqual([GLOBAL_IDS, PROFILE_IDS, PROFILE_IDS]);

    const again = jsonOf(await runCli(['db', 'migrate', '--data-dir', dataDir, '--json'], { cwd: work }));
    expect(databasesOf(again).map((e) => e['appliedNow'])).toEqual([[], [], []]);
  });

  it('never prints an absolute path in JSON', async () => {
    const migrate = await runCli(['db', 'migrate', '--data-dir', dataDir, '--json'], { cwd: work });
    const status = await runCli(['db', 'status', '--data-dir', dataDir, '--json'], { cwd: work });
    for (const run of [migrate, status]) {
      expect(run.stdout).not.toContain(work);
      expect(run.stdout).not.toContain(path.sep === '/' ? '"/' : ':\\\\');
    }
  });

  it('prints human-readable lines with labels and migration ids', async () => {
    const before = await runCli(['db', 'status', '--data-dir', dataDir], { cwd: work });
    expect(before.code).toBe(0);
    expect(before.stdout).toContain('global.db (global): absent');
    expect(before.stdout).toContain(`pending:    ${GLOBAL_IDS.join(', ')}`);
    expect(before.stdout).toContain('profiles/alice/profile.db (profile): legacy');
    expect(before.stdout).toContain(`pending:    ${PROFILE_IDS.join(', ')}`);
    expect(before.stdout).toContain('continuity: ok');
    expect(() => JSON.parse(before.stdout)).toThrow();

    const migrate = await runCli(['db', 'migrate', '--data-dir', dataDir], { cwd: work });
    expect(migrate.code).toBe(0);
    expect(migrate.stderr).toBe('');
    expect(migrate.stdout).toContain(`global.db (global): was absent; applied ${GLOBAL_IDS.join(', ')}`);
    expect(migrate.stdout).toContain(`profiles/alice/profile.db (profile): was legacy; applied ${PROFILE_IDS.join(', ')}; snapshot profiles/alice/backups/`);
    expect(migrate.stdout).toContain('profiles/bob/profile.db (profile): up to date');

    const after = await runCli(['db', 'status', '--data-dir', dataDir], { cwd: work });
    expect(after.stdout).toContain(`applied:    ${PROFILE_IDS.join(', ')}`);
    expect(after.stdout).toContain('pending:    none');
    expect(after.stdout).not.toMatch(/pending:\s+0/);
    expect(after.stdout).toContain('posture:    ok (journal_mode=wal');
  });

  it('processes every database when one fails, and reports the first failure', async () => {
    const future = path.join(dataDir, 'profiles', 'carol', 'profile.db');
    createFutureDatabase(future, 'profile');
    const futureBytes = readFileSync(future);

    const migrate = await runCli(['db', 'migrate', '--data-dir', dataDir, '--json'], { cwd: work });
    expect(migrate.code).toBe(1);
    const json = jsonOf(migrate);
    expect(json['ok']).toBe(false);
    expect(json['error']).toEqual({ code: 'DB_NEWER_THAN_APP', message: expect.any(String) });
    const entries = databasesOf(json);
    expect(entries.map((e) => [e.database, e.ok])).toEqual([
      ['global.db', true],
      ['profiles/alice/profile.db', true],
      ['profiles/bob/profile.db', true],
      ['profiles/carol/profile.db', false],
    ]);
    expect(entries[3]).toEqual({
      database: 'profiles/carol/profile.db',
      scope: 'profile',
      profileName: null,
      ok: false,
      error: { code: 'DB_NEWER_THAN_APP', message: expect.any(String) },
    });
    expect(entries[1]?.['appliedNow']).toEqual(PROFILE_IDS);
    expect(readFileSync(future).equals(futureBytes)).toBe(true);

    const status = await runCli(['db', 'status', '--data-dir', dataDir, '--json'], { cwd: work });
    expect(status.code).toBe(1);
    const statusJson = jsonOf(status);
    expect(statusJson['error']).toMatchObject({ code: 'DB_NEWER_THAN_APP' });
    const carol = databasesOf(statusJson)[3];
    expect(carol).toMatchObject({
      database: 'profiles/carol/profile.db',
      ok: false,
      applied: [...PROFILE_IDS, FUTURE_MIGRATION],
      pending: [],
      continuity: { ok: false, code: 'DB_NEWER_THAN_APP', message: expect.any(String) },
    });
    expect(databasesOf(statusJson).slice(0, 3).every((e) => e.ok)).toBe(true);

    const human = await runCli(['db', 'migrate', '--data-dir', dataDir], { cwd: work });
    expect(human.code).toBe(1);
    expect(human.stdout).toContain('profiles/carol/profile.db (profile): FAILED DB_NEWER_THAN_APP');
    expect(human.stderr).toMatch(/^lepupitre: DB_NEWER_THAN_APP: /);
    expect(readFileSync(future).equals(futureBytes)).toBe(true);
  });

  it('takes the data directory from LEPUPITRE_DATA_DIR, relative to the working directory', async () => {
    const run = await runCli(['db', 'migrate', '--json'], { cwd: work, env: { LEPUPITRE_DATA_DIR: 'data' } });
    expect(run.code).toBe(0);
    expect(databasesOf(jsonOf(run)).map((e) => e.database)).toEqual(['global.db', 'profiles/alice/profile.db', 'profiles/bob/profile.db']);
    expect(existsSync(path.join(dataDir, 'global.db'))).toBe(true);
  });

  it('prefers --data-dir over LEPUPITRE_DATA_DIR', async () => {
    const other = path.join(work, 'other');
    mkdirSync(other);
    createDatabase(path.join(other, 'global.db'), 'global');
    const run = await runCli(['db', 'status', '--data-dir', 'other', '--json'], { cwd: work, env: { LEPUPITRE_DATA_DIR: dataDir } });
    expect(databasesOf(jsonOf(run)).map((e) => [e.database, e['state']])).toEqual([['global.db', 'tracked']]);
  });

  (process.platform === 'linux' ? it : it.skip)('falls back to $XDG_DATA_HOME/app.lepupitre.desktop', async () => {
    const xdg = path.join(work, 'xdg');
    createDatabase(path.join(xdg, 'app.lepupitre.desktop', 'global.db'), 'global');
    const run = await runCli(['db', 'status', '--json'], { cwd: work, env: { XDG_DATA_HOME: xdg } });
    expect(run.code).toBe(0);
    expect(databasesOf(jsonOf(run))).toEqual([expect.objectContaining({ database: 'global.db', state: 'tracked' })]);
  });

  it('creates a missing data directory owner-only, with its global database, as the app does at first start', async () => {
    const fresh = path.join(work, 'first', 'start');
    const run = await runCli(['db', 'migrate', '--data-dir', fresh, '--json'], { cwd: work });
    expect(run.code).toBe(0);
    expect(databasesOf(jsonOf(run))).toEqual([
      expect.objectContaining({ database: 'global.db', ok: true, previousState: 'absent', appliedNow: GLOBAL_IDS }),
    ]);
    expect(statSync(fresh).mode & 0o777).toBe(0o700);
    expect(existsSync(path.join(fresh, 'global.db'))).toBe(true);
  });
});
