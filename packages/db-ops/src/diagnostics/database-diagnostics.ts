import type Database from 'better-sqlite3';
import { DatabaseHandle, QUARANTINE_DIR, type DatabaseScope } from '@lepupitre/db-core';
import { openSqliteConnection, applyConnectionSettings } from '@lepupitre/db-core/internals';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { auditArtifacts, type ArtifactAudit } from '../artifacts/artifact-audit';
import { isLepupitreError, printableText } from '@lepupitre/domain-primitives';
import { checkManifest, listCandidates } from '../recovery/backup-candidates';
import { interruptedSwapProblems } from './interrupted-swap-problems';
import { probeDatabaseFile } from '../recovery/file-probe';
import { checkForeignKeys, checkIntegrity, isCorruptionSignal, type IntegrityMode } from '../recovery/integrity';
import { toRecoveryError } from '../recovery/recovery-errors';
import type { HeaderKind } from '../recovery/sqlite-header';
import { readDatabaseStatus, type DatabaseStatus } from '../status/database-status';
import { databaseStem } from '../backups/backup-names';
import { artifactProblems, orphanedCount } from './artifact-diagnostics';
import { DIAGNOSTICS_SQL } from './queries';
import { DATA_FOLDER_SAFEGUARDS } from '../safeguards/data-folder-safeguards';
import { copyPrefixes } from '../backups/copy-prefix';

/** A typed problem found by the diagnostics: a stable code and a safe message. */
export interface DiagnosticProblem {
  readonly code: string;
  readonly message: string;
}

/**
 * The health of one database, metadata only: versions, verdicts, counts and sizes. Never a
 * path, a row's content, a secret, or a message from SQLite (which can quote data). What is
 * read from the file (migration ids, table names) is held printable (`printableText`). The
 * first fields keep the previous app's `profile_db_diagnostics` names.
 */
export interface DatabaseDiagnostics {
  readonly scope: DatabaseScope;
  /** Latest applied migration id, or null. */
  readonly schemaVersion: string | null;
  readonly latestMigration: string | null;
  readonly appliedMigrationCount: number;
  readonly expectedMigrationCount: number;
  readonly continuityOk: boolean;
  /** `CODE: message` of the refusal an open would raise, or null. */
  readonly continuityError: string | null;
  /** `ok`, `failed` or `not-run` (no database to check). */
  readonly integrityCheck: 'ok' | 'failed' | 'not-run';
  readonly foreignKeyViolations: number;

  readonly file: {
    readonly state: 'absent' | 'empty-file' | 'database' | 'unreadable';
    readonly header: HeaderKind | null;
    readonly bytes: number;
    readonly walBytes: number;
    readonly shmBytes: number;
  };
  readonly migrationState: 'empty' | 'legacy' | 'tracked' | null;
  readonly pendingMigrations: readonly string[];
  readonly posture: DatabaseStatus['posture'];
  readonly integrity: { readonly mode: IntegrityMode; readonly problems: number } | null;
  /** Tables holding rows that violate a foreign key (names only, printable). */
  readonly foreignKeyTables: readonly string[];
  readonly pages: { readonly pageSize: number; readonly pageCount: number; readonly freelistCount: number } | null;
  /** Rows per table, by printable name; null for a table that cannot be counted (damaged). */
  readonly tables: Readonly<Record<string, number | null>>;
  readonly backups: {
    readonly count: number;
    /** Manifest says verified, and size and sha256 still match it. */
    readonly verified: number;
    readonly newestVerifiedAgeSeconds: number | null;
    readonly newestVerifiedKind: 'backup' | 'pre-migration' | null;
  };
  /** Files in `corrupted/` beside the database (quarantined originals of earlier recoveries). */
  readonly quarantinedFiles: number;
  /**
   * A profile's artifact rows checked against the files of its folder; null for the global
   * database, without the check, or when the `artifacts` table cannot be read.
   */
  readonly artifacts: ArtifactAudit | null;
  /** Entries in `orphaned/` beside a profile database, set aside by earlier opens (information only). */
  readonly orphanedFiles: number;
  readonly problems: readonly DiagnosticProblem[];
}

/**
 * How a profile's artifact files are checked against their rows: `sha256` reads and hashes
 * every file, `size` only looks at each one (existence and size), `none` skips the check.
 */
export type ArtifactCheck = 'sha256' | 'size' | 'none';

export interface DiagnoseOptions {
  /** `full` (the default) runs `integrity_check`; `quick` runs `quick_check`. */
  readonly integrity?: IntegrityMode;
  /**
   * Defaults to `sha256` with the full integrity check and `size` with the quick one: a
   * profile's recordings usually outweigh its database, so a quick run never reads them.
   */
  readonly artifacts?: ArtifactCheck;
  readonly now?: () => Date;
}

/**
 * Diagnoses a database without changing it: everything is read on a read-only connection (a
 * WAL-mode file may gain empty `-wal`/`-shm` companions, as with any reader). A damaged file is
 * reported, not raised: what cannot be read is null and a problem names why. For a profile the
 * folder is checked too (its artifact files against their rows, `auditArtifacts`): a profile's
 * data is the whole folder, and a missing recording is as lost as a missing row.
 */
export function diagnoseDatabase(path: string, scope: DatabaseScope, options: DiagnoseOptions = {}): DatabaseDiagnostics {
  const now = options.now?.() ?? new Date();
  const mode = options.integrity ?? 'full';
  const artifactCheck = scope === 'profile' ? (options.artifacts ?? (mode === 'full' ? 'sha256' : 'size')) : 'none';
  const problems: DiagnosticProblem[] = [];
  problems.push(...interruptedSwapProblems(path));
  const probe = probeDatabaseFile(path, scope);

  let status: DatabaseStatus | null = null;
  try {
    status = readDatabaseStatus(path, scope);
  } catch (error) {
    problems.push(safeProblem(error));
  }
  if (status && !status.continuity.ok) problems.push({ code: status.continuity.code, message: status.continuity.message });

  const applied = status?.applied ?? [];
  const expected = status?.expected ?? [];
  const base = {
    scope,
    schemaVersion: applied.at(-1) ?? null,
    latestMigration: applied.at(-1) ?? null,
    appliedMigrationCount: applied.length,
    expectedMigrationCount: expected.length,
    continuityOk: status?.continuity.ok ?? false,
    continuityError: status && !status.continuity.ok ? `${status.continuity.code}: ${status.continuity.message}` : null,
    migrationState: status?.state ?? null,
    pendingMigrations: status?.pending ?? [],
    posture: status?.posture ?? null,
    backups: backupSummary(path, scope, now),
    quarantinedFiles: quarantinedCount(path, scope),
    orphanedFiles: scope === 'profile' ? orphanedCount(dirname(path)) : 0,
  };
  const fileState = !probe.exists ? 'absent' : probe.bytes === 0 ? 'empty-file' : status ? 'database' : 'unreadable';
  const file = { state: fileState, header: probe.exists ? probe.header.kind : null, bytes: probe.bytes, walBytes: probe.walBytes, shmBytes: probe.shmBytes } as const;

  if (!probe.exists || probe.bytes === 0) {
    return { ...base, file, integrityCheck: 'not-run', foreignKeyViolations: 0, integrity: null, foreignKeyTables: [], pages: null, tables: {}, artifacts: null, problems };
  }

  let db: Database.Database | undefined;
  try {
    db = openSqliteConnection(path, { readonly: true, fileMustExist: true });
    applyConnectionSettings(db);
    const integrity = checkIntegrity(db, mode);
    if (!integrity.ok) problems.push({ code: 'DB_CORRUPT', message: `the ${mode === 'quick' ? 'quick' : 'integrity'} check found ${integrity.problems} problem(s)` });
    const foreignKeys = checkForeignKeys(db);
    if (foreignKeys.violations > 0) {
      problems.push({ code: 'DB_FOREIGN_KEY_VIOLATIONS', message: `${foreignKeys.violations} row(s) refer to rows that do not exist` });
    }
    const tables = countTables(db);
    // A table that cannot be counted is damaged: the integrity verdict already says so.
    const artifacts = artifactCheck !== 'none' && typeof tables['artifacts'] === 'number' ? auditFolder(db, path, artifactCheck, problems) : null;
    return {
      ...base,
      file,
      integrityCheck: integrity.ok ? 'ok' : 'failed',
      foreignKeyViolations: foreignKeys.violations,
      integrity: { mode, problems: integrity.problems },
      foreignKeyTables: foreignKeys.tables.map((table) => printableText(table)),
      pages: readPages(db),
      tables,
      artifacts,
      problems,
    };
  } catch (error) {
    const problem = safeProblem(error);
    if (!problems.some((p) => p.code === problem.code)) problems.push(problem);
    return {
      ...base,
      file,
      integrityCheck: isCorruptionSignal(error) ? 'failed' : 'not-run',
      foreignKeyViolations: 0,
      integrity: null,
      foreignKeyTables: [],
      pages: null,
      tables: {},
      artifacts: null,
      problems,
    };
  } finally {
    db?.close();
  }
}

/**
 * The profile folder is the database's folder. The audit runs on the diagnostics' read-only
 * connection; a failure to list or read the folder is reported, not raised, like the rest.
 */
function auditFolder(db: Database.Database, path: string, check: 'sha256' | 'size', problems: DiagnosticProblem[]): ArtifactAudit | null {
  try {
    const audit = auditArtifacts(new DatabaseHandle(db, 'profile', DATA_FOLDER_SAFEGUARDS), dirname(path), { hash: check === 'sha256' });
    problems.push(...artifactProblems(audit));
    return audit;
  } catch (error) {
    const typed = isLepupitreError(error) ? error : toRecoveryError(error, 'audit the artifact files');
    if (!problems.some((p) => p.code === typed.code)) problems.push({ code: typed.code, message: typed.message });
    return null;
  }
}

function readPages(db: Database.Database): DatabaseDiagnostics['pages'] {
  try {
    const simple = (name: string): number => Number(db.pragma(name, { simple: true }));
    return { pageSize: simple(DIAGNOSTICS_SQL.pageSize), pageCount: simple(DIAGNOSTICS_SQL.pageCount), freelistCount: simple(DIAGNOSTICS_SQL.freelistCount) };
  } catch (error) {
    if (isCorruptionSignal(error)) return null;
    throw error;
  }
}

function countTables(db: Database.Database): Record<string, number | null> {
  const counts: Record<string, number | null> = {};
  let names: string[];
  try {
    names = db.prepare(DIAGNOSTICS_SQL.tableNames).pluck().all() as string[];
  } catch (error) {
    if (isCorruptionSignal(error)) return counts;
    throw error;
  }
  for (const name of names) {
    // A table's name is the file's text: it is counted by its name and shown printable.
    const shown = printableText(name);
    try {
      counts[shown] = Number(db.prepare(DIAGNOSTICS_SQL.count(name)).pluck().get());
    } catch (error) {
      if (!isCorruptionSignal(error)) throw error;
      counts[shown] = null;
    }
  }
  return counts;
}

function backupSummary(path: string, scope: DatabaseScope, now: Date): DatabaseDiagnostics['backups'] {
  const candidates = listCandidates(path, scope);
  let verified = 0;
  let newest: { age: number; kind: 'backup' | 'pre-migration' } | null = null;
  for (const candidate of candidates) {
    const check = checkManifest(path, candidate, scope);
    if (!check.ok) continue;
    verified += 1;
    const created = check.createdAt ? Date.parse(check.createdAt) : Number.NaN;
    if (newest === null && !Number.isNaN(created)) newest = { age: Math.floor((now.getTime() - created) / 1000), kind: candidate.kind };
  }
  return { count: candidates.length, verified, newestVerifiedAgeSeconds: newest?.age ?? null, newestVerifiedKind: newest?.kind ?? null };
}

function quarantinedCount(path: string, scope: DatabaseScope): number {
  const dir = join(dirname(path), QUARANTINE_DIR);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return 0;
  const prefixes = copyPrefixes(databaseStem(path), scope).map((start) => `${start}-corrupt-`);
  return readdirSync(dir).filter((f) => prefixes.some((prefix) => f.startsWith(prefix)) && /\.db(-wal|-shm|-journal)?$/.test(f)).length;
}

/** Only typed errors carry a message fit to show; anything else is named, not quoted. */
function safeProblem(error: unknown): DiagnosticProblem {
  const typed = isLepupitreError(error) ? error : toRecoveryError(error, 'read the database');
  return { code: typed.code, message: typed.message };
}
