import { closeSync, existsSync, lstatSync, rmSync } from 'node:fs';
import { basename, dirname, join, posix, win32 } from 'node:path';
import { type OpenReport, DbError, DbErrorCode, type DatabaseHandle, type DatabaseScope, type MigrationHooks, MIGRATIONS, ensureOwnerOnlyDir, REPLACED_DIR } from '@lepupitre/db-core';
import { assertScope, planMigrations, fsyncDirectory } from '@lepupitre/db-core/internals';
import { backupLocationOf, type BackupLocation } from './backup-folder';
import { checkAgainstManifest, readManifest, type VerificationProblem } from './backup-manifest';
import { parseBackupName, type BackupKind, type BackupName } from './backup-names';
import { isDiskFull } from './disk-full';
import { DATABASE_COMPANIONS } from '../files/database-companions';
import { copyOpenedFileDurably } from '../files/durable-copy';
import type { FileDigest } from '../files/file-digest';
import { openRegularFile } from '../files/open-regular-file';
import { assertRealFolder, isRealFolder } from '../files/real-folder';
import { removeFolderIfEmpty, removeQuietly } from '../files/remove-quietly';
import { assertNotInUse } from '../files/in-use-probe';
import { FileSwap, type SwapMove } from '../swaps/file-swap';
import { ARTIFACTS_FOLDER_SUFFIX, manifestArtifactsOf } from './artifacts-folder';
import { finishInterruptedSwaps } from '../swaps/interrupted-swaps';
import { restoreJournalName } from './interrupted-restore';
import { replacedBaseName } from './replaced-files';
import { stageArtifacts, type ArtifactRestorePlan, type ArtifactRestoreSummary } from './restore-artifacts';
import { verifyDatabaseCopy } from './verify-copy';
import { openGuardedDatabase } from '../safeguards/data-folder-safeguards';

/** Suffix of the restored copy while it is checked beside the database, before it replaces it. */
export const RESTORE_PARTIAL_SUFFIX = '.restore-partial';

/** Suffix of the folder beside the database where artifact files copied from the backup wait. */
const RESTORE_ARTIFACTS_SUFFIX = `${RESTORE_PARTIAL_SUFFIX}.artifacts`;

/**
 * The steps of a restore, in order. The first five touch nothing of the current database or
 * its files; `swap` is the decision (a journal is written), after which a death is finished
 * forward by the next open.
 */
export type RestoreStep = 'verify' | 'copy' | 'check' | 'artifacts' | 'in-use' | 'set-aside' | 'place' | 'reopen' | 'finish';

export interface RestoreOptions {
  /** Restore a backup whose manifest is missing or does not match. Never skips the integrity check. */
  readonly force?: boolean;
  readonly now?: () => Date;
  /** Observation points of the migrations run by the reopen (fault drills). */
  readonly hooks?: MigrationHooks;
  /**
   * Told before each step, and during `set-aside` and `place` before each file moves: with its
   * suffix for database files ('' for the database, '-wal', ...), with `artifact` for an
   * artifact file. The operator tool shows progress with it; the fault-injection tests throw
   * from it, and the crash drills kill the process from it.
   */
  readonly onStep?: (step: RestoreStep, file?: string) => void;
}

export interface RestoreResult {
  /** The restored database, open, postured and migrated. The caller closes it. */
  readonly db: DatabaseHandle;
  readonly report: OpenReport;
  readonly restoredFrom: string;
  readonly kind: BackupKind;
  /** False only when `force` let through a backup whose manifest is missing or does not match. */
  readonly verified: boolean;
  /** File names, inside `replaced/` beside the database, of the database files the restore moved aside. */
  readonly replaced: readonly string[];
  /** Profile databases: what happened to the artifact files (null for the global scope). */
  readonly artifacts: ArtifactRestoreSummary | null;
}

/**
 * Replaces a database, and for a profile the artifact files its rows name, with one of its
 * backups (or pre-migration snapshots), by file name as `listBackups` gives it. The database
 * must not be open anywhere (`DB_BUSY` otherwise).
 *
 * 1. verify: the manifest must be present and match (`DB_BACKUP_UNVERIFIED`, unless `force`);
 * 2. copy: the backup is copied beside the database under a temporary name, hashed on the way
 *    (the sha256 must match the manifest) and fsynced;
 * 3. check: the copy must pass `integrity_check` and `foreign_key_check` (never forced), be of
 *    the right scope and carry a history this app accepts (`DB_NEWER_THAN_APP`, ...);
 * 4. artifacts (profiles): every file the copy's rows name is either already in place with the
 *    row's bytes or copied from the backup's files into a staging folder, verified against its
 *    row (`stageArtifacts`);
 * 5. in-use: no other connection may hold the database;
 * 6. set-aside and place: one journaled `FileSwap` moves the current files (db, -wal, -shm,
 *    -journal; artifact files that are replaced or that no restored row names) to `replaced/`
 *    and puts the staged ones in place, the database last;
 * 7. reopen: `openDatabase` applies the posture and migrates a backup of an older schema,
 *    with its usual pre-migration snapshot; then the journal and staging files are removed.
 * A failure in steps 1-5 changes nothing; a failure in steps 6-7 puts every original file back,
 * byte for byte, and raises `DB_RESTORE_FAILED` (`DB_DISK_FULL` when the disk is full). A death
 * of the process after the journal is written is finished forward by the next open of the
 * database; before it, nothing had changed. The backup itself is only ever read.
 */
export function restoreBackup(databasePath: string, scope: DatabaseScope, backupName: string, options: RestoreOptions = {}): RestoreResult {
  const now = options.now?.() ?? new Date();
  const location = backupLocationOf(databasePath);
  const chosen = resolveBackup(location, scope, backupName);
  const backupPath = join(location.dir, chosen.file);
  const force = options.force === true;
  let step: RestoreStep = 'verify';
  const enter = (next: RestoreStep): void => {
    step = next;
    options.onStep?.(next);
  };

  const root = dirname(databasePath);
  const dbName = basename(databasePath);
  const journalName = restoreJournalName(databasePath);
  const temporary = `${databasePath}${RESTORE_PARTIAL_SUFFIX}`;
  const stagingName = `${dbName}${RESTORE_ARTIFACTS_SUFFIX}`;
  let verified: boolean;
  let artifacts: ArtifactRestorePlan | null = null;
  const base = replacedBaseName(databasePath, scope, now);
  try {
    finishInterruptedSwaps(databasePath);
    enter('verify');
    const reading = readManifest(backupPath, chosen.kind, scope);
    let problem: VerificationProblem | null = reading.manifest ? checkAgainstManifest(backupPath, reading.manifest, false) : reading.problem;
    if (problem && !force) throw unverified(problem, scope);
    enter('copy');
    removeRestoreLeftovers(temporary, join(root, stagingName));
    const digest = copyBackup(backupPath, temporary);
    if (problem === null && reading.manifest && digest.sha256 !== reading.manifest.sha256) problem = 'sha256-mismatch';
    if (problem && !force) throw unverified(problem, scope);
    verified = problem === null;
    enter('check');
    const verdict = verifyDatabaseCopy(temporary);
    if (!verdict.ok) {
      if (isDiskFull(verdict.cause)) throw verdict.cause;
      throw new DbError(DbErrorCode.BACKUP_UNVERIFIED, `the backup ${verdict.defect === 'integrity' ? 'fails its integrity check' : 'cannot be read as a database'}; nothing was changed`, {
        details: { scope, reason: verdict.defect },
      });
    }
    assertScope(verdict.copy.inspection, scope);
    planMigrations(scope, MIGRATIONS[scope], verdict.copy.inspection.history);
    if (scope === 'profile') {
      enter('artifacts');
      const carried = reading.manifest ? manifestArtifactsOf(reading.manifest, chosen.file) : null;
      artifacts = stageArtifacts({
        root,
        copyPath: temporary,
        backupFilesDir: carried && isRealFolder(join(location.dir, carried.folder)) ? join(location.dir, carried.folder) : null,
        stagingDir: stagingName,
        replacedDir: `${REPLACED_DIR}/${base}${ARTIFACTS_FOLDER_SUFFIX}`,
      });
    }
    fsyncDirectory(root);
    enter('in-use');
    assertNotInUse(databasePath, 'restore');
  } catch (error) {
    removeRestoreLeftoversQuietly(temporary, join(root, stagingName));
    throw refusal(error, scope, step);
  }

  const dbMoves: SwapMove[] = [
    { from: dbName, to: `${REPLACED_DIR}/${base}.db`, how: 'link' },
    ...DATABASE_COMPANIONS.map((suffix): SwapMove => ({ from: `${dbName}${suffix}`, to: `${REPLACED_DIR}/${base}.db${suffix}`, how: 'rename' })),
  ];
  const present = dbMoves.filter((move) => existsSync(join(root, move.from)));
  const swap = new FileSwap(
    root,
    journalName,
    {
      moves: [...present, ...(artifacts?.moves ?? [])],
      places: [...(artifacts?.places ?? []), { from: basename(temporary), to: dbName, companions: [...DATABASE_COMPANIONS] }],
      cleanup: [basename(temporary), ...DATABASE_COMPANIONS.map((suffix) => `${basename(temporary)}${suffix}`), stagingName],
    },
    (swapStep, entry) => {
      if (swapStep === 'move' || swapStep === 'place') {
        step = swapStep === 'move' ? 'set-aside' : 'place';
        options.onStep?.(step, fileLabel(dbName, swapStep === 'move' ? entry?.from : entry?.to));
      }
    },
  );
  let opened: { db: DatabaseHandle; report: OpenReport } | undefined;
  try {
    enter('set-aside');
    ensureOwnerOnlyDir(join(root, REPLACED_DIR));
    assertRealFolder(join(root, REPLACED_DIR));
    swap.apply();
    enter('reopen');
    opened = openGuardedDatabase(databasePath, scope, { now: options.now, hooks: options.hooks, pendingRestore: 'leave' });
    enter('finish');
    swap.finish();
  } catch (error) {
    opened?.db.close();
    const rolledBack = undoQuietly(swap);
    if (rolledBack) removeFolderIfEmpty(join(root, REPLACED_DIR));
    throw failure(error, scope, step, rolledBack);
  }
  return {
    db: opened.db,
    report: opened.report,
    restoredFrom: chosen.file,
    kind: chosen.kind,
    verified,
    replaced: present.map((move) => basename(move.to)),
    artifacts: artifacts && { restored: artifacts.restored, kept: artifacts.kept, setAside: artifacts.setAside, unrestorable: artifacts.unrestorable },
  };
}

/** '' / '-wal' / ... for the database's own files, 'artifact' for an artifact file. */
function fileLabel(dbName: string, relative: string | undefined): string | undefined {
  if (relative === undefined) return undefined;
  if (relative === dbName) return '';
  if (relative.startsWith(dbName) && !relative.includes('/')) return relative.slice(dbName.length);
  return 'artifact';
}

function undoQuietly(swap: FileSwap): boolean {
  try {
    return swap.undo();
  } catch {
    return false;
  }
}


/**
 * The backup a name designates: a plain file name (no folder, so nothing outside `backups/` can
 * be reached), naming a backup or snapshot of this database's stem and scope, that exists.
 */
function resolveBackup(location: BackupLocation, scope: string, name: string): BackupName {
  const plain = typeof name === 'string' && name !== '' && posix.basename(name) === name && win32.basename(name) === name && !name.startsWith('.');
  if (!plain) {
    throw new DbError(DbErrorCode.BACKUP_NOT_FOUND, 'a backup is chosen by its file name as listed, without any folder', { details: { scope } });
  }
  const parsed = parseBackupName(name, location.stem, scope);
  if (!parsed || !isFile(join(location.dir, basename(name)))) {
    throw new DbError(DbErrorCode.BACKUP_NOT_FOUND, `no backup of that name exists for this ${scope} database`, { details: { scope } });
  }
  return parsed;
}

/** A backup is a regular file in `backups/`, never a link to a file elsewhere. */
function isFile(path: string): boolean {
  try {
    return lstatSync(path).isFile();
  } catch {
    return false;
  }
}

/** Copies the backup from exactly the regular file that was checked, never through a link. */
function copyBackup(backupPath: string, temporary: string): FileDigest {
  const fd = openRegularFile(backupPath);
  if (fd === null) throw new DbError(DbErrorCode.BACKUP_NOT_FOUND, 'the backup is not a regular file in the backups folder; nothing was changed');
  try {
    return copyOpenedFileDurably(fd, temporary);
  } finally {
    closeSync(fd);
  }
}

/**
 * A restore killed before its decision may have left its temporary copy and staged files; they
 * are ours and hold nothing new (the backup still has them).
 */
function removeRestoreLeftovers(temporary: string, stagingDir: string): void {
  if (existsSync(temporary)) rmSync(temporary);
  for (const companion of DATABASE_COMPANIONS) removeQuietly(`${temporary}${companion}`);
  if (existsSync(stagingDir)) {
    if (!lstatSync(stagingDir).isDirectory()) rmSync(stagingDir);
    else rmSync(stagingDir, { recursive: true });
  }
}

function removeRestoreLeftoversQuietly(temporary: string, stagingDir: string): void {
  try {
    removeRestoreLeftovers(temporary, stagingDir);
  } catch {
    // Not a file of ours (a folder in its place): left alone; the failure is reported.
  }
}

function unverified(problem: VerificationProblem, scope: string): DbError {
  return new DbError(
    DbErrorCode.BACKUP_UNVERIFIED,
    `the backup is not verified (${problem}); nothing was changed. Choose a verified backup, or force this one`,
    { details: { scope, reason: problem } },
  );
}

/** A failure before anything of the database moved: typed errors keep their code. */
function refusal(error: unknown, scope: string, step: RestoreStep): DbError {
  if (isDiskFull(error)) {
    return new DbError(DbErrorCode.DISK_FULL, 'the disk is full; nothing was changed', { details: { scope, step }, cause: error });
  }
  if (error instanceof DbError) return error;
  return new DbError(DbErrorCode.RESTORE_FAILED, `the restore failed at step "${step}"; nothing was changed`, {
    details: { scope, step, rolledBack: true, ...reasonOf(error) },
    cause: error,
  });
}

/** A failure after files moved: every original was put back, or is still in `replaced/`. */
function failure(error: unknown, scope: string, step: RestoreStep, rolledBack: boolean): DbError {
  const details = { scope, step, rolledBack, ...reasonOf(error) };
  if (!rolledBack) {
    return new DbError(
      DbErrorCode.RESTORE_FAILED,
      `the restore failed at step "${step}" and the previous files could not all be put back; they are kept in the "replaced" folder beside the database`,
      { details, cause: error },
    );
  }
  if (isDiskFull(error)) {
    return new DbError(DbErrorCode.DISK_FULL, 'the disk is full; the restore was undone and the database is as it was', { details, cause: error });
  }
  return new DbError(DbErrorCode.RESTORE_FAILED, `the restore failed at step "${step}"; the database was put back as it was`, {
    details,
    cause: error,
  });
}

function reasonOf(error: unknown): { reason?: string } {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && /^[A-Za-z0-9_]+$/.test(code) ? { reason: code } : {};
}
