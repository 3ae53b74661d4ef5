import { listBackups, type BackupEntry } from '@lepupitre/db-ops';
import type { Command } from 'commander';
import { ageText, backupLabel, sizeText } from '../backup-labels';
import type { CommandContext } from '../command-context';
import type { DatabaseTarget } from '../database-target';
import { headerLine } from '../output';
import { forEachDatabase, summarize, type DatabaseEntry } from '../per-database';
import { addChosenTargetOptions, selectChosenTargets, type ChosenTargetOptions } from '../profile-or-global';
import { stderrProgress, TerminalProgress } from '../terminal-progress';
import { targetHeading } from '../target-heading';

export const DB_BACKUPS = 'db backups';

/** A listed copy: its name (what `db restore --backup` takes) and its path from the data directory. */
type ListedBackup = BackupEntry & { readonly path: string };

/**
 * `lepupitre db backups`: per database, its backups and pre-migration snapshots, newest first,
 * each checked against its manifest (size and sha256): verified or not, and why; with what each
 * occupies and added (database plus artifact files, from the manifest). Writes nothing.
 */
export function registerDbBackups(db: Command, context: CommandContext): void {
  addChosenTargetOptions(db.command('backups').description('list the backups of each database (or of --global / --profile ID), verified or not')).action(
    (options: ChosenTargetOptions, command: Command) => {
      const json = command.optsWithGlobals<{ json?: boolean }>().json === true;
      const selection = selectChosenTargets(options, context.host, false);
      const progress = new TerminalProgress(json, stderrProgress(context.streams));
      const entries = forEachDatabase(selection.targets, (target) => {
        progress.show(`${target.label}: checking backups`, true);
        return listOne(target);
      });
      progress.clear();
      const text = [headerLine(selection.kind, selection.location), ...entries.flatMap(describe)];
      context.report(summarize(DB_BACKUPS, entries, (backups) => ({ backups }), text));
    },
  );
}

function listOne(target: DatabaseTarget): ListedBackup[] {
  return listBackups(target.path, target.scope).map((entry) => ({ ...entry, path: backupLabel(target, entry.file) }));
}

function describe(entry: DatabaseEntry<ListedBackup[]>): string[] {
  const name = targetHeading(entry.target);
  if (!entry.ok) return [`${name}: FAILED ${entry.error.code}: ${entry.error.message}`];
  const backups = entry.result;
  if (backups.length === 0) return [`${name}: no backups`];
  return [
    `${name}: ${backups.length} backup${backups.length === 1 ? '' : 's'}, newest first`,
    ...backups.map((b) => {
      const state = b.verified ? 'verified' : `NOT VERIFIED (${b.problem})`;
      return `  ${b.file}  ${b.kind}  ${state}  ${ageText(b.ageSeconds)}  ${sizeText(b.bytes)}  schema ${b.schemaVersion ?? 'unknown'}  ${footprintText(b)}`;
    }),
  ];
}

/**
 * What a backup occupies with its artifact files and what it added when taken: a profile
 * backup's files are mostly hard links to the previous backup's, so "new" is what it really
 * costs on disk. `total 1.1 GiB, new 2.3 MiB, 10000 files, 1 missing`.
 */
function footprintText(b: ListedBackup): string {
  const files = b.artifacts ? `, ${b.artifacts.files} file${b.artifacts.files === 1 ? '' : 's'}` : '';
  const missing = b.artifacts && b.artifacts.missing > 0 ? `, ${b.artifacts.missing} missing` : '';
  return `total ${sizeText(b.totalBytes)}, new ${sizeText(b.newBytes)}${files}${missing}`;
}
