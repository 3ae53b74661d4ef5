import { readDatabaseStatus, type DatabaseStatus } from '@lepupitre/db-ops';
import type { Command } from 'commander';
import type { CommandContext } from '../command-context';
import { addTargetOptions, selectTargets, type TargetOptions } from '../database-target';
import { headerLine, idList } from '../output';
import { forEachDatabase, summarize, type DatabaseEntry } from '../per-database';
import type { SafeError } from '../safe-error';
import { targetHeading } from '../target-heading';

export const DB_STATUS = 'db status';

/**
 * `lepupitre db status`: per database its scope, applied and pending migrations, continuity
 * verdict and posture. Never writes: an absent database is reported as absent, not created.
 * A database that an open would refuse makes the command not ok.
 */
export function registerDbStatus(db: Command, context: CommandContext): void {
  addTargetOptions(db.command('status').description('show migration state, continuity and posture (never writes)')).action(
    (options: TargetOptions) => {
      const selection = selectTargets(options, 'status', context.host);
      const entries = forEachDatabase(selection.targets, (target) => readDatabaseStatus(target.path, target.scope), continuityProblem);
      const text = [headerLine(selection.kind, selection.location), ...entries.flatMap(describe)];
      context.report(
        summarize(DB_STATUS, entries, (status) => ({
          fileState: status.fileState,
          state: status.state,
          applied: status.applied,
          pending: status.pending,
          continuity: status.continuity,
          posture: status.posture,
        }), text),
      );
    },
  );
}

function continuityProblem(status: DatabaseStatus): SafeError | null {
  return status.continuity.ok ? null : { code: status.continuity.code, message: status.continuity.message };
}

function describe(entry: DatabaseEntry<DatabaseStatus>): string[] {
  const name = targetHeading(entry.target);
  if (!entry.ok) return [`${name}: FAILED ${entry.error.code}: ${entry.error.message}`];
  const status = entry.result;
  return [
    `${name}: ${stateText(status)}`,
    `  applied:    ${idList(status.applied)}`,
    `  pending:    ${idList(status.pending)}`,
    `  continuity: ${status.continuity.ok ? 'ok' : `${status.continuity.code}: ${status.continuity.message}`}`,
    `  posture:    ${postureText(status)}`,
  ];
}

function stateText(status: DatabaseStatus): string {
  if (status.fileState === 'absent') return 'absent';
  if (status.fileState === 'empty-file') return 'empty file';
  return status.state ?? 'refused';
}

function postureText(status: DatabaseStatus): string {
  const posture = status.posture;
  if (!posture) return 'n/a (no database yet)';
  const reading =
    `journal_mode=${posture.journalMode}, synchronous=${posture.synchronous}, foreign_keys=${posture.foreignKeys}, ` +
    `busy_timeout=${posture.busyTimeoutMs}, trusted_schema=${posture.trustedSchema}, cell_size_check=${posture.cellSizeCheck}`;
  if (posture.ok) return `ok (${reading})`;
  // A file from before WAL reads back its own journal mode; opening it (migrate) switches it.
  const hint = posture.journalMode !== 'wal' ? '; the next migrate switches it to WAL' : '';
  return `mismatch: ${posture.mismatches.join(', ')} (${reading})${hint}`;
}
