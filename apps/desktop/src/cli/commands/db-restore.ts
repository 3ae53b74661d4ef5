import { restoreBackup, type BackupKind, type RestoreResult, type RestoreStep } from '@lepupitre/db-ops';
import type { OpenReport } from '@lepupitre/db-core';
import type { Command } from 'commander';
import { backupLabel, replacedLabel } from '../backup-labels';
import type { CommandContext } from '../command-context';
import type { DatabaseTarget } from '../database-target';
import { headerLine, idList } from '../output';
import { forEachDatabase, summarize, type DatabaseEntry } from '../per-database';
import { addChosenTargetOptions, selectChosenTargets, type ChosenTargetOptions } from '../profile-or-global';
import { stderrProgress, TerminalProgress } from '../terminal-progress';
import { targetHeading } from '../target-heading';

export const DB_RESTORE = 'db restore';

interface RestoreCommandOptions extends ChosenTargetOptions {
  readonly backup: string;
  readonly force?: boolean;
}

/** One restore, with every name relative to the data directory. */
interface Restored {
  readonly restoredFrom: string;
  readonly kind: BackupKind;
  readonly verified: boolean;
  readonly replaced: readonly string[];
  readonly previousState: OpenReport['previousState'];
  readonly appliedNow: readonly string[];
  /** The pre-migration snapshot the reopen took (a backup of an older schema), or null. */
  readonly snapshot: string | null;
  /** Profiles: artifact files restored from the backup, kept as they were, moved to replaced/, and ids the backup could not bring back. */
  readonly artifacts: RestoreResult['artifacts'];
}

const STEP_TEXT: Record<RestoreStep, string> = {
  verify: 'checking the manifest',
  copy: 'copying the backup',
  check: 'checking the copy',
  artifacts: 'checking and staging the artifact files',
  'in-use': 'checking that nothing has the database open',
  'set-aside': 'moving the current files aside',
  place: 'putting the backup in place',
  reopen: 'reopening (and migrating)',
  finish: 'removing the staging files',
};

/**
 * `lepupitre db restore --backup NAME`: replaces one database (`--global`, `--profile ID` or
 * `--file`) with one of its backups, as listed by `db backups`. The app must be closed: the
 * restore refuses a database that another program has open. The replaced files are kept in
 * `replaced/` beside the database; a failed restore leaves the database as it was.
 */
export function registerDbRestore(db: Command, context: CommandContext): void {
  addChosenTargetOptions(db.command('restore').description('replace one database with one of its backups (the app must be closed)'))
    .requiredOption('--backup <name>', 'file name of the backup, as listed by `lepupitre db backups`')
    .option('--force', 'restore a backup whose manifest is missing or does not match (it must still pass its integrity check)')
    .action((options: RestoreCommandOptions, command: Command) => {
      const json = command.optsWithGlobals<{ json?: boolean }>().json === true;
      const selection = selectChosenTargets(options, context.host, true);
      const progress = new TerminalProgress(json, stderrProgress(context.streams));
      const entries = forEachDatabase(selection.targets, (target) => restoreOne(target, options, progress));
      progress.clear();
      const text = [headerLine(selection.kind, selection.location), ...entries.map(describe)];
      context.report(summarize(DB_RESTORE, entries, (restored) => ({ ...restored }), text));
    });
}

function restoreOne(target: DatabaseTarget, options: RestoreCommandOptions, progress: TerminalProgress): Restored {
  const result = restoreBackup(target.path, target.scope, options.backup, {
    force: options.force === true,
    onStep: (step) => progress.show(`${target.label}: ${STEP_TEXT[step]}`, true),
  });
  result.db.close();
  return {
    restoredFrom: backupLabel(target, result.restoredFrom),
    kind: result.kind,
    verified: result.verified,
    replaced: result.replaced.map((name) => replacedLabel(target, name)),
    previousState: result.report.previousState,
    appliedNow: result.report.appliedNow,
    snapshot: result.report.snapshot === null ? null : backupLabel(target, result.report.snapshot),
    artifacts: result.artifacts,
  };
}

function describe(entry: DatabaseEntry<Restored>): string {
  const name = targetHeading(entry.target);
  if (!entry.ok) return `${name}: FAILED ${entry.error.code}: ${entry.error.message}`;
  const { restoredFrom, kind, verified, replaced, appliedNow, artifacts } = entry.result;
  const parts = [
    `restored from ${restoredFrom} (${kind}${verified ? ', verified' : ', NOT VERIFIED: forced'})`,
    replaced.length > 0 ? `replaced files kept as ${replaced.join(', ')}` : 'there was no database to replace',
    `migrations applied: ${idList(appliedNow)}`,
  ];
  if (artifacts) {
    parts.push(
      `artifact files: ${artifacts.restored} restored from the backup, ${artifacts.kept} already in place, ${artifacts.setAside} not named by the backup moved to replaced/`,
    );
    if (artifacts.unrestorable.length > 0) {
      parts.push(`${artifacts.unrestorable.length} file(s) the backup does not hold (${idList(artifacts.unrestorable.slice(0, 20))}${artifacts.unrestorable.length > 20 ? ', ...' : ''}): run \`lepupitre db doctor\``);
    }
  }
  return `${name}: ${parts.join('; ')}`;
}
