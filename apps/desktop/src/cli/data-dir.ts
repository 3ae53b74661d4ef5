import { homedir } from 'node:os';
import path from 'node:path';
import { APP_IDENTIFIER } from '../app-identifier';
import { CliError, CliErrorCode } from './cli-error';

/** Environment variable that overrides the platform's app-data folder. */
export const DATA_DIR_ENV = 'LEPUPITRE_DATA_DIR';

export interface HostEnvironment {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: NodeJS.Platform;
  readonly cwd: string;
  /** The user's home folder, or null when it cannot be determined. */
  readonly home: string | null;
}

export function currentHost(): HostEnvironment {
  let home: string | null;
  try {
    home = homedir() || null;
  } catch {
    home = null;
  }
  return { env: process.env, platform: process.platform, cwd: process.cwd(), home };
}

/**
 * The data directory, in order: `--data-dir`, `LEPUPITRE_DATA_DIR`, then the platform's
 * app-data folder for the app identifier. Relative paths are taken from the working directory.
 */
export function resolveDataDir(option: string | undefined, host: HostEnvironment): string {
  const given = nonEmpty(option) ?? nonEmpty(host.env[DATA_DIR_ENV]);
  if (given) return path.resolve(host.cwd, given);
  return defaultDataDir(host);
}

/**
 * Linux and other Unixes: `$XDG_DATA_HOME` (when absolute) or `~/.local/share`; macOS:
 * `~/Library/Application Support`; Windows: `%APPDATA%`. Then the identifier folder.
 */
export function defaultDataDir(host: HostEnvironment): string {
  const api = host.platform === 'win32' ? path.win32 : path.posix;
  const base = appDataBase(host, api);
  if (!base) {
    throw new CliError(CliErrorCode.DATA_DIR_UNKNOWN, `the app-data folder cannot be determined; pass --data-dir or set ${DATA_DIR_ENV}`);
  }
  return api.join(base, APP_IDENTIFIER);
}

function appDataBase(host: HostEnvironment, api: path.PlatformPath): string | null {
  switch (host.platform) {
    case 'win32': {
      const appData = nonEmpty(host.env['APPDATA']);
      if (appData && api.isAbsolute(appData)) return appData;
      return host.home ? api.join(host.home, 'AppData', 'Roaming') : null;
    }
    case 'darwin':
      return host.home ? api.join(host.home, 'Library', 'Application Support') : null;
    default: {
      const xdg = nonEmpty(host.env['XDG_DATA_HOME']);
      if (xdg && api.isAbsolute(xdg)) return xdg;
      return host.home ? api.join(host.home, '.local', 'share') : null;
    }
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value : undefined;
}
