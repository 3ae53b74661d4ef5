import Database from 'better-sqlite3';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { globalFixtureCases, useTempDir } from '@lepupitre/fixtures';
import { DbErrorCode, MIGRATIONS, migrationChecksum } from '@lepupitre/db-core';
import { readDatabaseStatus, openGuardedDatabase } from '../src';
import { defineMigration, type Migration, runMigrations } from '@lepupitre/db-core/internals';
import { fingerprintTree, withoutEmptyCompanions } from './support/file-fingerprint';

/**
 * `0002_unique_profile_names` as it first shipped. It matched rows by id, so a profile row
 * stored with a NULL id that duplicated a name was never renamed and the unique index failed.
 * Its checksum is the one databases in the field recorded.
 */
const FIRST_0002 = defineMigration({
  id: '0002_unique_profile_names',
  scope: 'global',
  summary: 'unique profile names and at most one active profile',
  steps: [
    {
      sql: `
        CREATE TEMP TABLE profile_name_rank AS
          SELECT id, ROW_NUMBER() OVER (PARTITION BY name ORDER BY created_at, rowid) AS n FROM profiles;
        UPDATE profiles
           SET name = name || ' (' || (SELECT r.n FROM temp.profile_name_rank r WHERE r.id = profiles.id) || ')'
         WHERE id IN (SELECT id FROM temp.profile_name_rank WHERE n > 1);
        CREATE TEMP TABLE profile_name_clash AS
          SELECT id, ROW_NUMBER() OVER (
                   PARTITION BY name
                   ORDER BY id IN (SELECT id FROM temp.profile_name_rank WHERE n > 1), created_at, rowid) AS n
            FROM profiles;
        UPDATE profiles SET name = name || ' ' || id
         WHERE id IN (SELECT id FROM temp.profile_name_clash WHERE n > 1);
        DROP TABLE temp.profile_name_clash;
        DROP TABLE temp.profile_name_rank;
        CREATE UNIQUE INDEX idx_profiles_name ON profiles(name);`,
    },
    {
      sql: `
        UPDATE profiles SET is_active = 0
         WHERE is_active = 1
           AND id <> (SELECT id FROM profiles WHERE is_active = 1
                       ORDER BY last_opened_at DESC, created_at DESC, rowid DESC LIMIT 1);
        CREATE UNIQUE INDEX idx_profiles_one_active ON profiles(is_active) WHERE is_active = 1;`,
    },
  ],
});
const FIRST_0002_CHECKSUM = 'sha256:fc7d048f8ad9e104128c1aa6cc3336e848b00b7b075a9eece792f457d000132c';

const PROFILES_DDL = `
  CREATE TABLE profiles (id TEXT PRIMARY KEY, name TEXT NOT NULL, created_at TEXT NOT NULL, last_opened_at TEXT, is_active INTEGER NOT NULL DEFAULT 0);
  CREATE TABLE global_settings (key TEXT PRIMARY KEY, value_json TEXT NOT NULL);`;

/** Rows without an id that the first text survived: the oldest of its name, the only active one. */
const NULL_ID_FIRST_TEXT_SURVIVED = `
  INSERT INTO profiles VALUES (NULL, 'Carole', '2026-02-20T10:00:00+00:00', '2026-03-04T00:00:00+00:00', 1);
  INSERT INTO profiles VALUES ('prof_c', 'Carole', '2026-02-21T10:00:00+00:00', NULL, 0);
  INSERT INTO profiles VALUES ('prof_c2', 'Carole', '2026-02-22T10:00:00+00:00', NULL, 0);
  INSERT INTO profiles VALUES ('prof_x', 'Carole (2)', '2026-02-19T10:00:00+00:00', NULL, 0);`;

describe('a corrected shipped migration (global 0002)', () => {
  const dir = useTempDir();
  const file = (): string => join(dir(), 'global.db');

  it('pins the first text this test compares with', () => {
    expect(migrationChecksum(FIRST_0002)).toBe(FIRST_0002_CHECKSUM);
    expect(MIGRATIONS.global[1]?.earlierChecksums).toEqual([FIRST_0002_CHECKSUM]);
  });

  it.each([
    [
      'a duplicate name',
      `INSERT INTO profiles VALUES ('prof_b', 'Bob', '2026-02-21T10:00:00+00:00', '2026-03-05T00:00:00+00:00', 1);
       INSERT INTO profiles VALUES ('prof_b2', 'Bob (2)', '2026-02-22T10:00:00+00:00', NULL, 0);
       INSERT INTO profiles VALUES (NULL, 'Bob', '2026-02-23T10:00:00+00:00', '2026-03-06T00:00:00+00:00', 1);
       INSERT INTO profiles VALUES (NULL, 'Bob', '2026-02-24T10:00:00+00:00', NULL, 0);`,
      // 'Bob (2)' is a name someone chose: the row without an id that would take it gets its rowid.
      [
        { rowid: 1, id: 'prof_b', name: 'Bob', is_active: 1 },
        { rowid: 2, id: 'prof_b2', name: 'Bob (2)', is_active: 0 },
        { rowid: 3, id: null, name: 'Bob (2) 3', is_active: 0 },
        { rowid: 4, id: null, name: 'Bob (3)', is_active: 0 },
      ],
    ],
    [
      'a second active flag',
      `INSERT INTO profiles VALUES ('prof_a', 'Ada', '2026-02-21T10:00:00+00:00', '2026-03-05T00:00:00+00:00', 1);
       INSERT INTO profiles VALUES (NULL, 'Zed', '2026-02-22T10:00:00+00:00', '2026-02-25T00:00:00+00:00', 1);`,
      [
        { rowid: 1, id: 'prof_a', name: 'Ada', is_active: 1 },
        { rowid: 2, id: null, name: 'Zed', is_active: 0 },
      ],
    ],
  ])('upgrades a file the first text failed on (%s on a row without an id), keeping that row', (_what, rows, expected) => {
    const raw = new Database(file());
    raw.exec(PROFILES_DDL + rows);
    raw.close();
    expect(() => migrateWith(copyOf(file(), 'first.db'), FIRST_0002)).toThrow(
      expect.objectContaining({ code: DbErrorCode.MIGRATION_FAILED }),
    );

    const opened = openGuardedDatabase(file(), 'global');
    opened.db.close();
    expect(opened.report.appliedNow).toEqual(MIGRATIONS.global.map((m) => m.id));
    const check = new Database(file(), { readonly: true });
    expect(check.prepare('SELECT rowid, id, name, is_active FROM profiles ORDER BY rowid').all()).toEqual(expected);
    check.close();
  });

  it('gives the result of the first text on every file the first text upgraded', () => {
    const sources = globalFixtureCases()
      .map((c) => c.build(join(dir(), c.name.replace(/[^A-Za-z0-9]+/g, '-'))))
      .filter((f) => f.fileExists)
      .map((f) => f.path);
    const survived = join(dir(), 'survived.db');
    const raw = new Database(survived);
    raw.exec(PROFILES_DDL + NULL_ID_FIRST_TEXT_SURVIVED);
    raw.close();
    sources.push(survived);

    let compared = 0;
    sources.forEach((source, i) => {
      let first: unknown;
      try {
        first = migrateWith(copyOf(source, `first-${i}.db`), FIRST_0002);
      } catch {
        return; // a file the first text refused: the correction is free to differ there
      }
      const corrected = migrateWith(copyOf(source, `corrected-${i}.db`), MIGRATIONS.global[1] as Migration);
      expect({ source, profiles: corrected }).toEqual({ source, profiles: first });
      compared++;
    });
    expect(compared).toBe(sources.length - 2); // the two fixtures with a duplicate name on a row without an id
  });

  it('opens a database that recorded the first text, keeping its record', () => {
    openGuardedDatabase(file(), 'global').db.close();
    recordChecksum(file(), FIRST_0002_CHECKSUM);
    expect(readDatabaseStatus(file(), 'global').continuity).toEqual({ ok: true });
    const opened = openGuardedDatabase(file(), 'global');
    opened.db.close();
    expect(opened.report.appliedNow).toEqual([]);
    expect(opened.report.snapshot).toBeNull();
    const check = new Database(file(), { readonly: true });
    expect(check.prepare("SELECT checksum FROM schema_migrations WHERE version = '0002_unique_profile_names'").get()).toEqual({
      checksum: FIRST_0002_CHECKSUM,
    });
    check.close();
  });

  it('still refuses a recorded text it does not know, leaving the file untouched', () => {
    openGuardedDatabase(file(), 'global').db.close();
    recordChecksum(file(), `sha256:${'ab'.repeat(32)}`);
    const before = fingerprintTree(dir());
    expect(() => openGuardedDatabase(file(), 'global')).toThrow(
      expect.objectContaining({ code: DbErrorCode.MIGRATION_CHECKSUM_MISMATCH, message: expect.stringContaining('0002_unique_profile_names') }),
    );
    expect(withoutEmptyCompanions(fingerprintTree(dir()))).toEqual(withoutEmptyCompanions(before));
    expect(readDatabaseStatus(file(), 'global').continuity).toMatchObject({ ok: false, code: DbErrorCode.MIGRATION_CHECKSUM_MISMATCH });
  });

  function copyOf(source: string, name: string): string {
    const target = join(dir(), name);
    copyFileSync(source, target);
    return target;
  }

  /** Runs 0001 then the given 0002 on the file; the profiles as they are left, by rowid. */
  function migrateWith(path: string, unique: Migration): unknown {
    const db = new Database(path);
    try {
      runMigrations(db, { scope: 'global', known: [MIGRATIONS.global[0] as Migration, unique] });
      return db.prepare('SELECT rowid, * FROM profiles ORDER BY rowid').all();
    } finally {
      db.close();
    }
  }
});

function recordChecksum(path: string, checksum: string): void {
  const raw = new Database(path);
  raw.prepare("UPDATE schema_migrations SET checksum = ? WHERE version = '0002_unique_profile_names'").run(checksum);
  raw.close();
}
