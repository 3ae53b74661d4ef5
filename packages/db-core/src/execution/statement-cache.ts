import type BetterSqlite3 from 'better-sqlite3';

/**
 * Prepared statements of one connection, keyed by their PreparedQuery object: a Map hit, no
 * hashing of SQL text. Every query is defined once at module load (`defineQuery`), so the cache
 * is bounded by the number of queries the code holds.
 */
export class StatementCache {
  readonly #byQuery = new Map<object, BetterSqlite3.Statement>();

  constructor(private readonly db: BetterSqlite3.Database) {}

  forQuery(key: object, sql: string): BetterSqlite3.Statement {
    let stmt = this.#byQuery.get(key);
    if (stmt === undefined) {
      stmt = this.db.prepare(sql);
      this.#byQuery.set(key, stmt);
    }
    return stmt;
  }

  clear(): void {
    this.#byQuery.clear();
  }
}
