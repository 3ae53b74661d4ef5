import { isDbError } from '@lepupitre/db-core';
import { printableText } from '@lepupitre/domain-primitives';
import { recoverDatabase, renderRecoveryReport, type RecoveryReport, type RecoveryStep } from '@lepupitre/db-ops';
import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CommandContext } from '../command-context';
import type { DatabaseTarget } from '../database-target';
import { forEachDatabase, summarize, type DatabaseEntry } from '../per-database';
import { addChosenTargetOptions, selectChosenTargets, type ChosenTargetOptions } from '../profile-or-global';
import type { SafeError } from '../safe-error';
import { stderrProgress, TerminalProgress } from '../terminal-progress';
import { targetHeading } from '../target-heading';

export const DB_RECOVER = 'db recover';

const STEP_TEXT: Record<RecoveryStep, string> = {
  inspect: 'looking at the files',
  copy: 'copying the files to a private folder',
  assess: 'checking integrity',
  salvage: 'salvaging rows',
  merge: 'merging rows from the backup',
  check: 'checking the rebuilt database',
  quarantine: 'moving the originals to quarantine',
  place: 'putting the rebuilt database in place',
  report: 'writing the report',
};

/** A recovery's outcome: its report (also for a recovery that failed after quarantining), and its error. */
interface Recovered {
  /** File names relative to the data directory. */
  readonly report: RecoveryReport;
  /** The text for people, with the same names. */
  readonly lines: readonly string[];
  readonly error: SafeError | null;
}

/**
 * `lepupitre db recover`: recovers one database (`--global`, `--profile ID` or `--file PATH
 * --scope S`). A healthy database is left alone; anything that is not corruption (locked, full
 * disk, read-only, newer app, broken history) is refused with its code and nothing changes.
 * The report's file names are printed relative to the data directory.
 */
export function registerDbRecover(db: Command, context: CommandContext): void {
  addChosenTargetOptions(
    db.command('recover').description('recover one damaged database: quarantine, salvage, merge from the best verified backup, report'),
  ).action((options: ChosenTargetOptions, command: Command) => {
    const json = command.optsWithGlobals<{ json?: boolean }>().json === true;
    const selection = selectChosenTargets(options, context.host, true);
    const progress = new TerminalProgress(json, stderrProgress(context.streams));
    const entries = forEachDatabase(
      selection.targets,
      (target) => recoverOne(target, (text) => progress.show(`${target.label}: ${text}`)),
      (result) => result.error,
    );
    progress.clear();
    const text = [`Recovery (file names are relative to the ${selection.kind === 'data-dir' ? 'data directory' : "file's folder"})`, ...entries.flatMap(describe)];
    context.report(summarize(DB_RECOVER, entries, (result) => ({ outcome: result.report.outcome, report: result.report }), text));
  });
}

function recoverOne(target: DatabaseTarget, show: (text: string) => void): Recovered {
  const prefix = folderOf(target);
  try {
    const report = recoverDatabase(target.path, target.scope, {
      onProgress: ({ step, table }) => show(table ? `${STEP_TEXT[step]}: ${table}` : STEP_TEXT[step]),
    });
    return { report: rebase(report, prefix), lines: renderRecoveryReport(report, prefix, targetHeading(target)), error: null };
  } catch (error) {
    // Nothing could be done: the originals are in quarantine and a report was written.
    const written = isDbError(error) ? writtenReport(target, error.details['report']) : null;
    if (!written || !isDbError(error)) throw error;
    return { report: rebase(written, prefix), lines: renderRecoveryReport(written, prefix, targetHeading(target)), error: { code: error.code, message: error.message } };
  }
}

function writtenReport(target: DatabaseTarget, name: unknown): RecoveryReport | null {
  if (typeof name !== 'string' || name === '' || name.includes('..')) return null;
  try {
    return JSON.parse(readFileSync(path.join(path.dirname(target.path), name), 'utf8')) as RecoveryReport;
  } catch {
    return null;
  }
}

/** The database's folder relative to the data directory, `''` for the top level. */
function folderOf(target: DatabaseTarget): string {
  const folder = path.posix.dirname(target.label);
  return folder === '.' ? '' : `${folder}/`;
}

/** A file name relative to the data directory: folder and file names, each far shorter. */
const SHOWN_FILE_NAME_MAX = 512;

/**
 * File names relative to the data directory instead of the database's folder, printable: with
 * `--file` they carry the name of the file the operator gave.
 */
function rebase(report: RecoveryReport, prefix: string): RecoveryReport {
  const shown = (file: string): string => printableText(`${prefix}${file}`, SHOWN_FILE_NAME_MAX);
  return {
    ...report,
    quarantined: report.quarantined.map(shown),
    backupUsed: report.backupUsed ? shown(report.backupUsed) : null,
    backupsRejected: report.backupsRejected.map((r) => ({ ...r, file: shown(`backups/${r.file}`) })),
    reportFiles: report.reportFiles.map(shown),
  };
}

function describe(entry: DatabaseEntry<Recovered>): string[] {
  if (!entry.ok) return [`${targetHeading(entry.target)}: FAILED ${entry.error.code}: ${entry.error.message}`];
  return [...entry.result.lines];
}
