import type BetterSqlite3 from 'better-sqlite3';
import { DbError, DbErrorCode } from '@lepupitre/db-core';
import { sqliteCodeOf } from '@lepupitre/db-core/internals';
import { RECOVERY_SQL, STORED_SCHEMA_SHAPES } from './queries';

/** One table or index entry of a damaged file's `sqlite_master`, as read from the file. */
export interface StoredSchemaEntry {
  readonly type: string;
  readonly name: string;
  readonly sql: string;
}

/** Why an entry's text was refused: stable words, never the text itself (it is the file's). */
export type SchemaRefusal = 'not-a-table-or-index' | 'name-mismatch' | 'not-one-statement' | 'unexpected-result';

/**
 * Creates, in `target`, the tables and indexes a damaged file's schema describes, without
 * ever running the file's text as given.
 *
 * SQLite reads only the first statement of an entry when it loads a schema, so a file can
 * carry anything after it (`; ATTACH DATABASE ...`) and still open and check clean; running
 * the text as a script (`exec`) would run the rest, with the app's rights. Each entry must
 * therefore be exactly what SQLite writes for a table or an index (`STORED_SCHEMA_SHAPES`):
 * the canonical `CREATE TABLE` / `CREATE [UNIQUE] INDEX` prefix, the entry's own name, then
 * `(` or `ON` (so no `AS SELECT`, no other schema, no `TEMP`). It is then prepared, which
 * better-sqlite3 refuses for a string holding more than one statement, and only then run;
 * afterwards the main schema must hold exactly one new object, of that type and name, whose
 * stored text is the entry's text. Anything else raises `DB_RECOVERY_SCHEMA_REFUSED` (with
 * the entry's type and a stable reason, never its text), and the caller rebuilds from this
 * app's own schema instead. Views and triggers are never created from a file.
 */
export function createFromStoredSchema(target: BetterSqlite3.Database, entries: readonly StoredSchemaEntry[]): void {
  for (const entry of entries) createOne(target, entry);
}

function createOne(target: BetterSqlite3.Database, entry: StoredSchemaEntry): void {
  const shape = entry.type === 'table' || entry.type === 'index' ? STORED_SCHEMA_SHAPES[entry.type] : null;
  if (!shape) throw refused(entry, 'not-a-table-or-index');
  const prefix = shape.prefixes.find((p) => entry.sql.startsWith(p));
  if (prefix === undefined) throw refused(entry, 'not-a-table-or-index');
  const named = readName(entry.sql, prefix.length);
  if (!named || named.name.toLowerCase() !== entry.name.toLowerCase()) throw refused(entry, 'name-mismatch');
  if (!followsName(entry.sql, skipTrivia(entry.sql, named.end), shape.afterName)) throw refused(entry, 'not-a-table-or-index');

  let statement: BetterSqlite3.Statement;
  try {
    statement = target.prepare(entry.sql);
  } catch (error) {
    // A string of several statements is refused by the driver itself, before SQLite sees it.
    if (sqliteCodeOf(error) === undefined) throw refused(entry, 'not-one-statement', error);
    throw error;
  }
  if (statement.reader) throw refused(entry, 'not-a-table-or-index');
  const before = objectsOf(target);
  statement.run();
  const added = objectsOf(target).filter((o) => !before.some((b) => b.type === o.type && b.name === o.name));
  const [object] = added;
  if (added.length !== 1 || !object || object.type !== entry.type || object.name !== entry.name || object.sql !== entry.sql) {
    throw refused(entry, 'unexpected-result');
  }
}

interface SchemaObject {
  readonly type: string;
  readonly name: string;
  readonly sql: string | null;
}

function objectsOf(db: BetterSqlite3.Database): SchemaObject[] {
  return db.prepare(RECOVERY_SQL.schemaObjects).all() as SchemaObject[];
}

function refused(entry: StoredSchemaEntry, reason: SchemaRefusal, cause?: unknown): DbError {
  return new DbError(
    DbErrorCode.RECOVERY_SCHEMA_REFUSED,
    `a ${entry.type === 'index' ? 'index' : 'table'} definition in the damaged file is not one CREATE statement as SQLite writes it; it was not run`,
    { details: { type: entry.type === 'index' ? 'index' : 'table', reason }, cause },
  );
}

const QUOTES: Readonly<Record<string, string>> = { '"': '"', '`': '`', "'": "'", '[': ']' };
const BARE = /[A-Za-z0-9_$\u0080-\uffff]/;
const SPACE = /[ \t\n\f\r]/;

/** The identifier at `at` (quoted the four ways SQLite accepts, or bare), and where it ends. */
function readName(text: string, at: number): { name: string; end: number } | null {
  const open = text[at];
  if (open === undefined) return null;
  const close = QUOTES[open];
  if (close !== undefined) {
    let name = '';
    for (let i = at + 1; i < text.length; i++) {
      if (text[i] !== close) {
        name += text[i];
      } else if (close !== ']' && text[i + 1] === close) {
        name += close;
        i += 1;
      } else {
        return { name, end: i + 1 };
      }
    }
    return null;
  }
  let end = at;
  while (end < text.length && BARE.test(text[end] as string)) end += 1;
  return end > at ? { name: text.slice(at, end), end } : null;
}

/** Past whitespace and comments, as SQLite's tokenizer skips them. */
function skipTrivia(text: string, at: number): number {
  let i = at;
  for (;;) {
    if (i < text.length && SPACE.test(text[i] as string)) {
      i += 1;
    } else if (text.startsWith('--', i)) {
      const newline = text.indexOf('\n', i);
      i = newline < 0 ? text.length : newline + 1;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
    } else {
      return i;
    }
  }
}

/** `(` for a table; the keyword `ON`, as a whole word, for an index. */
function followsName(text: string, at: number, expected: string): boolean {
  if (expected === '(') return text[at] === '(';
  const word = text.slice(at, at + expected.length);
  const next = text[at + expected.length];
  return word.toUpperCase() === expected && next !== undefined && !BARE.test(next);
}
