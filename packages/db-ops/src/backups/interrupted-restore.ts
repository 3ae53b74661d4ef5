import { basename, dirname } from 'node:path';
import { DbError, DbErrorCode } from '@lepupitre/db-core';
import { completePendingSwap, type SwapDirection } from '../swaps/file-swap';

/** Suffix of the journal that makes the swap of a restore complete, or undone, after a death. */
export const RESTORE_JOURNAL_SUFFIX = '.restore-journal';

export function restoreJournalName(databasePath: string): string {
  return `${basename(databasePath)}${RESTORE_JOURNAL_SUFFIX}`;
}

/**
 * Finishes a restore that a dead process had decided (its journal is beside the database):
 * forward, or back when it had started to undo. Every open of a database calls this before it
 * reads anything, and so does a restore before it starts, so no process ever works on half of
 * a restore. Returns the direction finished, or null when there was nothing to finish.
 */
export function finishInterruptedRestore(databasePath: string): SwapDirection | null {
  try {
    return completePendingSwap(dirname(databasePath), restoreJournalName(databasePath));
  } catch (error) {
    throw new DbError(
      DbErrorCode.RESTORE_FAILED,
      'an interrupted restore of this database could not be finished; its files are kept in the "replaced" folder beside the database',
      { cause: error },
    );
  }
}
