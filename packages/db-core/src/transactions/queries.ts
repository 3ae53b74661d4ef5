/** Transaction control statements. Savepoint names are generated, never user input. */
export const TRANSACTION_SQL = {
  beginImmediate: 'BEGIN IMMEDIATE',
  commit: 'COMMIT',
  rollback: 'ROLLBACK',
  savepoint: (name: string) => `SAVEPOINT ${name}`,
  release: (name: string) => `RELEASE SAVEPOINT ${name}`,
  rollbackTo: (name: string) => `ROLLBACK TO SAVEPOINT ${name}`,
} as const;
