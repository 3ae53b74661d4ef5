import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATABASE_SCOPES } from '@lepupitre/db-core';
import { generateSchemaSource, withMigratedDatabase } from '../src/generate-schema';
import { hasTextAffinity, textKeyOverrides } from '../src/text-key-overrides';

/** The declared type of `table.column` in generated source, found through the `DB` interface. */
function declaredType(source: string, table: string, column: string): string | undefined {
  const typeName = new RegExp(`export interface DB \\{[^}]*\\n\\s*"?${table}"?: (\\w+);`).exec(source)?.[1];
  if (!typeName) return undefined;
  const body = new RegExp(`export interface ${typeName} \\{([^}]*)\\}`).exec(source)?.[1] ?? '';
  return new RegExp(`\\n\\s*${column}: ([^;]+);`).exec(body)?.[1];
}

describe('text primary keys', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lepupitre-codegen-keys-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('are overridden to non-null when SQLite would let them hold NULL, and only they are', () => {
    const file = join(dir, 'keys.db');
    const db = new Database(file);
    db.exec(`
      CREATE TABLE plain (id TEXT PRIMARY KEY, note TEXT);
      CREATE TABLE pair (code VARCHAR(12), n INTEGER, label TEXT, PRIMARY KEY (code, n));
      CREATE TABLE rowid_alias (id INTEGER PRIMARY KEY, name TEXT);
      CREATE TABLE declared (id TEXT NOT NULL PRIMARY KEY);
      CREATE TABLE defaulted (slot CLOB PRIMARY KEY DEFAULT 'main');
      CREATE TABLE blob_key (digest BLOB PRIMARY KEY);
      CREATE TABLE left_out (id TEXT PRIMARY KEY);`);
    db.close();
    const tables = ['plain', 'pair', 'rowid_alias', 'declared', 'defaulted', 'blob_key'];
    expect(textKeyOverrides(file, tables)).toEqual({
      'plain.id': 'string',
      'pair.code': 'string',
      'defaulted.slot': 'Generated<string>',
    });
  });

  it('follow SQLite affinity: INT first, then CHAR, CLOB or TEXT', () => {
    expect(['TEXT', 'varchar(36)', 'NATIVE CHARACTER(70)', 'clob'].map(hasTextAffinity)).toEqual([true, true, true, true]);
    expect(['INTEGER', 'BLOB', '', 'REAL', 'NUMERIC', 'CHARINT'].map(hasTextAffinity)).toEqual([false, false, false, false, false, false]);
  });

  it.each(DATABASE_SCOPES)('come out as string in the generated %s types, every one of them', (scope) => {
    // The keys are read here straight from a migrated database, not through the code under test.
    const keys = withMigratedDatabase(scope, (file) => {
      const db = new Database(file, { readonly: true });
      try {
        const tables = db
          .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations'")
          .all() as { name: string }[];
        return tables.flatMap(({ name }) =>
          (db.prepare('SELECT name, type FROM pragma_table_xinfo(?) WHERE pk > 0').all(name) as { name: string; type: string }[])
            .filter((column) => column.type.toUpperCase() === 'TEXT')
            .map((column) => [name, column.name] as const),
        );
      } finally {
        db.close();
      }
    });
    expect(keys).toContainEqual(scope === 'global' ? ['profiles', 'id'] : ['talk_projects', 'id']);
    const source = generateSchemaSource(scope);
    const nullable = keys.filter(([table, column]) => declaredType(source, table, column) !== 'string');
    expect(nullable).toEqual([]);
  });
});
