import Database from 'better-sqlite3';
import { appendFileSync, mkdirSync, openSync, closeSync, writeSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listBackups, openGuardedDatabase, restoreBackup } from '../../src';
import { backupDatabase } from '../../src/backups/take-backup';
import { MIGRATIONS } from '@lepupitre/db-core';
import { useTempDir } from '@lepupitre/fixtures';
import { createProfile } from './support/backup-fixtures';

describe('listing the backups of a database', () => {
  const dir = useTempDir();
  const path = (): string => join(dir(), 'profile.db');
  const backups = (): string => join(dir(), 'backups');

  /** Two backups, then a pre-migration snapshot, each an hour apart. */
  async function threeCopies(): Promise<string[]> {
    createProfile(path());
    const { db } = openGuardedDatabase(path(), 'profile');
    const first = await backupDatabase(db, { now: () => new Date('2026-11-25T08:00:00Z') });
    const second = await backupDatabase(db, { now: () => new Date('2026-11-25T09:00:00Z') });
    db.close();
    const raw = new Database(path());
    // The previous app's prefix 0001..0003, as the snapshot tests build it: 0004 on are pending.
    raw.prepare("DELETE FROM schema_migrations WHERE version >= '0004'").run();
    raw.close();
    const { db: again, report } = openGuardedDatabase(path(), 'profile', { now: () => new Date('2026-11-25T10:00:00Z') });
    again.close();
    return [report.snapshot as string, second.file, first.file];
  }

  it('lists backups and pre-migration snapshots together, newest first, with kind, age and verification', async () => {
    const names = await threeCopies();
    const now = new Date('2026-11-25T12:00:00Z');
    const entries = listBackups(path(), 'profile', { now: () => now });
    expect(entries.map((e) => e.file)).toEqual(names);
    expect(entries.map((e) => [e.kind, e.verified, e.problem, e.ageSeconds])).toEqual([
      ['pre-migration', true, null, 7200],
      ['backup', true, null, 10800],
      ['backup', true, null, 14400],
    ]);
    expect(entries[0]?.schemaVersion).toBe('0003_talk_training_flag');
    expect(entries[1]?.schemaVersion).toBe(MIGRATIONS.profile.at(-1)?.id);
    expect(entries[1]?.createdAt).toBe('2026-11-25T09:00:00+00:00');
    expect(entries.every((e) => typeof e.bytes === 'number' && e.bytes > 0)).toBe(true);
  });

  it('reads copies named as earlier versions named them (`profile-profile-…`), in one order with today\'s, and restores them', async () => {
    const [snapshot, second, first] = (await threeCopies()) as [string, string, string];
    // Today's names drop the repeated scope; an earlier version's copies keep theirs.
    expect([snapshot, second, first].every((name) => name.startsWith('profile-') && !name.startsWith('profile-profile-'))).toBe(true);
    const earlier = (name: string): string => name.replace(/^profile-/, 'profile-profile-');
    for (const name of [snapshot, first]) {
      renameSync(join(backups(), name), join(backups(), earlier(name)));
      renameSync(join(backups(), `${name}.json`), join(backups(), `${earlier(name)}.json`));
    }
    const entries = listBackups(path(), 'profile');
    expect(entries.map((e) => [e.file, e.kind, e.verified])).toEqual([
      [earlier(snapshot), 'pre-migration', true],
      [second, 'backup', true],
      [earlier(first), 'backup', true],
    ]);
    const restored = restoreBackup(path(), 'profile', earlier(first));
    restored.db.close();
    expect(restored).toMatchObject({ restoredFrom: earlier(first), kind: 'backup', verified: true });
  });

  it('lists as unverified a copy without manifest, with a changed byte, or cut short', async () => {
    const [snapshot, second, first] = await threeCopies();
    rmSync(join(backups(), `${snapshot}.json`));
    const fd = openSync(join(backups(), second as string), 'r+');
    writeSync(fd, Buffer.from([0x42]), 0, 1, 5000);
    closeSync(fd);
    appendFileSync(join(backups(), first as string), Buffer.alloc(10));
    const entries = listBackups(path(), 'profile');
    expect(entries.map((e) => [e.file, e.verified, e.problem])).toEqual([
      [snapshot, false, 'manifest-missing'],
      [second, false, 'sha256-mismatch'],
      [first, false, 'size-mismatch'],
    ]);
    // Without a manifest the time comes from the name.
    expect(entries[0]?.createdAt).toBe('2026-11-25T10:00:00+00:00');
    // Comparing sizes only does not see the changed byte.
    expect(listBackups(path(), 'profile', { checkContent: false }).map((e) => e.problem)).toEqual(['manifest-missing', null, 'size-mismatch']);
  });

  it('lists as unverified a copy whose manifest is unreadable or describes another kind or scope', async () => {
    const [snapshot, second, first] = await threeCopies();
    writeFileSync(join(backups(), `${snapshot}.json`), '{not json');
    const manifest = JSON.parse(readFileSync(join(backups(), `${second}.json`), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(backups(), `${second}.json`), JSON.stringify({ ...manifest, scope: 'global' }));
    writeFileSync(join(backups(), `${first}.json`), JSON.stringify({ ...manifest, verified: false }));
    expect(listBackups(path(), 'profile').map((e) => e.problem)).toEqual(['manifest-unreadable', 'manifest-mismatch', 'manifest-mismatch']);
  });

  it('ignores other stems and scopes, partial copies and other files; no folder means no backups', async () => {
    expect(listBackups(path(), 'profile')).toEqual([]);
    writeFileSync(backups(), 'a file where the folder would be');
    expect(listBackups(path(), 'profile')).toEqual([]);
    rmSync(backups());
    mkdirSync(backups());
    for (const file of [
      'global-backup-20261125T080000Z.db',
      'profile-global-backup-20261125T080000Z.db',
      'profile-backup-20261125T080000Z.db.partial',
      'profile-backup-2026.db',
      'profile-backup-20261125T080000Z.db.json',
      'notes.txt',
    ]) {
      writeFileSync(join(backups(), file), 'x');
    }
    expect(listBackups(path(), 'profile')).toEqual([]);
  });
});
