import { backupDatabaseFile, type BackupManifest } from '@lepupitre/db-core';
import type { Command } from 'commander';
import { backupLabel, sizeText } from '../backup-labels';
import type { CommandContext } from '../command-context';
import type { DatabaseTarget } from '../database-target';
import { headerLine } from '../output';
import { summarize, type DatabaseEntry } from '../per-database';
import { addChosenTargetOptions, selectChosenTargets, type ChosenTargetOptions } from '../profile-or-global';
import { toSafeError } from '../safe-error';
import { percent, TerminalProgress } from '../terminal-progress';

export const DB_BACKUP = 'db backup';

/** One database's backup, with every name relative to the data directory. */
interface BackedUp {
  readonly backup: string;
  readonly manifest: BackupManifest;
  readonly pruned: readonly string[];
}

/**
 * `lepupitre db backup`: a verified online backup of the global database and every profile
 * database (or of the one chosen), each into `backups/` beside it, then retention. The files are
 * read as they are: nothing is migrated, and the app may keep running and writing meanwhile.
 */
export function registerDbBackup(db: Command, context: CommandContext): void {
  addChosenTargetOptions(db.command('backup').description('take a verified backup of each database (or of --global / --profile ID)')).action(
    async (options: ChosenTargetOptions, command: Command) => {
      const json = command.optsWithGlobals<{ json?: boolean }>().json === true;
      const selection = selectChosenTargets(options, context.host, false);
      const progress = new TerminalProgress(json);
      const entries: DatabaseEntry<BackedUp>[] = [];
      // One at a time: backups compete for the same disk, and their progress shares one line.
      for (const target of selection.targets) entries.push(await backupOne(target, progress));
      progress.clear();
      const text = [headerLine(selection.kind, selection.location), ...entries.map(describe)];
      context.report(summarize(DB_BACKUP, entries, (result) => ({ ...result }), text));
    },
  );
}

async function backupOne(target: DatabaseTarget, progress: TerminalProgress): Promise<DatabaseEntry<BackedUp>> {
  try {
    const { file, manifest, pruned } = await backupDatabaseFile(target.path, target.scope, {
      onProgress: (p) => {
        const what = p.phase === 'copy' ? `copying ${percent(p.copiedPages, p.totalPages)}` : p.phase === 'verify' ? 'checking integrity' : 'computing checksum';
        progress.show(`${target.label}: ${what}`, p.phase !== 'copy');
      },
    });
    const result = { backup: backupLabel(target, file), manifest, pruned: pruned.map((name) => backupLabel(target, name)) };
    return { target, ok: true, result, problem: null };
  } catch (error) {
    return { target, ok: false, error: toSafeError(error) };
  }
}

function describe(entry: DatabaseEntry<BackedUp>): string {
  const name = `${entry.target.label} (${entry.target.scope})`;
  if (!entry.ok) return `${name}: FAILED ${entry.error.code}: ${entry.error.message}`;
  const { backup, manifest, pruned } = entry.result;
  const schema = manifest.schemaVersion ?? 'untracked';
  const tail = pruned.length > 0 ? `; retention removed ${pruned.length} older backup${pruned.length === 1 ? '' : 's'}` : '';
  return `${name}: verified backup ${backup} (${sizeText(manifest.bytes)}, schema ${schema})${tail}`;
}
