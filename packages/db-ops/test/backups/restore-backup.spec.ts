import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { backupDatabaseFile, restoreBackup, type RestoreStep, openGuardedDatabase } from '../../src';
import { backupDatabase } from '../../src/backups/take-backup';
import { DbErrorCode, MIGRATIONS } from '@lepupitre/db-core';
import { RESTORE_PARTIAL_SUFFIX } from '../../src/backups/restore-backup';
import { sha256Of } from '../support/file-fingerprint';
import { useTempDir, useTemplateFolder } from '@lepupitre/fixtures';
import { addTalks, createProfile, damageTable, databaseFiles, leaveUncheckpointedWal, talkTitles } from './support/backup-fixtures';

const NOW = new Date('2026-11-25T08:09:10Z');
const latest = MIGRATIONS.profile.at(-1)?.id;

describe('restoring a backup', () => {
  const dir = useTempDir();
  const path = (): string => join(dir(), 'profile.db');
  const backups = (): string => join(dir(), 'backups');
  const replacedDir = (): string => join(dir(), 'replaced');

  /**
   * A profile with talks 0-1 backed up, then talk 2 added and left in an uncheckpointed WAL by
   * a killed writer: built once (a migration, a backup and a child process), copied into each
   * test's folder, db, -wal, -shm and backups alike.
   */
  const changedSinceBackup = useTemplateFolder(async (template) => {
    const profile = join(template, 'profile.db');
    createProfile(profile, 2);
    const { db } = openGuardedDatabase(profile, 'profile');
    const { file } = await backupDatabase(db, { now: () => new Date('2026-11-24T00:00:00Z') });
    db.close();
    addTalks(profile, 2, 1);
    leaveUncheckpointedWal(profile, 'Only in the WAL');
    return file;
  });

  /** Puts the backed-up-then-changed profile in this test's folder; returns the backup's name. */
  function backedUpThenChanged(): string {
    return changedSinceBackup.copyTo(dir());
  }

  it('puts the backup in place and keeps every replaced file, byte for byte, in replaced/', () => {
    const file = backedUpThenChanged();
    const before = databaseFiles(path());
    expect(Object.keys(before)).toEqual(['db', 'db-wal', 'db-shm']);
    const backupHash = sha256Of(join(backups(), file));

    const result = restoreBackup(path(), 'profile', file, { now: () => NOW });
    result.db.close();

    expect(result).toMatchObject({ restoredFrom: file, kind: 'backup', verified: true });
    expect(result.replaced).toEqual([
      'profile-replaced-20261125T080910Z.db',
      'profile-replaced-20261125T080910Z.db-wal',
      'profile-replaced-20261125T080910Z.db-shm',
    ]);
    expect(result.report.appliedNow).toEqual([]);
    expect(talkTitles(path())).toEqual(['Talk 0', 'Talk 1']);
    expect(statSync(replacedDir()).mode & 0o777).toBe(0o700);
    expect(statSync(path()).mode & 0o777).toBe(0o600);
    const kept = Object.fromEntries(
      result.replaced.map((name) => [name.replace('profile-replaced-20261125T080910Z.', ''), sha256Of(join(replacedDir(), name))]),
    );
    expect(kept).toEqual(before);
    // The replaced files still open as the database they were, WAL included.
    const copyDir = join(dir(), 'look');
    mkdirSync(copyDir);
    for (const name of result.replaced) writeFileSync(join(copyDir, name.replace(/^.*\.db/, 'profile.db')), readFileSync(join(replacedDir(), name)));
    expect(talkTitles(join(copyDir, 'profile.db'))).toEqual(['Talk 0', 'Talk 1', 'Talk 2', 'Only in the WAL']);
    // The backup itself was only read.
    expect(sha256Of(join(backups(), file))).toBe(backupHash);
    expect(existsSync(`${path()}${RESTORE_PARTIAL_SUFFIX}`)).toBe(false);
  });

  it('migrates a backup of an older schema on reopen, with the usual pre-migration snapshot', async () => {
    createProfile(path(), 2);
    const raw = new Database(path());
    raw.prepare("DELETE FROM schema_migrations WHERE version >= '0004'").run();
    raw.pragma('journal_mode = DELETE');
    raw.close();
    const old = await backupDatabaseFile(path(), 'profile', { now: () => new Date('2026-11-24T00:00:00Z') });
    expect(old.manifest.schemaVersion).toBe('0003_talk_training_flag');
    openGuardedDatabase(path(), 'profile').db.close(); // the current database moves on to the latest schema

    const result = restoreBackup(path(), 'profile', old.file, { now: () => NOW });
    result.db.close();
    expect(result.report.previousState).toBe('tracked');
    expect(result.report.appliedNow).toEqual(MIGRATIONS.profile.slice(3).map((m) => m.id));
    expect(result.report.snapshot).toBe('profile-pre-0004_talk_numbers_backfill-20261125T080910Z.db');
    const check = new Database(path(), { readonly: true });
    expect(check.prepare('SELECT version FROM schema_migrations ORDER BY rowid DESC LIMIT 1').pluck().get()).toBe(latest);
    expect(check.pragma('journal_mode', { simple: true })).toBe('wal');
    check.close();
    expect(talkTitles(path())).toEqual(['Talk 0', 'Talk 1']);
  });

  it('restores a pre-migration snapshot by its name', async () => {
    createProfile(path(), 1);
    const raw = new Database(path());
    raw.prepare("DELETE FROM schema_migrations WHERE version >= '0004'").run();
    raw.close();
    const { db, report } = openGuardedDatabase(path(), 'profile', { now: () => new Date('2026-11-24T00:00:00Z') });
    db.close();
    addTalks(path(), 1, 1);
    const result = restoreBackup(path(), 'profile', report.snapshot as string, { now: () => NOW });
    result.db.close();
    expect(result.kind).toBe('pre-migration');
    expect(talkTitles(path())).toEqual(['Talk 0']);
  });

  it('replaces a damaged database (the usual reason to restore) and keeps the damaged file', async () => {
    createProfile(path(), 2);
    const { db } = openGuardedDatabase(path(), 'profile');
    const { file } = await backupDatabase(db, { now: () => NOW });
    db.close();
    writeFileSync(path(), Buffer.alloc(8192, 0x5a));
    const result = restoreBackup(path(), 'profile', file, { now: () => NOW });
    result.db.close();
    expect(talkTitles(path())).toEqual(['Talk 0', 'Talk 1']);
    expect(readFileSync(join(replacedDir(), result.replaced[0] as string)).equals(Buffer.alloc(8192, 0x5a))).toBe(true);
  });

  it('restores into a database that no longer exists, replacing nothing', async () => {
    createProfile(path(), 1);
    const { db } = openGuardedDatabase(path(), 'profile');
    const { file } = await backupDatabase(db, { now: () => NOW });
    db.close();
    rmSync(path());
    const result = restoreBackup(path(), 'profile', file, { now: () => NOW });
    result.db.close();
    expect(result.replaced).toEqual([]);
    expect(talkTitles(path())).toEqual(['Talk 0']);
  });

  describe('a restore that fails leaves the current database exactly as it was', () => {
    /** Runs a failing restore and checks that db, -wal and -shm are byte-identical and nothing is left. */
    function expectUnchanged(run: () => unknown, expected: Record<string, unknown>): void {
      const before = databaseFiles(path());
      const backupsBefore = readdirSync(backups()).sort();
      expect(run).toThrow(expect.objectContaining(expected));
      expect(databaseFiles(path())).toEqual(before);
      expect(existsSync(`${path()}${RESTORE_PARTIAL_SUFFIX}`)).toBe(false);
      expect(existsSync(replacedDir()) ? readdirSync(replacedDir()) : []).toEqual([]);
      // Backups are never removed or changed by a restore; a failed reopen may add a snapshot.
      expect(readdirSync(backups()).filter((f) => backupsBefore.includes(f))).toEqual(backupsBefore);
      expect(talkTitles(path())).toEqual(['Talk 0', 'Talk 1', 'Talk 2', 'Only in the WAL']);
    }

    const steps: readonly RestoreStep[] = ['verify', 'copy', 'check', 'artifacts', 'in-use', 'set-aside', 'place', 'reopen', 'finish'];

    it.each(steps)('a failure injected before step "%s"', (failing) => {
      const file = backedUpThenChanged();
      const injected = Object.assign(new Error('injected'), { code: 'EINJECTED' });
      expectUnchanged(
        () =>
          restoreBackup(path(), 'profile', file, {
            now: () => NOW,
            onStep: (step) => {
              if (step === failing) throw injected;
            },
          }),
        { code: DbErrorCode.RESTORE_FAILED, details: expect.objectContaining({ step: failing, rolledBack: true, reason: 'EINJECTED' }) },
      );
    });

    it.each(['', '-wal', '-shm'])('a failure while moving aside the file "db%s", after the ones before it moved', (suffix) => {
      const file = backedUpThenChanged();
      let moved = 0;
      expectUnchanged(
        () =>
          restoreBackup(path(), 'profile', file, {
            onStep: (step, detail) => {
              if (step !== 'set-aside' || detail === undefined) return;
              if (detail === suffix) throw Object.assign(new Error('injected'), { code: 'EINJECTED' });
              moved += 1;
            },
          }),
        { code: DbErrorCode.RESTORE_FAILED, details: expect.objectContaining({ step: 'set-aside', rolledBack: true }) },
      );
      expect(moved).toBe(['', '-wal', '-shm'].indexOf(suffix));
    });

    it('a full disk while moving files: DB_DISK_FULL, undone', () => {
      const file = backedUpThenChanged();
      const full = Object.assign(new Error('no space'), { code: 'ENOSPC' });
      expectUnchanged(
        () => restoreBackup(path(), 'profile', file, { onStep: (step) => { if (step === 'place') throw full; } }),
        { code: DbErrorCode.DISK_FULL },
      );
    });

    it('a migration that fails while reopening an older backup', async () => {
      createProfile(path(), 2);
      const raw = new Database(path());
      raw.prepare("DELETE FROM schema_migrations WHERE version >= '0006'").run();
      raw.close();
      const old = await backupDatabaseFile(path(), 'profile', { now: () => new Date('2026-11-24T00:00:00Z') });
      openGuardedDatabase(path(), 'profile').db.close();
      addTalks(path(), 2, 1);
      leaveUncheckpointedWal(path(), 'Only in the WAL');
      expectUnchanged(
        () =>
          restoreBackup(path(), 'profile', old.file, {
            now: () => NOW,
            hooks: { beforeCommit: (id) => { if (id === '0006_seed_quests') throw new Error('power cut'); } },
          }),
        // openDatabase reports a hook's plain error as DB_SQL_ERROR; the migration was rolled back.
        { code: DbErrorCode.RESTORE_FAILED, details: expect.objectContaining({ step: 'reopen', rolledBack: true, reason: DbErrorCode.SQL }) },
      );
    });

    it('a backup without manifest: DB_BACKUP_UNVERIFIED; with force it is restored, marked unverified', () => {
      const file = backedUpThenChanged();
      rmSync(join(backups(), `${file}.json`));
      expectUnchanged(() => restoreBackup(path(), 'profile', file), {
        code: DbErrorCode.BACKUP_UNVERIFIED,
        details: expect.objectContaining({ reason: 'manifest-missing' }),
      });
      const forced = restoreBackup(path(), 'profile', file, { force: true });
      forced.db.close();
      expect(forced.verified).toBe(false);
      expect(talkTitles(path())).toEqual(['Talk 0', 'Talk 1']);
    });

    it('a backup whose bytes changed since its manifest was written', () => {
      const file = backedUpThenChanged();
      const bytes = readFileSync(join(backups(), file));
      bytes[bytes.length - 100] = (bytes[bytes.length - 100] as number) ^ 0xff;
      writeFileSync(join(backups(), file), bytes);
      expectUnchanged(() => restoreBackup(path(), 'profile', file), {
        code: DbErrorCode.BACKUP_UNVERIFIED,
        details: expect.objectContaining({ reason: 'sha256-mismatch' }),
      });
    });

    it('a damaged backup, even with a matching manifest and force', () => {
      const file = backedUpThenChanged();
      const copy = join(backups(), file);
      damageTable(copy, 'talk_projects');
      const manifest = JSON.parse(readFileSync(`${copy}.json`, 'utf8')) as Record<string, unknown>;
      writeFileSync(`${copy}.json`, JSON.stringify({ ...manifest, sha256: sha256Of(copy) }));
      expectUnchanged(() => restoreBackup(path(), 'profile', file, { force: true }), {
        code: DbErrorCode.BACKUP_UNVERIFIED,
        details: expect.objectContaining({ reason: 'integrity' }),
      });
    });

    it('a backup written by a newer app: DB_NEWER_THAN_APP before anything moves', () => {
      const file = backedUpThenChanged();
      const copy = join(backups(), file);
      const raw = new Database(copy);
      raw.prepare("INSERT INTO schema_migrations (version, applied_at, checksum) VALUES ('9999_future', '2030-01-01T00:00:00Z', ?)").run('f'.repeat(64));
      raw.close();
      const manifest = JSON.parse(readFileSync(`${copy}.json`, 'utf8')) as Record<string, unknown>;
      writeFileSync(`${copy}.json`, JSON.stringify({ ...manifest, bytes: statSync(copy).size, sha256: sha256Of(copy) }));
      expectUnchanged(() => restoreBackup(path(), 'profile', file), { code: DbErrorCode.NEWER_THAN_APP });
    });

    it('a backup of the other scope under this database’s name: DB_SCOPE_MISMATCH', async () => {
      const file = backedUpThenChanged();
      const global = join(dir(), 'g', 'global.db');
      mkdirSync(join(dir(), 'g'));
      openGuardedDatabase(global, 'global').db.close();
      const { file: globalFile } = await backupDatabaseFile(global, 'global');
      const from = join(dir(), 'g', 'backups', globalFile);
      writeFileSync(join(backups(), file), readFileSync(from));
      const manifest = JSON.parse(readFileSync(`${from}.json`, 'utf8')) as Record<string, unknown>;
      writeFileSync(join(backups(), `${file}.json`), JSON.stringify({ ...manifest, scope: 'profile' }));
      expectUnchanged(() => restoreBackup(path(), 'profile', file), { code: DbErrorCode.SCOPE_MISMATCH });
    });

    it('a copy that cannot be written beside the database', () => {
      const file = backedUpThenChanged();
      mkdirSync(`${path()}${RESTORE_PARTIAL_SUFFIX}`);
      const before = databaseFiles(path());
      expect(() => restoreBackup(path(), 'profile', file)).toThrow(
        expect.objectContaining({ code: DbErrorCode.RESTORE_FAILED, details: expect.objectContaining({ step: 'copy' }) }),
      );
      expect(databaseFiles(path())).toEqual(before);
      expect(existsSync(replacedDir())).toBe(false);
    });

    it('the database open in another connection: DB_BUSY', () => {
      const file = backedUpThenChanged();
      const other = new Database(path(), { readonly: true });
      other.prepare('SELECT count(*) FROM talk_projects').get();
      try {
        expectUnchanged(() => restoreBackup(path(), 'profile', file), { code: DbErrorCode.BUSY });
      } finally {
        other.close();
      }
    });

    it.each([
      ['an unknown name', 'profile-backup-20990101T000000Z.db'],
      ['a path out of the folder', '../profile.db'],
      ['a name with a folder', 'backups/x.db'],
      ['a Windows path', '..\\x.db'],
      ['a name of another database', 'global-backup-20261124T000000Z.db'],
      ['a manifest', 'profile-backup-20261124T000000Z.db.json'],
      ['an empty name', ''],
    ])('%s: DB_BACKUP_NOT_FOUND', (_label, name) => {
      backedUpThenChanged();
      writeFileSync(join(backups(), 'global-backup-20261124T000000Z.db'), 'x');
      expectUnchanged(() => restoreBackup(path(), 'profile', name), { code: DbErrorCode.BACKUP_NOT_FOUND });
    });
  });
});
