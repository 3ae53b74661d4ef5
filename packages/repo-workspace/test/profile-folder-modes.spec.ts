import type { DatabaseHandle } from '@lepupitre/db-core';
import { chmodSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createProfile, getProfilePreference, listProfiles, switchProfile } from '../src';
import { tickingClock } from './support/clock';
import { openGlobalDatabase } from './support/global-database';
import { useTempDir } from './support/temp-dir';

/** Mode bits including sticky, setuid and setgid: a data folder on `/tmp` is 1777. */
const modeOf = (path: string): number => statSync(path).mode & 0o7777;

/**
 * The data folder is the user's: its mode is never changed. `profiles/` and each
 * `profiles/<id>/` are the app's: created owner-only, and a profile folder the previous app left
 * `0755` is tightened the next time its database is opened.
 */
(process.platform === 'win32' ? describe.skip : describe)('profile folder modes', () => {
  const dir = useTempDir();

  it.each([
    ['1777', 0o1777],
    ['755', 0o755],
  ])('keeps a data folder of mode %s as it is through the global open and a profile creation', (_, mode) => {
    const dataDir = join(dir(), 'data');
    mkdirSync(dataDir);
    chmodSync(dataDir, mode);
    const db = openGlobalDatabase(dataDir);
    try {
      const id = createProfile(db, dataDir, 'Ada', { now: tickingClock() });
      expect(modeOf(dataDir)).toBe(mode);
      expect(modeOf(join(dataDir, 'profiles'))).toBe(0o700);
      expect(modeOf(join(dataDir, 'profiles', id))).toBe(0o700);
    } finally {
      db.close();
    }
  });

  const opens: [string, (db: DatabaseHandle, dataDir: string, id: string) => unknown][] = [
    ['switch', (db, dataDir, id) => switchProfile(db, dataDir, id, { now: tickingClock() })],
    ['a profile preference', (db, dataDir, id) => getProfilePreference(db, dataDir, id, 'theme')],
    ['the list', (db, dataDir) => listProfiles(db, dataDir)],
  ];

  it.each(opens)('tightens a profile folder the previous app left 0755 at its next open (%s)', (_, open) => {
    const dataDir = dir();
    chmodSync(dataDir, 0o755);
    const db = openGlobalDatabase(dataDir);
    try {
      const id = createProfile(db, dataDir, 'Ada', { now: tickingClock() });
      const folder = join(dataDir, 'profiles', id);
      mkdirSync(join(folder, 'backups'), { mode: 0o755 });
      chmodSync(join(folder, 'backups'), 0o755);
      chmodSync(folder, 0o755);
      open(db, dataDir, id);
      expect(modeOf(folder)).toBe(0o700);
      expect(modeOf(join(folder, 'backups'))).toBe(0o700);
      expect(modeOf(dataDir)).toBe(0o755);
    } finally {
      db.close();
    }
  });
});
