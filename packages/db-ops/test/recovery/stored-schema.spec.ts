import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DbErrorCode } from '@lepupitre/db-core';
import { createFromStoredSchema, type StoredSchemaEntry } from '../../src/recovery/stored-schema';
import { useTempDir } from '@lepupitre/fixtures';

/**
 * Schema text read from a damaged file is accepted only as one table or index definition in
 * the shape SQLite writes it; anything else is refused, typed, before it runs.
 */

const dir = useTempDir('lepupitre-stored-schema-');

function target(): Database.Database {
  const db = new Database(join(dir(), 'target.db'));
  db.pragma('trusted_schema = OFF');
  return db;
}

function objects(db: Database.Database): string[] {
  return (db.prepare('SELECT type, name FROM sqlite_master ORDER BY rowid').all() as { type: string; name: string }[]).map((o) => `${o.type}:${o.name}`);
}

const table = (name: string, sql: string): StoredSchemaEntry => ({ type: 'table', name, sql });
const index = (name: string, sql: string): StoredSchemaEntry => ({ type: 'index', name, sql });

describe('createFromStoredSchema', () => {
  it('recreates tables and indexes written as SQLite writes them, quoted names, comments and ALTER-ed text included', () => {
    const db = target();
    try {
      createFromStoredSchema(db, [
        table('runs', 'CREATE TABLE runs (id TEXT PRIMARY KEY, project_id TEXT NOT NULL, created_at TEXT NOT NULL)'),
        table('talk projects', 'CREATE TABLE "talk projects" (id TEXT PRIMARY KEY, title TEXT NOT NULL -- the title\n, stage TEXT, is_training INTEGER NOT NULL DEFAULT 0)'),
        table('notes', 'CREATE TABLE [notes](id INTEGER PRIMARY KEY AUTOINCREMENT, body TEXT)'),
        table('odd"name', 'CREATE TABLE "odd""name" /* kept */ (a)'),
        index('idx_runs_project_time', 'CREATE INDEX idx_runs_project_time ON runs(project_id, created_at)'),
        index('idx_talk_title', 'CREATE UNIQUE INDEX "idx_talk_title" ON "talk projects"(title) WHERE is_training = 0'),
      ]);
      expect(objects(db)).toEqual([
        'table:runs',
        'index:sqlite_autoindex_runs_1',
        'table:talk projects',
        'index:sqlite_autoindex_talk projects_1',
        'table:notes',
        'table:sqlite_sequence',
        'table:odd"name',
        'index:idx_runs_project_time',
        'index:idx_talk_title',
      ]);
    } finally {
      db.close();
    }
  });

  const outside = (): string => join(dir(), 'outside', 'x.db');
  const attach = (): string => `ATTACH DATABASE '${outside()}' AS x`;

  it.each<[string, (at: () => string) => StoredSchemaEntry, string]>([
    ['statements after the CREATE TABLE', (a) => table('oplog', `CREATE TABLE oplog (id TEXT PRIMARY KEY); ${a()}; CREATE TABLE x.t(a)`), 'not-one-statement'],
    ['statements after the CREATE INDEX', (a) => index('idx_a', `CREATE INDEX idx_a ON runs(id); ${a()}`), 'not-one-statement'],
    ['a PRAGMA after the CREATE TABLE', () => table('oplog', 'CREATE TABLE oplog (id TEXT);PRAGMA writable_schema = ON'), 'not-one-statement'],
    ['an ATTACH in place of the CREATE', (a) => table('oplog', a()), 'not-a-table-or-index'],
    ['a PRAGMA in place of the CREATE', () => table('oplog', 'PRAGMA journal_mode = DELETE'), 'not-a-table-or-index'],
    ['a trigger under a table entry', () => table('runs_audit', 'CREATE TRIGGER runs_audit AFTER INSERT ON runs BEGIN DELETE FROM runs; END'), 'not-a-table-or-index'],
    ['a view under a table entry', () => table('v', 'CREATE VIEW v AS SELECT 1'), 'not-a-table-or-index'],
    ['a trigger entry', () => ({ type: 'trigger', name: 't', sql: 'CREATE TRIGGER t AFTER INSERT ON runs BEGIN SELECT 1; END' }), 'not-a-table-or-index'],
    ['a view entry', () => ({ type: 'view', name: 'v', sql: 'CREATE VIEW v AS SELECT 1' }), 'not-a-table-or-index'],
    ['a virtual table', () => table('f', 'CREATE VIRTUAL TABLE f USING fts5(body)'), 'not-a-table-or-index'],
    ['CREATE TABLE ... AS SELECT', () => table('copy', 'CREATE TABLE copy AS SELECT * FROM runs'), 'not-a-table-or-index'],
    ['a table in another schema', () => table('t', 'CREATE TABLE temp.t(a)'), 'name-mismatch'],
    ['a table in another schema named like the entry', () => table('temp', 'CREATE TABLE temp.t(a)'), 'not-a-table-or-index'],
    ['a TEMP table', () => table('t', 'CREATE TEMP TABLE t(a)'), 'not-a-table-or-index'],
    ['IF NOT EXISTS, which SQLite never stores', () => table('t', 'CREATE TABLE IF NOT EXISTS t(a)'), 'name-mismatch'],
    ['a leading comment, which SQLite never stores', () => table('t', '/* x */ CREATE TABLE t(a)'), 'not-a-table-or-index'],
    ['lower-case keywords, which SQLite never stores', () => table('t', 'create table t(a)'), 'not-a-table-or-index'],
    ['an index text under a table entry', () => table('idx_b', 'CREATE INDEX idx_b ON runs(id)'), 'not-a-table-or-index'],
    ['another name than the entry', () => table('runs_copy', 'CREATE TABLE elsewhere (a)'), 'name-mismatch'],
    ['an index without ON', () => index('idx_c', 'CREATE INDEX idx_c runs(id)'), 'not-a-table-or-index'],
  ])('refuses %s with DB_RECOVERY_SCHEMA_REFUSED, before anything runs', (_what, entry, reason) => {
    mkdirSync(join(dir(), 'outside'));
    const db = target();
    try {
      db.exec('CREATE TABLE runs (id TEXT PRIMARY KEY)');
      const before = objects(db);
      let error: unknown;
      try {
        createFromStoredSchema(db, [entry(attach)]);
      } catch (caught) {
        error = caught;
      }
      expect(error).toMatchObject({ code: DbErrorCode.RECOVERY_SCHEMA_REFUSED, details: { reason } });
      expect((error as Error).message).not.toContain(entry(attach).sql);
      expect(objects(db)).toEqual(before);
      expect(db.prepare('SELECT name FROM pragma_database_list ORDER BY seq').pluck().all()).toEqual(['main']);
      expect(existsSync(outside())).toBe(false);
    } finally {
      db.close();
    }
  });
});
