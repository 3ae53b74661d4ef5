import Database from 'better-sqlite3';

/**
 * Reads of profile databases whose stored schema text carried statements after its
 * `CREATE TABLE`. The files are crafted with `@lepupitre/fixtures` (`undoLastMigration`,
 * `appendToSchemaText`, `attachTail`, `addOplogRows`), as the operations package's recovery
 * tests craft theirs.
 */

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
