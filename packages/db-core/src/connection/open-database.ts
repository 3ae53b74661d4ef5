import type Database from 'better-sqlite3';
import { openSqliteConnection } from './sqlite-connection';
import { dirname } from 'node:path';
import { DbError } from '../errors/db-error';
import { DbErrorCode } from '../errors/db-error-codes';
import { toDbError } from '../errors/sqlite-error-mapping';
import { DatabaseHandle, type DatabaseScope } from '../execution/database-handle';
import { withMigrationLock } from '../migrations/migration-lock';
import { planMigrations, type DatabaseState } from '../migrations/migration-plan';
import {
  DEFAULT_MIGRATION_LOCK_TIMEOUT_MS,
  runMigrations,
  type MigrationHooks,
} from '../migrations/migration-runner';
import { MIGRATIONS } from '../migrations/scope-migrations';
import { sweepArtifacts, type ArtifactSweepReport } from '../artifacts/artifact-sweep';
import { assertScope } from './assert-scope';
import type { OpenSafeguards } from './open-safeguards';
import { SNAPSHOT_SQL } from './queries';
import { readHistory } from '../migrations/tracking-table';
import { formatUtcTimestamp } from '@lepupitre/domain-primitives';
import { inspectDatabaseFile } from './inspect-file';
import { prepareDatabaseFolder } from './database-folder';
import { ensureOwnerOnlyFile, OWNER_ONLY_FILE_MODE, tighten, type FolderOwner } from './owner-only-files';
import { applyPosture, assertPosture, type PostureReading } from './posture';

export interface OpenDatabaseOptions {
  /** The data-folder safety work of every open (db-ops supplies the app's). */
  readonly safeguards: OpenSafeguards;
  /** Observation points of the migration run (crash drills). */
  readonly hooks?: MigrationHooks;
  /** How long to wait for another process that is migrating the same file. */
  readonly lockTimeoutMs?: number;
  readonly now?: () => Date;
  /**
   * `finish` (the default): a restore or a recovery swap that a dead process left half done is
   * finished first (`safeguards.finishInterruptedWork`). `leave`: only for the restore's own reopen, which
   * is part of that restore and may still be undone.
   */
  readonly pendingRestore?: 'finish' | 'leave';
  /**
   * Who owns the folder that holds the database (`prepareDatabaseFolder`). `user` (the
   * default): the data folder or a folder the operator named, created owner-only when missing
   * and never re-permissioned. `app`: a profile's own folder, tightened to owner-only at every
   * open with the app's folders in it.
   */
  readonly folderOwner?: FolderOwner;
}

export interface OpenReport {
  /** What the file was before this open. */
  readonly previousState: DatabaseState | 'absent';
  readonly appliedNow: readonly string[];
  /** Pre-migration copy's file name in `backups/` beside the database, when one was taken. */
  readonly snapshot: string | null;
  readonly posture: PostureReading;
  /** Profile databases: what the artifact sweep of this open tidied (null for the global scope). */
  readonly artifactSweep: ArtifactSweepReport | null;
}

export interface OpenedDatabase {
  readonly db: DatabaseHandle;
  readonly report: OpenReport;
}

/**
 * Opens a database of the given scope, ready for work: validated, postured, migrated.
 *
 * 1. A read-only look decides: a refused file (newer app, broken history, other scope, not a
 *    database) is left exactly as it was, not even switched to WAL. Then the folder that holds
 *    the file is prepared by who owns it (`folderOwner`): a folder the user gave is never
 *    re-permissioned, a profile's own folder is tightened.
 * 2. The posture is applied and read back (`DB_POSTURE_MISMATCH` when a setting does not hold).
 * 3. With work pending, under a cross-process lock: a verified copy of an existing database
 *    (`safeguards.copyBeforeMigrating`), then one transaction per migration.
 * 4. A profile database's artifact folder is swept of what killed writers left
 *    (`sweepArtifacts`), so every process that opens a profile finishes their work.
 */
export function openDatabase(path: string, scope: DatabaseScope, options: OpenDatabaseOptions): OpenedDatabase {
  const known = MIGRATIONS[scope];
  const { safeguards } = options;
  if (options.pendingRestore !== 'leave') safeguards.finishInterruptedWork(path);
  const inspection = inspectDatabaseFile(path);
  assertScope(inspection, scope);
  const plan = planMigrations(scope, known, inspection.history);
  const previousState = inspection.fileState === 'absent' ? 'absent' : plan.state;
  const needsWork = plan.pending.length > 0 || plan.uncheckedIds.length > 0;

  const absent = inspection.fileState === 'absent';
  try {
    prepareDatabaseFolder(dirname(path), options.folderOwner ?? 'user');
    if (absent) ensureOwnerOnlyFile(path);
  } catch (error) {
    const message = absent ? 'the database file cannot be created' : "the database's folder cannot be prepared";
    throw new DbError(DbErrorCode.CANT_OPEN, message, { cause: error });
  }

  const open = (): OpenedDatabase => {
    let raw: Database.Database;
    try {
      raw = openSqliteConnection(path, { fileMustExist: true });
    } catch (error) {
      throw toDbError(error, 'open the database');
    }
    try {
      applyPosture(raw);
      assertPosture(raw);
      for (const file of [path, `${path}-wal`, `${path}-shm`]) tighten(file, OWNER_ONLY_FILE_MODE);
      let snapshot: string | null = null;
      let appliedNow: string[] = [];
      if (needsWork) {
        const current = planMigrations(scope, known, readHistory(raw));
        const first = current.pending[0];
        if (first && current.state !== 'empty') {
          snapshot = safeguards.copyBeforeMigrating({
            databasePath: path,
            scope,
            schemaVersion: current.applied.at(-1) ?? null,
            nextMigrationId: first.id,
            now: options.now?.(),
            copyInto: (target) => void raw.prepare(SNAPSHOT_SQL.vacuumInto).run(target),
          });
        }
        appliedNow = runMigrations(raw, {
          scope,
          known,
          hooks: options.hooks,
          lockTimeoutMs: options.lockTimeoutMs,
          now: options.now ? () => formatNow(options.now) : undefined,
        });
      }
      const posture = assertPosture(raw);
      const db = new DatabaseHandle(raw, scope, safeguards);
      const artifactSweep = scope === 'profile' ? sweepArtifacts(db, dirname(path)) : null;
      return { db, report: { previousState, appliedNow, snapshot, posture, artifactSweep } };
    } catch (error) {
      raw.close();
      throw error instanceof DbError ? error : toDbError(error, 'open the database');
    }
  };

  return needsWork
    ? withMigrationLock(path, options.lockTimeoutMs ?? DEFAULT_MIGRATION_LOCK_TIMEOUT_MS, open)
    : open();
}

function formatNow(now: (() => Date) | undefined): string {
  return formatUtcTimestamp(now ? now() : new Date());
}
