import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { restoreJournalName } from '../backups/interrupted-restore';
import { recoveryJournalName } from '../recovery/quarantine';

export interface SwapProblem {
  readonly code: 'DB_RESTORE_INTERRUPTED' | 'DB_RECOVERY_INTERRUPTED';
  readonly message: string;
}

/**
 * A journal beside the database means a restore or a recovery was decided and its process died
 * before the end: the files are half old, half new until the next open finishes the swap.
 * Doctor only reads, so it says so rather than finishing it.
 */
export function interruptedSwapProblems(databasePath: string): SwapProblem[] {
  const dir = dirname(databasePath);
  const problems: SwapProblem[] = [];
  if (existsSync(join(dir, recoveryJournalName(databasePath)))) {
    problems.push({
      code: 'DB_RECOVERY_INTERRUPTED',
      message: 'a recovery was interrupted while it moved files; the next open of the database (the app, or `lepupitre db migrate`) finishes it',
    });
  }
  if (existsSync(join(dir, restoreJournalName(databasePath)))) {
    problems.push({
      code: 'DB_RESTORE_INTERRUPTED',
      message: 'a restore was interrupted while it moved files; the next open of the database (the app, or `lepupitre db migrate`) finishes it',
    });
  }
  return problems;
}
