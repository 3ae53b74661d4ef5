import Database from 'better-sqlite3';
import { normalizedSchemaOf, type NormalizedSchema } from '@lepupitre/fixtures';

/**
 * The normalized schema of a database file (`normalizedSchemaOf` from the fixtures), read once
 * per distinct schema text.
 *
 * Why: normalizing takes some ninety pragma queries, and the matrix reads every file's schema
 * up to seven times (before the upgrade, after it, in the snapshot, around the second open and
 * around the next rebuild), nearly always unchanged, and most upgraded files end with the same
 * schema. Everything `normalizedSchemaOf` reports (columns, keys, indexes, checks, table
 * options) is what SQLite parses out of the `sqlite_schema` rows, so the rows themselves,
 * SQLite's own entries included, are the key: the same rows give the same normalized schema,
 * and a file whose schema text changed by one character is read again in full. The file is
 * still opened and its schema rows read every time.
 */
const bySchemaText = new Map<string, NormalizedSchema>();

export function readSchema(path: string): NormalizedSchema {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name').raw().all();
    const key = JSON.stringify(rows);
    const known = bySchemaText.get(key);
    if (known) return known;
    const schema = normalizedSchemaOf(db);
    bySchemaText.set(key, schema);
    return schema;
  } finally {
    db.close();
  }
}
