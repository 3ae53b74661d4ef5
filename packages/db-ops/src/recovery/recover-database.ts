import type Database from 'better-sqlite3';
import { basename } from 'node:path';
import { DbError, DbErrorCode, type DatabaseHandle, type DatabaseScope } from '@lepupitre/db-core';
import { openSqliteConnection, rawConnectionOf, withMigrationLock, readHistory, fsyncFile } from '@lepupitre/db-core/internals';
import { printableText, formatUtcTimestamp } from '@lepupitre/domain-primitives';
import type { CandidateRejection } from './backup-candidates';
import { chooseBackup } from './backup-choice';
import { mergeBackupRows } from './backup-merge';
import { resolveDanglingReferences } from './dangling-references';
import { removeQuietly } from '../files/remove-quietly';
import { classifyFailure, type Classification } from './failure-classification';
import { fingerprint, sameFingerprint } from './file-fingerprint';
import { probeDatabaseFile, type FileProbe } from './file-probe';
import { FreshSchema } from './fresh-schema';
import { assertNotInUse } from '../files/in-use-probe';
import { checkForeignKeys, checkIntegrity } from './integrity';
import { finishInterruptedSwaps } from '../swaps/interrupted-swaps';
import { Quarantine } from './quarantine';
import { RECOVERY_SQL } from './queries';
import { toRecoveryError } from './recovery-errors';
import { createFromStoredSchema, type StoredSchemaEntry } from './stored-schema';
import { totalsOf, writeRecoveryReport, type RecoveryReport } from './recovery-report';
import { HISTORY_TABLE, insertPartialRows, salvageRows } from './salvage';
import { decide, isMachineFailure, refusalError, type Decision } from './recovery-decision';
import { closeView, openView, type SourceView } from './source-view';
import { tableOutcome, TableLedger, type TableOutcome } from './table-ledger';
import { listTables, readTableShape, type TableShape } from './table-shape';
import { WorkArea } from './work-area';
import { openGuardedDatabase } from '../safeguards/data-folder-safeguards';

export type RecoveryStep = 'inspect' | 'copy' | 'assess' | 'salvage' | 'merge' | 'check' | 'quarantine' | 'place' | 'report';

/** Observation points, for fault-injection tests; production code passes none. */
export interface RecoveryHooks {
  beforeStep?(step: RecoveryStep): void;
}

export interface RecoveryProgress {
  readonly step: RecoveryStep;
  /** The table being salvaged or merged, by its printable name (`printableText`). */
  readonly table?: string;
}

export interface RecoverOptions {
  readonly now?: () => Date;
  /**
   * The error that led here (met at open or during work). It is classified first: anything
   * but corruption (a lock, a full disk, a newer app...) is raised again, typed, and nothing
   * is touched.
   */
  readonly cause?: unknown;
  readonly hooks?: RecoveryHooks;
  readonly onProgress?: (progress: RecoveryProgress) => void;
  /** How long to wait for a migration or another recovery of the same file. */
  readonly lockTimeoutMs?: number;
  /** Statements one damaged table may cost before the rest of its damage is given up. */
  readonly statementBudget?: number;
}

const DEFAULT_LOCK_TIMEOUT_MS = 60_000;

/**
 * Recovers a damaged database, or says why not.
 *
 * 1. Classify: a cause that is not corruption is raised again, typed; nothing is touched.
 * 2. Under the database's migration lock, with no other connection open: private copies of
 *    the files are made and read. The originals are only read until step 6.
 * 3. Assess, on the copies, with the full integrity check: a healthy database is never
 *    quarantined; a database of another scope, from a newer app or with a refused history is
 *    refused as the open would refuse it. Only corruption goes on.
 * 4. Salvage every readable row into a fresh database (the current schema, or the file's own
 *    schema migrated afterwards when the file was older), around damaged pages.
 * 5. For tables that could not be read completely, merge rows from the newest verified backup
 *    (manifest, sha256, integrity check, migrated when older) for the keys still missing;
 *    then rows rebuilt from index entries; then dangling references are resolved.
 * 6. The result must pass `integrity_check` and `foreign_key_check`. Then the originals (db,
 *    -wal, -shm) move to `corrupted/` and the result takes the database's name with one atomic
 *    rename. A report (JSON and text) is written beside the quarantined files and returned.
 *
 * Every connection to the database must be closed first (the app's included): one that is open
 * makes recovery refuse with `DB_BUSY`, and a write during recovery makes it give up the same
 * way, with nothing changed.
 *
 * A failure of the machine (full disk, read-only folder, permissions) before step 6 leaves the
 * database exactly as it was and raises a typed error. Only when nothing can be done:
 * `DB_RECOVERY_NO_SNAPSHOT` (nothing readable, no verified backup) or `DB_RECOVERY_FAILED`,
 * with the originals moved to quarantine and a report written.
 */
export function recoverDatabase(path: string, scope: DatabaseScope, options: RecoverOptions = {}): RecoveryReport {
  const now = options.now?.() ?? new Date();
  const step = (name: RecoveryStep, table?: string): void => {
    options.onProgress?.(table === undefined ? { step: name } : { step: name, table: printableText(table) });
    if (table === undefined) options.hooks?.beforeStep?.(name);
  };
  try {
    finishInterruptedSwaps(path);
    step('inspect');
    const probe = probeDatabaseFile(path, scope);
    if (!probe.exists) {
      throw new DbError(DbErrorCode.RECOVERY_NO_DATABASE, 'there is no database file to recover; nothing was changed', { details: { scope } });
    }
    if (!probe.isFile) throw new DbError(DbErrorCode.PATH_IS_DIRECTORY, 'the database path names a directory, not a file');
    if (options.cause !== undefined) {
      const given = classifyFailure(options.cause, probe);
      if (!given.corruption && !given.checkWithoutWal) throw refusalError(given, options.cause);
    }
    assertNotInUse(path, 'recover');
    return withMigrationLock(path, options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS, () =>
      new Recovery(path, scope, now, probe, options, step).run(),
    );
  } catch (error) {
    throw toRecoveryError(error, 'recover the database');
  }
}

interface BuiltResult {
  readonly handle: DatabaseHandle;
  readonly ledgers: Map<string, TableLedger>;
  readonly shapes: TableShape[];
}

class Recovery {
  readonly #work: WorkArea;
  readonly #fresh: FreshSchema;
  readonly #views: SourceView[] = [];
  readonly #handles: DatabaseHandle[] = [];
  readonly #rejected: { file: string; reason: CandidateRejection }[] = [];
  /** What the report adds to the source's repairs (the file's schema refused, ...). */
  readonly #repairs: string[] = [];

  constructor(
    private readonly path: string,
    private readonly scope: DatabaseScope,
    private readonly now: Date,
    private readonly probe: FileProbe,
    private readonly options: RecoverOptions,
    private readonly step: (name: RecoveryStep, table?: string) => void,
  ) {
    this.#work = WorkArea.create(path, now);
    this.#fresh = new FreshSchema(this.#work.file('fresh.db'), scope);
  }

  run(): RecoveryReport {
    try {
      return this.#run();
    } finally {
      for (const view of this.#views) closeView(view);
      for (const handle of this.#handles) handle.close();
      this.#work.dispose();
    }
  }

  #run(): RecoveryReport {
    this.step('copy');
    const before = fingerprint(this.path);
    const decision = this.#assess();
    if (decision.kind === 'refuse') throw decision.error;
    if (decision.kind === 'healthy') return this.#healthyReport(decision);

    this.step('salvage');
    const built = this.#build(decision.source);
    const raw = rawConnectionOf(built.handle);
    raw.pragma(RECOVERY_SQL.foreignKeysOff);

    this.step('merge');
    const needsBackup = [...built.ledgers.values()].some((l) => l.needsBackup);
    const choice = needsBackup ? chooseBackup(this.path, this.scope, this.#work, this.now) : null;
    this.#rejected.push(...(choice?.rejected ?? []));
    const backup = choice?.chosen ?? null;
    if (backup) this.#handles.push(backup.handle);
    if (backup) {
      mergeBackupRows(raw, rawConnectionOf(backup.handle), built.shapes, built.ledgers, (table) => this.step('merge', table));
    }
    for (const shape of built.shapes) {
      const ledger = built.ledgers.get(shape.name);
      if (ledger && ledger.partialRows.length > 0) insertPartialRows(raw, shape, ledger);
    }
    resolveDanglingReferences(raw, built.shapes, built.ledgers);
    raw.pragma(RECOVERY_SQL.foreignKeysOn);

    this.step('check');
    const tables = built.shapes
      .filter((s) => s.name !== HISTORY_TABLE && built.ledgers.has(s.name))
      .map((s) => tableOutcome(raw, s, built.ledgers.get(s.name) as TableLedger));
    const integrity = checkIntegrity(raw, 'full');
    const foreignKeys = checkForeignKeys(raw);
    const schemaVersion = readHistory(raw).rows?.at(-1)?.version ?? null;
    const base = {
      classification: decision.classification,
      source: decision.source,
      backupUsed: backup ? `backups/${backup.file}` : null,
      tables,
      result: { schemaVersion, integrityCheck: integrity.ok ? ('ok' as const) : ('failed' as const), foreignKeyViolations: foreignKeys.violations },
    };

    const readable = decision.source !== null && [...built.ledgers.values()].some((l) => !l.missing);
    if (!readable && !backup) {
      built.handle.close();
      return this.#fail(base, DbErrorCode.RECOVERY_NO_SNAPSHOT, 'nothing could be salvaged from the damaged database and no verified backup exists; the original is kept in quarantine');
    }
    if (!integrity.ok || foreignKeys.violations > 0) {
      built.handle.close();
      return this.#fail(base, DbErrorCode.RECOVERY_FAILED, 'the rebuilt database did not pass its checks; the original is kept in quarantine');
    }

    built.handle.close();
    const rebuilt = this.#resultPath();
    fsyncFile(rebuilt);
    if (!sameFingerprint(before, fingerprint(this.path))) {
      throw new DbError(DbErrorCode.BUSY, 'the database changed while it was being recovered (is the app running?); nothing was changed');
    }

    this.step('quarantine');
    const quarantine = new Quarantine(this.path, this.scope, this.now);
    try {
      quarantine.swap(rebuilt, () => this.step('place'));
    } catch (error) {
      throw toRecoveryError(error, 'put the recovered database in place');
    }

    this.step('report');
    return writeRecoveryReport(quarantine.dir, quarantine.base, this.#report('recovered', base, quarantine.names, null));
  }

  /** Copies the files, opens each reading of them and decides what they are. */
  #assess(): Decision {
    const name = basename(this.path);
    const withWalDir = this.#work.folder('with-wal');
    const primaryPath = `${withWalDir}/${name}`;
    this.#work.copyIn(this.path, primaryPath);
    const hasWal = this.probe.walBytes > 0;
    if (hasWal) this.#work.copyIn(`${this.path}-wal`, `${primaryPath}-wal`);
    let secondaryPath: string | null = null;
    if (hasWal) {
      secondaryPath = `${this.#work.folder('without-wal')}/${name}`;
      this.#work.copyIn(this.path, secondaryPath);
    }

    this.step('assess');
    if (this.probe.bytes === 0) {
      const classification = classifyFailure(undefined, this.probe);
      return classification.corruption ? { kind: 'corruption', classification, source: null } : { kind: 'healthy', view: null, classification };
    }
    const primary = this.#view(openView(primaryPath, 'with-wal', this.scope, this.#fresh, hasWal));
    const secondary = secondaryPath ? this.#view(openView(secondaryPath, 'without-wal', this.scope, this.#fresh, false)) : null;
    return decide(primary, secondary, this.probe);
  }

  #view(view: SourceView): SourceView {
    this.#views.push(view);
    return view;
  }

  /**
   * The rebuilt database. A file that was at the current version (or whose version cannot be
   * read) is salvaged into a fresh database with the current schema. An older file is salvaged
   * into a database with its own schema and history, which `openDatabase` then migrates like
   * any older database (so that backfills and normalisations apply to its rows); if that
   * migration fails, the current schema is used after all.
   */
  #build(source: SourceView | null): BuiltResult {
    const plan = source?.history && 'plan' in source.history ? source.history.plan : null;
    const older = source?.db && plan && plan.state !== 'empty' && plan.pending.length > 0;
    if (older) {
      try {
        return this.#buildFromOwnSchema(source);
      } catch (error) {
        const mapped = toRecoveryError(error, 'rebuild the database');
        if (isMachineFailure(mapped)) throw mapped;
        if (mapped.code === DbErrorCode.RECOVERY_SCHEMA_REFUSED) this.#repairs.push('file-schema-refused');
        removeQuietly(this.#work.file('result'), { recursive: true });
      }
    }
    return this.#buildCurrent(source);
  }

  #buildCurrent(source: SourceView | null): BuiltResult {
    removeQuietly(this.#work.file('result'), { recursive: true });
    this.#work.folder('result');
    const { db: handle } = openGuardedDatabase(this.#resultPath(), this.scope, { now: () => this.now });
    this.#handles.push(handle);
    const raw = rawConnectionOf(handle);
    raw.pragma(RECOVERY_SQL.foreignKeysOff);
    const shapes = listTables(raw).map((t) => readTableShape(raw, t));
    const ledgers = salvageRows(raw, source?.db ?? null, source?.tables ?? [], shapes, {
      copyHistory: false,
      statementBudget: this.options.statementBudget,
      onTable: (table) => this.step('salvage', table),
    });
    return { handle, ledgers, shapes };
  }

  /**
   * The file's own schema, recreated entry by entry through `createFromStoredSchema`: its
   * text is never run as given. An entry that is not exactly one table or index definition
   * refuses this path (`DB_RECOVERY_SCHEMA_REFUSED`), and `#build` falls back to the current
   * schema.
   */
  #buildFromOwnSchema(source: SourceView): BuiltResult {
    const sourceDb = source.db as Database.Database;
    this.#work.folder('result');
    const path = this.#resultPath();
    const target = openSqliteConnection(path);
    let ledgers: Map<string, TableLedger>;
    try {
      target.pragma(RECOVERY_SQL.foreignKeysOff);
      createFromStoredSchema(target, sourceDb.prepare(RECOVERY_SQL.schemaStatements).all() as StoredSchemaEntry[]);
      const ownShapes = listTables(target).map((t) => readTableShape(target, t));
      ledgers = salvageRows(target, sourceDb, source.tables, ownShapes, {
        copyHistory: true,
        statementBudget: this.options.statementBudget,
        onTable: (table) => this.step('salvage', table),
      });
    } finally {
      target.close();
    }
    const { db: handle } = openGuardedDatabase(path, this.scope, { now: () => this.now });
    this.#handles.push(handle);
    const raw = rawConnectionOf(handle);
    const shapes = listTables(raw).map((t) => readTableShape(raw, t));
    for (const shape of shapes) {
      if (shape.name !== HISTORY_TABLE && !ledgers.has(shape.name)) {
        // A table the migrations created: the damaged file never had it, so nothing is missing.
        ledgers.set(shape.name, new TableLedger(shape.name));
      }
    }
    ledgers.delete(HISTORY_TABLE);
    return { handle, ledgers, shapes };
  }

  #resultPath(): string {
    return this.#work.file('result', basename(this.path));
  }

  #healthyReport(decision: Extract<Decision, { kind: 'healthy' }>): RecoveryReport {
    const db = decision.view?.db ?? null;
    const plan = decision.view?.history && 'plan' in decision.view.history ? decision.view.history.plan : null;
    return this.#report(
      'healthy',
      {
        classification: decision.classification,
        source: null,
        backupUsed: null,
        tables: [],
        result: db
          ? { schemaVersion: plan?.applied.at(-1) ?? null, integrityCheck: 'ok', foreignKeyViolations: checkForeignKeys(db).violations }
          : null,
      },
      [],
      null,
    );
  }

  /** Nothing more can be done: the originals go to quarantine, a report is written, a typed error raised. */
  #fail(base: ReportBase, code: DbErrorCode, message: string): never {
    this.step('quarantine');
    const quarantine = new Quarantine(this.path, this.scope, this.now);
    quarantine.swap(null);
    this.step('report');
    const report = writeRecoveryReport(quarantine.dir, quarantine.base, this.#report('failed', base, quarantine.names, { code, message }));
    throw new DbError(code, message, {
      details: { scope: this.scope, quarantined: report.quarantined, report: report.reportFiles[0] ?? '' },
    });
  }

  /**
   * Table names and the recorded schema version are the damaged file's text, and the file's name
   * is the operator's: the report holds them printable, as it is shown and shared.
   */
  #report(outcome: RecoveryReport['outcome'], base: ReportBase, quarantined: readonly string[], error: RecoveryReport['error']): RecoveryReport {
    const result = base.result && { ...base.result, schemaVersion: base.result.schemaVersion === null ? null : printableText(base.result.schemaVersion) };
    return {
      kind: 'lepupitre-recovery-report',
      version: 1,
      scope: this.scope,
      database: printableText(basename(this.path)),
      createdAt: formatUtcTimestamp(this.now),
      outcome,
      classification: { kind: base.classification.kind, reason: base.classification.reason, code: base.classification.code },
      source: base.source === null ? 'none' : base.source.name === 'with-wal' ? 'database-with-wal' : 'database-without-wal',
      repairs: [...(base.source?.repairs ?? []), ...this.#repairs],
      backupUsed: base.backupUsed,
      backupsRejected: [...this.#rejected],
      quarantined,
      tables: base.tables.map((table) => ({ ...table, table: printableText(table.table) })),
      totals: totalsOf(base.tables),
      result,
      reportFiles: [],
      error,
    };
  }
}

interface ReportBase {
  readonly classification: Classification;
  readonly source: SourceView | null;
  readonly backupUsed: string | null;
  readonly tables: readonly TableOutcome[];
  readonly result: RecoveryReport['result'];
}

