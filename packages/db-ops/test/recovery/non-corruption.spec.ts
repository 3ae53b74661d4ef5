import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DbErrorCode } from '@lepupitre/db-core';
import { seedProfile, useTempDir, useTemplateFolder } from '@lepupitre/fixtures';
import { recoverDatabase, type RecoveryStep } from '../../src';
import { fingerprintTree, withoutEmptyCompanions } from '../support/file-fingerprint';
import { buildGlobal, buildProfile, overwritePage, pageOf, seeded, takeTestBackup } from './corruption-fixtures';

/**
 * Everything that is not corruption changes nothing: the data folder is byte-for-byte what it
 * was (a WAL-mode file that is read may gain empty -wal/-shm companions, as with any reader,
 * and the `<database>.lock` companion of the migration lock may appear, empty). A healthy
 * database is never quarantined.
 */

const dir = useTempDir('lepupitre-faults-');

function profilePath(): string {
  return join(dir(), 'profiles', 'prof_1', 'profile.db');
}

/**
 * A damaged profile database with a verified backup: recovery would have work to do. Built
 * once (a migration, a thousand rows, a backup), copied into each test's data folder.
 */
const damaged = useTemplateFolder((template) => {
  const path = join(template, 'profiles', 'prof_1', 'profile.db');
  buildProfile(path, { talks: 4, runsPerTalk: 60, attemptsPerTalk: 4, metadataBytes: 300 });
  takeTestBackup(path, 'profile');
  overwritePage(path, pageOf(path, 'runs', 'leaf'), seeded(3));
});

function damagedProfile(): string {
  damaged.copyTo(dir());
  return profilePath();
}

function snapshot(): Record<string, string> {
  return Object.fromEntries(Object.entries(withoutEmptyCompanions(fingerprintTree(dir()))).filter(([name]) => !name.endsWith('.lock')));
}

function fault(code: string): Error {
  return Object.assign(new Error(`injected ${code}`), { code });
}

function failAt(step: RecoveryStep, error: Error): { beforeStep(s: RecoveryStep): void } {
  return {
    beforeStep: (s) => {
      if (s === step) throw error;
    },
  };
}

function expectUnchanged(before: Record<string, string>, path: string): void {
  expect(snapshot()).toEqual(before);
  expect(existsSync(join(dirname(path), 'corrupted'))).toBe(false);
}

describe('recovery changes nothing when the condition is not corruption', () => {
  it('a healthy database is never quarantined', () => {
    const path = profilePath();
    buildProfile(path, { talks: 3, runsPerTalk: 10, attemptsPerTalk: 2, metadataBytes: 50 });
    takeTestBackup(path, 'profile');
    const before = snapshot();
    const report = recoverDatabase(path, 'profile');
    expect(report).toMatchObject({ outcome: 'healthy', quarantined: [], tables: [], result: { integrityCheck: 'ok', foreignKeyViolations: 0 } });
    expectUnchanged(before, path);
  });

  it('a database open in another program (locked) is refused with DB_BUSY', () => {
    const path = damagedProfile();
    const holder = new Database(path);
    holder.prepare('SELECT count(*) FROM talk_projects').get();
    const before = snapshot();
    try {
      expect(() => recoverDatabase(path, 'profile')).toThrow(expect.objectContaining({ code: DbErrorCode.BUSY }));
      expectUnchanged(before, path);
    } finally {
      holder.close();
    }
  });

  it('a database open in another process is refused with DB_BUSY, and nothing is changed', async () => {
    const path = damagedProfile();
    // A separate process, as the app would be: locks held by another process are what matter.
    const holder = spawn(process.execPath, [
      '-e',
      `const D = require(${JSON.stringify(require.resolve('better-sqlite3'))});
       const db = new D(${JSON.stringify(path)});
       db.prepare('SELECT count(*) FROM sqlite_master').get();
       process.stdout.write('open\\n');
       process.stdin.on('end', () => db.close());
       process.stdin.resume();`,
    ]);
    await new Promise<void>((resolve, reject) => {
      holder.stdout.on('data', () => resolve());
      holder.on('exit', (code) => reject(new Error(`the holder exited early (${code})`)));
    });
    const before = snapshot();
    try {
      expect(() => recoverDatabase(path, 'profile')).toThrow(expect.objectContaining({ code: DbErrorCode.BUSY }));
      expectUnchanged(before, path);
    } finally {
      holder.stdin.end();
      await new Promise((resolve) => holder.on('close', resolve));
    }
  });

  it.each([
    ['a lock (SQLITE_BUSY)', fault('SQLITE_BUSY'), DbErrorCode.BUSY],
    ['a full disk (SQLITE_FULL)', fault('SQLITE_FULL'), DbErrorCode.DISK_FULL],
    ['a full disk (ENOSPC)', fault('ENOSPC'), DbErrorCode.DISK_FULL],
    ['a read-only file (SQLITE_READONLY)', fault('SQLITE_READONLY'), DbErrorCode.READ_ONLY],
    ['a permission problem (EACCES)', fault('EACCES'), DbErrorCode.CANT_OPEN],
  ])('an error caused by %s is raised again, typed, before anything is touched', (_name, cause, code) => {
    const path = damagedProfile();
    const before = snapshot();
    expect(() => recoverDatabase(path, 'profile', { cause })).toThrow(expect.objectContaining({ code }));
    expectUnchanged(before, path);
  });

  // Tests run as root, for whom chmod does not make a folder read-only and a read-only bind
  // mount is not available: the file-system errors are injected at the step where the first
  // write in the folder (or the first large write) happens.
  it.each<[string, RecoveryStep, Error, string]>([
    ['a read-only folder (EROFS) at the first write', 'copy', fault('EROFS'), DbErrorCode.READ_ONLY],
    ['a permission problem (EACCES) at the first write', 'copy', fault('EACCES'), DbErrorCode.CANT_OPEN],
    ['a full disk (ENOSPC) while salvaging', 'salvage', fault('ENOSPC'), DbErrorCode.DISK_FULL],
    ['a full disk (SQLITE_FULL) while merging the backup', 'merge', fault('SQLITE_FULL'), DbErrorCode.DISK_FULL],
    ['a full disk (ENOSPC) before the quarantine', 'quarantine', fault('ENOSPC'), DbErrorCode.DISK_FULL],
    ['a failure between quarantine and placement (rolled back)', 'place', fault('EIO'), DbErrorCode.IO],
  ])('%s leaves the database exactly as it was', (_name, step, error, code) => {
    const path = damagedProfile();
    const before = snapshot();
    expect(() => recoverDatabase(path, 'profile', { hooks: failAt(step, error) })).toThrow(expect.objectContaining({ code }));
    expectUnchanged(before, path);
    expect(existsSync(path)).toBe(true);
  });

  it('a database that changes while it is being recovered (the app is running) is left as it is', () => {
    const path = damagedProfile();
    const hooks = {
      beforeStep: (step: RecoveryStep) => {
        if (step !== 'check') return;
        seedProfile(path, (kit) => kit.newSetting({ key: 'written.meanwhile', value_json: '1' }));
      },
    };
    expect(() => recoverDatabase(path, 'profile', { hooks })).toThrow(expect.objectContaining({ code: DbErrorCode.BUSY }));
    expect(existsSync(join(dirname(path), 'corrupted'))).toBe(false);
    const db = new Database(path, { readonly: true });
    expect(db.prepare("SELECT value_json FROM profile_settings WHERE key = 'written.meanwhile'").pluck().get()).toBe('1');
    db.close();
  });

  it('a damaged database written by a newer app is refused (DB_NEWER_THAN_APP): its salvage would drop what this app does not know', () => {
    const path = profilePath();
    buildProfile(path, { talks: 4, runsPerTalk: 60, attemptsPerTalk: 4, metadataBytes: 300 });
    const db = new Database(path);
    db.prepare("INSERT INTO schema_migrations (version, applied_at, checksum) VALUES ('9999_future', '2030-01-01T00:00:00+00:00', ?)").run('f'.repeat(64));
    db.close();
    overwritePage(path, pageOf(path, 'runs', 'leaf'), seeded(4));
    const before = snapshot();
    expect(() => recoverDatabase(path, 'profile')).toThrow(expect.objectContaining({ code: DbErrorCode.NEWER_THAN_APP }));
    expectUnchanged(before, path);
  });

  it('a sound database with a broken history is refused as the open refuses it', () => {
    const path = profilePath();
    buildProfile(path, { talks: 2, runsPerTalk: 5, attemptsPerTalk: 1, metadataBytes: 10 });
    const db = new Database(path);
    db.prepare("DELETE FROM schema_migrations WHERE version = '0002_outline_and_settings'").run();
    db.close();
    const before = snapshot();
    expect(() => recoverDatabase(path, 'profile')).toThrow(expect.objectContaining({ code: DbErrorCode.MIGRATION_GAP }));
    expectUnchanged(before, path);
  });

  it('a sound database of the other scope is refused (DB_SCOPE_MISMATCH)', () => {
    const path = join(dir(), 'profiles', 'prof_1', 'profile.db');
    buildGlobal(path, 3);
    const before = snapshot();
    expect(() => recoverDatabase(path, 'profile')).toThrow(expect.objectContaining({ code: DbErrorCode.SCOPE_MISMATCH }));
    expectUnchanged(before, path);
  });

  it('an absent database is not recovered (DB_RECOVERY_NO_DATABASE)', () => {
    expect(() => recoverDatabase(profilePath(), 'profile')).toThrow(expect.objectContaining({ code: DbErrorCode.RECOVERY_NO_DATABASE }));
    expect(existsSync(profilePath())).toBe(false);
  });
});
