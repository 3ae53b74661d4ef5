import { type DatabaseScope } from '@lepupitre/db-core';
import { openSqliteConnection } from '@lepupitre/db-core/internals';
import { RECOVERY_SQL } from './queries';
import { openGuardedDatabase } from '../safeguards/data-folder-safeguards';

/**
 * This app's schema for a scope, as SQL statements, read from a database freshly created by
 * `openDatabase`: the migrations are the only definition of the schema, so it is never
 * written out a second time here. Built on first use.
 */
export class FreshSchema {
  readonly #path: string;
  readonly #scope: DatabaseScope;
  #statements: Map<string, string> | null = null;

  constructor(path: string, scope: DatabaseScope) {
    this.#path = path;
    this.#scope = scope;
  }

  sqlOf(type: string, name: string): string | undefined {
    return this.#load().get(`${type}:${name}`);
  }

  #load(): Map<string, string> {
    if (this.#statements) return this.#statements;
    openGuardedDatabase(this.#path, this.#scope).db.close();
    const db = openSqliteConnection(this.#path, { readonly: true, fileMustExist: true });
    try {
      const rows = db.prepare(RECOVERY_SQL.schemaStatements).all() as { type: string; name: string; sql: string }[];
      this.#statements = new Map(rows.map((row) => [`${row.type}:${row.name}`, row.sql] as const));
    } finally {
      db.close();
    }
    return this.#statements;
  }
}
