import type Database from 'better-sqlite3';
import { DbError, DbErrorCode, type DatabaseHandle, type DatabaseScope } from '@lepupitre/db-core';
import { openSqliteConnection, assertScope, inspectDatabaseFile, applyConnectionSettings, toDbError, rawConnectionOf } from '@lepupitre/db-core/internals';
import { dirname } from 'node:path';
import { compactUtcStamp, formatUtcTimestamp } from '@lepupitre/domain-primitives';
import { removeAbandonedPartials, backupLocationOf } from './backup-folder';
import type { BackupManifest } from './backup-manifest';
import { backupFileName } from './backup-names';
import { pruneBackups } from './backup-retention';
import { isDiskFull } from './disk-full';
import { writeVerifiedCopy, type CopyCompanion } from './verified-copy';
import { artifactStillListed, readArtifactRows } from './artifact-rows';
import { discardArtifactsFolder, fillArtifactsFolder, placeArtifactsFolder, type ArtifactBackupSummary, type FilledArtifacts } from './backup-artifacts';
import { findEarlierArtifacts } from './earlier-artifacts';

/**
 * Pages copied per step of the backup API before yielding to the event loop: 256 pages of 4 KiB
 * are 1 MiB, a few milliseconds of work, so that writes on the same connection interleave.
 */
export const BACKUP_PAGES_PER_STEP = 256;

/** The backup API's "copy everything that is left in this step". */
const ALL_REMAINING_PAGES = 0x7fffffff;

export type BackupPhase = 'copy' | 'verify' | 'checksum' | 'artifacts';

export interface BackupProgress {
  readonly phase: BackupPhase;
  /** Pages of the database; 0 until the copy has started. */
  readonly totalPages: number;
  readonly copiedPages: number;
  /** During `artifacts` (profile backups): files handled so far, of all the copy's rows. */
  readonly files?: { readonly done: number; readonly total: number };
}

/**
 * The points of a backup where a failure can strike, in order: `artifact` (profile backups)
 * once per row of the copy, with its artifact id; `place-artifacts` and `place` rename the
 * artifacts folder, then the copy, into place.
 */
export type BackupStep = 'copy' | 'verify' | 'checksum' | 'artifacts' | 'artifact' | 'manifest' | 'place-artifacts' | 'place';

export interface BackupOptions {
  readonly now?: () => Date;
  /** Called as the work advances: every copy step, then once per later phase. */
  readonly onProgress?: (progress: BackupProgress) => void;
  readonly pagesPerStep?: number;
  /**
   * Told before each step (`artifact` with the artifact id). The fault-injection tests throw
   * from it to prove that a failure at any point leaves no backup and no partial file.
   */
  readonly onStep?: (step: BackupStep, detail?: string) => void;
}

export interface BackupCopyStats {
  readonly pages: number;
  readonly steps: number;
  /** Times a write by another connection restarted the copy (see `copyPages`). */
  readonly restarts: number;
}

export interface BackupResult {
  /** File name inside the `backups/` folder beside the database: never a full path. */
  readonly file: string;
  readonly manifest: BackupManifest;
  /** Older backups deleted by retention. */
  readonly pruned: readonly string[];
  readonly copy: BackupCopyStats;
  /** Profile backups: what happened to the artifact files of the copy. Null for a global backup. */
  readonly artifacts: ArtifactBackupSummary | null;
}

/**
 * Backs up an open database on its own connection: the connection the app writes through.
 * The SQLite backup API copies a few pages per step and yields in between; writes made on this
 * same connection meanwhile are carried into the copy by SQLite without restarting it, so the
 * app keeps writing while its backup runs and the two cannot livelock.
 *
 * The copy goes through the pipeline every copy in `backups/` takes (`verified-copy.ts`): written
 * under a temporary name, proved sound (integrity and foreign-key checks), synced and hashed; a
 * profile backup then gathers the artifact files the copy's rows refer to in a
 * folder beside it (`backup-artifacts.ts`). The copy is described by a manifest and only then
 * renamed into `backups/`, its folder just before it; retention follows. A failure leaves no
 * backup and no partial file or folder: `DB_BACKUP_FAILED`, or `DB_DISK_FULL` when the disk is
 * full. A missing artifact file is not a failure: it is listed in the manifest's `missing`.
 */
export async function backupDatabase(handle: DatabaseHandle, options: BackupOptions = {}): Promise<BackupResult> {
  const raw = rawConnectionOf(handle);
  if (raw.memory) throw new DbError(DbErrorCode.BACKUP_FAILED, 'an in-memory database has no backups folder');
  return takeBackup(raw, raw.name, handle.scope, options);
}

/**
 * Backs up a database file without opening it for work (no posture change, no migration), for
 * the operator tool: the file may be in any state an earlier or later app left, and may be open
 * in the app meanwhile. The connection is read-only; see `copyPages` for concurrent writers.
 */
export async function backupDatabaseFile(path: string, scope: DatabaseScope, options: BackupOptions = {}): Promise<BackupResult> {
  const inspection = inspectDatabaseFile(path);
  if (inspection.fileState !== 'database') {
    throw new DbError(DbErrorCode.BACKUP_FAILED, `there is no ${scope} database to back up`, {
      details: { scope, reason: inspection.fileState },
    });
  }
  assertScope(inspection, scope);
  let source: Database.Database;
  try {
    source = openSqliteConnection(path, { readonly: true, fileMustExist: true });
    applyConnectionSettings(source);
  } catch (error) {
    throw toDbError(error, 'open the database');
  }
  try {
    return await takeBackup(source, path, scope, options);
  } finally {
    source.close();
  }
}

async function takeBackup(source: Database.Database, databasePath: string, scope: DatabaseScope, options: BackupOptions): Promise<BackupResult> {
  const now = options.now?.() ?? new Date();
  const location = backupLocationOf(databasePath);
  let pages = 0;
  try {
    const result = await writeVerifiedCopy({
      dir: location.dir,
      removeAbandoned: () => removeAbandonedPartials(location, scope, now),
      nameFor: (counter) => backupFileName(location.stem, scope, compactUtcStamp(now), counter),
      write: async (partialPath) => {
        const copy = await copyPages(source, partialPath, options);
        pages = copy.pages;
        return copy;
      },
      damaged: () => damagedCopyError(scope),
      ...(scope === 'profile' ? { companion: artifactsCompanion(source, databasePath, options) } : {}),
      describe: (copy, artifacts): BackupManifest => ({
        kind: 'backup',
        scope,
        schemaVersion: copy.sound.schemaVersion,
        bytes: copy.digest.bytes,
        sha256: copy.digest.sha256,
        createdAt: formatUtcTimestamp(now),
        verified: true,
        foreignKeyViolations: copy.sound.foreignKeyViolations,
        ...(artifacts ? { artifacts: artifacts.manifest } : {}),
      }),
      retain: (justTaken) => pruneBackups(location.dir, location.stem, scope, justTaken, now),
      onStep: (step) => {
        options.onStep?.(step);
        if (step === 'verify' || step === 'checksum') options.onProgress?.({ phase: step, totalPages: pages, copiedPages: pages });
      },
    });
    return { file: result.file, manifest: result.manifest, pruned: result.pruned, copy: result.written, artifacts: result.gathered?.summary ?? null };
  } catch (error) {
    throw backupFailure(error, scope);
  }
}

/**
 * A profile backup's artifact files travel with its copy: gathered from the verified copy's
 * rows into `<backup>.artifacts.partial/`, renamed into place just before the copy, removed
 * when the backup fails.
 */
function artifactsCompanion(source: Database.Database, databasePath: string, options: BackupOptions): CopyCompanion<BackupCopyStats, FilledArtifacts> {
  const { dir } = backupLocationOf(databasePath);
  return {
    gather: (copy) => backUpArtifacts(source, databasePath, copy.file, copy.partialPath, copy.written.pages, options),
    place: (file) => {
      options.onStep?.('place-artifacts');
      placeArtifactsFolder(dir, file);
    },
    discard: (file, placed) => discardArtifactsFolder(dir, file, placed),
  };
}

/**
 * The artifact files of a profile backup, from the rows of the verified copy: the files of
 * exactly the point in time the copy holds (rows committed later are not in it, rows deleted
 * later still are). The live profile folder is the database's folder; a missing file is
 * checked against the live database (`source`) to tell a deletion since the copy from a loss.
 */
async function backUpArtifacts(
  source: Database.Database,
  databasePath: string,
  file: string,
  copyPath: string,
  pages: number,
  options: BackupOptions,
): Promise<FilledArtifacts> {
  options.onStep?.('artifacts');
  const location = backupLocationOf(databasePath);
  const rows = readArtifactRows(copyPath);
  return fillArtifactsFolder({
    backupsDir: location.dir,
    backupFile: file,
    rows,
    profileDir: dirname(databasePath),
    earlier: findEarlierArtifacts(location.dir, location.stem, 'profile', file),
    stillListed: (id) => artifactStillListed(source, id),
    beforeFile: (id, done, total) => {
      options.onStep?.('artifact', id);
      options.onProgress?.({ phase: 'artifacts', totalPages: pages, copiedPages: pages, files: { done, total } });
    },
  });
}

/**
 * Copies the pages with the backup API, a step at a time. A write by another connection (the
 * app, when the operator tool backs up; another process) makes SQLite restart the copy at the
 * next step; with a steady writer that would never end. On the first restart the rest is
 * therefore copied in one step: one read transaction, which under WAL does not block writers,
 * and which no write can restart.
 */
async function copyPages(source: Database.Database, temporary: string, options: BackupOptions): Promise<BackupCopyStats> {
  const perStep = Math.max(1, Math.trunc(options.pagesPerStep ?? BACKUP_PAGES_PER_STEP));
  let previousRemaining: number | undefined;
  let restarts = 0;
  let steps = 0;
  const result = await source.backup(temporary, {
    progress: ({ totalPages, remainingPages }) => {
      steps += 1;
      if (previousRemaining !== undefined && remainingPages >= previousRemaining) restarts += 1;
      previousRemaining = remainingPages;
      options.onProgress?.({ phase: 'copy', totalPages, copiedPages: totalPages - remainingPages });
      return restarts > 0 ? ALL_REMAINING_PAGES : perStep;
    },
  });
  return { pages: result.totalPages, steps: steps + 1, restarts };
}

function damagedCopyError(scope: string): Error {
  return new DbError(DbErrorCode.BACKUP_FAILED, 'the copy failed its integrity check, so the database itself is probably damaged; no backup was added', {
    details: { scope, reason: 'integrity' },
  });
}

function backupFailure(error: unknown, scope: string): DbError {
  if (isDiskFull(error)) {
    return new DbError(DbErrorCode.DISK_FULL, 'the disk is full; no backup was added', { details: { scope }, cause: error });
  }
  if (error instanceof DbError) return error;
  const errno = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof errno === 'string' && !errno.startsWith('SQLITE_')) {
    return new DbError(DbErrorCode.BACKUP_FAILED, 'the backup could not be written; no backup was added', {
      details: { scope, reason: errno },
      cause: error,
    });
  }
  const mapped = toDbError(error, 'back up the database');
  if (mapped.code !== DbErrorCode.SQL) return mapped;
  return new DbError(DbErrorCode.BACKUP_FAILED, 'the backup could not be written; no backup was added', { details: { scope }, cause: error });
}
