import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { backupDatabaseFile, type BackupManifest, type BackupProgress, openGuardedDatabase } from '../../src';
import { backupDatabase } from '../../src/backups/take-backup';
import { DbErrorCode, MIGRATIONS, type DatabaseHandle } from '@lepupitre/db-core';
import { rawConnectionOf } from '@lepupitre/db-core/internals';
import { sha256Of } from '../support/file-fingerprint';
import { useTempDir } from '@lepupitre/fixtures';
import { addTalks, createProfile, damageTable, databaseFiles, leaveUncheckpointedWal, talkTitles } from './support/backup-fixtures';

const NOW = new Date('2026-11-25T08:09:10.123Z');
const latestProfileId = MIGRATIONS.profile.at(-1)?.id;

describe('backupDatabase: an online backup on the connection that writes', () => {
  const dir = useTempDir();
  const path = (): string => join(dir(), 'profile.db');
  const backups = (): string => join(dir(), 'backups');

  it('writes a verified copy, owner-only, with a manifest that describes it exactly', async () => {
    createProfile(path(), 5);
    const { db } = openGuardedDatabase(path(), 'profile');
    const phases: string[] = [];
    const result = await backupDatabase(db, { now: () => NOW, onProgress: (p) => phases.push(p.phase) });
    db.close();

    expect(result.file).toBe('profile-backup-20261125T080910Z.db');
    const copy = join(backups(), result.file);
    const manifest = JSON.parse(readFileSync(`${copy}.json`, 'utf8')) as BackupManifest;
    expect(manifest).toEqual({
      kind: 'backup',
      scope: 'profile',
      schemaVersion: latestProfileId,
      bytes: statSync(copy).size,
      sha256: sha256Of(copy),
      createdAt: '2026-11-25T08:09:10.123+00:00',
      verified: true,
      foreignKeyViolations: 0,
      // A profile without artifacts: an empty folder, so every profile backup has one.
      artifacts: { folder: `${result.file}.artifacts`, count: 0, bytes: 0, newBytes: 0, missing: [], deletedSince: [] },
    });
    expect(result.manifest).toEqual(manifest);
    expect(statSync(backups()).mode & 0o777).toBe(0o700);
    expect(statSync(copy).mode & 0o777).toBe(0o600);
    expect(statSync(`${copy}.json`).mode & 0o777).toBe(0o600);
    expect(readdirSync(backups()).sort()).toEqual([result.file, `${result.file}.artifacts`, `${result.file}.json`]);
    expect(readdirSync(join(backups(), `${result.file}.artifacts`))).toEqual([]);
    expect(new Set(phases)).toEqual(new Set(['copy', 'verify', 'checksum']));

    expect(talkTitles(copy)).toEqual(['Talk 0', 'Talk 1', 'Talk 2', 'Talk 3', 'Talk 4']);
    const raw = new Database(copy, { readonly: true });
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    // One self-contained file: reading it creates no -wal or -shm beside it.
    expect(raw.pragma('journal_mode', { simple: true })).toBe('delete');
    raw.close();
    expect(readdirSync(backups())).toHaveLength(3);
  });

  it('keeps the app writing on the same connection while the copy advances, without restarting it', async () => {
    createProfile(path(), 400);
    const { db } = openGuardedDatabase(path(), 'profile');
    let written = 0;
    const progress: BackupProgress[] = [];
    const promise = backupDatabase(db, {
      now: () => NOW,
      pagesPerStep: 2,
      onProgress: (p) => {
        progress.push(p);
        if (p.phase === 'copy' && written < 20) {
          written += 1;
          addTalkOn(db, 1000 + written);
        }
      },
    });
    const result = await promise;
    db.close();
    expect(written).toBe(20);
    expect(result.copy.restarts).toBe(0);
    expect(result.copy.steps).toBeGreaterThan(10);
    const copied = progress.filter((p) => p.phase === 'copy').map((p) => p.copiedPages);
    expect(copied).toEqual([...copied].sort((a, b) => a - b));
    // Writes of the same connection reach the copy: the backup is the state at its end.
    expect(talkTitles(join(backups(), result.file))).toHaveLength(420);
  });

  it('finishes in one step when another connection writes meanwhile, instead of restarting forever', async () => {
    createProfile(path(), 400);
    const { db } = openGuardedDatabase(path(), 'profile');
    const other = new Database(path());
    let n = 0;
    const result = await backupDatabase(db, {
      now: () => NOW,
      pagesPerStep: 2,
      onProgress: (p) => {
        if (p.phase === 'copy') other.prepare("INSERT INTO talk_projects (id, title, stage, created_at, updated_at) VALUES (?, 'other', 'draft', 'x', 'x')").run(`proj_other_${n++}`);
      },
    });
    other.close();
    db.close();
    expect(result.copy.restarts).toBe(1);
    expect(result.manifest.verified).toBe(true);
    const titles = talkTitles(join(backups(), result.file));
    expect(titles.length).toBeGreaterThanOrEqual(400);
  });

  it('adds a counter for a second backup in the same second', async () => {
    createProfile(path());
    const { db } = openGuardedDatabase(path(), 'profile');
    const first = await backupDatabase(db, { now: () => NOW });
    const second = await backupDatabase(db, { now: () => NOW });
    db.close();
    expect(first.file).toBe('profile-backup-20261125T080910Z.db');
    expect(second.file).toBe('profile-backup-20261125T080910Z-2.db');
  });

  it('adds nothing when the copy fails its integrity check, and says why', async () => {
    createProfile(path(), 30);
    damageTable(path(), 'talk_projects');
    await expect(backupDatabaseFile(path(), 'profile', { now: () => NOW })).rejects.toMatchObject({
      code: DbErrorCode.BACKUP_FAILED,
      details: { scope: 'profile', reason: 'integrity' },
    });
    expect(readdirSync(backups())).toEqual([]);
  });

  it('adds nothing when the backups folder cannot be made', async () => {
    createProfile(path());
    writeFileSync(backups(), 'a file where the folder should be');
    const { db } = openGuardedDatabase(path(), 'profile');
    await expect(backupDatabase(db)).rejects.toMatchObject({ code: DbErrorCode.BACKUP_FAILED });
    db.close();
    expect(readFileSync(backups(), 'utf8')).toBe('a file where the folder should be');
  });

  it('removes partial copies a dead process left long ago, and only those', async () => {
    createProfile(path());
    mkdirSync(backups(), { mode: 0o700 });
    const old = join(backups(), 'profile-backup-20261120T000000Z.db.partial');
    const fresh = join(backups(), 'profile-backup-20261125T080000Z.db.partial');
    const foreign = join(backups(), 'global-backup-20261120T000000Z.db.partial');
    for (const file of [old, fresh, foreign]) writeFileSync(file, 'partial');
    const dayAgo = (NOW.getTime() - 25 * 3600_000) / 1000;
    utimesSync(old, dayAgo, dayAgo);
    utimesSync(foreign, dayAgo, dayAgo);
    const { db } = openGuardedDatabase(path(), 'profile');
    await backupDatabase(db, { now: () => NOW });
    db.close();
    expect(existsSync(old)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
    expect(existsSync(foreign)).toBe(true);
  });
});

describe('backupDatabaseFile: the operator tool backs up a file as it is', () => {
  const dir = useTempDir();
  const path = (): string => join(dir(), 'profile.db');

  it('copies a database with pending migrations without migrating it or touching it', async () => {
    createProfile(path(), 2);
    const raw = new Database(path());
    raw.prepare("DELETE FROM schema_migrations WHERE version >= '0006'").run();
    raw.pragma('journal_mode = DELETE');
    raw.close();
    const before = databaseFiles(path());
    const result = await backupDatabaseFile(path(), 'profile', { now: () => NOW });
    expect(databaseFiles(path())).toEqual(before);
    expect(result.manifest.schemaVersion).toBe('0005_runs_audio_nullable');
    expect(talkTitles(join(dir(), 'backups', result.file))).toEqual(['Talk 0', 'Talk 1']);
  });

  it('includes what an app killed mid-session left in the -wal', async () => {
    createProfile(path(), 1);
    leaveUncheckpointedWal(path(), 'Only in the WAL');
    const result = await backupDatabaseFile(path(), 'profile', { now: () => NOW });
    expect(talkTitles(join(dir(), 'backups', result.file))).toContain('Only in the WAL');
  });

  it('refuses what is not a database of the scope, and an absent file, creating nothing', async () => {
    await expect(backupDatabaseFile(path(), 'profile')).rejects.toMatchObject({ code: DbErrorCode.BACKUP_FAILED, details: { reason: 'absent' } });
    writeFileSync(path(), 'not a database at all, just text that is long enough to have a header'.repeat(20));
    await expect(backupDatabaseFile(path(), 'profile')).rejects.toMatchObject({ code: DbErrorCode.NOT_A_DATABASE });
    const global = join(dir(), 'global.db');
    openGuardedDatabase(global, 'global').db.close();
    await expect(backupDatabaseFile(global, 'profile')).rejects.toMatchObject({ code: DbErrorCode.SCOPE_MISMATCH });
    expect(existsSync(join(dir(), 'backups'))).toBe(false);
  });

  it('adds to the existing talks what was written before the backup, not after', async () => {
    createProfile(path(), 1);
    const first = await backupDatabaseFile(path(), 'profile', { now: () => NOW });
    addTalks(path(), 1, 1);
    expect(talkTitles(join(dir(), 'backups', first.file))).toEqual(['Talk 0']);
  });
});

/** A write on the handle's own connection, inside a write transaction, as the app writes. */
function addTalkOn(db: DatabaseHandle, n: number): void {
  db.transaction(() => {
    rawConnectionOf(db)
      .prepare("INSERT INTO talk_projects (id, title, stage, created_at, updated_at) VALUES (?, 'same', 'draft', 'x', 'x')")
      .run(`proj_same_${n}`);
  });
}
