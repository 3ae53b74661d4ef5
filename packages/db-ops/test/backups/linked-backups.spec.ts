import { existsSync, mkdirSync, readdirSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { backupDatabaseFile, listBackups, recoverDatabase, restoreBackup } from '../../src';
import { DbErrorCode } from '@lepupitre/db-core';
import { useTempDir } from '@lepupitre/fixtures';
import { addTalks, createProfile, databaseFiles, talkTitles } from './support/backup-fixtures';
import { overwritePage, pageOf, seeded } from '../recovery/corruption-fixtures';

/**
 * Links planted in the folders the app reads backups from and moves files into are never
 * followed: a backup is a regular file in `backups/`, and `replaced/` and `corrupted/` are
 * folders of their own, never a way out of the data folder.
 */
describe('links in backups/, replaced/ and corrupted/', () => {
  const dir = useTempDir();
  const profileDir = (): string => join(dir(), 'profile');
  const path = (): string => join(profileDir(), 'profile.db');
  const backups = (): string => join(profileDir(), 'backups');

  /** A real backup moved out of the folder, and a link in its place under its name (manifest too). */
  async function linkedBackup(): Promise<string> {
    createProfile(path(), 2);
    const { file } = await backupDatabaseFile(path(), 'profile', { now: () => new Date('2026-11-24T00:00:00Z') });
    addTalks(path(), 2, 1);
    const elsewhere = join(dir(), 'elsewhere');
    mkdirSync(elsewhere);
    for (const name of [file, `${file}.json`]) {
      renameSync(join(backups(), name), join(elsewhere, name));
      symlinkSync(join(elsewhere, name), join(backups(), name));
    }
    return file;
  }

  it('a linked backup is not listed, and not restored even with force', async () => {
    const file = await linkedBackup();
    expect(listBackups(path(), 'profile').map((b) => b.file)).toEqual([]);
    const before = databaseFiles(path());
    expect(() => restoreBackup(path(), 'profile', file, { force: true })).toThrow(expect.objectContaining({ code: DbErrorCode.BACKUP_NOT_FOUND }));
    expect(databaseFiles(path())).toEqual(before);
    expect(talkTitles(path())).toEqual(['Talk 0', 'Talk 1', 'Talk 2']);
  });

  it('a linked replaced/ folder: the restore refuses before anything moves out of the data folder', async () => {
    createProfile(path(), 2);
    const { file } = await backupDatabaseFile(path(), 'profile', { now: () => new Date('2026-11-24T00:00:00Z') });
    addTalks(path(), 2, 1);
    const outside = join(dir(), 'outside');
    mkdirSync(outside);
    symlinkSync(outside, join(profileDir(), 'replaced'));
    const before = databaseFiles(path());

    expect(() => restoreBackup(path(), 'profile', file)).toThrow(expect.objectContaining({ code: DbErrorCode.RESTORE_FAILED }));
    expect(databaseFiles(path())).toEqual(before);
    expect(readdirSync(outside)).toEqual([]);
  });

  it('a linked corrupted/ folder: recovery moves nothing out of the data folder', () => {
    createProfile(path(), 40);
    overwritePage(path(), pageOf(path(), 'talk_projects', 'leaf', true), seeded(3));
    const outside = join(dir(), 'outside');
    mkdirSync(outside);
    symlinkSync(outside, join(profileDir(), 'corrupted'));
    writeFileSync(join(outside, 'keep'), 'x');

    expect(() => recoverDatabase(path(), 'profile')).toThrow();
    expect(readdirSync(outside)).toEqual(['keep']);
    expect(existsSync(path())).toBe(true);
  });
});
