import Database from 'better-sqlite3';
import { join } from 'node:path';
import { seedProfile, useTempDir } from '@lepupitre/fixtures';
import { backupDatabaseFile, restoreBackup } from '../../src';
import { addTalks, createProfile, talkTitles } from './support/backup-fixtures';

/**
 * A profile an older app version wrote with foreign keys off keeps rows that refer to missing
 * rows; the migrations keep them on purpose. Its backup is an exact copy: taken, verified,
 * restorable, with the count in its manifest, never refused for them.
 */
describe('a profile that holds foreign-key violations', () => {
  const dir = useTempDir();
  const path = (): string => join(dir(), 'profile', 'profile.db');

  function leaveDanglingRuns(count: number): void {
    const db = new Database(path());
    try {
      db.pragma('foreign_keys = OFF');
      seedProfile(db, (kit) => {
        for (let i = 0; i < count; i++) kit.newRun({ id: `run_${i.toString(16).padStart(32, '0')}`, project_id: 'proj_gone', created_at: '2026-02-01T00:00:00+00:00' });
      });
    } finally {
      db.close();
    }
  }

  it('is backed up with the count in its manifest, and the backup restores', async () => {
    createProfile(path(), 2);
    leaveDanglingRuns(3);
    const { file, manifest } = await backupDatabaseFile(path(), 'profile', { now: () => new Date('2026-11-24T00:00:00Z') });
    expect(manifest.foreignKeyViolations).toBe(3);

    addTalks(path(), 2, 1);
    const restored = restoreBackup(path(), 'profile', file);
    restored.db.close();
    expect(talkTitles(path())).toEqual(['Talk 0', 'Talk 1']);
  });
});
