import Database from 'better-sqlite3';
import { copyFileSync, mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { openGuardedDatabase } from '../../src';
import { classifyFailure } from '../../src/recovery/failure-classification';
import { probeDatabaseFile, type FileProbe } from '../../src/recovery/file-probe';
import { DbError, DbErrorCode } from '@lepupitre/db-core';
import { seedGlobal, useTempDir } from '@lepupitre/fixtures';
import { buildGlobal, buildProfile, overwritePage, pageOf, seeded, takeTestBackup, withUncheckpointedWal, writeAt } from './corruption-fixtures';

/**
 * The classification is a pure function of an error and a probe of the file. Each case here
 * uses the real error SQLite (or the migration engine) raises for the condition, except where
 * the condition cannot be produced in a test running as root (permissions): there the errno a
 * file-system call would raise is used.
 */

const dir = useTempDir('lepupitre-classify-');

function errorOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

function healthyProfile(): string {
  const path = join(dir(), 'profiles', 'p', 'profile.db');
  buildProfile(path, { talks: 3, runsPerTalk: 60, attemptsPerTalk: 2, metadataBytes: 200 });
  return path;
}

describe('classifyFailure', () => {
  it('SQLITE_CORRUPT met while reading is corruption', () => {
    const path = healthyProfile();
    overwritePage(path, pageOf(path, 'runs', 'leaf'), seeded(1));
    const db = new Database(path, { readonly: true });
    const error = errorOf(() => db.prepare('SELECT * FROM runs').all());
    db.close();
    expect(classifyFailure(error, probeDatabaseFile(path, 'profile'))).toMatchObject({ kind: 'corruption', corruption: true, reason: 'malformed' });
  });

  it('a failed quick check is corruption', () => {
    const path = healthyProfile();
    const failed = new DbError(DbErrorCode.CORRUPT, 'the database failed its quick check', { details: { check: 'quick_check' } });
    expect(classifyFailure(failed, probeDatabaseFile(path, 'profile'))).toMatchObject({ corruption: true, reason: 'quick_check-failed' });
  });

  it('SQLITE_NOTADB on a file whose header was zeroed in front of intact pages is corruption', () => {
    const path = healthyProfile();
    writeAt(path, 0, Buffer.alloc(100));
    const error = errorOf(() => openGuardedDatabase(path, 'profile'));
    expect(error).toMatchObject({ code: DbErrorCode.NOT_A_DATABASE });
    const probe = probeDatabaseFile(path, 'profile');
    expect(probe.header).toEqual({ kind: 'zeroed', pageSize: 4096 });
    expect(classifyFailure(error, probe)).toMatchObject({ kind: 'corruption', reason: 'header-destroyed' });
  });

  it('SQLITE_NOTADB on a file that never was a database is not corruption', () => {
    const path = join(dir(), 'global.db');
    writeFileSync(path, 'just some text\n'.repeat(100));
    const error = errorOf(() => openGuardedDatabase(path, 'global'));
    const probe = probeDatabaseFile(path, 'global');
    expect(probe.header.kind).toBe('foreign');
    expect(classifyFailure(error, probe)).toMatchObject({ kind: 'not-a-database', corruption: false, code: DbErrorCode.NOT_A_DATABASE });
  });

  it('SQLITE_NOTADB where backups of this database exist is corruption: a database was there', () => {
    const path = join(dir(), 'global.db');
    buildGlobal(path, 3);
    takeTestBackup(path, 'global');
    writeFileSync(path, 'just some text\n'.repeat(100));
    const error = errorOf(() => openGuardedDatabase(path, 'global'));
    expect(classifyFailure(error, probeDatabaseFile(path, 'global'))).toMatchObject({ corruption: true, reason: 'not-a-database-where-one-was' });
  });

  it('a locked database (SQLITE_BUSY) is not corruption', () => {
    const path = join(dir(), 'locked.db');
    const holder = new Database(path);
    holder.exec('CREATE TABLE t (x); BEGIN EXCLUSIVE; INSERT INTO t VALUES (1);');
    const reader = new Database(path, { readonly: true, timeout: 0 });
    const error = errorOf(() => reader.prepare('SELECT * FROM t').all());
    reader.close();
    holder.exec('ROLLBACK');
    holder.close();
    expect(classifyFailure(error, probeDatabaseFile(path, 'global'))).toMatchObject({ kind: 'busy', corruption: false, code: DbErrorCode.BUSY });
  });

  it('a full disk (SQLITE_FULL, ENOSPC) is not corruption', () => {
    const path = join(dir(), 'full.db');
    const db = new Database(path);
    db.exec('CREATE TABLE t (x)');
    db.pragma('max_page_count = 3');
    const error = errorOf(() => db.prepare('INSERT INTO t VALUES (?)').run('x'.repeat(20_000)));
    db.close();
    const probe = probeDatabaseFile(path, 'global');
    expect(classifyFailure(error, probe)).toMatchObject({ kind: 'disk-full', corruption: false });
    const enospc = Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    expect(classifyFailure(enospc, probe)).toMatchObject({ kind: 'disk-full', corruption: false });
  });

  it('a read-only database (SQLITE_READONLY, EROFS) is not corruption', () => {
    const path = healthyProfile();
    const db = new Database(path, { readonly: true });
    const error = errorOf(() => db.prepare("INSERT INTO profile_settings VALUES ('k', 'v')").run());
    db.close();
    const probe = probeDatabaseFile(path, 'profile');
    expect(classifyFailure(error, probe)).toMatchObject({ kind: 'read-only', corruption: false });
    const erofs = Object.assign(new Error('read-only file system'), { code: 'EROFS' });
    expect(classifyFailure(erofs, probe)).toMatchObject({ kind: 'read-only', corruption: false });
  });

  it('a permission problem (SQLITE_CANTOPEN, EACCES) is not corruption', () => {
    // Tests run as root, which chmod does not stop: the errno is what a denied open raises.
    const path = healthyProfile();
    const probe = probeDatabaseFile(path, 'profile');
    const eacces = Object.assign(new Error('permission denied'), { code: 'EACCES' });
    expect(classifyFailure(eacces, probe)).toMatchObject({ kind: 'permission', corruption: false });
    const cantOpen = Object.assign(new Error('unable to open database file'), { code: 'SQLITE_CANTOPEN' });
    expect(classifyFailure(cantOpen, probe)).toMatchObject({ kind: 'permission', corruption: false });
    expect(classifyFailure(cantOpen, probeDatabaseFile(join(dir(), 'missing', 'x.db'), 'profile'))).toMatchObject({ kind: 'absent', corruption: false });
    const directory = join(dir(), 'a-folder.db');
    mkdirSync(directory);
    const isDirectory = errorOf(() => openGuardedDatabase(directory, 'profile'));
    expect(classifyFailure(isDirectory, probeDatabaseFile(directory, 'profile'))).toMatchObject({ kind: 'not-a-file', corruption: false });
  });

  it('an I/O error is not corruption: a failing disk is copied off, not written to', () => {
    const path = healthyProfile();
    const ioerr = Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_READ' });
    expect(classifyFailure(ioerr, probeDatabaseFile(path, 'profile'))).toMatchObject({ kind: 'io-error', corruption: false });
  });

  it('a database from a newer app is not corruption', () => {
    const path = healthyProfile();
    const db = new Database(path);
    db.prepare("INSERT INTO schema_migrations (version, applied_at, checksum) VALUES ('9999_future', '2030-01-01T00:00:00+00:00', ?)").run('f'.repeat(64));
    db.close();
    const error = errorOf(() => openGuardedDatabase(path, 'profile'));
    expect(classifyFailure(error, probeDatabaseFile(path, 'profile'))).toMatchObject({ kind: 'newer-app', corruption: false, code: DbErrorCode.NEWER_THAN_APP });
  });

  it('a broken history is not corruption', () => {
    const path = healthyProfile();
    const db = new Database(path);
    db.prepare("DELETE FROM schema_migrations WHERE version = '0003_talk_training_flag'").run();
    db.close();
    const error = errorOf(() => openGuardedDatabase(path, 'profile'));
    expect(error).toMatchObject({ code: DbErrorCode.MIGRATION_GAP });
    expect(classifyFailure(error, probeDatabaseFile(path, 'profile'))).toMatchObject({ kind: 'broken-history', corruption: false });
  });

  it('a database of the other scope is not corruption, unless a write-ahead log may be the cause', () => {
    const global = join(dir(), 'global.db');
    buildGlobal(global, 2);
    const error = errorOf(() => openGuardedDatabase(global, 'profile'));
    expect(classifyFailure(error, probeDatabaseFile(global, 'profile'))).toMatchObject({ kind: 'scope-mismatch', corruption: false, checkWithoutWal: false });

    const profile = healthyProfile();
    const other = join(dir(), 'other', 'global.db');
    buildGlobal(other, 2);
    withUncheckpointedWal(other, (db) => seedGlobal(db, (kit) => kit.newSetting({ key: 'x', value_json: '1' })));
    copyFileSync(`${other}-wal`, `${profile}-wal`);
    const walError = new DbError(DbErrorCode.SCOPE_MISMATCH, 'the file is not a profile database; it was not changed');
    expect(classifyFailure(walError, probeDatabaseFile(profile, 'profile'))).toMatchObject({ kind: 'scope-mismatch', corruption: false, checkWithoutWal: true });
  });

  describe('without an error, from the probe alone', () => {
    it('a zero-length file where backups exist lost everything: corruption', () => {
      const path = join(dir(), 'profiles', 'p', 'profile.db');
      buildProfile(path, { talks: 1, runsPerTalk: 1, attemptsPerTalk: 1, metadataBytes: 10 });
      takeTestBackup(path, 'profile');
      truncateSync(path, 0);
      expect(classifyFailure(undefined, probeDatabaseFile(path, 'profile'))).toMatchObject({ corruption: true, reason: 'empty-file-with-backups' });
    });

    it('a zero-length file without backups is a new database', () => {
      const path = join(dir(), 'profiles', 'p', 'profile.db');
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, '');
      expect(classifyFailure(undefined, probeDatabaseFile(path, 'profile'))).toMatchObject({ kind: 'healthy', corruption: false, reason: 'empty-file' });
    });

    it('an absent file is not corruption', () => {
      expect(classifyFailure(undefined, probeDatabaseFile(join(dir(), 'none.db'), 'global'))).toMatchObject({ kind: 'absent', corruption: false });
    });
  });

  it('is pure: the same inputs give the same answer, whatever the file does meanwhile', () => {
    const probe: FileProbe = {
      exists: true,
      isFile: true,
      bytes: 8192,
      header: { kind: 'damaged', pageSize: 4096 },
      walBytes: 0,
      walHeaderValid: false,
      shmBytes: 0,
      backupCandidates: 0,
    };
    const error = Object.assign(new Error('file is not a database'), { code: 'SQLITE_NOTADB' });
    expect(classifyFailure(error, probe)).toEqual(classifyFailure(error, probe));
    expect(classifyFailure(error, { ...probe, header: { kind: 'foreign', pageSize: null } })).toMatchObject({ kind: 'not-a-database' });
    expect(classifyFailure(error, { ...probe, header: { kind: 'foreign', pageSize: null }, walBytes: 4096, walHeaderValid: true })).toMatchObject({
      kind: 'corruption',
      reason: 'header-destroyed-wal-present',
    });
  });
});
