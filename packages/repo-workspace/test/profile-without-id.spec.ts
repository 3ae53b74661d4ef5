import type { DatabaseHandle } from '@lepupitre/db-core';
import Database from 'better-sqlite3';
import { createProfile, deleteProfile, listProfiles } from '../src';
import { tickingClock } from './support/clock';
import { globalDatabasePath, openGlobalDatabase } from './support/global-database';
import { useTempDir } from './support/temp-dir';

/**
 * A legacy profile row whose id is NULL: SQLite lets a TEXT PRIMARY KEY hold one and the global
 * migrations keep the row as the user's. The generated types give `profiles.id` as a string, so
 * the queries that can meet such a row must leave it out themselves.
 */
describe('a legacy profile row without an id', () => {
  const dir = useTempDir();
  let db: DatabaseHandle;
  beforeEach(() => {
    db = openGlobalDatabase(dir());
  });
  afterEach(() => db.close());

  /** Written as an older app left it, through a connection of its own. */
  const insertWithoutId = (name: string, createdAt: string): void => {
    const raw = new Database(globalDatabasePath(dir()));
    try {
      raw
        .prepare('INSERT INTO profiles (id, name, created_at, last_opened_at, is_active) VALUES (NULL, ?, ?, NULL, 0)')
        .run(name, createdAt);
    } finally {
      raw.close();
    }
  };

  const stored = (): { id: string | null; name: string; is_active: number }[] => {
    const raw = new Database(globalDatabasePath(dir()), { readonly: true });
    try {
      return raw.prepare('SELECT id, name, is_active FROM profiles ORDER BY rowid').all() as {
        id: string | null;
        name: string;
        is_active: number;
      }[];
    } finally {
      raw.close();
    }
  };

  it('is left out of the list, which still lists every profile with an id', () => {
    const now = tickingClock();
    const first = createProfile(db, dir(), 'First', { now });
    insertWithoutId('Legacy', '2026-03-01T10:00:01.500+00:00');
    const second = createProfile(db, dir(), 'Second', { now });
    const list = listProfiles(db, dir());
    expect(list.map((p) => [p.id, p.name])).toEqual([
      [first, 'First'],
      [second, 'Second'],
    ]);
    expect(stored().map((r) => r.name)).toEqual(['First', 'Legacy', 'Second']);
  });

  it('is not made active when it is the newest profile left after the active one is deleted', () => {
    const now = tickingClock();
    const first = createProfile(db, dir(), 'First', { now });
    const second = createProfile(db, dir(), 'Second', { now });
    insertWithoutId('Legacy', '2030-01-01T00:00:00.000+00:00');
    deleteProfile(db, dir(), second, { now });
    expect(stored()).toEqual([
      { id: first, name: 'First', is_active: 0 },
      { id: null, name: 'Legacy', is_active: 0 },
    ]);
  });

  it('gives way to the newest profile with an id when it is older', () => {
    const now = tickingClock();
    insertWithoutId('Legacy', '2020-01-01T00:00:00.000+00:00');
    const first = createProfile(db, dir(), 'First', { now });
    const second = createProfile(db, dir(), 'Second', { now });
    deleteProfile(db, dir(), second, { now });
    expect(stored()).toEqual([
      { id: null, name: 'Legacy', is_active: 0 },
      { id: first, name: 'First', is_active: 1 },
    ]);
  });
});
