import { DATABASE_SCOPES, DbErrorCode, type DatabaseScope } from '@lepupitre/db-core';
import { readDatabaseStatus } from '@lepupitre/db-ops';
import { statSync } from 'node:fs';
import { CliError, CliErrorCode } from './cli-error';

/**
 * The scope of an existing database file, from its tables: `profiles` marks a global database,
 * `talk_projects` a profile database. Reads only. A directory or a file that is not a database
 * raises db-core's own error; a missing file or a file that matches no scope (or both) cannot
 * be decided and needs `--scope`.
 */
export function detectScope(path: string): DatabaseScope {
  if (!exists(path)) {
    throw new CliError(CliErrorCode.SCOPE_REQUIRED, 'the file does not exist, so its scope cannot be detected; pass --scope global|profile');
  }
  const matching = DATABASE_SCOPES.filter((scope) => {
    const { continuity } = readDatabaseStatus(path, scope);
    return continuity.ok || continuity.code !== DbErrorCode.SCOPE_MISMATCH;
  });
  const [only] = matching;
  if (matching.length !== 1 || only === undefined) {
    throw new CliError(
      CliErrorCode.SCOPE_UNDETECTED,
      'the scope of the file cannot be detected from its tables; pass --scope global|profile',
    );
  }
  return only;
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    // Anything else (permissions, a file where a folder should be) is for db-core to report.
    return true;
  }
}
