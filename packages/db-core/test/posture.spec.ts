import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { DbErrorCode, openDatabase } from '../src';
import { MIN_BUSY_TIMEOUT_MS } from '../src/connection/posture';
import { applyPosture, assertPosture } from '../src/connection/posture';
import { useTempDir } from '@lepupitre/fixtures';
import { UNGUARDED } from './support/test-safeguards';

const mode = (path: string): number => statSync(path).mode & 0o777;

describe('connection posture', () => {
  const dir = useTempDir();

  it.each(['global', 'profile'] as const)('applies and reads back the posture on a %s database', (scope) => {
    const { db, report } = openDatabase(join(dir(), `${scope}.db`), scope, { safeguards: UNGUARDED });
    db.close();
    expect(report.posture).toEqual({
      journalMode: 'wal',
      synchronous: 1,
      foreignKeys: 1,
      busyTimeoutMs: expect.any(Number),
      trustedSchema: 0,
      cellSizeCheck: 1,
    });
    expect(report.posture.busyTimeoutMs).toBeGreaterThanOrEqual(MIN_BUSY_TIMEOUT_MS);
  });

  it('leaves WAL mode persisted in the file', () => {
    const path = join(dir(), 'profile.db');
    openDatabase(path, 'profile', { safeguards: UNGUARDED }).db.close();
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });

  it('refuses a connection whose settings do not read back, naming each one', () => {
    const raw = new Database(join(dir(), 'x.db'));
    applyPosture(raw);
    raw.pragma('foreign_keys = OFF');
    raw.pragma('busy_timeout = 100');
    expect(() => assertPosture(raw)).toThrow(
      expect.objectContaining({
        code: DbErrorCode.POSTURE_MISMATCH,
        details: expect.objectContaining({ settings: ['foreign_keys', 'busy_timeout'] }),
      }),
    );
    raw.close();
  });

  it('refuses an in-memory journal: WAL cannot hold there', () => {
    const raw = new Database(':memory:');
    applyPosture(raw);
    expect(() => assertPosture(raw)).toThrow(
      expect.objectContaining({ code: DbErrorCode.POSTURE_MISMATCH, details: expect.objectContaining({ settings: ['journal_mode'] }) }),
    );
    raw.close();
  });

  // POSIX modes; on Windows the user profile's ACLs apply instead.
  it('creates folders and database files owner-only, companions included', () => {
    const folder = join(dir(), 'profiles', 'prof_0123456789abcdef0123456789abcdef');
    const path = join(folder, 'profile.db');
    const { db } = openDatabase(path, 'profile', { safeguards: UNGUARDED });
    try {
      expect(mode(join(dir(), 'profiles'))).toBe(0o700);
      expect(mode(folder)).toBe(0o700);
      expect(mode(path)).toBe(0o600);
      expect(mode(`${path}-wal`)).toBe(0o600);
      expect(mode(`${path}-shm`)).toBe(0o600);
    } finally {
      db.close();
    }
  });
});
