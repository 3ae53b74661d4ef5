import type { RealisticDatabases, Scope } from './realistic-databases';
import { SCOPES } from './realistic-databases';

/**
 * The database a query runs on: the one whose schema holds the tables it names. The workspace
 * context has queries for both; a query naming tables of both, or none, is reported rather
 * than guessed, since its plan would be read on the wrong schema.
 */
export function queryScope(sql: string, databases: RealisticDatabases): Scope {
  const named = [...sql.matchAll(/\b(?:from|join|into|update)\s+"(\w+)"/gi)].map((match) => match[1] as string);
  const scopes = SCOPES.filter((scope) => named.some((table) => databases.tables[scope].has(table)));
  if (scopes.length !== 1) {
    throw new Error(`cannot tell which database runs this query (tables of ${scopes.length === 0 ? 'neither' : 'both'} schemas): ${sql}`);
  }
  return scopes[0] as Scope;
}
