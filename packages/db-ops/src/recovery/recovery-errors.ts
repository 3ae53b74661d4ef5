import { DbError, DbErrorCode } from '@lepupitre/db-core';
import { sqliteCodeOf, toDbError } from '@lepupitre/db-core/internals';

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
