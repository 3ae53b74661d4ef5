import { DbError, DbErrorCode } from '@lepupitre/db-core';
import { sqliteCodeOf } from '@lepupitre/db-core/internals';
import type { FileProbe } from './file-probe';

export type FailureKind =
  | 'healthy'
  | 'absent'
  | 'corruption'
  | 'busy'
  | 'disk-full'
  | 'read-only'
  | 'permission'
  | 'io-error'
  | 'newer-app'
  | 'broken-history'
  | 'scope-mismatch'
  | 'not-a-database'
  | 'not-a-file'
  | 'unknown';

export interface Classification {
  readonly kind: FailureKind;
  /**
   * Whether the condition is corruption. Only corruption may lead to destructive steps
   * (quarantine, salvage, replacement); every other kind is a typed error that changes nothing.
   */
  readonly corruption: boolean;
  /**
   * A scope mismatch seen through a write-ahead log may be a log that belongs to another
   * database: recovery may look at the file without its log before deciding. Nothing else
   * sets this.
   */
  readonly checkWithoutWal: boolean;
  /** The typed error code that stands for the condition; null when healthy. */
  readonly code: string | null;
  /** A stable word for reports and logs. */
  readonly reason: string;
}

const MIGRATION_CODES: ReadonlySet<string> = new Set([
  DbErrorCode.MIGRATION_GAP,
  DbErrorCode.MIGRATION_ORDER,
  DbErrorCode.MIGRATION_UNKNOWN,
  DbErrorCode.MIGRATION_CHECKSUM_MISMATCH,
]);

/**
 * Decides what an error met at open or during work means, from the error and a cheap look at
 * the file. Pure: no I/O, the probe was taken before.
 *
 * The order matters: refusals that the migration engine raised on purpose (newer app, broken
 * history, other scope) come first, then the file-system conditions (busy, full, read-only,
 * permissions, I/O), which say nothing about the file's content, and only then corruption.
 * "Not a database" is corruption only when something shows that a database was there: a
 * header destroyed in front of intact b-tree pages, a write-ahead log of its own, or backups
 * of this database beside it. A file that never was a database is left alone.
 *
 * Without an error, the probe alone decides: a zero-length file where backups of the database
 * exist was a database and lost everything (corruption); otherwise it is a new, empty database.
 */
export function classifyFailure(error: unknown, probe: FileProbe): Classification {
  if (error === undefined || error === null) return classifyProbe(probe);
  const dbCode = error instanceof DbError ? error.code : undefined;
  const sqlite = sqliteCodeIn(error);
  const errno = errnoIn(error);

  if (dbCode === DbErrorCode.NEWER_THAN_APP) return refusal('newer-app', dbCode, 'written-by-a-newer-app');
  if (dbCode !== undefined && MIGRATION_CODES.has(dbCode)) return refusal('broken-history', dbCode, 'history-refused');
  if (dbCode === DbErrorCode.SCOPE_MISMATCH) {
    const walSuspect = probe.walBytes > 0 && probe.walHeaderValid;
    return { kind: 'scope-mismatch', corruption: false, checkWithoutWal: walSuspect, code: dbCode, reason: walSuspect ? 'scope-mismatch-with-wal' : 'other-scope' };
  }
  if (dbCode === DbErrorCode.PATH_IS_DIRECTORY) return refusal('not-a-file', dbCode, 'directory');

  const family = sqlite?.replace(/^(SQLITE_[A-Z]+).*$/, '$1');
  if (family === 'SQLITE_BUSY' || family === 'SQLITE_LOCKED' || dbCode === DbErrorCode.BUSY || errno === 'EBUSY') {
    return refusal('busy', DbErrorCode.BUSY, 'locked');
  }
  if (family === 'SQLITE_FULL' || dbCode === DbErrorCode.DISK_FULL || errno === 'ENOSPC' || errno === 'EDQUOT') {
    return refusal('disk-full', DbErrorCode.DISK_FULL, 'no-space');
  }
  if (family === 'SQLITE_READONLY' || dbCode === DbErrorCode.READ_ONLY || errno === 'EROFS') {
    return refusal('read-only', DbErrorCode.READ_ONLY, 'read-only');
  }
  if (
    family === 'SQLITE_CANTOPEN' ||
    family === 'SQLITE_PERM' ||
    family === 'SQLITE_AUTH' ||
    dbCode === DbErrorCode.CANT_OPEN ||
    errno === 'EACCES' ||
    errno === 'EPERM'
  ) {
    if (!probe.exists) return refusal('absent', DbErrorCode.CANT_OPEN, 'no-file');
    return refusal('permission', DbErrorCode.CANT_OPEN, 'permission');
  }
  // A failing disk is not a damaged file: writing more to it (a salvage, a quarantine) is the
  // wrong first move. The runbook says to copy the data folder off first.
  if (family === 'SQLITE_IOERR' || dbCode === DbErrorCode.IO || errno === 'EIO') return refusal('io-error', DbErrorCode.IO, 'io-error');

  if (family === 'SQLITE_CORRUPT' || dbCode === DbErrorCode.CORRUPT) {
    const check = error instanceof DbError ? error.details['check'] : undefined;
    return corruption(typeof check === 'string' ? `${check}-failed` : 'malformed');
  }
  if (family === 'SQLITE_NOTADB' || dbCode === DbErrorCode.NOT_A_DATABASE) return classifyNotADatabase(probe);
  return refusal('unknown', dbCode ?? DbErrorCode.SQL, 'unclassified');
}

function classifyProbe(probe: FileProbe): Classification {
  if (!probe.exists) return refusal('absent', null, 'no-file');
  if (!probe.isFile) return refusal('not-a-file', DbErrorCode.PATH_IS_DIRECTORY, 'directory');
  if (probe.bytes === 0) {
    return probe.backupCandidates > 0 ? corruption('empty-file-with-backups') : healthy('empty-file');
  }
  return healthy('no-error');
}

function classifyNotADatabase(probe: FileProbe): Classification {
  if (!probe.exists) return refusal('absent', null, 'no-file');
  if (probe.header.kind === 'zeroed' || probe.header.kind === 'damaged') return corruption('header-destroyed');
  if (probe.header.kind === 'sqlite') return corruption('header-invalid');
  if (probe.walBytes > 0 && probe.walHeaderValid) return corruption('header-destroyed-wal-present');
  if (probe.backupCandidates > 0) return corruption('not-a-database-where-one-was');
  return refusal('not-a-database', DbErrorCode.NOT_A_DATABASE, 'never-a-database');
}

function refusal(kind: FailureKind, code: string | null, reason: string): Classification {
  return { kind, corruption: false, checkWithoutWal: false, code, reason };
}

function corruption(reason: string): Classification {
  return { kind: 'corruption', corruption: true, checkWithoutWal: false, code: DbErrorCode.CORRUPT, reason };
}

function healthy(reason: string): Classification {
  return { kind: 'healthy', corruption: false, checkWithoutWal: false, code: null, reason };
}

/** The SQLite result code carried by the error or by a DbError made from it. */
function sqliteCodeIn(error: unknown): string | undefined {
  const direct = sqliteCodeOf(error);
  if (direct) return direct;
  if (error instanceof DbError) {
    const detail = error.details['sqliteCode'];
    if (typeof detail === 'string') return detail;
    return sqliteCodeOf(error.cause);
  }
  return undefined;
}

/** A Node file-system error code (`ENOSPC`, `EROFS`, ...) on the error or its cause. */
function errnoIn(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
