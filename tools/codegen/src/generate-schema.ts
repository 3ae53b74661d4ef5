import { type DatabaseScope } from '@lepupitre/db-core';
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TABLE_NAMES_SQL } from './queries';
import { findSchemaProblems } from './schema-guards';
import { textKeyOverrides } from './text-key-overrides';
import { openGuardedDatabase } from '@lepupitre/db-ops';

/** The engine's own table stays out of the feature teams' types. */
const EXCLUDED_TABLES = ['schema_migrations'];

export class CodegenError extends Error {}

/**
 * Migrates a fresh temporary database of the scope and returns kysely-codegen's types for it,
 * text primary keys typed non-null (`textKeyOverrides`), after checking that they are complete.
 */
export function generateSchemaSource(scope: DatabaseScope): string {
  return withMigratedDatabase(scope, (file) => {
    const tables = listTables(file);
    if (tables.length === 0) throw new CodegenError(`the migrated ${scope} database has no tables`);
    const output = execFileSync(
      process.execPath,
      [
        require.resolve('kysely-codegen/dist/cli/bin.js'),
        '--dialect',
        'sqlite',
        '--url',
        file,
        '--print',
        '--log-level',
        'error',
        '--exclude-pattern',
        EXCLUDED_TABLES.join(','),
        '--overrides',
        JSON.stringify({ columns: textKeyOverrides(file, tables) }),
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const problems = findSchemaProblems(output, tables);
    if (problems.length > 0) {
      throw new CodegenError(`kysely-codegen produced incomplete ${scope} types:\n- ${problems.join('\n- ')}`);
    }
    return header(scope) + output.trimEnd() + '\n';
  });
}

/** Runs `read` on a fresh database of the scope, brought up to date by the migrations, then removes it. */
export function withMigratedDatabase<T>(scope: DatabaseScope, read: (file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), `lepupitre-codegen-${scope}-`));
  try {
    const file = join(dir, `${scope}.db`);
    openGuardedDatabase(file, scope).db.close();
    if (!existsSync(file)) throw new CodegenError(`the migrated ${scope} database was not created`);
    return read(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function listTables(file: string): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (
      db.prepare(TABLE_NAMES_SQL).all() as {
        name: string;
      }[]
    )
      .map((t) => t.name)
      .filter((name) => !EXCLUDED_TABLES.includes(name));
  } finally {
    db.close();
  }
}

function header(scope: DatabaseScope): string {
  return (
    `/**\n * The ${scope} database schema as Kysely types, generated from a freshly migrated database.\n` +
    ` * Do not edit: run \`npm run codegen\`. \`npm run codegen:check\` fails when this file drifts.\n */\n`
  );
}
