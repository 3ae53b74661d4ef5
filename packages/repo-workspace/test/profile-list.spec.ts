import { openDatabase, type DatabaseHandle } from '@lepupitre/db-core';
import { existsSync, mkdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createProfile, listProfiles, profileDatabasePath } from '../src';
import { tickingClock } from './support/clock';
import { codeChain, errorOf } from './support/errors';
import { globalDatabasePath, openGlobalDatabase } from './support/global-database';
import { insertRawProfile, insertTalks } from './support/profile-rows';
import { useTempDir } from './support/temp-dir';
import { TEST_SAFEGUARDS } from '@lepupitre/testing';

describe('profile list', () => {
  const dir = useTempDir();
  let db: DatabaseHandle;
  beforeEach(() => {
    db = openGlobalDatabase(dir());
  });
  afterEach(() => db.close());

  it('is empty when no profile exists', () => {
    expect(listProfiles(db, dir())).toEqual([]);
  });

  it('lists oldest first in the wire shape, the active flag as a boolean', () => {
    const now = tickingClock();
    const first = createProfile(db, dir(), 'First', { now });
    const second = createProfile(db, dir(), 'Second', { now });
    const list = listProfiles(db, dir());
    expect(list.map((p) => p.id)).toEqual([first, second]);
    expect(list[0]).toEqual({
      id: first,
      name: 'First',
      created_at: '2026-03-01T10:00:01+00:00',
      last_opened_at: '2026-03-01T10:00:01+00:00',
      is_active: false,
      size_bytes: expect.any(Number),
      talks_count: 0,
    });
    expect(list[1]?.is_active).toBe(true);
  });

  it('breaks a created_at tie by id and keeps a null last_opened_at', () => {
    const at = '2026-02-01T09:00:00.123456789+00:00';
    insertRawProfile(globalDatabasePath(dir()), { id: 'prof_b', name: 'B', created_at: at, last_opened_at: null, is_active: 0 });
    insertRawProfile(globalDatabasePath(dir()), { id: 'prof_a', name: 'A', created_at: at, last_opened_at: null, is_active: 1 });
    const list = listProfiles(db, dir());
    expect(list.map((p) => [p.id, p.created_at, p.last_opened_at, p.is_active])).toEqual([
      ['prof_a', at, null, true],
      ['prof_b', at, null, false],
    ]);
  });

  it('counts the talks of each profile, the training project excluded', () => {
    const now = tickingClock();
    const busy = createProfile(db, dir(), 'Busy', { now });
    const idle = createProfile(db, dir(), 'Idle', { now });
    insertTalks(profileDatabasePath(dir(), busy), [{ id: 'proj_1' }, { id: 'proj_2' }, { id: 'proj_t', isTraining: true }, { id: 'proj_3' }]);
    const counts = Object.fromEntries(listProfiles(db, dir()).map((p) => [p.id, p.talks_count]));
    expect(counts).toEqual({ [busy]: 3, [idle]: 0 });
  });

  it('counts on a database the caller holds open instead of opening the file again', () => {
    const now = tickingClock();
    const held = createProfile(db, dir(), 'Held', { now });
    const other = createProfile(db, dir(), 'Other', { now });
    insertTalks(profileDatabasePath(dir(), held), [{ id: 'proj_1' }, { id: 'proj_2' }]);
    insertTalks(profileDatabasePath(dir(), other), [{ id: 'proj_9' }]);
    const handle = openDatabase(profileDatabasePath(dir(), held), 'profile', { safeguards: TEST_SAFEGUARDS }).db;
    try {
      const asked: string[] = [];
      // The held connection answers for its profile: prove it by counting through it after the file moved away.
      renameSync(profileDatabasePath(dir(), held), `${profileDatabasePath(dir(), held)}.moved`);
      const counts = Object.fromEntries(
        listProfiles(db, dir(), {
          heldDatabase: (id) => {
            asked.push(id);
            return id === held ? handle : null;
          },
        }).map((p) => [p.id, p.talks_count]),
      );
      expect(counts).toEqual({ [held]: 2, [other]: 1 });
      expect(asked).toEqual([held, other]);
    } finally {
      handle.close();
    }
  });

  it('sums the regular files under the profile folder, without following or counting symlinks', () => {
    const id = createProfile(db, dir(), 'Sized', { now: tickingClock() });
    const folder = join(dir(), 'profiles', id);
    const before = listProfiles(db, dir())[0]?.size_bytes ?? -1;
    mkdirSync(join(folder, 'artifacts', 'audio'), { recursive: true });
    writeFileSync(join(folder, 'artifacts', 'audio', 'a.wav'), Buffer.alloc(1000));
    writeFileSync(join(folder, 'notes.txt'), Buffer.alloc(234));
    const outside = join(dir(), 'outside.bin');
    writeFileSync(outside, Buffer.alloc(50_000));
    symlinkSync(outside, join(folder, 'link.bin'));
    symlinkSync(dir(), join(folder, 'loop'));
    expect(listProfiles(db, dir())[0]?.size_bytes).toBe(before + 1234);
  });

  it('creates nothing for a profile whose folder is missing and reports it as empty (docs/compatibility.md#workspace-6)', () => {
    insertRawProfile(globalDatabasePath(dir()), {
      id: 'prof_0123456789abcdef0123456789abcdef',
      name: 'Folderless',
      created_at: '2026-03-01T10:00:00+00:00',
      last_opened_at: '2026-03-01T10:00:00+00:00',
      is_active: 1,
    });
    const [summary] = listProfiles(db, dir());
    expect(summary).toMatchObject({ size_bytes: 0, talks_count: 0 });
    expect(existsSync(join(dir(), 'profiles'))).toBe(false);
  });

  it('reports 0 talks for a database it cannot open, and leaves that file as it was', () => {
    const id = createProfile(db, dir(), 'Broken', { now: tickingClock() });
    const path = profileDatabasePath(dir(), id);
    writeFileSync(path, 'not a database, just text long enough to not look empty at all');
    const bytes = readFileSync(path);
    const [summary] = listProfiles(db, dir());
    expect(summary?.talks_count).toBe(0);
    expect(summary?.size_bytes).toBeGreaterThanOrEqual(bytes.length);
    expect(readFileSync(path)).toEqual(bytes);
  });

  it('reports 0 bytes and 0 talks for an id that cannot be a folder name', () => {
    insertRawProfile(globalDatabasePath(dir()), {
      id: '../escape',
      name: 'Odd',
      created_at: '2026-03-01T10:00:00+00:00',
      last_opened_at: null,
      is_active: 0,
    });
    writeFileSync(join(dir(), 'big.bin'), Buffer.alloc(10_000));
    expect(listProfiles(db, dir())).toEqual([expect.objectContaining({ id: '../escape', size_bytes: 0, talks_count: 0 })]);
  });

  it("fails with db-core's DbError, unchanged, when the global database cannot be read", () => {
    db.close();
    const error = errorOf(() => listProfiles(db, dir()));
    expect(codeChain(error)).toEqual(['DB_CLOSED']);
  });
});
