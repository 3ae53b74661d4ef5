import type BetterSqlite3 from 'better-sqlite3';
import { sqliteCodeOf } from '@lepupitre/db-core/internals';
import { toRecoveryError } from './recovery-errors';
import { RECOVERY_SQL } from './queries';

export type IntegrityMode = 'quick' | 'full';

/**
 * The verdict of `PRAGMA quick_check` or `integrity_check`: counts only. SQLite's messages name
 * pages, tables and indexes; they stay out of reports, which carry metadata a user can share.
 */
export interface IntegrityVerdict {
  readonly mode: IntegrityMode;
  readonly ok: boolean;
  /** Problems reported, capped at the check's limit; 1 when the check itself hit corruption. */
  readonly problems: number;
}

/** Problems listed before the check stops: enough to tell a little damage from a lot. */
const MAX_PROBLEMS = 100;

/**
 * Runs the check and never throws for corruption: a check that trips over a malformed page is
 * a failed check. Anything else (a lock, a full disk) is not a verdict and is raised, typed.
 */
export function checkIntegrity(db: BetterSqlite3.Database, mode: IntegrityMode): IntegrityVerdict {
  const sql = mode === 'quick' ? RECOVERY_SQL.quickCheck(MAX_PROBLEMS) : RECOVERY_SQL.integrityCheck(MAX_PROBLEMS);
  try {
    const rows = db.prepare(sql).pluck().all() as string[];
    const ok = rows.length === 1 && rows[0] === 'ok';
    return { mode, ok, problems: ok ? 0 : rows.length };
  } catch (error) {
    if (isCorruptionSignal(error)) return { mode, ok: false, problems: 1 };
    throw toRecoveryError(error, 'check the database');
  }
}

export interface ForeignKeyVerdict {
  readonly violations: number;
  /** Tables holding a violating row (schema names, never row contents). */
  readonly tables: readonly string[];
}

export function checkForeignKeys(db: BetterSqlite3.Database): ForeignKeyVerdict {
  try {
    const rows = db.prepare(RECOVERY_SQL.foreignKeyCheck).all() as { tbl: string }[];
    return { violations: rows.length, tables: [...new Set(rows.map((r) => r.tbl))].sort() };
  } catch (error) {
    if (isCorruptionSignal(error)) return { violations: 0, tables: [] };
    throw toRecoveryError(error, 'check foreign keys');
  }
}

/** SQLite's two ways of saying the bytes are wrong. */
export function isCorruptionSignal(error: unknown): boolean {
  const code = sqliteCodeOf(error);
  return code !== undefined && (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB'));
}
