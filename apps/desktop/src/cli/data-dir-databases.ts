import { readProfileNames } from '@lepupitre/db-ops';
import { printableText } from '@lepupitre/domain-primitives';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { CliError, CliErrorCode } from './cli-error';
import type { DatabaseTarget } from './database-target-type';

export const GLOBAL_DB_FILE = 'global.db';
export const PROFILES_DIR = 'profiles';
export const PROFILE_DB_FILE = 'profile.db';

/**
 * The databases of a data directory: `global.db` (listed even when absent: the app creates it
 * at start) and every existing `profiles/<id>/profile.db`, in id order. Labels are paths
 * relative to the data directory, with `/` on every platform; a profile's folder name is
 * anything the folder holds, so it is shown printable (`printableText`). Profile databases carry
 * their profile's name from the global database, so that output can show who a `prof_…` is.
 */
export function listDataDirDatabases(dataDir: string): DatabaseTarget[] {
  const globalPath = path.join(dataDir, GLOBAL_DB_FILE);
  const targets: DatabaseTarget[] = [{ label: GLOBAL_DB_FILE, path: globalPath, scope: 'global' }];
  const ids = profileIds(path.join(dataDir, PROFILES_DIR));
  // Names only when there are profiles to name: a read of the global database, never a write.
  const names = ids.length > 0 ? readProfileNames(globalPath) : new Map<string, string>();
  for (const id of ids) targets.push(profileDatabaseTarget(dataDir, id, names));
  return targets;
}

/**
 * The database of one profile folder of a data directory, named by `names` (from
 * `readProfileNames`, read once for the whole listing; read here when not given).
 */
export function profileDatabaseTarget(dataDir: string, id: string, names: ReadonlyMap<string, string> = readProfileNames(path.join(dataDir, GLOBAL_DB_FILE))): DatabaseTarget {
  return {
    label: `${PROFILES_DIR}/${printableText(id)}/${PROFILE_DB_FILE}`,
    path: path.join(dataDir, PROFILES_DIR, id, PROFILE_DB_FILE),
    scope: 'profile',
    profileName: names.get(id) ?? null,
  };
}

function profileIds(profilesDir: string): string[] {
  let isDirectory: boolean;
  let ids: string[];
  try {
    isDirectory = statSync(profilesDir).isDirectory();
    ids = isDirectory ? readdirSync(profilesDir) : [];
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new CliError(CliErrorCode.DATA_DIR_UNREADABLE, `the "${PROFILES_DIR}" folder of the data directory cannot be read`, { cause: error });
  }
  if (!isDirectory) {
    throw new CliError(CliErrorCode.DATA_DIR_NOT_A_DIRECTORY, `the "${PROFILES_DIR}" entry of the data directory is not a directory`);
  }
  return ids.filter((id) => existsSync(path.join(profilesDir, id, PROFILE_DB_FILE))).sort();
}
