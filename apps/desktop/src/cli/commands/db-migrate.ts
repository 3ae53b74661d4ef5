import { type FolderOwner, type OpenReport } from '@lepupitre/db-core';
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
    (options: TargetOptions) => {
      const selection = selectTargets(options, 'migrate', context.host);
      const entries = forEachDatabase(selection.targets, (target) => migrateOne(target, folderOwnerOf(selection.kind, target)));
      const text = [headerLine(selection.kind, selection.location), ...entries.map(describe)];
      context.report(migrateOutcome(entries, text));
    },
  );
}

function migrateOne(target: DatabaseTarget, folderOwner: FolderOwner): Migrated {
  const { db, report } = openGuardedDatabase(target.path, target.scope, { folderOwner });
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
