import Database from 'better-sqlite3';
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { openSqliteConnection } from '../src/connection/sqlite-connection';
import { useTempDir } from '@lepupitre/fixtures';

/**
 * Every connection the app opens comes from `openSqliteConnection` (a lint rule keeps it so):
 * `trusted_schema` is off on it before anything reads the file's schema.
 */
describe('openSqliteConnection', () => {
  const dir = useTempDir();

  /** A file whose schema calls an application function from a view. */
  function fileWithView(): string {
    const path = join(dir(), 'view.db');
    const db = new Database(path);
    db.function('app_fn', () => 42);
    db.exec('CREATE TABLE t (a); CREATE VIEW v AS SELECT app_fn() AS n');
    db.close();
    return path;
  }

  it.each([
    ['writable', {}],
    ['read-only', { readonly: true, fileMustExist: true }],
  ] as const)('turns trusted_schema off on a %s connection', (_kind, options) => {
    const path = fileWithView();
    const db = openSqliteConnection(path, options);
    try {
      expect(db.pragma('trusted_schema', { simple: true })).toBe(0);
    } finally {
      db.close();
    }
  });

  it('keeps a function the schema names from running, where a raw connection would run it', () => {
    const path = fileWithView();
    const raw = new Database(path, { readonly: true });
    raw.function('app_fn', () => 42);
    expect(raw.prepare('SELECT n FROM v').pluck().get()).toBe(42);
    raw.close();

    const db = openSqliteConnection(path, { readonly: true });
    try {
      db.function('app_fn', () => 42);
      expect(() => db.prepare('SELECT n FROM v').get()).toThrow(/unsafe use of app_fn/);
    } finally {
      db.close();
    }
  });

  it('opens a file whose schema page is damaged: the damage shows where the caller reads, not here', () => {
    const path = join(dir(), 'damaged.db');
    const db = new Database(path);
    db.exec('CREATE TABLE t (a); INSERT INTO t VALUES (1)');
    db.close();
    // Page 1 after the file header: the schema table's b-tree page, filled with an invalid page type.
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(4096 - 100, 0xff), 0, 4096 - 100, 100);
    closeSync(fd);
    const opened = openSqliteConnection(path, { readonly: true, fileMustExist: true });
    try {
      expect(opened.pragma('trusted_schema', { simple: true })).toBe(0);
      expect(() => opened.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow();
    } finally {
      opened.close();
    }
  });

  it('raises the driver error unchanged when the file cannot be opened', () => {
    expect(() => openSqliteConnection(join(dir(), 'missing.db'), { fileMustExist: true })).toThrow(
      expect.objectContaining({ code: 'SQLITE_CANTOPEN' }),
    );
  });
});
