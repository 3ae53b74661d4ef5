import { MIGRATIONS } from '@lepupitre/db-core';
import Database from 'better-sqlite3';

/**
 * Profile databases whose stored schema text carries statements after its `CREATE TABLE`:
 * SQLite ignores them when it loads the schema (the file opens, checks and reads as before),
 * so only code that ran the stored text as a script would run them.
 */

/**
 * Puts a migrated profile database back one migration, as an app one version older left it
 * (the last migration's history row and the indexes it created go), so that recovery rebuilds
 * it from its own schema, the path that reads the file's schema text.
 */
export function undoLastProfileMigration(file: string): void {
  const last = MIGRATIONS.profile.at(-1);
  if (!last) throw new Error('no profile migration');
  const created = last.steps.flatMap((step) => [...step.sql.matchAll(/CREATE (?:UNIQUE )?INDEX IF NOT EXISTS (\w+)/g)].map((m) => m[1] as string));
  if (last.steps.some((step) => step.sql.replace(/CREATE (?:UNIQUE )?INDEX IF NOT EXISTS \w+ ON [^;]+;?/g, '').trim() !== '')) {
    throw new Error(`${last.id} does more than create indexes: undo it another way`);
  }
  const db = new Database(file);
  try {
    db.transaction(() => {
      for (const index of created) db.prepare(`DROP INDEX IF EXISTS "${index}"`).run();
      db.prepare('DELETE FROM schema_migrations WHERE version = ?').run(last.id);
    })();
  } finally {
    db.close();
  }
}

/** Appends, to the stored text of `table`, statements that would create `outside` and write to it. */
export function appendAttachToSchemaText(file: string, table: string, outside: string): void {
  const db = new Database(file);
  try {
    db.unsafeMode(true);
    db.pragma('writable_schema = ON');
    const tail = `; ATTACH DATABASE '${outside.replace(/'/g, "''")}' AS x; CREATE TABLE x.t(a)`;
    if (db.prepare('UPDATE sqlite_master SET sql = sql || ? WHERE name = ?').run(tail, table).changes !== 1) throw new Error(`no schema entry ${table}`);
  } finally {
    db.close();
  }
}

/** Rows in the reserved `oplog` table, so that its salvage is seen. */
export function addOplogRows(file: string, count: number): void {
  const db = new Database(file);
  try {
    const insert = db.prepare("INSERT INTO oplog (id, ts, op_type, entity, entity_id, payload_json) VALUES (?, '2026-01-01T00:00:00+00:00', 'create', 'run', ?, '{}')");
    db.transaction(() => {
      for (let i = 0; i < count; i++) insert.run(`op_${String(i).padStart(32, '0')}`, `run_${String(i).padStart(32, '0')}`);
    })();
  } finally {
    db.close();
  }
}

/** Row count of a table, read-only. */
export function countRows(file: string, table: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number;
  } finally {
    db.close();
  }
}

/** The stored text of every schema entry. */
export function schemaTexts(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name').pluck().all() as string[];
  } finally {
    db.close();
  }
}
