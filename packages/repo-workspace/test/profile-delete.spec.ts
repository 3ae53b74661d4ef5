import type { DatabaseHandle } from '@lepupitre/db-core';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProfile, deleteProfile, DELETED_PROFILES_FOLDER, switchProfile } from '../src';
import { fixedClock, tickingClock } from './support/clock';
import { codeChain, codeOf, errorOf } from './support/errors';
import { fileTree } from './support/file-tree';
import { globalDatabasePath, openGlobalDatabase } from './support/global-database';
import { insertRawProfile, storedProfiles } from './support/profile-rows';
import { useTempDir } from './support/temp-dir';

describe('profile delete', () => {
  const dir = useTempDir();
  let db: DatabaseHandle;
  let oldest: string;
  let middle: string;
  let newest: string;
  beforeEach(() => {
    db = openGlobalDatabase(dir());
    const now = tickingClock();
    oldest = createProfile(db, dir(), 'Oldest', { now });
    middle = createProfile(db, dir(), 'Middle', { now });
    newest = createProfile(db, dir(), 'Newest', { now });
  });
  afterEach(() => db.close());

  const rows = () => storedProfiles(globalDatabasePath(dir()));
  const deletedFolder = (...parts: string[]) => join(dir(), DELETED_PROFILES_FOLDER, ...parts);

  it('removes an inactive profile and moves its folder aside intact; the active one stays', () => {
    writeFileSync(join(dir(), 'profiles', middle, 'take.wav'), 'RIFF audio');
    const folderBefore = fileTree(join(dir(), 'profiles', middle));
    deleteProfile(db, dir(), middle, { now: fixedClock('2026-03-04T05:06:07.890+00:00') });
    expect(rows().map((r) => [r.id, r.is_active])).toEqual([
      [oldest, 0],
      [newest, 1],
    ]);
    expect(existsSync(join(dir(), 'profiles', middle))).toBe(false);
    const aside = deletedFolder(`${middle}-20260304T050607Z`);
    expect(fileTree(aside)).toEqual(folderBefore);
    expect(readFileSync(join(aside, 'take.wav'), 'utf8')).toBe('RIFF audio');
    expect(statSync(deletedFolder()).mode & 0o777).toBe(0o700);
  });

  it('activates the most recently created remaining profile when the active one goes (docs/compatibility.md#workspace-5)', () => {
    // The oldest was opened last: recency of opening does not matter, creation does.
    switchProfile(db, dir(), oldest, { now: fixedClock('2026-03-03T00:00:00+00:00') });
    switchProfile(db, dir(), newest, { now: fixedClock('2026-03-03T00:00:01+00:00') });
    deleteProfile(db, dir(), newest, { now: fixedClock('2026-03-04T00:00:00+00:00') });
    expect(rows().map((r) => [r.id, r.is_active, r.last_opened_at])).toEqual([
      [oldest, 0, '2026-03-03T00:00:00+00:00'],
      [middle, 1, '2026-03-04T00:00:00+00:00'],
    ]);
  });

  it('leaves no active profile after deleting the last one', () => {
    deleteProfile(db, dir(), oldest);
    deleteProfile(db, dir(), middle);
    deleteProfile(db, dir(), newest);
    expect(rows()).toEqual([]);
    expect(readdirSync(deletedFolder())).toHaveLength(3);
    expect(readdirSync(join(dir(), 'profiles'))).toEqual([]);
  });

  it('refuses an unknown id with profile_not_found and changes nothing (docs/compatibility.md#workspace-1)', () => {
    const before = rows();
    const tree = fileTree(dir());
    expect(codeOf(() => deleteProfile(db, dir(), 'prof_00000000000000000000000000000000'))).toBe('profile_not_found');
    expect(rows()).toEqual(before);
    expect(fileTree(dir())).toEqual(tree);
  });

  it('deletes a profile that has no folder without creating anything', () => {
    rmSync(join(dir(), 'profiles', middle), { recursive: true });
    deleteProfile(db, dir(), middle);
    expect(rows().map((r) => r.id)).toEqual([oldest, newest]);
    expect(existsSync(deletedFolder())).toBe(false);
  });

  it('refuses a profile folder that resolves outside the data folder, deleting nothing (path_not_allowed)', () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'lepupitre-elsewhere-'));
    try {
      writeFileSync(join(elsewhere, 'precious.txt'), 'keep me');
      rmSync(join(dir(), 'profiles', middle), { recursive: true });
      symlinkSync(elsewhere, join(dir(), 'profiles', middle));
      const before = rows();
      expect(codeOf(() => deleteProfile(db, dir(), middle))).toBe('path_not_allowed');
      expect(rows()).toEqual(before);
      expect(readFileSync(join(elsewhere, 'precious.txt'), 'utf8')).toBe('keep me');
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('refuses an id that is not a plain folder name with path_not_allowed', () => {
    insertRawProfile(globalDatabasePath(dir()), { id: '..', name: 'Dots', created_at: '2026-01-01T00:00:00+00:00', last_opened_at: null, is_active: 0 });
    const before = rows();
    expect(codeOf(() => deleteProfile(db, dir(), '..'))).toBe('path_not_allowed');
    expect(rows()).toEqual(before);
  });

  it('does not overwrite an earlier set-aside folder of the same name', () => {
    mkdirSync(deletedFolder(`${middle}-20260304T000000Z`), { recursive: true });
    writeFileSync(deletedFolder(`${middle}-20260304T000000Z`, 'older.txt'), 'older');
    deleteProfile(db, dir(), middle, { now: fixedClock('2026-03-04T00:00:00+00:00') });
    expect(readFileSync(deletedFolder(`${middle}-20260304T000000Z`, 'older.txt'), 'utf8')).toBe('older');
    expect(existsSync(deletedFolder(`${middle}-20260304T000000Z-2`, 'profile.db'))).toBe(true);
  });

  it('restores the rows when the folder cannot be moved aside (docs/compatibility.md#workspace-4)', () => {
    const before = rows();
    // A file where the deleted-profiles folder should be: nothing can be moved under it.
    writeFileSync(deletedFolder(), 'in the way');
    const tree = fileTree(dir());
    const error = errorOf(() => deleteProfile(db, dir(), newest, { now: fixedClock('2026-03-04T00:00:00+00:00') }));
    expect(codeChain(error)[0]).toBe('profile_folder_move_failed');
    expect(error.cleanupError).toBeUndefined();
    expect(rows()).toEqual(before);
    expect(fileTree(dir())).toEqual(tree);
  });

  it("fails with db-core's DbError, unchanged, when the global database cannot be read", () => {
    db.close();
    expect(codeChain(errorOf(() => deleteProfile(db, dir(), middle)))).toEqual(['DB_CLOSED']);
  });
});
