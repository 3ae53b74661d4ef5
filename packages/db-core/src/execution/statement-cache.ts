import type BetterSqlite3 from 'better-sqlite3';

/**
 * Prepared statements of one connection.
 *
 * Static queries are keyed by their PreparedQuery object (a Map hit, no hashing of SQL text);
 * dynamic queries by SQL text, in a bounded LRU so a builder that produces many shapes cannot
 * grow the cache without limit.
 */
export class StatementCache {
  readonly #byQuery = new Map<object, BetterSqlite3.Statement>();
  readonly #bySql = new Map<string, BetterSqlite3.Statement>();

  constructor(
    private readonly db: BetterSqlite3.Database,
    private readonly maxDynamic = 256,
  ) {}

  forQuery(key: object, sql: string): BetterSqlite3.Statement {
    let stmt = this.#byQuery.get(key);
    if (stmt === undefined) {
      stmt = this.db.prepare(sql);
      this.#byQuery.set(key, stmt);
    }
    return stmt;
  }

  forSql(sql: string): BetterSqlite3.Statement {
    const cached = this.#bySql.get(sql);
    if (cached !== undefined) {
      this.#bySql.delete(sql);
      this.#bySql.set(sql, cached);
      return cached;
    }
    const stmt = this.db.prepare(sql);
    this.#bySql.set(sql, stmt);
    if (this.#bySql.size > this.maxDynamic) {
      const oldest = this.#bySql.keys().next().value as string;
      this.#bySql.delete(oldest);
    }
    return stmt;
  }

  clear(): void {
    this.#byQuery.clear();
    this.#bySql.clear();
  }
}
