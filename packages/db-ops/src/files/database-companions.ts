/**
 * The files SQLite may keep beside a database: WAL and its index, or the rollback journal of a
 * file still in the previous app's journal mode. A database is always moved or removed with
 * all of them: a -wal or hot -journal left beside another database file would be replayed into it.
 */
export const DATABASE_COMPANIONS = ['-wal', '-shm', '-journal'] as const;
