import Database from 'better-sqlite3';
import { join } from 'node:path';
import { MIGRATIONS, openDatabase } from '../src';
import { useTempDir } from '@lepupitre/fixtures';
import { UNGUARDED } from './support/test-safeguards';

/** The invariants the previous app only checked before inserting, now held by the schema. */
describe('invariant migrations', () => {
  const dir = useTempDir();

  it('0002 (global): the oldest keeps a name, later ones are suffixed, a chosen name is never taken', () => {
    const path = join(dir(), 'global.db');
    const raw = new Database(path);
    raw.exec(`
      CREATE TABLE profiles (id TEXT PRIMARY KEY, name TEXT NOT NULL, created_at TEXT NOT NULL, last_opened_at TEXT, is_active INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE global_settings (key TEXT PRIMARY KEY, value_json TEXT NOT NULL);
      INSERT INTO profiles VALUES ('prof_b', 'Alice', '2026-02-22T10:00:00+00:00', '2026-03-05T00:00:00+00:00', 1);
      INSERT INTO profiles VALUES ('prof_a', 'Alice', '2026-02-21T10:00:00+00:00', '2026-03-01T00:00:00+00:00', 1);
      INSERT INTO profiles VALUES ('prof_c', 'Alice (2)', '2026-02-23T10:00:00+00:00', NULL, 1);
      INSERT INTO profiles VALUES ('prof_d', 'Alice', '2026-02-23T10:00:00+00:00', '2026-02-23T10:00:00+00:00', 0);
      INSERT INTO profiles VALUES ('prof_e', 'alice', '2026-02-24T10:00:00+00:00', NULL, 0);`);
    raw.close();
    const { db } = openDatabase(path, 'global', { safeguards: UNGUARDED });
    db.close();
    const check = new Database(path, { readonly: true });
    expect(check.prepare('SELECT id, name, is_active FROM profiles ORDER BY id').all()).toEqual([
      { id: 'prof_a', name: 'Alice', is_active: 0 },
      { id: 'prof_b', name: 'Alice (2) prof_b', is_active: 1 },
      { id: 'prof_c', name: 'Alice (2)', is_active: 0 },
      { id: 'prof_d', name: 'Alice (3)', is_active: 0 },
      { id: 'prof_e', name: 'alice', is_active: 0 },
    ]);
    expect(() => check.prepare("INSERT INTO profiles VALUES ('prof_f', 'Alice', 'x', NULL, 0)").run()).toThrow();
    check.close();
    const write = new Database(path);
    expect(() => write.prepare("UPDATE profiles SET is_active = 1 WHERE id = 'prof_a'").run()).toThrow(/UNIQUE/);
    write.close();
  });

  it('0004 (global): every empty name (also as 0002 suffixed it) becomes Unnamed profile, numbered in creation order, never taking a chosen name', () => {
    const path = join(dir(), 'global.db');
    const raw = new Database(path);
    raw.exec(`
      CREATE TABLE profiles (id TEXT PRIMARY KEY, name TEXT NOT NULL, created_at TEXT NOT NULL, last_opened_at TEXT, is_active INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE global_settings (key TEXT PRIMARY KEY, value_json TEXT NOT NULL);
      INSERT INTO profiles VALUES ('prof_c', '', '2026-02-23T10:00:00+00:00', NULL, 0);
      INSERT INTO profiles VALUES ('prof_a', 'Unnamed profile', '2026-02-20T10:00:00+00:00', NULL, 1);
      INSERT INTO profiles VALUES ('prof_b', '', '2026-02-22T10:00:00+00:00', NULL, 0);
      INSERT INTO profiles VALUES ('prof_d', '  ', '2026-02-24T10:00:00+00:00', NULL, 0);
      INSERT INTO profiles VALUES ('prof_e', 'Ada', '2026-02-25T10:00:00+00:00', NULL, 0);`);
    raw.close();
    openDatabase(path, 'global', { safeguards: UNGUARDED }).db.close();
    const check = new Database(path, { readonly: true });
    // 0002 first makes the second empty name " (2)"; 0004 then names both, in creation order.
    expect(check.prepare('SELECT id, name FROM profiles ORDER BY id').all()).toEqual([
      { id: 'prof_a', name: 'Unnamed profile' },
      { id: 'prof_b', name: 'Unnamed profile prof_b' },
      { id: 'prof_c', name: 'Unnamed profile (2)' },
      { id: 'prof_d', name: '  ' },
      { id: 'prof_e', name: 'Ada' },
    ]);
    check.close();
  });

  it('0008 (profile): duplicated talk numbers move after the largest, in creation order; training has none', () => {
    const path = join(dir(), 'profile.db');
    const { db } = openDatabase(path, 'profile', { safeguards: UNGUARDED });
    db.close();
    const raw = new Database(path);
    raw.exec(`
      DROP INDEX idx_talk_projects_number;
      DELETE FROM schema_migrations WHERE version >= '0008';
      INSERT INTO talk_projects (id, title, talk_number, stage, created_at, updated_at, is_training) VALUES
        ('proj_late', 'Late duplicate', 2, 'draft', '2026-03-03T00:00:00+00:00', 'x', 0),
        ('proj_first', 'First two', 2, 'draft', '2026-03-01T00:00:00+00:00', 'x', 0),
        ('proj_mid', 'Middle duplicate', 2, 'draft', '2026-03-02T00:00:00+00:00', 'x', 0),
        ('proj_seven', 'Seven', 7, 'draft', '2026-03-01T00:00:00+00:00', 'x', 0),
        ('proj_training', 'Training', 3, 'draft', '2026-03-01T00:00:00+00:00', 'x', 1);`);
    raw.close();
    const reopened = openDatabase(path, 'profile', { safeguards: UNGUARDED });
    expect(reopened.report.appliedNow).toEqual(MIGRATIONS.profile.slice(7).map((m) => m.id));
    reopened.db.close();
    const check = new Database(path);
    expect(check.prepare('SELECT id, talk_number FROM talk_projects ORDER BY id').all()).toEqual([
      { id: 'proj_first', talk_number: 2 },
      { id: 'proj_late', talk_number: 9 },
      { id: 'proj_mid', talk_number: 8 },
      { id: 'proj_seven', talk_number: 7 },
      { id: 'proj_training', talk_number: null },
    ]);
    expect(() =>
      check.prepare("INSERT INTO talk_projects (id, title, talk_number, stage, created_at, updated_at) VALUES ('proj_x', 'x', 7, 'draft', 'x', 'x')").run(),
    ).toThrow(/UNIQUE/);
    check.close();
  });
});
