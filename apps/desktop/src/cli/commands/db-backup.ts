import {
  backupDatabaseFile,
  type ArtifactBackupSummary,
  type BackupArtifacts,
  type BackupManifest,
  type BackupProgress,
} from '@lepupitre/db-ops';
import { ID_PATTERN, printableText } from '@lepupitre/domain-primitives';
import type { Command } from 'commander';
import { backupLabel, sizeText } from '../backup-labels';
import type { CommandContext } from '../command-context';
import type { DatabaseTarget } from '../database-target';
import { headerLine } from '../output';
import { summarize, type DatabaseEntry } from '../per-database';
import { addChosenTargetOptions, selectChosenTargets, type ChosenTargetOptions } from '../profile-or-global';
import { toSafeError } from '../safe-error';
import { percent, stderrProgress, TerminalProgress } from '../terminal-progress';
import { targetHeading } from '../target-heading';

export const DB_BACKUP = 'db backup';

/**
 * A manifest as printed: the artifact ids of `missing` and `deletedSince` only where they look
 * like ids (`<prefix>_<32 hex>`), null otherwise. The column is data: a hand-edited or imported
 * database could hold anything there, and the output is metadata only.
 */
type PrintedManifest = Omit<BackupManifest, 'artifacts'> & {
  readonly artifacts?: Omit<BackupArtifacts, 'missing' | 'deletedSince'> & {
    readonly missing: readonly (string | null)[];
    readonly deletedSince: readonly (string | null)[];
  };
};

/** One database's backup, with every name relative to the data directory. */
interface BackedUp {
  readonly backup: string;
  readonly manifest: PrintedManifest;
  readonly pruned: readonly string[];
  /** Profile databases: what happened to the artifact files (counts only); null for the global one. */
  readonly artifacts: ArtifactBackupSummary | null;
}

/**
 * `lepupitre db backup`: a verified online backup of the global database and every profile
 * database (or of the one chosen), each into `backups/` beside it, then retention. A profile's
 * backup also holds the artifact files its rows refer to; the output counts them, and those it
 * could not hold (missing), so that a profile whose files went wrong is seen at once. The files
 * are read as they are: nothing is migrated, and the app may keep running and writing meanwhile.
 */
export function registerDbBackup(db: Command, context: CommandContext): void {
  addChosenTargetOptions(db.command('backup').description('take a verified backup of each database (or of --global / --profile ID)')).action(
    async (options: ChosenTargetOptions, command: Command) => {
      const json = command.optsWithGlobals<{ json?: boolean }>().json === true;
      const selection = selectChosenTargets(options, context.host, false);
      const progress = new TerminalProgress(json, stderrProgress(context.streams));
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
    const { file, manifest, pruned, artifacts } = await backupDatabaseFile(target.path, target.scope, {
      onProgress: (p) => {
        progress.show(`${target.label}: ${phaseText(p)}`, p.phase === 'verify' || p.phase === 'checksum');
      },
    });
    const result = { backup: backupLabel(target, file), manifest: printed(manifest), pruned: pruned.map((name) => backupLabel(target, name)), artifacts };
    return { target, ok: true, result, problem: null };
  } catch (error) {
    return { target, ok: false, error: toSafeError(error) };
  }
}

/** The manifest as printed: ids that are not ids hidden, the schema version (read from the database) escaped. */
function printed(manifest: BackupManifest): PrintedManifest {
  const { artifacts, ...fields } = manifest;
  const rest = { ...fields, schemaVersion: fields.schemaVersion === null ? null : printableText(fields.schemaVersion) };
  if (!artifacts) return rest;
  const ids = (list: readonly string[] | undefined): (string | null)[] => (list ?? []).map((id) => (ID_PATTERN.test(id) ? id : null));
  return { ...rest, artifacts: { ...artifacts, missing: ids(artifacts.missing), deletedSince: ids(artifacts.deletedSince) } };
}

function describe(entry: DatabaseEntry<BackedUp>): string {
  const name = targetHeading(entry.target);
  if (!entry.ok) return `${name}: FAILED ${entry.error.code}: ${entry.error.message}`;
  const { backup, manifest, pruned, artifacts } = entry.result;
  const schema = manifest.schemaVersion ?? 'untracked';
  const files = artifacts ? `; ${artifactsText(artifacts)}` : '';
  const tail = pruned.length > 0 ? `; retention removed ${pruned.length} older backup${pruned.length === 1 ? '' : 's'}` : '';
  return `${name}: verified backup ${backup} (${sizeText(manifest.bytes)}, schema ${schema})${files}${tail}`;
}

/** `artifacts: 12 files, 3.4 MiB (10 linked, 2 copied, 1.1 MiB new), 1 missing (1 deleted since the copy)`. */
function artifactsText(a: ArtifactBackupSummary): string {
  const since = a.deletedSince > 0 ? ` (${a.deletedSince} deleted since the copy)` : '';
  return (
    `artifacts: ${a.files} file${a.files === 1 ? '' : 's'}, ${sizeText(a.bytes)} ` +
    `(${a.linked} linked, ${a.copied} copied, ${sizeText(a.newBytes)} new), ${a.missing} missing${since}`
  );
}

function phaseText(p: BackupProgress): string {
  switch (p.phase) {
    case 'copy':
      return `copying ${percent(p.copiedPages, p.totalPages)}`;
    case 'verify':
      return 'checking integrity';
    case 'checksum':
      return 'computing checksum';
    case 'artifacts':
      return `backing up files ${percent(p.files?.done ?? 0, p.files?.total ?? 0)}`;
  }
}
