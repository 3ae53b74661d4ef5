import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openGuardedDatabase } from '../../src';
import { backupDatabase } from '../../src/backups/take-backup';
import { BACKUP_RETENTION, backupsToPrune, type RetentionCandidate } from '../../src/backups/backup-retention';
import { compactUtcStamp } from '@lepupitre/domain-primitives';
import { useTempDir } from '@lepupitre/fixtures';
import { createProfile } from './support/backup-fixtures';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

function candidate(date: Date, verified = true, counter = 1): RetentionCandidate {
  const stamp = compactUtcStamp(date);
  return { file: `profile-backup-${stamp}${counter > 1 ? `-${counter}` : ''}.db`, kind: 'backup', stamp, counter, verified };
}

function kept(all: readonly RetentionCandidate[], now: Date, justTaken: string | null = null): string[] {
  const pruned = new Set(backupsToPrune(all, now, justTaken));
  return all.map((c) => c.file).filter((f) => !pruned.has(f)).sort().reverse();
}

const name = (iso: string, counter = 1): string => candidate(new Date(iso), true, counter).file;

describe('tiered retention of backups', () => {
  // Wednesday 2026-11-25 12:00 UTC; its week began on Monday 2026-11-23.
  const now = new Date('2026-11-25T12:00:00Z');

  it('states its rule: the 5 newest, one per day for 7 days, one per week for 4 weeks', () => {
    expect(BACKUP_RETENTION).toEqual({ newest: 5, dailyDays: 7, weeklyWeeks: 4 });
  });

  it('keeps the newest 5, the newest of each of the last 7 days and of each of the last 4 weeks', () => {
    // One backup every 6 hours for 60 days, ending now.
    const all = Array.from({ length: 240 }, (_, i) => candidate(new Date(now.getTime() - i * 6 * HOUR)));
    expect(kept(all, now)).toEqual([
      // The 5 newest (today 12:00, 06:00, 00:00; yesterday 18:00, 12:00).
      name('2026-11-25T12:00:00Z'),
      name('2026-11-25T06:00:00Z'),
      name('2026-11-25T00:00:00Z'),
      name('2026-11-24T18:00:00Z'),
      name('2026-11-24T12:00:00Z'),
      // Newest of each earlier day, back to 2026-11-19 (7 days with today). Sunday 11-22 18:00
      // is also the newest of the week of Monday 11-16.
      name('2026-11-23T18:00:00Z'),
      name('2026-11-22T18:00:00Z'),
      name('2026-11-21T18:00:00Z'),
      name('2026-11-20T18:00:00Z'),
      name('2026-11-19T18:00:00Z'),
      // Newest of the weeks of Monday 11-09 and 11-02 (4 weeks with this one).
      name('2026-11-15T18:00:00Z'),
      name('2026-11-08T18:00:00Z'),
    ]);
  });

  it('keeps weekly copies over time when it runs after every daily backup (calendar buckets, not sliding windows)', () => {
    let folder: RetentionCandidate[] = [];
    const start = new Date('2026-09-01T03:00:00Z');
    for (let day = 0; day < 90; day++) {
      const at = new Date(start.getTime() + day * DAY);
      const taken = candidate(at);
      folder.push(taken);
      const pruned = new Set(backupsToPrune(folder, at, taken.file));
      folder = folder.filter((c) => !pruned.has(c.file));
    }
    const end = new Date(start.getTime() + 89 * DAY); // Sunday 2026-11-29
    const ages = folder.map((c) => Math.round((end.getTime() - new Date(`${c.stamp.slice(0, 4)}-${c.stamp.slice(4, 6)}-${c.stamp.slice(6, 8)}T03:00:00Z`).getTime()) / DAY));
    // 7 daily copies (ages 0-6), then the Sundays closing the 3 earlier weeks.
    expect(ages.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 14, 21]);
  });

  it('never deletes the newest verified backup, however old, nor the one just taken', () => {
    const old = candidate(new Date('2026-06-01T00:00:00Z'), true);
    const unverified = Array.from({ length: 8 }, (_, i) => candidate(new Date(now.getTime() - i * HOUR), false));
    const olderVerified = candidate(new Date('2026-05-01T00:00:00Z'), true);
    expect(backupsToPrune([old, olderVerified, ...unverified], now, null)).toEqual(
      expect.not.arrayContaining([old.file]),
    );
    expect(backupsToPrune([old, olderVerified, ...unverified], now, null)).toContain(olderVerified.file);
    // A clock set back: the backup just taken is the oldest by name, and is kept.
    const justTaken = candidate(new Date('2020-01-01T00:00:00Z'));
    const many = Array.from({ length: 8 }, (_, i) => candidate(new Date(now.getTime() - i * HOUR)));
    expect(backupsToPrune([...many, justTaken], new Date('2020-01-01T00:00:00Z'), justTaken.file)).not.toContain(justTaken.file);
  });

  it('orders copies of the same second by their counter', () => {
    const base = new Date('2026-11-10T00:00:00Z');
    const all = [1, 2, 3, 4, 5, 6, 7].map((n) => candidate(base, true, n));
    // Day 11-10 is outside the last 7 days; its week (of 11-09) is kept through the newest copy.
    expect(kept(all, now)).toEqual([7, 6, 5, 4, 3].map((n) => name('2026-11-10T00:00:00Z', n)));
  });
});

describe('retention applied after a backup', () => {
  const dir = useTempDir();

  it('deletes old backups with their manifests, never snapshots or other databases’ files', async () => {
    const path = join(dir(), 'profile.db');
    createProfile(path);
    const backups = join(dir(), 'backups');
    mkdirSync(backups, { mode: 0o700 });
    const now = new Date('2026-11-25T12:00:00Z');
    const planted = [
      'profile-backup-20260101T000000Z.db',
      'profile-backup-20260102T000000Z.db',
      'profile-backup-20260103T000000Z.db',
      'profile-backup-20260104T000000Z.db',
      'profile-backup-20260105T000000Z.db',
      'profile-backup-20260106T000000Z.db',
    ];
    for (const file of planted) {
      writeFileSync(join(backups, file), 'old');
      writeFileSync(join(backups, `${file}.json`), '{}');
    }
    const others = [
      'profile-pre-0004_talk_numbers_backfill-20250101T000000Z.db',
      'global-backup-20250101T000000Z.db',
      'profile-global-backup-20250101T000000Z.db',
      'notes.txt',
    ];
    for (const file of others) writeFileSync(join(backups, file), 'keep');
    const { db } = openGuardedDatabase(path, 'profile');
    const result = await backupDatabase(db, { now: () => now });
    db.close();
    // 5 newest = the new one + 01-06..01-03; the others are in no kept day or week.
    expect([...result.pruned].sort()).toEqual(planted.slice(0, 2));
    expect(readdirSync(backups).sort()).toEqual(
      [...others, ...planted.slice(2), ...planted.slice(2).map((f) => `${f}.json`), result.file, `${result.file}.artifacts`, `${result.file}.json`].sort(),
    );
  });
});
