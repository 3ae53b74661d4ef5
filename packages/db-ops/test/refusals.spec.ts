import Database from 'better-sqlite3';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DbErrorCode, MIGRATIONS, type DatabaseScope } from '@lepupitre/db-core';
import { readDatabaseStatus, openGuardedDatabase } from '../src';
import { fingerprintTree, withoutEmptyCompanions } from './support/file-fingerprint';
import { useTempDir } from '@lepupitre/fixtures';

const PROFILE_IDS = MIGRATIONS.profile.map((m) => m.id);

/** A current database whose tracking table is then edited by hand, as a broken history would be. */
function trackedDatabase(path: string, scope: DatabaseScope, edit: (raw: Database.Database) => void): void {
  openGuardedDatabase(path, scope).db.close();
  const raw = new Database(path);
  edit(raw);
  raw.close();
}

function expectRefusal(dir: string, path: string, scope: DatabaseScope, code: string, named: readonly string[]): void {
  const before = fingerprintTree(dir);
  let caught: unknown;
  try {
    openGuardedDatabase(path, scope);
  } catch (error) {
    caught = error;
  }
  expect(caught).toMatchObject({ code });
  for (const id of named) expect((caught as Error).message).toContain(id);
  expect(withoutEmptyCompanions(fingerprintTree(dir))).toEqual(withoutEmptyCompanions(before));
  const status = readDatabaseStatus(path, scope);
  expect(status.continuity).toMatchObject({ ok: false, code });
}

describe('refused histories leave the file untouched', () => {
  const dir = useTempDir();
  const file = (): string => join(dir(), 'profile.db');

  it('MIGRATION_GAP: a known migration missing before an applied one', () => {
    trackedDatabase(file(), 'profile', (raw) => raw.prepare("DELETE FROM schema_migrations WHERE version = '0003_talk_training_flag'").run());
    expectRefusal(dir(), file(), 'profile', DbErrorCode.MIGRATION_GAP, ['0003_talk_training_flag', PROFILE_IDS.at(-1) as string]);
  });

  it('MIGRATION_ORDER: recorded in an order the history does not allow', () => {
    trackedDatabase(file(), 'profile', (raw) => {
      raw.exec('DELETE FROM schema_migrations');
      const insert = raw.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)');
      for (const id of ['0001_init', '0003_talk_training_flag', '0002_outline_and_settings']) {
        insert.run(id, '2026-03-01T00:00:00+00:00');
      }
    });
    expectRefusal(dir(), file(), 'profile', DbErrorCode.MIGRATION_ORDER, ['0002_outline_and_settings', '0003_talk_training_flag']);
  });

  it('MIGRATION_UNKNOWN: an unknown id in place of a known one', () => {
    trackedDatabase(file(), 'profile', (raw) =>
      raw.prepare("UPDATE schema_migrations SET version = '0002_outline_v2' WHERE version = '0002_outline_and_settings'").run(),
    );
    expectRefusal(dir(), file(), 'profile', DbErrorCode.MIGRATION_UNKNOWN, ['0002_outline_v2', '0002_outline_and_settings']);
  });

  it('MIGRATION_CHECKSUM_MISMATCH: a recorded migration whose content changed', () => {
    trackedDatabase(file(), 'profile', (raw) =>
      raw.prepare("UPDATE schema_migrations SET checksum = 'sha256:0000' WHERE version = '0004_talk_numbers_backfill'").run(),
    );
    expectRefusal(dir(), file(), 'profile', DbErrorCode.MIGRATION_CHECKSUM_MISMATCH, ['0004_talk_numbers_backfill']);
  });

  it('DB_NEWER_THAN_APP: the whole history plus later ids', () => {
    trackedDatabase(file(), 'profile', (raw) =>
      raw.prepare("INSERT INTO schema_migrations (version, applied_at, checksum) VALUES ('0008_future', '2027-01-01T00:00:00+00:00', 'sha256:x')").run(),
    );
    expectRefusal(dir(), file(), 'profile', DbErrorCode.NEWER_THAN_APP, ['0008_future']);
  });

  it('a refused rollback-journal file is not even switched to WAL, and gains no companion files', () => {
    const path = join(dir(), 'global.db');
    const raw = new Database(path);
    raw.exec(`
      CREATE TABLE profiles (id TEXT PRIMARY KEY, name TEXT NOT NULL, created_at TEXT NOT NULL, last_opened_at TEXT, is_active INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE global_settings (key TEXT PRIMARY KEY, value_json TEXT NOT NULL);
      CREATE TABLE schema_migrations (version TEXT PRIMARY KEY, applied_at TEXT NOT NULL);
      INSERT INTO schema_migrations VALUES ('9999_future', '2027-01-01T00:00:00+00:00');`);
    const record = raw.prepare('INSERT INTO schema_migrations VALUES (?, ?)');
    for (const m of MIGRATIONS.global) record.run(m.id, '2026-03-01T00:00:00+00:00');
    raw.close();
    const before = fingerprintTree(dir());
    expect(() => openGuardedDatabase(path, 'global')).toThrow(expect.objectContaining({ code: DbErrorCode.NEWER_THAN_APP }));
    expect(fingerprintTree(dir())).toEqual(before);
    const check = new Database(path, { readonly: true });
    expect(check.pragma('journal_mode', { simple: true })).toBe('delete');
    check.close();
  });

  it('DB_SCOPE_MISMATCH: a global database opened as a profile database', () => {
    const path = join(dir(), 'global.db');
    openGuardedDatabase(path, 'global').db.close();
    const before = fingerprintTree(dir());
    expect(() => openGuardedDatabase(path, 'profile')).toThrow(expect.objectContaining({ code: DbErrorCode.SCOPE_MISMATCH }));
    expect(withoutEmptyCompanions(fingerprintTree(dir()))).toEqual(withoutEmptyCompanions(before));
  });

  it('DB_NOT_A_DATABASE: a file that is not SQLite', () => {
    const path = join(dir(), 'profile.db');
    writeFileSync(path, 'these are my talk notes, not a database\n'.repeat(200));
    const before = fingerprintTree(dir());
    expect(() => openGuardedDatabase(path, 'profile')).toThrow(expect.objectContaining({ code: DbErrorCode.NOT_A_DATABASE }));
    expect(fingerprintTree(dir())).toEqual(before);
  });

  it('DB_PATH_IS_DIRECTORY: a directory where the file should be', () => {
    const path = join(dir(), 'profile.db');
    mkdirSync(path);
    const before = fingerprintTree(dir());
    expect(() => openGuardedDatabase(path, 'profile')).toThrow(expect.objectContaining({ code: DbErrorCode.PATH_IS_DIRECTORY }));
    expect(fingerprintTree(dir())).toEqual(before);
  });

  it('accepts the previous app rows without checksums and back-fills them', () => {
    trackedDatabase(file(), 'profile', (raw) => raw.exec('UPDATE schema_migrations SET checksum = NULL'));
    openGuardedDatabase(file(), 'profile').db.close();
    const raw = new Database(file(), { readonly: true });
    const rows = raw.prepare('SELECT version, checksum FROM schema_migrations ORDER BY rowid').all() as { version: string; checksum: string | null }[];
    raw.close();
    expect(rows.map((r) => r.version)).toEqual(PROFILE_IDS);
    expect(rows.every((r) => r.checksum?.startsWith('sha256:'))).toBe(true);
  });
});
