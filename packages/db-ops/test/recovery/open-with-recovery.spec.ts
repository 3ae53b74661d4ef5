import Database from 'better-sqlite3';
import { existsSync, truncateSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DbErrorCode } from '@lepupitre/db-core';
import { seedProfile, useTempDir } from '@lepupitre/fixtures';
import { openWithRecovery } from '../../src';
import { fingerprintTree, withoutEmptyCompanions } from '../support/file-fingerprint';
import { buildProfile, overwritePage, pageOf, seeded, takeTestBackup, withUncheckpointedWal, writeAt } from './corruption-fixtures';

const dir = useTempDir('lepupitre-open-recovery-');
const SIZES = { talks: 4, runsPerTalk: 50, attemptsPerTalk: 4, metadataBytes: 300 };

function profilePath(): string {
  return join(dir(), 'profiles', 'prof_1', 'profile.db');
}

function settingOf(path: string, key: string): unknown {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare('SELECT value_json FROM profile_settings WHERE key = ?').pluck().get(key);
  } finally {
    db.close();
  }
}

describe('openWithRecovery: integrity checks off the normal open path', () => {
  it('a database closed cleanly opens without any check', () => {
    const path = profilePath();
    buildProfile(path, SIZES);
    const opened = openWithRecovery(path, 'profile');
    opened.db.close();
    expect(opened.healthCheck).toEqual({ ran: false, reason: null, verdict: null, ms: 0 });
    expect(opened.recovery).toBeNull();
  });

  it('after an unclean shutdown (a -wal left behind) the quick check runs once, and a sound file opens as it is', () => {
    const path = profilePath();
    buildProfile(path, SIZES);
    withUncheckpointedWal(path, (db) => seedProfile(db, (kit) => kit.newSetting({ key: 'after.crash', value_json: '1' })));
    const opened = openWithRecovery(path, 'profile');
    opened.db.close();
    expect(opened.healthCheck).toMatchObject({ ran: true, reason: 'unclean-shutdown', verdict: { mode: 'quick', ok: true, problems: 0 } });
    expect(opened.recovery).toBeNull();
    expect(settingOf(path, 'after.crash')).toBe('1');
    // Closed cleanly this time: the next open does not check.
    const again = openWithRecovery(path, 'profile');
    again.db.close();
    expect(again.healthCheck.ran).toBe(false);
  });

  it('after an unclean shutdown, damage the open itself did not touch is found by the quick check and recovered', () => {
    const path = profilePath();
    buildProfile(path, SIZES);
    takeTestBackup(path, 'profile');
    overwritePage(path, pageOf(path, 'runs', 'leaf'), seeded(31));
    withUncheckpointedWal(path, (db) => seedProfile(db, (kit) => kit.newSetting({ key: 'after.crash', value_json: '1' })));
    const opened = openWithRecovery(path, 'profile');
    try {
      expect(opened.healthCheck).toMatchObject({ ran: true, reason: 'unclean-shutdown', verdict: { ok: false } });
      expect(opened.recovery).toMatchObject({ outcome: 'recovered', classification: { kind: 'corruption' } });
      expect(opened.recovery?.quarantined.length).toBeGreaterThan(0);
    } finally {
      opened.db.close();
    }
    expect(settingOf(path, 'after.crash')).toBe('1');
  });

  it('the same damage after a clean shutdown is not looked for at open (doctor or a malformed error at work finds it)', () => {
    const path = profilePath();
    buildProfile(path, SIZES);
    overwritePage(path, pageOf(path, 'runs', 'leaf'), seeded(32));
    const opened = openWithRecovery(path, 'profile');
    opened.db.close();
    expect(opened.healthCheck.ran).toBe(false);
    expect(opened.recovery).toBeNull();
    expect(existsSync(join(dirname(path), 'corrupted'))).toBe(false);
  });

  it('with integrityCheck "always" the quick check runs on every open; with "never" not even after a crash', () => {
    const path = profilePath();
    buildProfile(path, SIZES);
    const always = openWithRecovery(path, 'profile', { integrityCheck: 'always' });
    always.db.close();
    expect(always.healthCheck).toMatchObject({ ran: true, reason: 'requested' });
    withUncheckpointedWal(path, (db) => seedProfile(db, (kit) => kit.newSetting({ key: 'k', value_json: 'v' })));
    const never = openWithRecovery(path, 'profile', { integrityCheck: 'never' });
    never.db.close();
    expect(never.healthCheck.ran).toBe(false);
  });

  it('corruption met by the open (a destroyed header) is recovered, then the database opens', () => {
    const path = profilePath();
    buildProfile(path, SIZES);
    writeAt(path, 0, Buffer.alloc(100));
    const opened = openWithRecovery(path, 'profile');
    opened.db.close();
    expect(opened.recovery).toMatchObject({ outcome: 'recovered', classification: { reason: 'header-destroyed' } });
    expect(opened.recovery?.totals.lost).toBe(0);
  });

  it('a zero-length file beside verified backups is recovered before the open would take it for a new database', () => {
    const path = profilePath();
    buildProfile(path, SIZES);
    takeTestBackup(path, 'profile');
    truncateSync(path, 0);
    const opened = openWithRecovery(path, 'profile');
    opened.db.close();
    expect(opened.recovery).toMatchObject({ outcome: 'recovered', classification: { reason: 'empty-file-with-backups' } });
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM talk_projects').pluck().get()).toBe(SIZES.talks);
    db.close();
  });

  it('a refusal at open (a newer app) is raised as it is and nothing is touched', () => {
    const path = profilePath();
    buildProfile(path, SIZES);
    const db = new Database(path);
    db.prepare("INSERT INTO schema_migrations (version, applied_at, checksum) VALUES ('9999_future', '2030-01-01T00:00:00+00:00', ?)").run('f'.repeat(64));
    db.close();
    const before = withoutEmptyCompanions(fingerprintTree(dir()));
    expect(() => openWithRecovery(path, 'profile')).toThrow(expect.objectContaining({ code: DbErrorCode.NEWER_THAN_APP }));
    expect(withoutEmptyCompanions(fingerprintTree(dir()))).toEqual(before);
  });
});
