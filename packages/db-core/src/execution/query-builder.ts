import {
  DummyDriver,
  Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';

/**
 * A Kysely instance that can build and compile queries but never execute them.
 *
 * Kysely's drivers are asynchronous and go through a connection pool; better-sqlite3 is
 * synchronous and fastest when its prepared statements are reused. So Kysely stays the typed
 * builder, and db-core executes the compiled SQL itself. The DummyDriver guarantees that an
 * accidental `.execute()` fails loudly in tests instead of silently taking a slow path.
 */
export function createQueryBuilder<DB>(): Kysely<DB> {
  return new Kysely<DB>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new SqliteIntrospector(db),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
  });
}
