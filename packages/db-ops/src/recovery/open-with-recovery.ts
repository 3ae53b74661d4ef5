import { finishInterruptedSwaps } from '../swaps/interrupted-swaps';
import { type OpenDatabaseOptions, type OpenedDatabase, DbError, DbErrorCode, type DatabaseScope } from '@lepupitre/db-core';
import { rawConnectionOf } from '@lepupitre/db-core/internals';
import { classifyFailure } from './failure-classification';
import { probeDatabaseFile } from './file-probe';
import { checkIntegrity, type IntegrityVerdict } from './integrity';
import { recoverDatabase, type RecoverOptions } from './recover-database';
import type { RecoveryReport } from './recovery-report';
import { openGuardedDatabase } from '../safeguards/data-folder-safeguards';

/**
 * When the open path checks integrity:
 * - `auto` (the default): only after an unclean shutdown, seen as a non-empty `-wal` before
 *   the open. A clean close checkpoints and removes the log, so a log that is still there
 *   means the last process died (or another one is running): the quick check then runs once.
 * - `always`: every open (a host that wants it, tests);
 * - `never`: never on open (doctor and recover still check on demand).
 */
export type OpenIntegrityPolicy = 'auto' | 'always' | 'never';

export interface OpenWithRecoveryOptions extends Omit<OpenDatabaseOptions, 'safeguards'> {
  readonly integrityCheck?: OpenIntegrityPolicy;
  readonly recovery?: Pick<RecoverOptions, 'hooks' | 'onProgress' | 'lockTimeoutMs' | 'statementBudget'>;
}

export interface HealthCheck {
  readonly ran: boolean;
  readonly reason: 'unclean-shutdown' | 'requested' | null;
  readonly verdict: IntegrityVerdict | null;
  readonly ms: number;
}

export interface OpenedWithRecovery extends OpenedDatabase {
  readonly healthCheck: HealthCheck;
  /** The recovery this open had to run, or null. */
  readonly recovery: RecoveryReport | null;
}

/**
 * The app's way to open a database: `openDatabase`, plus corruption handling.
 *
 * An error at open is classified: corruption leads to `recoverDatabase` and a second open of
 * the recovered file; anything else (a lock, a full disk, a newer app, a broken history) is
 * raised as it was, with nothing touched. A zero-length file where backups of the database
 * exist is recovered before the open (the open would take it for a new, empty database). After
 * an unclean shutdown the quick check runs once the file is open; a failure is corruption.
 * Recovery runs at most once per call: a recovered file that still fails is an error.
 */
export function openWithRecovery(path: string, scope: DatabaseScope, options: OpenWithRecoveryOptions = {}): OpenedWithRecovery {
  const policy = options.integrityCheck ?? 'auto';
  // A restore or recovery a dead process left half done is finished before the file is judged.
  finishInterruptedSwaps(path);
  const before = probeDatabaseFile(path, scope);
  const unclean = before.walBytes > 0;
  const recover = (cause: unknown): RecoveryReport => recoverDatabase(path, scope, { ...options.recovery, cause, now: options.now });

  let recovery: RecoveryReport | null = classifyFailure(undefined, before).corruption ? recover(undefined) : null;
  let opened: OpenedDatabase;
  try {
    opened = openGuardedDatabase(path, scope, options);
  } catch (error) {
    const classification = classifyFailure(error, probeDatabaseFile(path, scope));
    if (recovery !== null || (!classification.corruption && !classification.checkWithoutWal)) throw error;
    recovery = recover(error);
    opened = openGuardedDatabase(path, scope, options);
  }

  const reason = policy === 'always' ? 'requested' : policy === 'auto' && unclean ? 'unclean-shutdown' : null;
  if (reason === null) return { ...opened, healthCheck: { ran: false, reason, verdict: null, ms: 0 }, recovery };
  const started = performance.now();
  const verdict = checkIntegrity(rawConnectionOf(opened.db), 'quick');
  const ms = performance.now() - started;
  if (verdict.ok) return { ...opened, healthCheck: { ran: true, reason, verdict, ms }, recovery };

  opened.db.close();
  const failed = new DbError(DbErrorCode.CORRUPT, 'the database failed its quick check', { details: { check: 'quick_check' } });
  if (recovery !== null) throw failed;
  recovery = recover(failed);
  const reopened = openGuardedDatabase(path, scope, options);
  return { ...reopened, healthCheck: { ran: true, reason, verdict, ms }, recovery };
}
