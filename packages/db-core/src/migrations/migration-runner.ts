import type BetterSqlite3 from 'better-sqlite3';
import { POSTURE } from '../connection/posture';
import { POSTURE_SQL } from '../connection/queries';
import { DbError } from '../errors/db-error';
import { DbErrorCode } from '../errors/db-error-codes';
import { toDbError } from '../errors/sqlite-error-mapping';
import { printableList, printableText, utcNow } from '@lepupitre/domain-primitives';
import { WriteTransactions } from '../transactions/write-transaction';
import { migrationChecksum } from './checksum';
import type { Migration, MigrationStep } from './migration';
import { foreignKeyViolationCensus, violationsIntroduced, type ViolationCensus } from './foreign-key-violations';
import { planMigrations, type MigrationPlan } from './migration-plan';
import { PROBE_SQL } from './queries';
import { backfillChecksums, ensureTrackingTable, readHistory, recordMigration } from './tracking-table';

/**
 * Observation points of a migration run. Production code passes none; the crash-safety drills
 * use them to kill a real process at an exact point of an upgrade.
 */
export interface MigrationHooks {
  beforeMigration?(id: string): void;
  afterStep?(id: string, stepIndex: number): void;
  beforeCommit?(id: string): void;
  afterMigration?(id: string): void;
}

export interface MigrationRunOptions {
  readonly scope: string;
  readonly known: readonly Migration[];
  readonly hooks?: MigrationHooks;
  /** How long to wait for another process's migration to finish. */
  readonly lockTimeoutMs?: number;
  readonly now?: () => string;
}

export const DEFAULT_MIGRATION_LOCK_TIMEOUT_MS = 60_000;

/**
 * Applies what is pending, one transaction per migration, each committing together with its
 * tracking row: a process killed at any point leaves the database at the last completed
 * migration.
 *
 * Every transaction is `BEGIN IMMEDIATE` and re-validates the history under the write lock,
 * so two processes opening one database at once never apply a migration twice: the second
 * waits for the lock and then finds the work done. Returns the ids this call applied.
 */
export function runMigrations(db: BetterSqlite3.Database, options: MigrationRunOptions): string[] {
  const { scope, known, hooks = {} } = options;
  const now = options.now ?? utcNow;
  const transactions = new WriteTransactions(db);
  const applied: string[] = [];
  const checksums = new Map(known.map((m) => [m.id, migrationChecksum(m)] as const));

  db.pragma(POSTURE_SQL.setBusyTimeout(options.lockTimeoutMs ?? DEFAULT_MIGRATION_LOCK_TIMEOUT_MS));
  try {
    for (;;) {
      const next = nextPending(db, scope, known);
      if (!next) break;
      const ran = applyOne(db, transactions, scope, known, next, checksums, hooks, now);
      if (ran) applied.push(next.id);
    }
    const plan = planUnderLock(db, transactions, scope, known);
    if (plan.uncheckedIds.length > 0) {
      transactions.run(() => {
        ensureTrackingTable(db);
        backfillChecksums(db, checksums);
      });
    }
  } finally {
    db.pragma(POSTURE_SQL.setBusyTimeout(POSTURE.busyTimeoutMs));
  }
  return applied;
}

function nextPending(db: BetterSqlite3.Database, scope: string, known: readonly Migration[]): Migration | undefined {
  return planMigrations(scope, known, readHistory(db)).pending[0];
}

function planUnderLock(
  db: BetterSqlite3.Database,
  transactions: WriteTransactions,
  scope: string,
  known: readonly Migration[],
): MigrationPlan {
  return transactions.run(() => planMigrations(scope, known, readHistory(db)));
}

function applyOne(
  db: BetterSqlite3.Database,
  transactions: WriteTransactions,
  scope: string,
  known: readonly Migration[],
  migration: Migration,
  checksums: ReadonlyMap<string, string>,
  hooks: MigrationHooks,
  now: () => string,
): boolean {
  // Outside any transaction: inside one, the pragma is silently ignored.
  if (migration.rebuildsTables) setForeignKeys(db, false);
  try {
    return transactions.run(() => {
      const current = planMigrations(scope, known, readHistory(db));
      if (current.pending[0]?.id !== migration.id) return false; // another process got there first
      ensureTrackingTable(db);
      backfillChecksums(db, checksums);
      hooks.beforeMigration?.(migration.id);
      const violationsBefore = migration.rebuildsTables ? foreignKeyViolationCensus(db) : null;
      migration.steps.forEach((step, index) => {
        if (probeHolds(db, step)) execStep(db, migration, step, index);
        hooks.afterStep?.(migration.id, index);
      });
      if (violationsBefore) assertNoViolationIntroduced(db, migration, violationsBefore);
      recordMigration(db, migration.id, now(), checksums.get(migration.id) as string);
      hooks.beforeCommit?.(migration.id);
      return true;
    });
  } finally {
    if (migration.rebuildsTables) setForeignKeys(db, true);
    hooks.afterMigration?.(migration.id);
  }
}

function execStep(db: BetterSqlite3.Database, migration: Migration, step: MigrationStep, index: number): void {
  try {
    db.exec(step.sql);
  } catch (error) {
    const mapped = toDbError(error, `migration ${migration.id} step ${index + 1}`);
    if (mapped.code === DbErrorCode.SQL || mapped.code === DbErrorCode.CONSTRAINT) {
      throw new DbError(DbErrorCode.MIGRATION_FAILED, `migration ${migration.id} failed at step ${index + 1}; nothing of it was kept`, {
        details: { migrationId: migration.id, step: index + 1 },
        cause: error,
      });
    }
    throw mapped;
  }
}

function probeHolds(db: BetterSqlite3.Database, step: MigrationStep): boolean {
  const probe = step.when;
  if (!probe) return true;
  const column = db.prepare(PROBE_SQL.column).get(probe.table, probe.column) as { not_null: number } | undefined;
  switch (probe.kind) {
    case 'columnMissing':
      return column === undefined;
    case 'columnNotNull':
      return column !== undefined && column.not_null === 1;
  }
}

/**
 * Refuses the violations a rebuild introduced, and only those. Databases in the field keep
 * violations on purpose (a build at v0.2.8 or older wrote with foreign keys off into a P-T7
 * file, and no open removes user rows): a check of the whole database after the rebuild would
 * refuse every such file forever. Violations present before the migration are not its doing;
 * any beyond them, on any table (a dropped parent leaves an untouched child dangling), are.
 */
function assertNoViolationIntroduced(db: BetterSqlite3.Database, migration: Migration, before: ViolationCensus): void {
  const introduced = violationsIntroduced(before, foreignKeyViolationCensus(db));
  if (introduced.length === 0) return;
  const violations = introduced.reduce((sum, v) => sum + v.count, 0);
  // A legacy file's own tables can be among them: their names are quoted printable.
  const tables = introduced.map((v) => printableText(`${v.table}->${v.parent}`));
  throw new DbError(
    DbErrorCode.MIGRATION_FK_VIOLATION,
    `migration ${migration.id} would introduce ${violations} foreign-key violation(s) (${printableList(tables)}); it was rolled back`,
    { details: { migrationId: migration.id, violations, tables } },
  );
}

function setForeignKeys(db: BetterSqlite3.Database, on: boolean): void {
  db.pragma(POSTURE_SQL.setForeignKeys(on));
  const value = Number(db.pragma(POSTURE_SQL.foreignKeys, { simple: true }));
  if (value !== (on ? 1 : 0)) {
    throw new DbError(DbErrorCode.POSTURE_MISMATCH, `foreign_keys did not switch ${on ? 'on' : 'off'}`, {
      details: { settings: ['foreign_keys'] },
    });
  }
}
