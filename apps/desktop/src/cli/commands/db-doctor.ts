import { diagnoseDatabase, type DatabaseDiagnostics } from '@lepupitre/db-ops';
import type { Command } from 'commander';
import { statSync } from 'node:fs';
import { describeArtifactAudit } from '../artifact-audit-text';
import { ageText, sizeText } from '../backup-labels';
import type { CommandContext } from '../command-context';
import type { DatabaseTarget } from '../database-target';
import { idList } from '../output';
import { forEachDatabase, summarize, type DatabaseEntry } from '../per-database';
import { addChosenTargetOptions, selectChosenTargets, type ChosenTargetOptions } from '../profile-or-global';
import type { SafeError } from '../safe-error';
import { stderrProgress, TerminalProgress } from '../terminal-progress';
import { targetHeading } from '../target-heading';

export const DB_DOCTOR = 'db doctor';

interface DoctorOptions extends ChosenTargetOptions {
  readonly quick?: boolean;
}

/**
 * `lepupitre db doctor`: per database (all of a data directory, or `--global`, `--profile ID`,
 * `--file PATH`), metadata only: schema version, migration state and continuity, posture,
 * integrity and foreign-key verdicts, pages, rows per table, backups present and verified, and
 * for a profile its artifact files against their rows (hashed, or existence and size with
 * `--quick`).
 * Never a path (not even the data directory's), a row's content or a secret, so a report can
 * be pasted into a support request. Writes nothing. Not ok when any database has a problem.
 */
export function registerDbDoctor(db: Command, context: CommandContext): void {
  addChosenTargetOptions(
    db.command('doctor').description('diagnose each database (metadata only): integrity, foreign keys, migrations, posture, counts, backups, artifact files'),
  )
    .option('--quick', 'run quick_check instead of the full integrity_check, and check artifact files by existence and size without hashing them')
    .action((options: DoctorOptions, command: Command) => {
      const json = command.optsWithGlobals<{ json?: boolean }>().json === true;
      const selection = selectChosenTargets(options, context.host, false);
      const progress = new TerminalProgress(json, stderrProgress(context.streams));
      const integrity = options.quick === true ? 'quick' : 'full';
      const entries = forEachDatabase(
        selection.targets,
        (target) => {
          const files = target.scope === 'profile' ? ' and artifact files' : '';
          progress.show(`${target.label}: checking ${integrity === 'quick' ? 'quickly' : 'integrity'}${files} (${sizeText(sizeOf(target))})`, true);
          return diagnoseDatabase(target.path, target.scope, { integrity });
        },
        firstProblem,
      );
      progress.clear();
      const text = [`Doctor report (metadata only): ${entries.length} database${entries.length === 1 ? '' : 's'}`, ...entries.flatMap(describe)];
      context.report(summarize(DB_DOCTOR, entries, (diagnostics) => ({ ...diagnostics }), text));
    });
}

function firstProblem(diagnostics: DatabaseDiagnostics): SafeError | null {
  const [first] = diagnostics.problems;
  return first ? { code: first.code, message: first.message } : null;
}

function sizeOf(target: DatabaseTarget): number | null {
  try {
    return statSync(target.path).size;
  } catch {
    return null;
  }
}

function describe(entry: DatabaseEntry<DatabaseDiagnostics>): string[] {
  const name = targetHeading(entry.target);
  if (!entry.ok) return [`${name}: FAILED ${entry.error.code}: ${entry.error.message}`];
  const d = entry.result;
  if (d.file.state === 'absent') return [`${name}: absent (the app creates it at start)`];
  const lines = [`${name}: ${d.problems.length === 0 ? 'ok' : `${d.problems.length} problem(s)`}`];
  lines.push(
    `  schema:      ${d.schemaVersion ?? 'none'} (${d.appliedMigrationCount}/${d.expectedMigrationCount} applied; state ${d.migrationState ?? 'unknown'}; pending ${idList(d.pendingMigrations)})`,
  );
  lines.push(`  continuity:  ${d.continuityOk ? 'ok' : (d.continuityError ?? 'unknown')}`);
  if (d.posture) {
    const p = d.posture;
    lines.push(
      `  posture:     ${p.ok ? 'ok' : `mismatch: ${p.mismatches.join(', ')}`} (journal_mode=${p.journalMode}, synchronous=${p.synchronous}, ` +
        `foreign_keys=${p.foreignKeys}, busy_timeout=${p.busyTimeoutMs}, trusted_schema=${p.trustedSchema}, cell_size_check=${p.cellSizeCheck})`,
    );
  }
  const integrity = d.integrity ? `${d.integrityCheck} (${d.integrity.mode === 'quick' ? 'quick_check' : 'integrity_check'}, ${d.integrity.problems} problem(s))` : d.integrityCheck;
  lines.push(`  integrity:   ${integrity}`);
  lines.push(`  foreign keys: ${d.foreignKeyViolations} violation(s)${d.foreignKeyTables.length > 0 ? ` in ${d.foreignKeyTables.join(', ')}` : ''}`);
  const pages = d.pages ? `${d.pages.pageCount} pages of ${d.pages.pageSize} B, ${d.pages.freelistCount} free` : 'pages unreadable';
  lines.push(`  file:        ${sizeText(d.file.bytes)} (${d.file.header ?? 'no'} header), ${pages}; WAL ${sizeText(d.file.walBytes)}`);
  const counts = Object.entries(d.tables).map(([table, n]) => `${table} ${n ?? 'unreadable'}`);
  lines.push(`  tables:      ${counts.length > 0 ? counts.join(', ') : 'none readable'}`);
  const b = d.backups;
  const newest = b.newestVerifiedAgeSeconds === null ? 'none verified' : `newest verified ${ageText(b.newestVerifiedAgeSeconds)} (${b.newestVerifiedKind})`;
  lines.push(`  backups:     ${b.count} (${b.verified} verified), ${newest}`);
  if (d.artifacts) lines.push(...describeArtifactAudit(d.artifacts));
  if (d.orphanedFiles > 0) lines.push(`  orphaned:    ${d.orphanedFiles} file(s) set aside by earlier opens (no record referred to them)`);
  if (d.quarantinedFiles > 0) lines.push(`  quarantine:  ${d.quarantinedFiles} file(s) from earlier recoveries`);
  for (const problem of d.problems) lines.push(`  problem:     ${problem.code}: ${problem.message}`);
  return lines;
}
