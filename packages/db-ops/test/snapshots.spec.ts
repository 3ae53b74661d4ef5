import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DbErrorCode, MIGRATIONS, type PreMigrationCopyRequest } from '@lepupitre/db-core';
import { type SnapshotManifest, openGuardedDatabase } from '../src';
import { SNAPSHOT_RETENTION } from '../src/backups/pre-migration-retention';
import { takePreMigrationSnapshot } from '../src/backups/pre-migration-snapshot';
import type { VerifiedCopyStep } from '../src/backups/verified-copy';
import { fingerprintTree } from './support/file-fingerprint';
import { sha256Of } from './support/file-fingerprint';
import { useTempDir } from '@lepupitre/fixtures';

/** A profile database the previous app left at 0001..0003: four migrations are pending. */
function trackedPrefix(path: string): void {
  openGuardedDatabase(path, 'profile').db.close();
  const raw = new Database(path);
  raw.prepare("DELETE FROM schema_migrations WHERE version >= '0004'").run();
  raw.prepare("INSERT INTO talk_projects (id, title, stage, created_at, updated_at) VALUES ('proj_1', 'Keep me', 'draft', '2026-03-01T10:00:00+00:00', '2026-03-01T10:00:00+00:00')").run();
  raw.close();
}

const snapshotsIn = (backups: string): string[] => readdirSync(backups).filter((f) => f.endsWith('.db')).sort();

describe('pre-migration snapshots', () => {
  const dir = useTempDir();
  const path = (): string => join(dir(), 'profile.db');
  const backups = (): string => join(dir(), 'backups');

  it('takes none for a new database', () => {
    openGuardedDatabase(path(), 'profile').db.close();
    expect(existsSync(backups())).toBe(false);
  });

  it('takes none when nothing is pending', () => {
    openGuardedDatabase(path(), 'profile').db.close();
    openGuardedDatabase(path(), 'profile').db.close();
    expect(existsSync(backups())).toBe(false);
  });

  it('copies the database before migrating, verified, named and described as the runbook says', () => {
    trackedPrefix(path());
    const now = new Date('2026-11-25T08:09:10.123Z');
    const { db, report } = openGuardedDatabase(path(), 'profile', { now: () => now });
    db.close();
    expect(report.snapshot).toBe('profile-pre-0004_talk_numbers_backfill-20261125T080910Z.db');
    const snapshot = join(backups(), report.snapshot as string);
    const manifest = JSON.parse(readFileSync(`${snapshot}.json`, 'utf8')) as SnapshotManifest;
    expect(manifest).toEqual({
      kind: 'pre-migration',
      scope: 'profile',
      schemaVersion: '0003_talk_training_flag',
      nextMigrationId: '0004_talk_numbers_backfill',
      bytes: statSync(snapshot).size,
      sha256: sha256Of(snapshot),
      createdAt: '2026-11-25T08:09:10.123+00:00',
      verified: true,
    });
    expect(statSync(snapshot).mode & 0o777).toBe(0o600);
    expect(statSync(backups()).mode & 0o777).toBe(0o700);
    const copy = new Database(snapshot, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT version FROM schema_migrations ORDER BY rowid').pluck().all()).toEqual(
      MIGRATIONS.profile.slice(0, 3).map((m) => m.id),
    );
    expect(copy.prepare('SELECT title FROM talk_projects').pluck().all()).toEqual(['Keep me']);
    copy.close();
  });

  it('adds a counter when a snapshot of the same second exists', () => {
    const now = new Date('2026-11-25T08:09:10Z');
    trackedPrefix(path());
    openGuardedDatabase(path(), 'profile', { now: () => now }).db.close();
    const raw = new Database(path());
    raw.prepare("DELETE FROM schema_migrations WHERE version >= '0004'").run();
    raw.close();
    const { db, report } = openGuardedDatabase(path(), 'profile', { now: () => now });
    db.close();
    expect(report.snapshot).toBe('profile-pre-0004_talk_numbers_backfill-20261125T080910Z-2.db');
  });

  it(`keeps the ${SNAPSHOT_RETENTION} newest per stem and scope, and never the others' files`, () => {
    mkdirSync(backups(), { mode: 0o700 });
    const old = ['20260101T000000Z', '20260102T000000Z', '20260103T000000Z', '20260104T000000Z', '20260105T000000Z', '20260106T000000Z'];
    for (const stamp of old) writeFileSync(join(backups(), `profile-pre-0007_fk_constraints-${stamp}.db`), 'old');
    writeFileSync(join(backups(), 'global-pre-0001_init-20250101T000000Z.db'), 'other stem');
    writeFileSync(join(backups(), 'notes.txt'), 'not a snapshot');
    trackedPrefix(path());
    const { db, report } = openGuardedDatabase(path(), 'profile', { now: () => new Date('2026-11-25T00:00:00Z') });
    db.close();
    expect(snapshotsIn(backups())).toEqual([
      'global-pre-0001_init-20250101T000000Z.db',
      'profile-pre-0004_talk_numbers_backfill-20261125T000000Z.db',
      ...old.slice(-4).map((stamp) => `profile-pre-0007_fk_constraints-${stamp}.db`),
    ]);
    expect(existsSync(join(backups(), 'notes.txt'))).toBe(true);
    expect(report.snapshot).toContain('20261125T000000Z');
  });

  it('orders by the time in the name, not the migration id, and never deletes the snapshot it just took', () => {
    mkdirSync(backups(), { mode: 0o700 });
    const later = ['20270101T000000Z', '20270102T000000Z', '20270103T000000Z', '20270104T000000Z', '20270105T000000Z'];
    for (const stamp of later) writeFileSync(join(backups(), `profile-pre-0007_fk_constraints-${stamp}.db`), 'later');
    trackedPrefix(path());
    // A clock set back: the new snapshot is the oldest by name, yet it is the only verified one.
    const { db, report } = openGuardedDatabase(path(), 'profile', { now: () => new Date('2026-01-01T00:00:00Z') });
    db.close();
    expect(snapshotsIn(backups())).toContain(report.snapshot);
    expect(snapshotsIn(backups())).toHaveLength(SNAPSHOT_RETENTION + 1);
  });

  it('does not migrate when the snapshot cannot be written', () => {
    trackedPrefix(path());
    writeFileSync(backups(), 'a file where the backups folder should be');
    const before = readFileSync(path());
    expect(() => openGuardedDatabase(path(), 'profile')).toThrow(expect.objectContaining({ code: DbErrorCode.SNAPSHOT_FAILED }));
    const raw = new Database(path(), { readonly: true });
    expect(raw.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(3);
    raw.close();
    expect(readFileSync(path()).equals(before)).toBe(true);
  });

  it('does not migrate when the copy cannot be read whole (a damaged page): nothing is kept of it', () => {
    trackedPrefix(path());
    const raw = new Database(path());
    raw.pragma('journal_mode = DELETE');
    const insert = raw.prepare("INSERT INTO oplog (id, ts, op_type, entity, entity_id, payload_json) VALUES (?, '2026-03-01T00:00:00+00:00', 'x', 'y', 'z', ?)");
    raw.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run(`op_${i}`, 'p'.repeat(200));
    })();
    raw.exec('VACUUM');
    const pageSize = raw.pragma('page_size', { simple: true }) as number;
    raw.close();
    const bytes = readFileSync(path());
    bytes.fill(0xa5, bytes.length - pageSize, bytes.length - pageSize / 2);
    writeFileSync(path(), bytes);
    expect(() => openGuardedDatabase(path(), 'profile')).toThrow(expect.objectContaining({ code: DbErrorCode.SNAPSHOT_FAILED }));
    expect(snapshotsIn(backups())).toEqual([]);
    expect(readdirSync(backups())).toEqual([]);
    const check = new Database(path(), { readonly: true });
    expect(check.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(3);
    check.close();
  });

  it('removes a copy abandoned by a process killed while writing it', () => {
    trackedPrefix(path());
    mkdirSync(backups(), { mode: 0o700 });
    const abandoned = join(backups(), 'profile-pre-0004_talk_numbers_backfill-20261124T000000Z.db.partial');
    const foreign = join(backups(), 'global-pre-0001_init-20261124T000000Z.db.partial');
    writeFileSync(abandoned, 'half a copy');
    writeFileSync(foreign, 'another database is being copied');
    openGuardedDatabase(path(), 'profile').db.close();
    expect(existsSync(abandoned)).toBe(false);
    expect(existsSync(foreign)).toBe(true);
  });
});

describe('a failed pre-migration snapshot leaves neither partial copy nor manifest', () => {
  const dir = useTempDir();
  const path = (): string => join(dir(), 'profile.db');
  const backups = (): string => join(dir(), 'backups');
  const steps: readonly VerifiedCopyStep[] = ['copy', 'verify', 'checksum', 'manifest', 'place'];

  /** The request `openDatabase` makes, with the engine's copy (`VACUUM INTO`) on a connection of its own. */
  function request(copyInto?: (target: string) => void): PreMigrationCopyRequest {
    return {
      databasePath: path(),
      scope: 'profile',
      schemaVersion: '0003_talk_training_flag',
      nextMigrationId: '0004_talk_numbers_backfill',
      now: new Date('2026-11-25T08:09:10Z'),
      copyInto:
        copyInto ??
        ((target) => {
          const raw = new Database(path(), { readonly: true });
          raw.prepare('VACUUM INTO ?').run(target);
          raw.close();
        }),
    };
  }

  /** A profile with one earlier snapshot already in `backups/`, and the fingerprint of that folder. */
  function withEarlierSnapshot(): Record<string, string> {
    trackedPrefix(path());
    takePreMigrationSnapshot({ ...request(), now: new Date('2026-11-24T00:00:00Z') });
    return fingerprintTree(backups());
  }

  it.each(steps)('a failure injected before step "%s": DB_SNAPSHOT_FAILED, the folder as it was', (failing) => {
    const before = withEarlierSnapshot();
    const injected = Object.assign(new Error('injected'), { code: 'EINJECTED' });
    const onStep = (step: VerifiedCopyStep): void => {
      if (step === failing) throw injected;
    };
    expect(() => takePreMigrationSnapshot(request(), { onStep })).toThrow(
      expect.objectContaining({
        code: DbErrorCode.SNAPSHOT_FAILED,
        message: 'the pre-migration snapshot could not be written; nothing was migrated',
        cause: injected,
      }),
    );
    expect(fingerprintTree(backups())).toEqual(before);
  });

  it('a copy that fails its integrity check: DB_SNAPSHOT_FAILED saying so, the folder as it was', () => {
    const before = withEarlierSnapshot();
    const damaged = (target: string): void => {
      request().copyInto(target);
      const bytes = readFileSync(target);
      bytes.fill(0xa5, bytes.length - 4096, bytes.length - 2048);
      writeFileSync(target, bytes);
    };
    expect(() => takePreMigrationSnapshot(request(damaged))).toThrow(
      expect.objectContaining({
        code: DbErrorCode.SNAPSHOT_FAILED,
        message: 'the pre-migration snapshot failed its integrity check; nothing was migrated',
      }),
    );
    expect(fingerprintTree(backups())).toEqual(before);
  });
});
