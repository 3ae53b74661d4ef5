import { DbError, DbErrorCode } from '@lepupitre/db-core';
import { APP_IDENTIFIER } from '../src/app-identifier';
import { CliError, CliErrorCode } from '../src/cli/cli-error';
import { closestName } from '../src/cli/closest-name';
import { defaultDataDir, resolveDataDir, type HostEnvironment } from '../src/cli/data-dir';
import { wantsJson } from '../src/cli/program';
import { toSafeError } from '../src/cli/safe-error';

function host(overrides: Partial<HostEnvironment>): HostEnvironment {
  return { env: {}, platform: 'linux', cwd: '/work', home: '/home/ada', ...overrides };
}

describe('data directory resolution', () => {
  it('uses --data-dir first, then LEPUPITRE_DATA_DIR, relative to the working directory', () => {
    const env = { LEPUPITRE_DATA_DIR: 'from-env' };
    expect(resolveDataDir('given', host({ env }))).toBe('/work/given');
    expect(resolveDataDir(undefined, host({ env }))).toBe('/work/from-env');
    expect(resolveDataDir(undefined, host({ env: { LEPUPITRE_DATA_DIR: '/abs' } }))).toBe('/abs');
    expect(resolveDataDir(undefined, host({ env: { LEPUPITRE_DATA_DIR: '  ' } }))).toBe(`/home/ada/.local/share/${APP_IDENTIFIER}`);
  });

  it('falls back to the platform app-data folder for the app identifier', () => {
    expect(APP_IDENTIFIER).toBe('app.lepupitre.desktop');
    expect(defaultDataDir(host({}))).toBe('/home/ada/.local/share/app.lepupitre.desktop');
    expect(defaultDataDir(host({ env: { XDG_DATA_HOME: '/xdg' } }))).toBe('/xdg/app.lepupitre.desktop');
    expect(defaultDataDir(host({ env: { XDG_DATA_HOME: 'relative' } }))).toBe('/home/ada/.local/share/app.lepupitre.desktop');
    expect(defaultDataDir(host({ platform: 'darwin' }))).toBe('/home/ada/Library/Application Support/app.lepupitre.desktop');
    expect(defaultDataDir(host({ platform: 'win32', home: 'C:\\Users\\ada', env: { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' } }))).toBe(
      'C:\\Users\\ada\\AppData\\Roaming\\app.lepupitre.desktop',
    );
    expect(defaultDataDir(host({ platform: 'win32', home: 'C:\\Users\\ada' }))).toBe('C:\\Users\\ada\\AppData\\Roaming\\app.lepupitre.desktop');
  });

  it('raises a typed error when no folder can be determined', () => {
    expect(() => defaultDataDir(host({ home: null }))).toThrow(expect.objectContaining({ code: CliErrorCode.DATA_DIR_UNKNOWN }));
  });
});

describe('safe errors', () => {
  it('keeps the code and message of typed errors', () => {
    expect(toSafeError(new DbError(DbErrorCode.NEWER_THAN_APP, 'newer'))).toEqual({ code: 'DB_NEWER_THAN_APP', message: 'newer' });
    expect(toSafeError(new CliError(CliErrorCode.USAGE, 'bad'))).toEqual({ code: 'CLI_USAGE', message: 'bad' });
  });

  it('hides anything else behind CLI_INTERNAL', () => {
    const leaky = new Error("ENOENT: no such file or directory, open '/home/ada/secret.db'");
    const safe = toSafeError(leaky);
    expect(safe.code).toBe('CLI_INTERNAL');
    expect(JSON.stringify(safe)).not.toContain('/home/ada');
    expect(toSafeError('a string')).toEqual(safe);
  });
});

describe('--json detection', () => {
  it('looks at the options before a -- terminator only', () => {
    expect(wantsJson(['db', 'status', '--json'])).toBe(true);
    expect(wantsJson(['--json', 'db'])).toBe(true);
    expect(wantsJson(['db', 'status'])).toBe(false);
    expect(wantsJson(['db', '--', '--json'])).toBe(false);
  });
});

describe('closest name', () => {
  const names = ['status', 'restore', 'recover', 'backup', 'backups', 'profile_create', 'profile_list'];

  it('suggests the one name a few edits away: a typo, a missing letter, swapped letters, another case', () => {
    expect(closestName('stauts', names)).toBe('status');
    expect(closestName('restor', names)).toBe('restore');
    expect(closestName('profile_creat', names)).toBe('profile_create');
    expect(closestName('PROFILE_LIST', names)).toBe('profile_list');
    expect(closestName('bakcup', names)).toBe('backup');
  });

  it('prefers the nearest name, then the first listed', () => {
    expect(closestName('backupz', names)).toBe('backup');
    expect(closestName('recovre', ['recovery', 'recover'])).toBe('recover');
    expect(closestName('ab', ['ax', 'ay'])).toBe('ax');
  });

  it('suggests nothing when no name is close enough for the length of what was typed', () => {
    expect(closestName('frobnicate', names)).toBeNull();
    expect(closestName('profile_frobnicate', names)).toBeNull();
    expect(closestName('st', names)).toBeNull();
    expect(closestName('', names)).toBeNull();
    expect(closestName('status', [])).toBeNull();
  });
});
