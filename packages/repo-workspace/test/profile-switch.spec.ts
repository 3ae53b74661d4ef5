import type { DatabaseHandle } from '@lepupitre/db-core';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createProfile, profileDatabasePath, switchProfile } from '../src';
import { fixedClock, tickingClock } from './support/clock';
import { codeChain, codeOf, errorOf } from './support/errors';
import { fileTree } from './support/file-tree';
import { globalDatabasePath, openGlobalDatabase } from './support/global-database';
import { insertRawProfile, storedProfiles } from './support/profile-rows';
import { useTempDir } from './support/temp-dir';

describe('profile switch', () => {
  const dir = useTempDir();
  let db: DatabaseHandle;
  let first: string;
  let second: string;
  beforeEach(() => {
    db = openGlobalDatabase(dir());
    const now = tickingClock();
    first = createProfile(db, dir(), 'First', { now });
    second = createProfile(db, dir(), 'Second', { now });
  });
  afterEach(() => db.close());

  const rows = () => storedProfiles(globalDatabasePath(dir()));

  it('activates the profile, deactivates the other and stamps last_opened_at', () => {
    switchProfile(db, dir(), first, { now: fixedClock('2026-03-02T08:00:00.500+00:00') });
    expect(rows().map((r) => [r.id, r.is_active, r.last_opened_at])).toEqual([
      [first, 1, '2026-03-02T08:00:00.500+00:00'],
      [second, 0, '2026-03-01T10:00:02+00:00'],
    ]);
  });

  it('refreshes last_opened_at when switching to the already active profile', () => {
    switchProfile(db, dir(), second, { now: fixedClock('2026-03-02T08:00:00+00:00') });
    expect(rows().map((r) => [r.id, r.is_active, r.last_opened_at])).toEqual([
      [first, 0, '2026-03-01T10:00:01+00:00'],
      [second, 1, '2026-03-02T08:00:00+00:00'],
    ]);
  });

  it('creates and migrates a missing profile database', () => {
    rmSync(join(dir(), 'profiles', first), { recursive: true });
    switchProfile(db, dir(), first);
    expect(existsSync(profileDatabasePath(dir(), first))).toBe(true);
  });

  it('refuses an unknown id with profile_not_found and changes nothing', () => {
    const before = rows();
    expect(codeOf(() => switchProfile(db, dir(), 'prof_00000000000000000000000000000000'))).toBe('profile_not_found');
    expect(rows()).toEqual(before);
  });

  it('refuses an id that would leave the profiles folder, changing nothing', () => {
    insertRawProfile(globalDatabasePath(dir()), { id: '../escape', name: 'Odd', created_at: '2026-01-01T00:00:00+00:00', last_opened_at: null, is_active: 0 });
    const before = rows();
    expect(codeOf(() => switchProfile(db, dir(), '../escape'))).toBe('path_not_allowed');
    expect(rows()).toEqual(before);
    expect(existsSync(join(dir(), 'escape'))).toBe(false);
  });

  it('is undone when the profile database cannot be opened, leaving that file alone (docs/compatibility.md#workspace-4)', () => {
    const path = profileDatabasePath(dir(), first);
    rmSync(path);
    writeFileSync(path, 'this is not an SQLite database but a plain text file');
    const before = rows();
    const tree = fileTree(dir());
    const error = errorOf(() => switchProfile(db, dir(), first, { now: fixedClock('2026-03-05T00:00:00+00:00') }));
    expect(codeChain(error)).toEqual(['DB_NOT_A_DATABASE']);
    expect(error.cleanupError).toBeUndefined();
    expect(rows()).toEqual(before);
    expect(fileTree(dir())).toEqual(tree);
    expect(readFileSync(path, 'utf8')).toBe('this is not an SQLite database but a plain text file');
  });

  it('removes a folder the failed open created when there was none before', () => {
    rmSync(join(dir(), 'profiles', first), { recursive: true });
    const before = rows();
    const tree = fileTree(dir());
    db.observeSteps((event) => {
      if (event.kind === 'file' && event.detail === 'open profile database') {
        // Stands for what a failed open leaves behind: the folder it made, holding a file it refused.
        mkdirSync(join(dir(), 'profiles', first));
        writeFileSync(profileDatabasePath(dir(), first), 'not a database, plain text content here');
      }
    });
    const error = errorOf(() => switchProfile(db, dir(), first));
    db.observeSteps(undefined);
    expect(codeChain(error)).toEqual(['DB_NOT_A_DATABASE']);
    expect(rows()).toEqual(before);
    expect(fileTree(dir())).toEqual(tree);
  });

  it("fails with db-core's DbError, unchanged, when the global database cannot be written", () => {
    db.close();
    expect(codeChain(errorOf(() => switchProfile(db, dir(), first)))).toEqual(['DB_CLOSED']);
  });
});
