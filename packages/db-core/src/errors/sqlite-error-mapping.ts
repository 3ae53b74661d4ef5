import { DbError } from './db-error';
import { DbErrorCode } from './db-error-codes';

/**
 * Turns a driver error into a typed DbError whose message is safe to show.
 *
 * better-sqlite3 raises `SqliteError` with an extended result code (`SQLITE_CONSTRAINT_UNIQUE`,
 * `SQLITE_IOERR_WRITE`, ...). Its message can quote SQL, so it is kept on `cause` only.
 * Classification is by result-code family because that is what decides what the caller may do:
 * a busy or full database must never be treated like a corrupt one.
 */
export function toDbError(error: unknown, context: string): DbError {
  if (error instanceof DbError) return error;
  const sqliteCode = sqliteCodeOf(error);
  const family = sqliteCode?.replace(/^(SQLITE_[A-Z]+).*$/, '$1');
  const [code, what] = classify(family, sqliteCode);
  return new DbError(code, `${context}: ${what}`, {
    details: sqliteCode ? { sqliteCode } : {},
    cause: error,
  });
}

export function sqliteCodeOf(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_')) return code;
  }
  return undefined;
}

function classify(family: string | undefined, full: string | undefined): [DbErrorCode, string] {
  switch (family) {
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return [DbErrorCode.BUSY, 'the database is locked by another connection'];
    case 'SQLITE_CORRUPT':
      return [DbErrorCode.CORRUPT, 'the database file is malformed'];
    case 'SQLITE_NOTADB':
      return [DbErrorCode.NOT_A_DATABASE, 'the file is not a database'];
    case 'SQLITE_FULL':
      return [DbErrorCode.DISK_FULL, 'the disk is full'];
    case 'SQLITE_READONLY':
      return [DbErrorCode.READ_ONLY, 'the database is read-only'];
    case 'SQLITE_CANTOPEN':
    case 'SQLITE_PERM':
    case 'SQLITE_AUTH':
      return [DbErrorCode.CANT_OPEN, 'the database file cannot be opened'];
    case 'SQLITE_IOERR':
      return [DbErrorCode.IO, 'an input/output error occurred'];
    case 'SQLITE_CONSTRAINT':
      return [DbErrorCode.CONSTRAINT, constraintText(full)];
    default:
      return [DbErrorCode.SQL, 'the database rejected the operation'];
  }
}

function constraintText(full: string | undefined): string {
  switch (full) {
    case 'SQLITE_CONSTRAINT_UNIQUE':
    case 'SQLITE_CONSTRAINT_PRIMARYKEY':
      return 'a unique constraint refused the write';
    case 'SQLITE_CONSTRAINT_FOREIGNKEY':
      return 'a foreign key constraint refused the write';
    case 'SQLITE_CONSTRAINT_NOTNULL':
      return 'a required value was missing';
    case 'SQLITE_CONSTRAINT_CHECK':
      return 'a check constraint refused the write';
    default:
      return 'a constraint refused the write';
  }
}
