import type BetterSqlite3 from 'better-sqlite3';
import { DbError } from '../errors/db-error';
import { DbErrorCode } from '../errors/db-error-codes';
import { toDbError } from '../errors/sqlite-error-mapping';
import { POSTURE_SQL } from './queries';

/**
 * The connection posture, the same for the global database and every profile database.
 * `docs/architecture.md` explains each choice.
 */
export const POSTURE = {
  /** Readers never block the writer and a crash never leaves a half-written page. */
  journalMode: 'wal',
  /** 1 = NORMAL: durable at checkpoints, safe against corruption in WAL mode, far fewer fsyncs. */
  synchronous: 1,
  foreignKeys: 1,
  /** Milliseconds a statement waits for a lock before SQLITE_BUSY; at least 2000 by contract. */
  busyTimeoutMs: 5000,
  /** Schema-defined functions and virtual tables may not run with elevated trust. */
  trustedSchema: 0,
  /** Catches malformed cells when a page is read, before they spread into new writes. */
  cellSizeCheck: 1,
  /** Bytes the WAL file is truncated to after a checkpoint, so it cannot stay huge. */
  journalSizeLimitBytes: 64 * 1024 * 1024,
} as const;

export const MIN_BUSY_TIMEOUT_MS = 2000;

export interface PostureReading {
  readonly journalMode: string;
  readonly synchronous: number;
  readonly foreignKeys: number;
  readonly busyTimeoutMs: number;
  readonly trustedSchema: number;
  readonly cellSizeCheck: number;
}

export interface PostureVerdict {
  readonly reading: PostureReading;
  /** Names of the settings that do not hold; empty when the posture is right. */
  readonly mismatches: readonly string[];
}

/** Per-connection settings: they can be applied even on a read-only connection. */
export function applyConnectionSettings(db: BetterSqlite3.Database, busyTimeoutMs: number = POSTURE.busyTimeoutMs): void {
  db.pragma(POSTURE_SQL.setBusyTimeout(busyTimeoutMs));
  db.pragma(POSTURE_SQL.setSynchronousNormal);
  db.pragma(POSTURE_SQL.setForeignKeys(true));
  db.pragma(POSTURE_SQL.setTrustedSchemaOff);
  db.pragma(POSTURE_SQL.setCellSizeCheckOn);
}

/**
 * Applies the full posture to a writable connection. Switching to WAL is persistent and
 * needs the file to itself, so it is the one step that writes.
 */
export function applyPosture(db: BetterSqlite3.Database): void {
  try {
    applyConnectionSettings(db);
    db.pragma(POSTURE_SQL.setJournalSizeLimit(POSTURE.journalSizeLimitBytes));
    db.pragma(POSTURE_SQL.setJournalModeWal);
  } catch (error) {
    throw toDbError(error, 'apply connection posture');
  }
}

export function readPosture(db: BetterSqlite3.Database): PostureVerdict {
  const simple = (name: string): unknown => db.pragma(name, { simple: true });
  const reading: PostureReading = {
    journalMode: String(simple(POSTURE_SQL.journalMode)).toLowerCase(),
    synchronous: Number(simple(POSTURE_SQL.synchronous)),
    foreignKeys: Number(simple(POSTURE_SQL.foreignKeys)),
    busyTimeoutMs: Number(simple(POSTURE_SQL.busyTimeout)),
    trustedSchema: Number(simple(POSTURE_SQL.trustedSchema)),
    cellSizeCheck: Number(simple(POSTURE_SQL.cellSizeCheck)),
  };
  const mismatches: string[] = [];
  if (reading.journalMode !== POSTURE.journalMode) mismatches.push('journal_mode');
  if (reading.synchronous !== POSTURE.synchronous) mismatches.push('synchronous');
  if (reading.foreignKeys !== POSTURE.foreignKeys) mismatches.push('foreign_keys');
  if (!(reading.busyTimeoutMs >= MIN_BUSY_TIMEOUT_MS)) mismatches.push('busy_timeout');
  if (reading.trustedSchema !== POSTURE.trustedSchema) mismatches.push('trusted_schema');
  if (reading.cellSizeCheck !== POSTURE.cellSizeCheck) mismatches.push('cell_size_check');
  return { reading, mismatches };
}

/** Reads the posture back and refuses a connection on which any setting does not hold. */
export function assertPosture(db: BetterSqlite3.Database): PostureReading {
  const verdict = readPosture(db);
  if (verdict.mismatches.length > 0) {
    throw new DbError(
      DbErrorCode.POSTURE_MISMATCH,
      `connection posture does not hold: ${verdict.mismatches.join(', ')}`,
      { details: { settings: verdict.mismatches, journalMode: verdict.reading.journalMode } },
    );
  }
  return verdict.reading;
}
