import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS, openDatabase, type OpenSafeguards, type PreMigrationCopyRequest } from '../src';
import { useTempDir } from '@lepupitre/fixtures';

/** A database the previous app wrote: tables without a migration history, so everything is pending. */
function legacyGlobal(path: string): void {
  const raw = new Database(path);
  raw.exec(`
    CREATE TABLE profiles (id TEXT PRIMARY KEY, name TEXT NOT NULL, created_at TEXT NOT NULL, last_opened_at TEXT, is_active INTEGER NOT NULL DEFAULT 0);
    CREATE TABLE global_settings (key TEXT PRIMARY KEY, value_json TEXT NOT NULL);
    INSERT INTO profiles VALUES ('prof_a', 'Alice', '2026-02-21T10:00:00+00:00', NULL, 1);`);
  raw.close();
}

function tableNames(path: string): string[] {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
  } finally {
    db.close();
  }
}

/** What the engine asks of the safeguards an open is given, recorded in order. */
function recording(copy: (request: PreMigrationCopyRequest) => string | null): { safeguards: OpenSafeguards; calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    safeguards: {
      finishInterruptedWork: (path) => void calls.push(`finish ${path}`),
      copyBeforeMigrating: (request) => {
        calls.push(`copy ${request.scope} ${request.schemaVersion ?? 'legacy'} -> ${request.nextMigrationId}`);
        return copy(request);
      },
    },
  };
}

describe('the safeguards every open requires', () => {
  const dir = useTempDir();

  it('finishes interrupted work first, then asks for a copy of an existing database before migrating it, holding its rows', () => {
    const path = join(dir(), 'global.db');
    legacyGlobal(path);
    const copy = join(dir(), 'copy.db');
    const { safeguards, calls } = recording((request) => {
      request.copyInto(copy);
      return 'copy.db';
    });
    const { db, report } = openDatabase(path, 'global', { safeguards });
    db.close();
    expect(calls).toEqual([`finish ${path}`, `copy global legacy -> ${MIGRATIONS.global[0]?.id}`]);
    expect(report.snapshot).toBe('copy.db');
    // The copy is the database as it was before any migration: no history table yet, the row kept.
    expect(tableNames(copy)).toEqual(['global_settings', 'profiles']);
    const copied = new Database(copy, { readonly: true });
    expect(copied.prepare('SELECT id FROM profiles').all()).toEqual([{ id: 'prof_a' }]);
    copied.close();
    expect(tableNames(path)).toContain('schema_migrations');
  });

  it('asks for no copy of a new database, nor of one with nothing pending', () => {
    const path = join(dir(), 'profile.db');
    const first = recording(() => 'never');
    openDatabase(path, 'profile', { safeguards: first.safeguards }).db.close();
    expect(first.calls).toEqual([`finish ${path}`]);
    const second = recording(() => 'never');
    openDatabase(path, 'profile', { safeguards: second.safeguards }).db.close();
    expect(second.calls).toEqual([`finish ${path}`]);
  });

  it('migrates nothing when the copy fails', () => {
    const path = join(dir(), 'global.db');
    legacyGlobal(path);
    const { safeguards } = recording(() => {
      throw new Error('disk full while copying');
    });
    expect(() => openDatabase(path, 'global', { safeguards })).toThrow();
    expect(tableNames(path)).toEqual(['global_settings', 'profiles']);
  });

  it("leaves interrupted work to a restore's own reopen (pendingRestore: leave)", () => {
    const path = join(dir(), 'global.db');
    const { safeguards, calls } = recording(() => null);
    openDatabase(path, 'global', { safeguards, pendingRestore: 'leave' }).db.close();
    expect(calls).toEqual([]);
    expect(existsSync(path)).toBe(true);
  });
});
