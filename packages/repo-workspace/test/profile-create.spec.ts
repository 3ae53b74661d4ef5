import { defineQuery, globalQueryBuilder, MIGRATIONS, type DatabaseHandle, type QueryParams } from '@lepupitre/db-core';
import { ID_PATTERN } from '@lepupitre/domain-primitives';
import Database from 'better-sqlite3';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createProfile, profileDatabasePath } from '../src';
import { fixedClock, tickingClock } from './support/clock';
import { codeChain, codeOf, errorOf } from './support/errors';
import { fileTree } from './support/file-tree';
import { globalDatabasePath, openGlobalDatabase } from './support/global-database';
import { storedProfiles } from './support/profile-rows';
import { useTempDir } from './support/temp-dir';

/** A row slipped in by "another writer" on the same connection, between a check and a write. */
const sneakProfile = defineQuery((p: QueryParams<{ id: string; name: string }>) =>
  globalQueryBuilder.insertInto('profiles').values({ id: p.id, name: p.name, created_at: '2026-01-01T00:00:00+00:00', is_active: 0 }),
);

describe('profile create', () => {
  const dir = useTempDir();
  let db: DatabaseHandle;
  beforeEach(() => {
    db = openGlobalDatabase(dir());
  });
  afterEach(() => db.close());

  it('creates an active profile with its owner-only folder and a migrated database', () => {
    const id = createProfile(db, dir(), 'Alice', { now: fixedClock('2026-03-01T10:00:00.123+00:00') });
    expect(id).toMatch(ID_PATTERN);
    expect(id.startsWith('prof_')).toBe(true);
    expect(storedProfiles(globalDatabasePath(dir()))).toEqual([
      { id, name: 'Alice', created_at: '2026-03-01T10:00:00.123+00:00', last_opened_at: '2026-03-01T10:00:00.123+00:00', is_active: 1 },
    ]);
    const folder = join(dir(), 'profiles', id);
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir(), 'profiles')).mode & 0o777).toBe(0o700);
    const created = new Database(profileDatabasePath(dir(), id), { readonly: true });
    const applied = created.prepare('SELECT version FROM schema_migrations ORDER BY rowid').pluck().all();
    created.close();
    expect(applied).toEqual(MIGRATIONS.profile.map((migration) => migration.id));
  });

  it('makes the new profile the only active one', () => {
    const now = tickingClock();
    const first = createProfile(db, dir(), 'First', { now });
    const second = createProfile(db, dir(), 'Second', { now });
    const rows = storedProfiles(globalDatabasePath(dir()));
    expect(rows.map((r) => [r.id, r.is_active])).toEqual([
      [first, 0],
      [second, 1],
    ]);
    // Deactivating does not touch the previous profile's last_opened_at.
    expect(rows[0]?.last_opened_at).toBe('2026-03-01T10:00:01+00:00');
  });

  it('stores the name exactly as given; the uniqueness check is exact and case-sensitive (docs/compatibility.md#workspace-2)', () => {
    const now = tickingClock();
    createProfile(db, dir(), 'Alice', { now });
    createProfile(db, dir(), 'alice', { now });
    createProfile(db, dir(), 'Alice ', { now });
    createProfile(db, dir(), '  Bob\t', { now });
    expect(storedProfiles(globalDatabasePath(dir())).map((r) => r.name)).toEqual(['Alice', 'alice', 'Alice ', '  Bob\t']);
  });

  it('refuses an exact duplicate with profile_name_exists and changes nothing', () => {
    const now = tickingClock();
    createProfile(db, dir(), 'Alice', { now });
    const before = storedProfiles(globalDatabasePath(dir()));
    const tree = fileTree(dir());
    expect(codeOf(() => createProfile(db, dir(), 'Alice', { now }))).toBe('profile_name_exists');
    expect(storedProfiles(globalDatabasePath(dir()))).toEqual(before);
    expect(fileTree(dir())).toEqual(tree);
  });

  it.each([[''], ['   '], ['\t\n'], ['\u3000'], ['\u0085']])('refuses the blank name %j before touching the database (docs/compatibility.md#workspace-2)', (name) => {
    db.close();
    expect(codeOf(() => createProfile(db, dir(), name))).toBe('profile_name_invalid');
    expect(existsSync(join(dir(), 'profiles'))).toBe(false);
  });

  it('accepts a name that is only a byte-order mark, which is not white space', () => {
    const id = createProfile(db, dir(), '\uFEFF', { now: tickingClock() });
    expect(storedProfiles(globalDatabasePath(dir()))[0]).toMatchObject({ id, name: '\uFEFF' });
  });

  it('maps a name taken between the check and the insert to profile_name_exists', () => {
    createProfile(db, dir(), 'Old', { now: tickingClock() });
    const before = storedProfiles(globalDatabasePath(dir()));
    let sneaked = false;
    db.observeSteps((event) => {
      if (!sneaked && event.kind === 'statement' && event.detail.startsWith('insert into "profiles"')) {
        sneaked = true;
        db.run(sneakProfile, { id: 'prof_sneak', name: 'Racer' });
      }
    });
    const error = errorOf(() => createProfile(db, dir(), 'Racer'));
    db.observeSteps(undefined);
    expect(sneaked).toBe(true);
    expect(codeChain(error)).toEqual(['profile_name_exists', 'DB_CONSTRAINT']);
    expect(storedProfiles(globalDatabasePath(dir()))).toEqual(before);
  });

  it('undoes the row when the folder cannot be created, and the previous profile is active again (docs/compatibility.md#workspace-4)', () => {
    const now = tickingClock();
    const previous = createProfile(db, dir(), 'Previous', { now });
    const before = storedProfiles(globalDatabasePath(dir()));
    // A file where the profiles folder should be: no profile folder can be made under it.
    const blocked = join(dir(), 'blocked');
    writeFileSync(blocked, 'x');
    const error = errorOf(() => createProfile(db, blocked, 'Next', { now }));
    expect(codeChain(error)[0]).toBe('profile_folder_create_failed');
    expect(error.cleanupError).toBeUndefined();
    const after = storedProfiles(globalDatabasePath(dir()));
    expect(after).toEqual(before);
    expect(after.find((r) => r.is_active === 1)?.id).toBe(previous);
  });

  it('undoes the row and removes the new folder when the database cannot be created (docs/compatibility.md#workspace-4)', () => {
    const now = tickingClock();
    createProfile(db, dir(), 'Previous', { now });
    const before = storedProfiles(globalDatabasePath(dir()));
    const tree = fileTree(dir());
    // Something else writes a non-database file into the new folder just before the database is opened.
    db.observeSteps((event) => {
      if (event.kind === 'file' && event.detail === 'create profile database') {
        const profiles = join(dir(), 'profiles');
        const fresh = readdirSync(profiles).find((name) => !Object.keys(tree).includes(`profiles/${name}/`));
        writeFileSync(join(profiles, fresh as string, 'profile.db'), 'definitely not an SQLite database file, just text');
      }
    });
    const error = errorOf(() => createProfile(db, dir(), 'Next', { now }));
    db.observeSteps(undefined);
    expect(codeChain(error)).toEqual(['DB_NOT_A_DATABASE']);
    expect(error.cleanupError).toBeUndefined();
    expect(storedProfiles(globalDatabasePath(dir()))).toEqual(before);
    expect(fileTree(dir())).toEqual(tree);
  });

  it("fails with db-core's DbError, unchanged, when the global database cannot be written", () => {
    db.close();
    expect(codeChain(errorOf(() => createProfile(db, dir(), 'Alice')))).toEqual(['DB_CLOSED']);
  });
});
