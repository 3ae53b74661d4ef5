import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  readNormalizedSchema,
  type DatabaseFixture,
  type NormalizedSchema,
  type Row,
  type TableRows,
} from '@lepupitre/fixtures';
import { MIGRATIONS, type DatabaseScope, type OpenReport } from '@lepupitre/db-core';
import { readDatabaseStatus, type SnapshotManifest, openGuardedDatabase } from '../../src';
import { readSchema } from './schema-reads';

/**
 * The shared procedure of the migration matrix: open a fixture the way the app does, then
 * look at the result through a plain connection. Every database is a real file in its own
 * temporary directory.
 */

const freshSchemas = new Map<DatabaseScope, NormalizedSchema>();

/** The normalized schema of a database this app creates from nothing, per scope. */
export function freshSchema(scope: DatabaseScope): NormalizedSchema {
  const cached = freshSchemas.get(scope);
  if (cached) return cached;
  const dir = mkdtempSync(join(tmpdir(), 'lepupitre-fresh-'));
  try {
    const path = join(dir, `${scope}.db`);
    openGuardedDatabase(path, scope).db.close();
    const schema = readNormalizedSchema(path);
    freshSchemas.set(scope, schema);
    return schema;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function knownIds(scope: DatabaseScope): string[] {
  return MIGRATIONS[scope].map((m) => m.id);
}

export interface UpgradeResult {
  readonly report: OpenReport;
  /** Normalized schema of the file before the open; null when there was no file. */
  readonly schemaBefore: NormalizedSchema | null;
  readonly backupsBefore: readonly string[];
}

/**
 * Checks what a read-only status says before anything is written, then opens the fixture
 * with the app's own entry point and closes it.
 */
export function upgrade(fixture: DatabaseFixture<unknown>): UpgradeResult {
  const scope = fixture.scope;
  const schemaBefore = fixture.fileExists && fixture.holdsTables ? readSchema(fixture.path) : null;
  const status = readDatabaseStatus(fixture.path, scope);
  expect(status.continuity).toEqual({ ok: true });
  expect(status.pending).toEqual(pendingFor(fixture));

  const backupsBefore = snapshotsOf(fixture.path);
  const opened = openGuardedDatabase(fixture.path, scope);
  opened.db.close();
  return { report: opened.report, schemaBefore, backupsBefore };
}

/** What this app must apply to the fixture: everything it knows that the file has not recorded. */
export function pendingFor(fixture: DatabaseFixture<unknown>): string[] {
  const recorded = fixture.recorded ?? [];
  return knownIds(fixture.scope).filter((id) => !recorded.includes(id));
}

export function expectsSnapshot(fixture: DatabaseFixture<unknown>): boolean {
  return fixture.fileExists && fixture.holdsTables && pendingFor(fixture).length > 0;
}

/** Opens the file read-only for assertions; the callback gets a plain connection. */
export function inspect<T>(path: string, fn: (db: Database.Database) => T): T {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

export function tableRows(db: Database.Database, table: string, key: string): Row[] {
  return (db.prepare(`SELECT * FROM "${table}"`).all() as Row[]).sort((a, b) => {
    const x = a[key];
    const y = b[key];
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0;
  });
}

/** The invariants every upgraded file must meet, whatever its starting state. */
export function expectSoundDatabase(fixture: DatabaseFixture<unknown>, result: UpgradeResult): void {
  const scope = fixture.scope;
  const pending = pendingFor(fixture);
  expect(result.report.appliedNow).toEqual(pending);
  expect(result.report.previousState).toBe(
    !fixture.fileExists ? 'absent' : fixture.recorded && fixture.recorded.length > 0 ? 'tracked' : fixture.holdsTables ? 'legacy' : 'empty',
  );

  // The same schema as a database created by this app, to the last index predicate.
  expect(readSchema(fixture.path)).toEqual(freshSchema(scope));

  inspect(fixture.path, (db) => {
    const history = db.prepare('SELECT version, applied_at, checksum FROM schema_migrations ORDER BY rowid').all() as {
      version: string;
      applied_at: string;
      checksum: string | null;
    }[];
    expect(history.map((h) => h.version)).toEqual(knownIds(scope));
    for (const row of history) {
      expect(row.checksum).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(row.applied_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?\+00:00$/);
    }
    expect(String(db.pragma('journal_mode', { simple: true })).toLowerCase()).toBe('wal');
    expect(db.prepare('PRAGMA integrity_check').all()).toEqual([{ integrity_check: 'ok' }]);
  });
}

/**
 * The pre-migration snapshot: exactly one for a file with tables and pending work, none
 * otherwise. A snapshot is verified (manifest, hash, integrity) and holds the file exactly as
 * it was before the open: same schema, same rows.
 */
export function expectSnapshot(fixture: DatabaseFixture<unknown>, result: UpgradeResult, rowsBefore: TableRows, keys: Readonly<Record<string, string>>): void {
  const taken = snapshotsOf(fixture.path).filter((f) => !result.backupsBefore.includes(f));
  if (!expectsSnapshot(fixture)) {
    expect(taken).toEqual([]);
    expect(result.report.snapshot).toBeNull();
    return;
  }
  const stem = fixture.scope === 'global' ? 'global' : 'profile';
  expect(taken).toHaveLength(1);
  const file = taken[0] as string;
  expect(result.report.snapshot).toBe(file);
  // The app's own files are named without the scope again: `profile-pre-…`, `global-pre-…`.
  expect(file).toMatch(new RegExp(`^${stem}-pre-${pendingFor(fixture)[0]}-\\d{8}T\\d{6}Z(-\\d+)?\\.db$`));

  const path = join(dirname(fixture.path), 'backups', file);
  const manifest = JSON.parse(readFileSync(`${path}.json`, 'utf8')) as SnapshotManifest;
  const content = readFileSync(path);
  expect(manifest).toMatchObject({
    kind: 'pre-migration',
    scope: fixture.scope,
    schemaVersion: fixture.recorded && fixture.recorded.length > 0 ? fixture.recorded.at(-1) : null,
    nextMigrationId: pendingFor(fixture)[0],
    verified: true,
    bytes: statSync(path).size,
    sha256: createHash('sha256').update(content).digest('hex'),
  });

  expect(readSchema(path)).toEqual(result.schemaBefore);
  inspect(path, (db) => {
    expect(db.prepare('PRAGMA integrity_check').all()).toEqual([{ integrity_check: 'ok' }]);
    for (const [table, rows] of Object.entries(rowsBefore)) {
      expect({ table, rows: tableRows(db, table, keys[table] ?? 'rowid') }).toEqual({ table, rows });
    }
  });
}

/** A second open finds nothing to do: no migration, no snapshot, no schema change. */
export function expectSecondOpenIsANoOp(fixture: DatabaseFixture<unknown>): void {
  const schema = readSchema(fixture.path);
  const backups = snapshotsOf(fixture.path);
  const status = readDatabaseStatus(fixture.path, fixture.scope);
  expect(status.pending).toEqual([]);
  const again = openGuardedDatabase(fixture.path, fixture.scope);
  again.db.close();
  expect(again.report.appliedNow).toEqual([]);
  expect(again.report.snapshot).toBeNull();
  expect(again.report.previousState).toBe('tracked');
  expect(snapshotsOf(fixture.path)).toEqual(backups);
  expect(readSchema(fixture.path)).toEqual(schema);
}

function snapshotsOf(databasePath: string): string[] {
  const backups = join(dirname(databasePath), 'backups');
  return existsSync(backups) ? readdirSync(backups).filter((f) => f.endsWith('.db')).sort() : [];
}
