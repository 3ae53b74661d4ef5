import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MIGRATIONS } from '@lepupitre/db-core';
import { defineMigration, type Migration, runMigrations } from '@lepupitre/db-core/internals';
import { openGuardedDatabase } from '../../src';

/**
 * The next profile migration that rebuilds a table, as a later version would ship it: `runs`
 * rebuilt by SQLite's documented procedure (new table, copy by column name, drop, rename,
 * indexes recreated), its definition read from a database this app creates, so the rebuild
 * changes nothing but the table's storage. Exists only in tests: it is how the matrix proves
 * that a rebuild still runs on every file in the field, those that keep foreign-key
 * violations on purpose included.
 */
let cached: { readonly sql: string } | undefined;

export function nextRebuildMigration(id = nextId(), extraSql = ''): Migration {
  cached ??= { sql: rebuildRunsSql() };
  return defineMigration({
    id,
    scope: 'profile',
    summary: 'runs rebuilt (test only)',
    rebuildsTables: true,
    steps: [{ sql: cached.sql + extraSql }],
  });
}

/** Runs the shipped history plus `next` on the file; returns the ids applied. */
export function runWithNext(path: string, next: Migration): string[] {
  const db = new Database(path);
  try {
    return runMigrations(db, { scope: 'profile', known: [...MIGRATIONS.profile, next] });
  } finally {
    db.close();
  }
}

function nextId(): string {
  return `${String(MIGRATIONS.profile.length + 1).padStart(4, '0')}_rebuild_runs`;
}

function rebuildRunsSql(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lepupitre-next-rebuild-'));
  try {
    const path = join(dir, 'profile.db');
    openGuardedDatabase(path, 'profile').db.close();
    const db = new Database(path, { readonly: true });
    try {
      const table = (db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'runs'").get() as { sql: string }).sql;
      const columns = (db.prepare("SELECT name FROM pragma_table_info('runs') ORDER BY cid").all() as { name: string }[])
        .map((c) => c.name)
        .join(', ');
      const indexes = (db.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'runs' AND sql IS NOT NULL").all() as { sql: string }[])
        .map((i) => `${i.sql};`)
        .join('\n');
      const created = table.replace(/^CREATE TABLE\s+(?:"runs"|runs)\s*\(/, 'CREATE TABLE runs_new (');
      if (created === table) throw new Error('the runs definition does not start as expected');
      return `
        ${created};
        INSERT INTO runs_new (${columns}) SELECT ${columns} FROM runs;
        DROP TABLE runs;
        ALTER TABLE runs_new RENAME TO runs;
        ${indexes}`;
    } finally {
      db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
