import { isDbError, DbErrorCode } from '@lepupitre/db-core';
import { sqliteCodeOf } from '@lepupitre/db-core/internals';

/**
 * Whether a failure, or anything on its cause chain, is a full disk or quota. It gets its own
 * code (`DB_DISK_FULL`) instead of a generic backup or restore failure because the operator's
 * remedy differs: free space and retry, nothing is wrong with the data.
 */
export function isDiskFull(error: unknown): boolean {
  for (let current = error, depth = 0; current !== undefined && current !== null && depth < 10; depth++) {
    if (isDbError(current, DbErrorCode.DISK_FULL)) return true;
    if (sqliteCodeOf(current)?.startsWith('SQLITE_FULL')) return true;
    const errno = (current as NodeJS.ErrnoException).code;
    if (errno === 'ENOSPC' || errno === 'EDQUOT') return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
