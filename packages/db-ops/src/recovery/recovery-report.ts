import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OWNER_ONLY_FILE_MODE, QUARANTINE_DIR, type DatabaseScope } from '@lepupitre/db-core';
import { printableText } from '@lepupitre/domain-primitives';
import type { CandidateRejection } from './backup-candidates';
import type { FailureKind } from './failure-classification';
import type { TableOutcome } from './table-ledger';

export type RecoveryOutcome = 'healthy' | 'recovered' | 'failed';

/**
 * What a recovery did, for the user and for support: counts, stable words and file names
 * relative to the database's folder. Never an absolute path, never a row's content, never a
 * message from SQLite (which can quote data).
 */
export interface RecoveryReport {
  readonly kind: 'lepupitre-recovery-report';
  readonly version: 1;
  readonly scope: DatabaseScope;
  /** The database's file name (`global.db`, `profile.db`). */
  readonly database: string;
  readonly createdAt: string;
  readonly outcome: RecoveryOutcome;
  readonly classification: { readonly kind: FailureKind; readonly reason: string; readonly code: string | null };
  /** Which reading of the damaged file the rows came from. */
  readonly source: 'database-with-wal' | 'database-without-wal' | 'none';
  /** Repairs made to a private copy so that it could be read (`header-rebuilt`, ...). */
  readonly repairs: readonly string[];
  /** `backups/<file>`, or null when no backup was needed or none could be verified. */
  readonly backupUsed: string | null;
  readonly backupsRejected: readonly { readonly file: string; readonly reason: CandidateRejection }[];
  /** `corrupted/<file>` for each original moved aside. */
  readonly quarantined: readonly string[];
  readonly tables: readonly TableOutcome[];
  readonly totals: { readonly salvaged: number; readonly fromBackup: number; readonly partial: number; readonly lost: number };
  readonly result: { readonly schemaVersion: string | null; readonly integrityCheck: 'ok' | 'failed'; readonly foreignKeyViolations: number } | null;
  /** `corrupted/<base>.report.json` and `.txt`, when they could be written. */
  readonly reportFiles: readonly string[];
  /** The typed error of a failed recovery. */
  readonly error: { readonly code: string; readonly message: string } | null;
}

export function totalsOf(tables: readonly TableOutcome[]): RecoveryReport['totals'] {
  return tables.reduce(
    (sum, t) => ({ salvaged: sum.salvaged + t.salvaged, fromBackup: sum.fromBackup + t.fromBackup, partial: sum.partial + t.partial, lost: sum.lost + t.lost }),
    { salvaged: 0, fromBackup: 0, partial: 0, lost: 0 },
  );
}

/** A file name relative to the data directory: folder and file names, each far shorter. */
const SHOWN_FILE_NAME_MAX = 512;

/**
 * The report for a person. `prefix` is put before every file name (the CLI passes the
 * database's folder relative to the data directory); `heading` names the database on the first
 * line, instead of its file name and scope (the CLI's heading also names a profile). Names are
 * printed printable whether the report was just made or read back from its file.
 */
export function renderRecoveryReport(report: RecoveryReport, prefix = '', heading?: string): string[] {
  const name = (file: string): string => printableText(`${prefix}${file}`, SHOWN_FILE_NAME_MAX);
  const lines: string[] = [];
  const what =
    report.outcome === 'healthy'
      ? 'healthy: nothing to recover, nothing was changed'
      : report.outcome === 'recovered'
        ? `recovered (${report.classification.reason})`
        : `recovery failed: ${report.error?.code ?? 'unknown'} (${report.classification.reason})`;
  lines.push(`${heading ?? `${printableText(report.database)} (${report.scope})`}: ${what}`);
  if (report.outcome === 'healthy') return lines;
  if (report.quarantined.length > 0) lines.push(`  original kept in quarantine: ${report.quarantined.map(name).join(', ')}`);
  if (report.repairs.length > 0) lines.push(`  read after repairs to a private copy: ${[...new Set(report.repairs)].join(', ')}`);
  if (report.source === 'database-without-wal') lines.push('  the write-ahead log did not match the database and was set aside (kept in quarantine)');
  lines.push(`  backup used: ${report.backupUsed ? name(report.backupUsed) : 'none'}`);
  for (const rejected of report.backupsRejected) lines.push(`  backup not used: ${name(`backups/${rejected.file}`)} (${rejected.reason})`);
  if (report.tables.length > 0) {
    lines.push('  table                 salvaged  from backup  partial  lost  links cleared');
    for (const t of report.tables) {
      lines.push(
        `  ${printableText(t.table).padEnd(20)} ${String(t.salvaged).padStart(9)} ${String(t.fromBackup).padStart(12)} ${String(t.partial).padStart(8)} ` +
          `${String(t.lost).padStart(5)} ${String(t.unlinked).padStart(14)}${t.damaged ? '  (damaged)' : ''}`,
      );
    }
    const totals = report.totals;
    lines.push(`  total: ${totals.salvaged} salvaged, ${totals.fromBackup} from the backup, ${totals.partial} partial, ${totals.lost} known lost`);
  }
  if (report.tables.some((t) => t.damaged)) {
    lines.push('  "damaged" tables could not be read completely: rows no index listed cannot be counted as lost');
  }
  if (report.result) {
    lines.push(
      `  result: schema ${report.result.schemaVersion === null ? 'none' : printableText(report.result.schemaVersion)}, integrity ${report.result.integrityCheck}, ` +
        `${report.result.foreignKeyViolations} foreign-key violation(s)`,
    );
  }
  if (report.reportFiles.length > 0) lines.push(`  report: ${report.reportFiles.map(name).join(', ')}`);
  return lines;
}

/**
 * Writes the report beside the quarantined files, owner-only. A report that cannot be written
 * (a full disk right at the end) does not undo a recovery: the caller still gets it.
 */
export function writeRecoveryReport(quarantineDir: string, base: string, report: RecoveryReport): RecoveryReport {
  const files = [`${base}.report.json`, `${base}.report.txt`];
  const withFiles: RecoveryReport = { ...report, reportFiles: files.map((f) => `${QUARANTINE_DIR}/${f}`) };
  try {
    writeFileSync(join(quarantineDir, files[0] as string), `${JSON.stringify(withFiles, null, 2)}\n`, { mode: OWNER_ONLY_FILE_MODE });
    writeFileSync(join(quarantineDir, files[1] as string), `${renderRecoveryReport(withFiles).join('\n')}\n`, { mode: OWNER_ONLY_FILE_MODE });
    return withFiles;
  } catch {
    return report;
  }
}
