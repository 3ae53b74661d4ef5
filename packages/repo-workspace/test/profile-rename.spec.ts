import { defineQuery, globalQueryBuilder, type DatabaseHandle, type QueryParams } from '@lepupitre/db-core';
import { createProfile, renameProfile } from '../src';
import { tickingClock } from './support/clock';
import { codeChain, codeOf, errorOf } from './support/errors';
import { fileTree } from './support/file-tree';
import { globalDatabasePath, openGlobalDatabase } from './support/global-database';
import { storedProfiles } from './support/profile-rows';
import { useTempDir } from './support/temp-dir';

const sneakProfile = defineQuery((p: QueryParams<{ id: string; name: string }>) =>
  globalQueryBuilder.insertInto('profiles').values({ id: p.id, name: p.name, created_at: '2026-01-01T00:00:00+00:00', is_active: 0 }),
);

describe('profile rename', () => {
  const dir = useTempDir();
  let db: DatabaseHandle;
  let alice: string;
  let bob: string;
  beforeEach(() => {
    db = openGlobalDatabase(dir());
    const now = tickingClock();
    alice = createProfile(db, dir(), 'Alice', { now });
    bob = createProfile(db, dir(), 'Bob', { now });
  });
  afterEach(() => db.close());

  const rows = () => storedProfiles(globalDatabasePath(dir()));

  it('changes the name only: not the active flag, not last_opened_at, not the folder', () => {
    const before = rows();
    const tree = fileTree(dir());
    renameProfile(db, alice, ' Alice the 2nd ');
    expect(rows()).toEqual(before.map((r) => (r.id === alice ? { ...r, name: ' Alice the 2nd ' } : r)));
    expect(fileTree(dir())).toEqual(tree);
  });

  it("allows keeping one's own name and a case variant of another's", () => {
    renameProfile(db, alice, 'Alice');
    renameProfile(db, alice, 'bob');
    expect(rows().map((r) => r.name)).toEqual(['bob', 'Bob']);
  });

  it('refuses a name another profile has with profile_name_exists', () => {
    const before = rows();
    expect(codeOf(() => renameProfile(db, alice, 'Bob'))).toBe('profile_name_exists');
    expect(rows()).toEqual(before);
  });

  it('refuses an unknown id with profile_not_found', () => {
    expect(codeOf(() => renameProfile(db, 'prof_00000000000000000000000000000000', 'Carol'))).toBe('profile_not_found');
  });

  it.each([[''], ['  '], ['\n\u2028']])('refuses the blank name %j with profile_name_invalid before touching the database', (name) => {
    db.close();
    expect(codeOf(() => renameProfile(db, bob, name))).toBe('profile_name_invalid');
  });

  it('maps a name taken between the check and the update to profile_name_exists', () => {
    const before = rows();
    let sneaked = false;
    db.observeSteps((event) => {
      if (!sneaked && event.kind === 'statement' && event.detail.startsWith('update "profiles" set "name"')) {
        sneaked = true;
        db.run(sneakProfile, { id: 'prof_sneak', name: 'Carol' });
      }
    });
    const error = errorOf(() => renameProfile(db, alice, 'Carol'));
    db.observeSteps(undefined);
    expect(sneaked).toBe(true);
    expect(codeChain(error)).toEqual(['profile_name_exists', 'DB_CONSTRAINT']);
    expect(rows()).toEqual(before);
  });

  it("fails with db-core's DbError, unchanged, when the global database cannot be written", () => {
    db.close();
    expect(codeChain(errorOf(() => renameProfile(db, alice, 'Carol')))).toEqual(['DB_CLOSED']);
  });
});
