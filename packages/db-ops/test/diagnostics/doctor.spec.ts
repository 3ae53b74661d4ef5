import Database from 'better-sqlite3';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DbErrorCode, MIGRATIONS } from '@lepupitre/db-core';
import { seedProfile, useTempDir } from '@lepupitre/fixtures';
import { diagnoseDatabase, openGuardedDatabase } from '../../src';
import { writeFilesForArtifactRows } from '../support/artifact-files';
import { fingerprintTree, withoutEmptyCompanions } from '../support/file-fingerprint';
import { buildProfile, overwritePage, pageOf, seeded, takeTestBackup } from '../recovery/corruption-fixtures';

const dir = useTempDir('lepupitre-doctor-');
const PROFILE_IDS = MIGRATIONS.profile.map((m) => m.id);
const NOW = new Date(Date.UTC(2026, 1, 2));

function profilePath(): string {
  return join(dir(), 'profiles', 'prof_1', 'profile.db');
}

describe('diagnoseDatabase', () => {
  it('reports a healthy database: versions, verdicts, pages, counts and verified backups', () => {
    const path = profilePath();
    buildProfile(path, { talks: 3, runsPerTalk: 4, attemptsPerTalk: 2, metadataBytes: 20 });
    writeFilesForArtifactRows(path);
    takeTestBackup(path, 'profile', new Date(Date.UTC(2026, 1, 1)));
    const before = withoutEmptyCompanions(fingerprintTree(dir()));

    const report = diagnoseDatabase(path, 'profile', { now: () => NOW });

    expect(report).toMatchObject({
      scope: 'profile',
      schemaVersion: PROFILE_IDS.at(-1),
      latestMigration: PROFILE_IDS.at(-1),
      appliedMigrationCount: PROFILE_IDS.length,
      expectedMigrationCount: PROFILE_IDS.length,
      continuityOk: true,
      continuityError: null,
      integrityCheck: 'ok',
      foreignKeyViolations: 0,
      migrationState: 'tracked',
      pendingMigrations: [],
      integrity: { mode: 'full', problems: 0 },
      file: { state: 'database', header: 'sqlite' },
      backups: { count: 1, verified: 1, newestVerifiedAgeSeconds: 86_400, newestVerifiedKind: 'backup' },
      quarantinedFiles: 0,
      problems: [],
    });
    expect(report.posture?.ok).toBe(true);
    expect(report.tables['talk_projects']).toBe(3);
    expect(report.tables['runs']).toBe(12);
    expect(report.artifacts).toMatchObject({ rowsChecked: report.tables['artifacts'], hashed: true, problems: [] });
    expect(report.artifacts?.bytesChecked).toBe(2048 * (report.tables['artifacts'] ?? 0));
    expect(report.orphanedFiles).toBe(0);
    expect(report.pages?.pageSize).toBe(4096);
    expect(report.pages?.pageCount).toBeGreaterThan(10);
    expect(JSON.stringify(report)).not.toContain(dir());
    // Nothing written: diagnostics read only.
    expect(withoutEmptyCompanions(fingerprintTree(dir()))).toEqual(before);
  });

  it('counts a backup whose file no longer matches its manifest as present but not verified', () => {
    const path = profilePath();
    buildProfile(path, { talks: 1, runsPerTalk: 1, attemptsPerTalk: 1, metadataBytes: 10 });
    const file = takeTestBackup(path, 'profile');
    seedProfile(join(dirname(path), 'backups', file), (kit) => kit.newSetting({ key: 'tampered', value_json: '1' }));
    expect(diagnoseDatabase(path, 'profile').backups).toMatchObject({ count: 1, verified: 0, newestVerifiedAgeSeconds: null });
  });

  it('reports damage instead of raising it', () => {
    const path = profilePath();
    buildProfile(path, { talks: 4, runsPerTalk: 60, attemptsPerTalk: 4, metadataBytes: 300 });
    overwritePage(path, pageOf(path, 'runs', 'leaf'), seeded(41));
    const report = diagnoseDatabase(path, 'profile');
    expect(report.integrityCheck).toBe('failed');
    expect(report.integrity?.problems).toBeGreaterThan(0);
    expect(report.problems.map((p) => p.code)).toContain('DB_CORRUPT');
    expect(report.continuityOk).toBe(true);

    const quick = diagnoseDatabase(path, 'profile', { integrity: 'quick' });
    expect(quick.integrity?.mode).toBe('quick');
    expect(quick.integrityCheck).toBe('failed');
  });

  it('reports a file that is not a database, an absent file and a newer app without failing', () => {
    const path = profilePath();
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, 'not a database\n'.repeat(20));
    expect(diagnoseDatabase(path, 'profile')).toMatchObject({
      file: { state: 'unreadable', header: 'foreign' },
      integrityCheck: 'failed',
      problems: [{ code: DbErrorCode.NOT_A_DATABASE }],
    });

    expect(diagnoseDatabase(join(dir(), 'none', 'profile.db'), 'profile')).toMatchObject({ file: { state: 'absent' }, integrityCheck: 'not-run' });

    const newer = join(dir(), 'newer', 'profile.db');
    mkdirSync(dirname(newer), { recursive: true });
    openGuardedDatabase(newer, 'profile').db.close();
    const db = new Database(newer);
    db.prepare("INSERT INTO schema_migrations (version, applied_at, checksum) VALUES ('9999_future', '2030-01-01T00:00:00+00:00', ?)").run('f'.repeat(64));
    db.close();
    const report = diagnoseDatabase(newer, 'profile');
    expect(report).toMatchObject({ continuityOk: false, integrityCheck: 'ok' });
    expect(report.continuityError).toMatch(/^DB_NEWER_THAN_APP: /);
  });
});
