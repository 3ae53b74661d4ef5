import { chmodSync, mkdirSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../src';
import { useTempDir } from '@lepupitre/fixtures';
import { UNGUARDED } from './support/test-safeguards';

/** Mode bits including sticky, setuid and setgid: `/tmp` is 1777, and that must survive. */
const modeOf = (path: string): number => statSync(path).mode & 0o7777;

/** The folders the app keeps in a profile's folder. */
const APP_FOLDERS = ['backups', 'corrupted', 'replaced', 'artifacts', 'orphaned'];

(process.platform === 'win32' ? describe.skip : describe)('folder modes: who owns a folder decides whether an open changes it', () => {
  const dir = useTempDir();

  it.each([
    ['1777', 0o1777],
    ['755', 0o755],
  ])('leaves a folder the user gave (mode %s) as it is, creating the database in it owner-only', (_, mode) => {
    const given = join(dir(), 'given');
    mkdirSync(given);
    chmodSync(given, mode);
    openDatabase(join(given, 'global.db'), 'global', { safeguards: UNGUARDED }).db.close();
    openDatabase(join(given, 'other.db'), 'profile', { safeguards: UNGUARDED, folderOwner: 'user' }).db.close();
    expect(modeOf(given)).toBe(mode);
    expect(modeOf(join(given, 'global.db'))).toBe(0o600);
  });

  it('creates a missing folder and its missing parents owner-only, never touching the parent that exists', () => {
    chmodSync(dir(), 0o755);
    openDatabase(join(dir(), 'first', 'start', 'global.db'), 'global', { safeguards: UNGUARDED }).db.close();
    expect(modeOf(join(dir(), 'first'))).toBe(0o700);
    expect(modeOf(join(dir(), 'first', 'start'))).toBe(0o700);
    expect(modeOf(dir())).toBe(0o755);
  });

  it("tightens a profile's own folder the previous app left 0755, and the app's folders in it, never the data folder above", () => {
    chmodSync(dir(), 0o1777);
    const profile = join(dir(), 'profiles', 'prof_1');
    const path = join(profile, 'profile.db');
    openDatabase(path, 'profile', { safeguards: UNGUARDED, folderOwner: 'app' }).db.close();
    expect(modeOf(profile)).toBe(0o700);
    for (const name of APP_FOLDERS) mkdirSync(join(profile, name), { mode: 0o755 });
    chmodSync(profile, 0o755);

    openDatabase(path, 'profile', { safeguards: UNGUARDED, folderOwner: 'app' }).db.close();

    expect(modeOf(profile)).toBe(0o700);
    expect(Object.fromEntries(APP_FOLDERS.map((name) => [name, modeOf(join(profile, name)).toString(8)]))).toEqual(
      Object.fromEntries(APP_FOLDERS.map((name) => [name, '700'])),
    );
    expect(modeOf(dir())).toBe(0o1777);
  });

  it("never follows a link in place of an app folder to re-permission what it points to", () => {
    const elsewhere = join(dir(), 'elsewhere');
    mkdirSync(elsewhere, { mode: 0o755 });
    chmodSync(elsewhere, 0o755);
    const profile = join(dir(), 'profiles', 'prof_1');
    mkdirSync(profile, { recursive: true });
    symlinkSync(elsewhere, join(profile, 'backups'));
    openDatabase(join(profile, 'profile.db'), 'profile', { safeguards: UNGUARDED, folderOwner: 'app' }).db.close();
    expect(modeOf(elsewhere)).toBe(0o755);
    expect(modeOf(profile)).toBe(0o700);
  });
});
