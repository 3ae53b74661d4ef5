import { type FolderOwner, type MigrationHooks, type OpenReport } from '@lepupitre/db-core';
import type { Command } from 'commander';
import path from 'node:path';
import type { CommandContext } from '../command-context';
import { addTargetOptions, selectTargets, type DatabaseTarget, type TargetOptions } from '../database-target';
import { headerLine, idList, type CommandOutcome } from '../output';
import { folderOwnerOf } from '../folder-owner';
import { forEachDatabase, summarize, type DatabaseEntry } from '../per-database';
import { describeArtifactSweep } from '../../runtime/artifact-sweep-text';
import { openGuardedDatabase } from '@lepupitre/db-ops';
import { targetHeading } from '../target-heading';
import { stderrProgress, TerminalProgress } from '../terminal-progress';

export const DB_MIGRATE = 'db migrate';

interface Migrated {
  readonly report: OpenReport;
  /** The snapshot relative to the data directory (or to the file's folder). */
  readonly snapshot: string | null;
}

/**
 * `lepupitre db migrate`: opens each database the way the app does (validate, posture,
 * snapshot, migrate) and closes it. A data directory's global.db is created when absent;
 * profile databases are migrated only where they exist.
 */
export function registerDbMigrate(db: Command, context: CommandContext): void {
  addTargetOptions(db.command('migrate').description('apply pending migrations (global.db is created when absent)')).action(
    (options: TargetOptions, command: Command) => {
      const json = command.optsWithGlobals<{ json?: boolean }>().json === true;
      const selection = selectTargets(options, 'migrate', context.host);
      const progress = new TerminalProgress(json, stderrProgress(context.streams));
      const entries = forEachDatabase(selection.targets, (target) => migrateOne(target, folderOwnerOf(selection.kind, target), progress));
      progress.clear();
      const text = [headerLine(selection.kind, selection.location), ...entries.map(describe)];
      context.report(migrateOutcome(entries, text));
    },
  );
}

/**
 * On a terminal, which database and which migration is running: a large profile's table
 * rebuild takes a while, and a silent command looks stuck.
 */
function migrateOne(target: DatabaseTarget, folderOwner: FolderOwner, progress: TerminalProgress): Migrated {
  progress.show(`${target.label}: opening`, true);
  const hooks: MigrationHooks = {
    beforeMigration: (id) => progress.show(`${target.label}: applying ${id}`, true),
    afterStep: (id, index) => progress.show(`${target.label}: applying ${id}, step ${index + 1} done`),
  };
  const { db, report } = openGuardedDatabase(target.path, target.scope, { folderOwner, hooks });
  db.close();
  const snapshot = report.snapshot === null ? null : path.posix.join(path.posix.dirname(target.label), 'backups', report.snapshot);
  return { report, snapshot };
}

function migrateOutcome(entries: readonly DatabaseEntry<Migrated>[], text: readonly string[]): CommandOutcome {
  return summarize(DB_MIGRATE, entries, ({ report, snapshot }) => ({
    previousState: report.previousState,
    appliedNow: report.appliedNow,
    snapshot,
    artifactSweep: report.artifactSweep,
  }), text);
}

function describe(entry: DatabaseEntry<Migrated>): string {
  const name = targetHeading(entry.target);
  if (!entry.ok) return `${name}: FAILED ${entry.error.code}: ${entry.error.message}`;
  const { report, snapshot } = entry.result;
  const sweep = report.artifactSweep;
  const tidied = sweep && (sweep.temporaryRemoved > 0 || sweep.straysSetAside > 0 || sweep.deferred) ? `; artifacts: ${describeArtifactSweep(sweep)}` : '';
  if (report.appliedNow.length === 0) return `${name}: up to date${tidied}`;
  const parts = [`was ${report.previousState}`, `applied ${idList(report.appliedNow)}`];
  if (snapshot) parts.push(`snapshot ${snapshot}`);
  return `${name}: ${parts.join('; ')}${tidied}`;
}
