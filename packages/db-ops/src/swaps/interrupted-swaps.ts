import { DbError, DbErrorCode } from '@lepupitre/db-core';
import { finishInterruptedRestore } from '../backups/interrupted-restore';
import { finishInterruptedRecovery } from '../recovery/quarantine';

/**
 * Finishes every multi-file operation a dead process left decided but unfinished beside a
 * database: recovery's swap of a rebuilt file into place, then a restore. Each keeps a journal
 * from its decision to its end, so whatever instant the process died, the files are brought to
 * one state, never left half old and half new. Called before a database is judged, opened,
 * recovered or restored.
 */
export function finishInterruptedSwaps(databasePath: string): void {
  try {
    finishInterruptedRecovery(databasePath);
  } catch (error) {
    throw new DbError(
      DbErrorCode.RECOVERY_FAILED,
      'an interrupted recovery of this database could not be finished; the damaged files are kept in the "corrupted" folder beside the database',
      { cause: error },
    );
  }
  finishInterruptedRestore(databasePath);
}
