import { DbError } from '../errors/db-error';
import { DbErrorCode } from '../errors/db-error-codes';
import { sqliteCodeOf, toDbError } from '../errors/sqlite-error-mapping';

/**
 * Any failure met while recovering, as a typed error with a safe message: SQLite errors by
 * result-code family, file-system errors by errno (a full disk, a read-only folder and a
 * permission problem each keep their meaning), everything else as an I/O error.
 */
export function toRecoveryError(error: unknown, context: string): DbError {
  if (error instanceof DbError) return error;
  if (sqliteCodeOf(error)) return toDbError(error, context);
  const errno = (error as { code?: unknown } | null)?.code;
  switch (errno) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new DbError(DbErrorCode.DISK_FULL, `${context}: the disk is full`, { cause: error });
    case 'EROFS':
      return new DbError(DbErrorCode.READ_ONLY, `${context}: the folder is read-only`, { cause: error });
    case 'EACCES':
    case 'EPERM':
      return new DbError(DbErrorCode.CANT_OPEN, `${context}: permission denied`, { cause: error });
    case 'EBUSY':
      return new DbError(DbErrorCode.BUSY, `${context}: the file is in use`, { cause: error });
    default:
      return new DbError(DbErrorCode.IO, `${context}: an input/output error occurred`, { cause: error });
  }
}
