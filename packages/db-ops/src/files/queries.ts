/** The in-use probe: ask for the exclusive lock on a second name of the file, then touch it. */
export const IN_USE_SQL = {
  exclusiveLocking: 'PRAGMA locking_mode = EXCLUSIVE',
  touch: 'SELECT count(*) FROM sqlite_master',
} as const;
