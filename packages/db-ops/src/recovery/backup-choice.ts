import type Database from 'better-sqlite3';
import { basename, join } from 'node:path';
import { DbErrorCode, type DatabaseHandle, type DatabaseScope } from '@lepupitre/db-core';
import { openSqliteConnection } from '@lepupitre/db-core/internals';
import { backupsDirOf, checkManifest, listCandidates, type CandidateRejection } from './backup-candidates';
import { checkIntegrity, isCorruptionSignal } from './integrity';
import { isMachineFailure } from './recovery-decision';
import { toRecoveryError } from './recovery-errors';
import type { WorkArea } from './work-area';
import { openGuardedDatabase } from '../safeguards/data-folder-safeguards';

export interface ChosenBackup {
  /** File name inside `backups/`. */
  readonly file: string;
  /** A private copy, migrated to the current schema, open. The caller closes it. */
  readonly handle: DatabaseHandle;
}

export interface BackupChoice {
  readonly chosen: ChosenBackup | null;
  /** Newer candidates that did not prove sound, newest first, with the reason. */
  readonly rejected: readonly { readonly file: string; readonly reason: CandidateRejection }[];
}

/**
 * The newest backup or pre-migration snapshot that proves sound: its manifest (verified, this
 * scope, size and sha256 unchanged), then the full integrity check and a migration to the
 * current schema, both on a private copy: the file in `backups/` is only read.
 */
export function chooseBackup(databasePath: string, scope: DatabaseScope, work: WorkArea, now: Date): BackupChoice {
  const rejected: { file: string; reason: CandidateRejection }[] = [];
  for (const [index, candidate] of listCandidates(databasePath, scope).entries()) {
    const manifest = checkManifest(databasePath, candidate, scope);
    if (!manifest.ok) {
      rejected.push({ file: candidate.file, reason: manifest.rejection as CandidateRejection });
      continue;
    }
    const copy = join(work.folder(`backup-${index}`), basename(databasePath));
    work.copyIn(join(backupsDirOf(databasePath), candidate.file), copy);
    if (!copyIsWhole(copy)) {
      rejected.push({ file: candidate.file, reason: 'integrity-failed' });
      continue;
    }
    try {
      const { db: handle } = openGuardedDatabase(copy, scope, { now: () => now });
      return { chosen: { file: candidate.file, handle }, rejected };
    } catch (error) {
      const mapped = toRecoveryError(error, 'open a backup');
      if (isMachineFailure(mapped)) throw mapped;
      rejected.push({ file: candidate.file, reason: mapped.code === DbErrorCode.NEWER_THAN_APP ? 'newer-app' : 'unreadable' });
    }
  }
  return { chosen: null, rejected };
}

/** The full integrity check on a private copy, read-only. */
function copyIsWhole(path: string): boolean {
  let db: Database.Database | undefined;
  try {
    db = openSqliteConnection(path, { readonly: true, fileMustExist: true });
    return checkIntegrity(db, 'full').ok;
  } catch (error) {
    if (isCorruptionSignal(error)) return false;
    throw error;
  } finally {
    db?.close();
  }
}
