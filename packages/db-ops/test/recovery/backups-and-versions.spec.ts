import Database from 'better-sqlite3';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { MIGRATIONS } from '@lepupitre/db-core';
import { recoverDatabase, openGuardedDatabase } from '../../src';
import { buildDrillDatabase, dumpContent } from '../drills/drill-database';
import { useTempDir } from '@lepupitre/fixtures';
import { buildProfile, keysByTable, overwritePage, pageOf, seeded, sha256, takeTestBackup } from './corruption-fixtures';

const dir = useTempDir('lepupitre-recovery-backups-');
const LATEST = MIGRATIONS.profile.at(-1)?.id;

function profilePath(): string {
  return join(dir(), 'profiles', 'prof_1', 'profile.db');
}

function backupsDir(path: string): string {
  return join(dirname(path), 'backups');
}

/** Rewrites a manifest field, keeping the file as it is. */
function editManifest(path: string, file: string, edit: (manifest: Record<string, unknown>) => void): void {
  const manifestPath = join(backupsDir(path), `${file}.json`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  edit(manifest);
  writeFileSync(manifestPath, JSON.stringify(manifest));
}

describe('the backup recovery merges from', () => {
  it('is the newest candidate that proves sound; the others are named with the reason they were not used', () => {
    const path = profilePath();
    buildProfile(path, { talks: 6, runsPerTalk: 40, attemptsPerTalk: 4, metadataBytes: 600 });
    const good = takeTestBackup(path, 'profile', new Date(Date.UTC(2026, 1, 1)));
    const tampered = takeTestBackup(path, 'profile', new Date(Date.UTC(2026, 1, 2)));
    editManifest(path, tampered, (m) => (m['sha256'] = '0'.repeat(64)));
    const damaged = takeTestBackup(path, 'profile', new Date(Date.UTC(2026, 1, 3)));
    const damagedPath = join(backupsDir(path), damaged);
    overwritePage(damagedPath, pageOf(damagedPath, 'artifacts', 'leaf'), seeded(21));
    editManifest(path, damaged, (m) => {
      m['sha256'] = sha256(damagedPath);
    });
    const unverified = takeTestBackup(path, 'profile', new Date(Date.UTC(2026, 1, 4)));
    editManifest(path, unverified, (m) => (m['verified'] = false));
    const otherScope = takeTestBackup(path, 'profile', new Date(Date.UTC(2026, 1, 5)));
    editManifest(path, otherScope, (m) => (m['scope'] = 'global'));
    const noManifest = takeTestBackup(path, 'profile', new Date(Date.UTC(2026, 1, 6)));
    rmSync(join(backupsDir(path), `${noManifest}.json`));
    const backupsBefore = Object.fromEntries(readdirSync(backupsDir(path)).map((f) => [f, sha256(join(backupsDir(path), f))]));

    const before = keysByTable(path);
    overwritePage(path, pageOf(path, 'artifacts', 'internal'), seeded(22));
    const report = recoverDatabase(path, 'profile');

    expect(report.backupUsed).toBe(`backups/${good}`);
    expect(report.backupsRejected).toEqual([
      { file: noManifest, reason: 'no-manifest' },
      { file: otherScope, reason: 'other-scope' },
      { file: unverified, reason: 'not-verified' },
      { file: damaged, reason: 'integrity-failed' },
      { file: tampered, reason: 'sha256-mismatch' },
    ]);
    // Every row came back: the backup holds everything the damaged pages lost.
    expect(keysByTable(path)).toEqual(before);
    expect(report.totals.fromBackup).toBeGreaterThan(0);
    // Backups are only read, never opened in place.
    expect(Object.fromEntries(readdirSync(backupsDir(path)).map((f) => [f, sha256(join(backupsDir(path), f))]))).toEqual(backupsBefore);
  });

  it('of an older schema version (a pre-migration snapshot) is migrated before its rows are taken', () => {
    const path = profilePath();
    mkdirSync(dirname(path), { recursive: true });
    buildDrillDatabase(path, 8);
    // The first open migrates the legacy file and leaves its pre-migration snapshot.
    openGuardedDatabase(path, 'profile').db.close();
    const snapshot = readdirSync(backupsDir(path)).find((f) => f.endsWith('.db'));
    expect(snapshot).toMatch(/^profile-pre-0001_init-\d{8}T\d{6}Z\.db$/);
    const before = keysByTable(path);
    overwritePage(path, 1, seeded(23), 100);

    const report = recoverDatabase(path, 'profile');

    expect(report.backupUsed).toBe(`backups/${snapshot}`);
    expect(report.result?.schemaVersion).toBe(LATEST);
    // The snapshot is the legacy file itself: migrated, it is exactly what the open produced.
    expect(keysByTable(path)).toEqual(before);
  });
});

describe('a damaged database of an older version', () => {
  it('is salvaged with its own schema and then migrated: the same data as migrating the undamaged file', () => {
    const path = profilePath();
    mkdirSync(dirname(path), { recursive: true });
    buildDrillDatabase(path, 20);
    const clean = join(dir(), 'clean', 'profile.db');
    mkdirSync(dirname(clean), { recursive: true });
    copyFileSync(path, clean);
    openGuardedDatabase(clean, 'profile').db.close();
    // Damage only an index: every row is still readable.
    overwritePage(path, pageOf(path, 'idx_runs_project_time', 'leaf'), seeded(24));

    const report = recoverDatabase(path, 'profile');

    expect(report.classification.kind).toBe('corruption');
    expect(report.result).toEqual({ schemaVersion: LATEST, integrityCheck: 'ok', foreignKeyViolations: 0 });
    expect(dumpContent(path)).toEqual(dumpContent(clean));
  });

  it('falls back to the current schema when the migration of the salvaged rows fails', () => {
    const path = profilePath();
    mkdirSync(dirname(path), { recursive: true });
    buildDrillDatabase(path, 5);
    // A legacy shape the migrations cannot upgrade: runs without its project column makes the
    // 0007 rebuild fail.
    const db = new Database(path);
    db.exec('DROP INDEX idx_runs_project_time; ALTER TABLE runs RENAME TO runs_old; CREATE TABLE runs (id TEXT PRIMARY KEY, created_at TEXT NOT NULL); DROP TABLE runs_old;');
    db.close();
    const probe = join(dir(), 'probe', 'profile.db');
    mkdirSync(dirname(probe), { recursive: true });
    copyFileSync(path, probe);
    expect(() => openGuardedDatabase(probe, 'profile')).toThrow(expect.objectContaining({ code: 'MIGRATION_FAILED' }));
    overwritePage(path, pageOf(path, 'artifacts', 'leaf'), seeded(25));

    const report = recoverDatabase(path, 'profile');

    expect(report.outcome).toBe('recovered');
    expect(report.result).toEqual({ schemaVersion: LATEST, integrityCheck: 'ok', foreignKeyViolations: 0 });
    const talks = new Database(path, { readonly: true });
    expect(talks.prepare('SELECT count(*) FROM talk_projects').pluck().get()).toBe(10);
    talks.close();
  });
});

describe('the rebuilt file', () => {
  it('takes the database name atomically and leaves no working files behind', () => {
    const path = profilePath();
    buildProfile(path, { talks: 3, runsPerTalk: 30, attemptsPerTalk: 2, metadataBytes: 300 });
    overwritePage(path, pageOf(path, 'runs', 'leaf'), seeded(26));
    const report = recoverDatabase(path, 'profile');
    const entries = readdirSync(dirname(path)).sort();
    expect(entries).toEqual(['corrupted', 'profile.db', 'profile.db.lock']);
    expect(readdirSync(join(dirname(path), 'corrupted')).sort()).toEqual(
      [...report.quarantined.map((q) => q.slice('corrupted/'.length)), ...report.reportFiles.map((r) => r.slice('corrupted/'.length))].sort(),
    );
    // A second recovery of the rebuilt file finds it healthy.
    expect(recoverDatabase(path, 'profile').outcome).toBe('healthy');
    // Renaming the rebuilt file elsewhere still gives a complete database: no -wal is needed.
    renameSync(path, `${path}.moved`);
    const moved = new Database(`${path}.moved`, { readonly: true });
    expect(moved.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
    moved.close();
  });
});
