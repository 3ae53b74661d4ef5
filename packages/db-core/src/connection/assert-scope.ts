import { DbError } from '../errors/db-error';
import { DbErrorCode } from '../errors/db-error-codes';
import type { DatabaseScope } from '../execution/database-handle';
import { SCOPE_SIGNATURE_TABLE } from '../migrations/scope-migrations';
import type { FileInspection } from './inspect-file';

/** Refuses a file with tables that does not carry the scope's signature table. */
export function assertScope(inspection: FileInspection, scope: DatabaseScope): void {
  if (inspection.history.userTableCount === 0) return;
  const own = SCOPE_SIGNATURE_TABLE[scope];
  const other = SCOPE_SIGNATURE_TABLE[scope === 'global' ? 'profile' : 'global'];
  if (!inspection.tableNames.includes(own) || inspection.tableNames.includes(other)) {
    throw new DbError(DbErrorCode.SCOPE_MISMATCH, `the file is not a ${scope} database; it was not changed`, {
      details: { scope },
    });
  }
}
