import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { DbErrorCode, MIGRATIONS, type DatabaseScope } from '@lepupitre/db-core';
import {
  appendToSchemaText,
  attachTail,
  globalSeeder,
  seedProfile,
  undoLastMigration,
  useTempDir,
} from '@lepupitre/fixtures';
import { recoverDatabase, type RecoveryReport, openGuardedDatabase } from '../../src';
import {
  addProfileRows,
  breakSchemaEntry,
  buildGlobal,
  buildProfile,
  FIXTURE_SIZES,
  flipBits,
  freelistTrunk,
  keysByTable,
  overwritePage,
  pageOf,
  randomBytes,
  seeded,
  sha256,
  takeTestBackup,
  truncateTo,
  withUncheckpointedWal,
  writeAt,
} from './corruption-fixtures';

/**
 * Every kind of damage, on a realistic database, with and without a verified backup beside it.
 * For each: how the damage is classified, that the originals are kept byte for byte in
 * quarantine, what share of the rows came back, and that the result is whole.
 */

const NEW_ROWS = { ...FIXTURE_SIZES, talks: 2, offset: 100 };

interface Templates {
  readonly dir: string;
  /** Profile database: the backup was taken before the last two talks were added. */
  readonly profile: string;
  readonly profileBackup: string;
  readonly global: string;
  readonly globalBackup: string;
}

let templates: Templates;

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'lepupitre-fixture-templates-'));
  const profile = join(dir, 'profile', 'profile.db');
  buildProfile(profile);
  const profileBackup = takeTestBackup(profile, 'profile');
  addProfileRows(profile, NEW_ROWS);
  const global = join(dir, 'global', 'global.db');
  buildGlobal(global);
  const globalBackup = takeTestBackup(global, 'global');
  const kit = globalSeeder(global, { clock: '2026-03-01T00:00:00+00:00' });
  kit.newProfile({ id: 'prof_new', name: 'New', last_opened_at: kit.now() });
  kit.close();
  templates = { dir, profile, profileBackup, global, globalBackup };
});

afterAll(() => {
  rmSync(templates.dir, { recursive: true, force: true });
  // The table the report of this work quotes: one line per fixture and variant.
  console.log(['fixture | backup | classification | rows before | full rows back | partial | from backup | known lost | result', ...summary].join('\n'));
});

const summary: string[] = [];
const work = useTempDir('lepupitre-recovery-');

/** Puts a copy of a template database (and its backup when asked) into a fresh data folder. */
function place(scope: DatabaseScope, withBackup: boolean): string {
  const path = scope === 'profile' ? join(work(), 'profiles', 'prof_1', 'profile.db') : join(work(), 'global.db');
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const source = scope === 'profile' ? templates.profile : templates.global;
  copyFileSync(source, path);
  if (withBackup) {
    const file = scope === 'profile' ? templates.profileBackup : templates.globalBackup;
    mkdirSync(join(dirname(path), 'backups'), { recursive: true, mode: 0o700 });
    copyFileSync(join(dirname(source), 'backups', file), join(dirname(path), 'backups', file));
    copyFileSync(join(dirname(source), 'backups', `${file}.json`), join(dirname(path), 'backups', `${file}.json`));
  }
  return path;
}

function originalsOf(path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const suffix of ['', '-wal', '-shm']) if (existsSync(`${path}${suffix}`)) out[suffix] = sha256(`${path}${suffix}`);
  return out;
}

/** The recovered database is whole, current and usable by the app. */
function expectWhole(path: string, scope: DatabaseScope): void {
  const db = new Database(path, { readonly: true });
  try {
    expect(db.prepare('PRAGMA integrity_check').pluck().all()).toEqual(['ok']);
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
  } finally {
    db.close();
  }
  const { db: handle, report } = openGuardedDatabase(path, scope);
  handle.close();
  expect(report.appliedNow).toEqual([]);
}

function expectQuarantined(path: string, report: RecoveryReport, originals: Record<string, string>): void {
  const folder = dirname(path);
  const dbName = report.quarantined.find((q) => q.endsWith('.db'));
  expect(dbName).toMatch(/^corrupted\/(profile|global)-corrupt-\d{8}T\d{6}Z(-\d+)?\.db$/);
  for (const [suffix, hash] of Object.entries(originals)) {
    expect(sha256(join(folder, `${dbName as string}${suffix}`))).toBe(hash);
  }
  expect(report.quarantined).toHaveLength(Object.keys(originals).length);
  for (const file of report.reportFiles) expect(existsSync(join(folder, file))).toBe(true);
}

interface Counts {
  readonly before: number;
  readonly full: number;
  readonly partial: number;
  readonly fromBackup: number;
  readonly lost: number;
}

function countsOf(before: Map<string, Set<string>>, report: RecoveryReport): Counts {
  const rowsBefore = [...before.values()].reduce((n, keys) => n + keys.size, 0);
  return { before: rowsBefore, full: report.totals.salvaged, partial: report.totals.partial, fromBackup: report.totals.fromBackup, lost: report.totals.lost };
}

function record(name: string, withBackup: boolean, report: RecoveryReport, counts: Counts | null): void {
  const share = (n: number): string => (counts && counts.before > 0 ? `${n} (${((100 * n) / counts.before).toFixed(1)}%)` : String(n));
  summary.push(
    [
      name,
      withBackup ? 'yes' : 'no',
      `${report.classification.kind}/${report.classification.reason}`,
      counts?.before ?? '-',
      counts ? share(counts.full) : '-',
      counts?.partial ?? '-',
      counts?.fromBackup ?? '-',
      counts?.lost ?? '-',
      report.result ? `integrity ${report.result.integrityCheck}, fk ${report.result.foreignKeyViolations}` : 'unchanged',
    ].join(' | '),
  );
}

interface CorruptionCase {
  readonly name: string;
  readonly scope: DatabaseScope;
  readonly damage: (path: string) => void;
  readonly reason: string | RegExp;
  /** What must come back with no backup at all, as keys per table compared to the original. */
  readonly withoutBackup: 'every-row' | 'some-rows';
  /** What else must hold once the database is recovered. */
  readonly check?: (path: string, report: RecoveryReport) => void;
}

/** Where hostile schema text would create a file: outside every data folder of this spec. */
const outsideFile = (): string => join(templates.dir, 'created-by-schema-text.db');

const CASES: readonly CorruptionCase[] = [
  { name: 'zeroed header', scope: 'profile', damage: (p) => writeAt(p, 0, Buffer.alloc(100)), reason: 'header-destroyed', withoutBackup: 'every-row' },
  { name: 'truncated file', scope: 'profile', damage: (p) => truncateTo(p, 0.6), reason: /integrity-check-failed|malformed|schema-damaged/, withoutBackup: 'some-rows' },
  {
    name: 'random bytes over a table leaf page (runs)',
    scope: 'profile',
    damage: (p) => overwritePage(p, pageOf(p, 'runs', 'leaf'), seeded(11)),
    reason: 'integrity-check-failed',
    withoutBackup: 'every-row',
  },
  {
    name: 'random bytes over a table leaf page (artifacts)',
    scope: 'profile',
    damage: (p) => overwritePage(p, pageOf(p, 'artifacts', 'leaf'), seeded(12)),
    reason: 'integrity-check-failed',
    withoutBackup: 'some-rows',
  },
  {
    name: 'random bytes over an index page',
    scope: 'profile',
    damage: (p) => overwritePage(p, pageOf(p, 'idx_artifacts_sha', 'leaf'), seeded(13)),
    reason: 'integrity-check-failed',
    withoutBackup: 'every-row',
  },
  {
    name: 'random bytes over an interior page',
    scope: 'profile',
    damage: (p) => overwritePage(p, pageOf(p, 'artifacts', 'internal', true), seeded(14)),
    reason: 'integrity-check-failed',
    withoutBackup: 'some-rows',
  },
  {
    name: 'random bytes over the freelist',
    scope: 'profile',
    damage: (p) => {
      const db = new Database(p);
      db.exec("DELETE FROM oplog; INSERT INTO oplog SELECT 'op' || rowid, created_at, 'x', 'artifact', id, metadata_json, 0 FROM artifacts LIMIT 400; DELETE FROM oplog;");
      db.close();
      const trunk = freelistTrunk(p);
      if (trunk === 0) throw new Error('no freelist');
      overwritePage(p, trunk, seeded(15));
    },
    reason: 'integrity-check-failed',
    withoutBackup: 'every-row',
  },
  { name: 'bit flips', scope: 'profile', damage: (p) => flipBits(p, 'runs', 24, seeded(16)), reason: 'integrity-check-failed', withoutBackup: 'some-rows' },
  { name: 'a corrupted schema row', scope: 'profile', damage: (p) => breakSchemaEntry(p, 'talk_outlines'), reason: 'schema-entry-damaged', withoutBackup: 'every-row' },
  {
    name: 'a WAL from another database',
    scope: 'profile',
    damage: (p) => {
      const other = join(dirname(p), 'other', 'profile.db');
      buildProfile(other, { talks: 3, runsPerTalk: 5, attemptsPerTalk: 2, metadataBytes: 50 });
      withUncheckpointedWal(other, (db) => {
        db.prepare("UPDATE talk_projects SET title = title || ' (edited)'").run();
        seedProfile(db, (kit) => kit.newSetting({ key: 'other.setting', value_json: '1' }));
      });
      copyFileSync(`${other}-wal`, `${p}-wal`);
      rmSync(dirname(other), { recursive: true, force: true });
    },
    reason: 'wal-does-not-match',
    withoutBackup: 'every-row',
  },
  {
    name: 'random bytes over a table leaf page (global profiles)',
    scope: 'global',
    damage: (p) => overwritePage(p, pageOf(p, 'profiles', 'leaf'), seeded(17), 0),
    reason: /integrity-check-failed|malformed/,
    withoutBackup: 'every-row',
  },
  { name: 'zeroed header (global)', scope: 'global', damage: (p) => writeAt(p, 0, Buffer.alloc(100)), reason: 'header-destroyed', withoutBackup: 'every-row' },
  {
    // Recovery rebuilds an older file from its own schema: the text after the CREATE TABLE,
    // which SQLite ignores, must never run.
    name: 'schema text with statements after it, one migration behind, and random bytes over a table leaf (runs)',
    scope: 'profile',
    damage: (p) => {
      undoLastMigration(p, MIGRATIONS.profile);
      appendToSchemaText(p, 'oplog', attachTail(outsideFile()));
      overwritePage(p, pageOf(p, 'runs', 'leaf'), seeded(11));
    },
    reason: 'integrity-check-failed',
    withoutBackup: 'every-row',
    check: (_p, report) => {
      expect(existsSync(outsideFile())).toBe(false);
      expect(report.repairs).toContain('file-schema-refused');
    },
  },
];

describe.each(CASES)('$name', (fixture) => {
  it.each([false, true])('is classified as corruption, quarantined as it was, salvaged and rebuilt whole (backup: %s)', (withBackup) => {
    const path = place(fixture.scope, withBackup);
    const before = keysByTable(path);
    fixture.damage(path);
    const originals = originalsOf(path);

    const report = recoverDatabase(path, fixture.scope);

    expect(report.outcome).toBe('recovered');
    expect(report.classification.kind).toBe('corruption');
    expect(report.classification.reason).toMatch(fixture.reason);
    expectQuarantined(path, report, originals);
    expectWhole(path, fixture.scope);
    expect(report.result).toMatchObject({ integrityCheck: 'ok', foreignKeyViolations: 0 });
    fixture.check?.(path, report);
    const after = keysByTable(path);
    const counts = countsOf(before, report);
    record(fixture.name, withBackup, report, counts);

    if (fixture.withoutBackup === 'every-row' || withBackup) {
      for (const [table, keys] of before) {
        const missing = [...keys].filter((k) => !after.get(table)?.has(k));
        // With the backup, only rows written after it and unreadable now may be missing.
        if (fixture.withoutBackup === 'every-row') expect({ table, missing }).toEqual({ table, missing: [] });
        else expect(missing.length).toBeLessThanOrEqual(report.totals.lost + countAddedAfterBackup(table));
      }
    } else {
      expect(counts.full + counts.partial).toBeGreaterThan(0);
      expect(counts.full + counts.partial).toBeLessThanOrEqual(counts.before);
    }
    if (withBackup && report.tables.some((t) => t.damaged)) expect(report.backupUsed).toMatch(/^backups\/.+-backup-\d{8}T\d{6}Z\.db$/);
    if (!withBackup) expect(report.backupUsed).toBeNull();
    // No working folder is left behind.
    expect(readdirSync(dirname(path)).filter((f) => f.startsWith('.recovery-'))).toEqual([]);
  });
});

/** Rows of the two talks added after the backup was taken: the only rows a backup cannot give back. */
function countAddedAfterBackup(table: string): number {
  const perTalk: Record<string, number> = {
    talk_projects: 1,
    talk_outlines: 1,
    profile_settings: 1,
    runs: NEW_ROWS.runsPerTalk,
    quest_attempts: NEW_ROWS.attemptsPerTalk,
    auto_feedback: NEW_ROWS.runsPerTalk + NEW_ROWS.attemptsPerTalk,
    artifacts: NEW_ROWS.runsPerTalk * 4 + NEW_ROWS.attemptsPerTalk,
    feedback_notes: NEW_ROWS.runsPerTalk,
    peer_reviews: NEW_ROWS.runsPerTalk,
    profiles: 1,
  };
  return (perTalk[table] ?? 0) * NEW_ROWS.talks;
}

describe('a zero-length file', () => {
  it('with a verified backup beside it is a database that lost everything: rebuilt from the backup', () => {
    const path = place('profile', true);
    truncateSync(path, 0);
    const originals = originalsOf(path);
    const report = recoverDatabase(path, 'profile');
    expect(report.classification).toMatchObject({ kind: 'corruption', reason: 'empty-file-with-backups' });
    expectQuarantined(path, report, originals);
    expectWhole(path, 'profile');
    expect(report.totals.salvaged).toBe(0);
    expect(report.totals.fromBackup).toBeGreaterThan(0);
    record('zero-length file', true, report, { before: 0, full: 0, partial: 0, fromBackup: report.totals.fromBackup, lost: 0 });
  });

  it('without any backup is a new, empty database: nothing is quarantined or changed', () => {
    const path = place('profile', false);
    truncateSync(path, 0);
    const report = recoverDatabase(path, 'profile');
    expect(report.outcome).toBe('healthy');
    expect(report.classification).toMatchObject({ kind: 'healthy', reason: 'empty-file' });
    expect(existsSync(join(dirname(path), 'corrupted'))).toBe(false);
    expect(existsSync(path)).toBe(true);
    record('zero-length file', false, report, null);
  });
});

describe('a file that is not a database', () => {
  const notADatabase = (path: string): void => writeFileSync(path, '{"this": "is a settings file, not a database"}\n'.repeat(50));

  it('where backups of the database exist, was the database: it is quarantined and rebuilt from the backup', () => {
    const path = place('profile', true);
    notADatabase(path);
    const originals = originalsOf(path);
    const report = recoverDatabase(path, 'profile');
    expect(report.classification).toMatchObject({ kind: 'corruption', reason: 'not-a-database-where-one-was' });
    expectQuarantined(path, report, originals);
    expectWhole(path, 'profile');
    expect(report.totals.fromBackup).toBeGreaterThan(0);
    record('not a database', true, report, { before: 0, full: 0, partial: 0, fromBackup: report.totals.fromBackup, lost: 0 });
  });

  it('with no sign that a database was ever there, is refused and left byte for byte', () => {
    const path = place('profile', false);
    notADatabase(path);
    const hash = sha256(path);
    expect(() => recoverDatabase(path, 'profile')).toThrow(expect.objectContaining({ code: DbErrorCode.NOT_A_DATABASE }));
    expect(sha256(path)).toBe(hash);
    expect(existsSync(join(dirname(path), 'corrupted'))).toBe(false);
    summary.push('not a database | no | not-a-database/never-a-database (refused, DB_NOT_A_DATABASE) | - | - | - | - | - | unchanged');
  });
});

describe('a garbage -shm', () => {
  it('is not corruption: SQLite rebuilds the index from the WAL; nothing is quarantined', () => {
    const path = place('profile', true);
    withUncheckpointedWal(path, (db) => seedProfile(db, (kit) => kit.newSetting({ key: 'in.the.wal', value_json: '1' })));
    writeFileSync(`${path}-shm`, randomBytes(32_768, seeded(18)));
    const hashes = { db: sha256(path), wal: sha256(`${path}-wal`) };
    const report = recoverDatabase(path, 'profile');
    expect(report.outcome).toBe('healthy');
    expect(existsSync(join(dirname(path), 'corrupted'))).toBe(false);
    expect({ db: sha256(path), wal: sha256(`${path}-wal`) }).toEqual(hashes);
    const db = new Database(path, { readonly: true });
    expect(db.prepare("SELECT value_json FROM profile_settings WHERE key = 'in.the.wal'").pluck().get()).toBe('1');
    db.close();
    record('garbage -shm', true, report, null);
  });
});

describe('without anything to salvage and no backup', () => {
  it('raises DB_RECOVERY_NO_SNAPSHOT, with the original kept in quarantine and a report written', () => {
    const path = place('profile', false);
    // Page 1 (the schema) destroyed behind an intact header: no table can be found.
    overwritePage(path, 1, seeded(19), 100);
    const original = sha256(path);
    let error: unknown;
    try {
      recoverDatabase(path, 'profile');
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ code: DbErrorCode.RECOVERY_NO_SNAPSHOT });
    const details = (error as { details: { quarantined: string[]; report: string } }).details;
    expect(details.quarantined[0]).toMatch(/^corrupted\/profile-corrupt-.+\.db$/);
    expect(sha256(join(dirname(path), details.quarantined[0] as string))).toBe(original);
    expect(existsSync(path)).toBe(false);
    const written = JSON.parse(require('node:fs').readFileSync(join(dirname(path), details.report), 'utf8')) as RecoveryReport;
    expect(written).toMatchObject({ outcome: 'failed', error: { code: DbErrorCode.RECOVERY_NO_SNAPSHOT } });
    summary.push('schema page destroyed | no | corruption (DB_RECOVERY_NO_SNAPSHOT) | - | 0 | - | - | - | original in quarantine');
  });
});
