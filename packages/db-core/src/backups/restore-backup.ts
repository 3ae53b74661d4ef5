import { existsSync, rmSync, statSync } from 'node:fs';
import { basename, join, posix, win32 } from 'node:path';
import { assertScope } from '../connection/assert-scope';
import { openDatabase, type OpenReport } from '../connection/open-database';
import { DbError } from '../errors/db-error';
import { DbErrorCode } from '../errors/db-error-codes';
import type { DatabaseHandle, DatabaseScope } from '../execution/database-handle';
import { planMigrations } from '../migrations/migration-plan';
import type { MigrationHooks } from '../migrations/migration-runner';
import { MIGRATIONS } from '../migrations/scope-migrations';
import { backupLocationOf, type BackupLocation } from './backup-folder';
import { checkAgainstManifest, readManifest, type VerificationProblem } from './backup-manifest';
import { parseBackupName, type BackupKind, type BackupName } from './backup-names';
import { isDiskFull } from './disk-full';
import { DATABASE_COMPANIONS } from '../files/database-companions';
import { copyFileDurably } from '../files/durable-copy';
import { removeQuietly } from '../files/remove-quietly';
import { assertNotInUse } from '../connection/in-use-probe';
import { ReplacedFiles } from './replaced-files';
import { verifyDatabaseCopy } from './verify-copy';

/** Suffix of the restored copy while it is checked beside the database, before it replaces it. */
export const RESTORE_PARTIAL_SUFFIX = '.restore-partial';

/** The steps of a restore, in order. The first four touch nothing of the current database. */
export type RestoreStep = 'verify' | 'copy' | 'check' | 'in-use' | 'set-aside' | 'place' | 'reopen';

export interface RestoreOptions {
  /** Restore a backup whose manifest is missing or does not match. Never skips the integrity check. */
  readonly force?: boolean;
  readonly now?: () => Date;
  /** Observation points of the migrations run by the reopen (fault drills). */
  readonly hooks?: MigrationHooks;
  /**
   * Told before each step, and during `set-aside` before each file moves (with its suffix: ''
   * for the database, '-wal', ...). The operator tool shows progress with it; the fault-injection
   * tests throw from it to prove that a failure at any point leaves the database as it was.
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
  /** File names, inside `replaced/` beside the database, of the files the restore moved aside. */
  readonly replaced: readonly string[];
}

/**
 * Replaces a database with one of its backups (or pre-migration snapshots), by file name as
 * `listBackups` gives it. The database must not be open anywhere (`DB_BUSY` otherwise).
 *
 * 1. verify: the manifest must be present and match (`DB_BACKUP_UNVERIFIED`, unless `force`);
 * 2. copy: the backup is copied beside the database under a temporary name, hashed on the way
 *    (the sha256 must match the manifest) and fsynced;
 * 3. check: the copy must pass `integrity_check` and `foreign_key_check` (never forced), be of
 *    the right scope and carry a history this app accepts (`DB_NEWER_THAN_APP`, ...);
 * 4. in-use: no other connection may hold the database;
 * 5. set-aside: the current files (db, -wal, -shm, -journal) go to `replaced/`;
 * 6. place: the copy replaces the database with one atomic rename;
 * 7. reopen: `openDatabase` applies the posture and migrates a backup of an older schema,
 *    with its usual pre-migration snapshot.
 * A failure in steps 1-4 changes nothing of the database; a failure in steps 5-7 puts every
 * original file back, byte for byte, and raises `DB_RESTORE_FAILED` (`DB_DISK_FULL` when the
 * disk is full). The backup itself is only ever read.
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

  const temporary = `${databasePath}${RESTORE_PARTIAL_SUFFIX}`;
  let verified: boolean;
  try {
    enter('verify');
    const reading = readManifest(backupPath, chosen.kind, scope);
    let problem: VerificationProblem | null = reading.manifest ? checkAgainstManifest(backupPath, reading.manifest, false) : reading.problem;
    if (problem && !force) throw unverified(problem, scope);
    enter('copy');
    removeRestoreLeftovers(temporary);
    const digest = copyFileDurably(backupPath, temporary);
    if (problem === null && reading.manifest && digest.sha256 !== reading.manifest.sha256) problem = 'sha256-mismatch';
    if (problem && !force) throw unverified(problem, scope);
    verified = problem === null;
    enter('check');
    const verdict = verifyDatabaseCopy(temporary);
    if (!verdict.ok) {
      if (isDiskFull(verdict.cause)) throw verdict.cause;
      throw new DbError(DbErrorCode.BACKUP_UNVERIFIED, `the backup ${verdict.defect === 'foreign-keys' ? 'has foreign-key violations' : verdict.defect === 'integrity' ? 'fails its integrity check' : 'cannot be read as a database'}; nothing was changed`, {
        details: { scope, reason: verdict.defect },
      });
    }
    assertScope(verdict.copy.inspection, scope);
    planMigrations(scope, MIGRATIONS[scope], verdict.copy.inspection.history);
    enter('in-use');
    assertNotInUse(databasePath, 'restore');
  } catch (error) {
    removeRestoreLeftoversQuietly(temporary);
    throw refusal(error, scope, step);
  }

  const replaced = new ReplacedFiles(databasePath, scope, now);
  try {
    enter('set-aside');
    replaced.setAside((suffix) => options.onStep?.('set-aside', suffix));
    enter('place');
    replaced.place(temporary);
    enter('reopen');
    const { db, report } = openDatabase(databasePath, scope, { now: options.now, hooks: options.hooks });
    return { db, report, restoredFrom: chosen.file, kind: chosen.kind, verified, replaced: replaced.names };
  } catch (error) {
    const rolledBack = replaced.rollback();
    removeRestoreLeftoversQuietly(temporary);
    throw failure(error, scope, step, rolledBack);
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

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** A restore killed earlier may have left its temporary copy; it is ours and holds nothing new. */
function removeRestoreLeftovers(temporary: string): void {
  if (existsSync(temporary)) rmSync(temporary);
  for (const companion of DATABASE_COMPANIONS) removeQuietly(`${temporary}${companion}`);
}

function removeRestoreLeftoversQuietly(temporary: string): void {
  try {
    removeRestoreLeftovers(temporary);
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
