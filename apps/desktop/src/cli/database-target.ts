import { DATABASE_SCOPES, isDatabaseScope } from '@lepupitre/db-core';
import { printableText } from '@lepupitre/domain-primitives';
import type { Command } from 'commander';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { CliError, CliErrorCode } from './cli-error';
import { listDataDirDatabases } from './data-dir-databases';
import type { DatabaseTarget } from './database-target-type';
import { resolveDataDir, type HostEnvironment } from './data-dir';
import { detectScope } from './scope-detection';

/** The commands take a selection's targets from here, beside the selection that lists them. */
export type { DatabaseTarget };

export interface TargetOptions {
  readonly dataDir?: string;
  readonly file?: string;
  readonly scope?: string;
}

export interface TargetSelection {
  readonly kind: 'data-dir' | 'file';
  /** The data directory or the file, absolute: shown to a person, never in JSON or errors. */
  readonly location: string;
  readonly targets: readonly DatabaseTarget[];
}

/** What the command will do with the databases: `migrate` may create one, `status` never. */
export type TargetPurpose = 'migrate' | 'status';

export function addTargetOptions(command: Command): Command {
  return command
    .option('--data-dir <dir>', 'data directory: global.db and every profiles/<id>/profile.db (default: $LEPUPITRE_DATA_DIR, else the app-data folder)')
    .option('--file <path>', 'one database file instead of a data directory')
    .option('--scope <scope>', `scope of --file: ${DATABASE_SCOPES.join(' | ')} (detected from the file when it exists)`);
}

/** Validates the options and lists the databases, before anything is written. */
export function selectTargets(options: TargetOptions, purpose: TargetPurpose, host: HostEnvironment): TargetSelection {
  if (options.file !== undefined && options.dataDir !== undefined) {
    throw new CliError(CliErrorCode.USAGE, '--file and --data-dir cannot be used together');
  }
  if (options.scope !== undefined && options.file === undefined) {
    throw new CliError(CliErrorCode.USAGE, '--scope applies to --file only');
  }
  if (options.scope !== undefined && !isDatabaseScope(options.scope)) {
    throw new CliError(CliErrorCode.INVALID_SCOPE, `the scope must be one of: ${DATABASE_SCOPES.join(', ')}`);
  }
  return options.file !== undefined
    ? selectFile(options.file, options.scope, purpose, host)
    : selectDataDir(options.dataDir, purpose, host);
}

function selectFile(file: string, scopeOption: string | undefined, purpose: TargetPurpose, host: HostEnvironment): TargetSelection {
  if (file.trim() === '') throw new CliError(CliErrorCode.USAGE, '--file needs a path');
  const location = path.resolve(host.cwd, file);
  const scope = scopeOption !== undefined && isDatabaseScope(scopeOption) ? scopeOption : detectScope(location);
  if (purpose === 'migrate' && !existsSync(location) && !existsSync(path.dirname(location))) {
    throw new CliError(CliErrorCode.PARENT_DIR_NOT_FOUND, 'the folder that should hold the database does not exist');
  }
  return { kind: 'file', location, targets: [{ label: printableText(path.basename(location)), path: location, scope }] };
}

/**
 * `migrate` on a data directory that does not exist yet creates it (owner-only, with
 * global.db), as the app does at its first start; `status` reports it missing.
 */
function selectDataDir(option: string | undefined, purpose: TargetPurpose, host: HostEnvironment): TargetSelection {
  const location = resolveDataDir(option, host);
  let isDirectory: boolean;
  try {
    isDirectory = statSync(location).isDirectory();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      if (purpose === 'migrate') return { kind: 'data-dir', location, targets: listDataDirDatabases(location) };
      throw new CliError(CliErrorCode.DATA_DIR_NOT_FOUND, 'the data directory does not exist');
    }
    throw new CliError(CliErrorCode.DATA_DIR_UNREADABLE, 'the data directory cannot be read', { cause: error });
  }
  if (!isDirectory) throw new CliError(CliErrorCode.DATA_DIR_NOT_A_DIRECTORY, 'the data directory path is not a directory');
  return { kind: 'data-dir', location, targets: listDataDirDatabases(location) };
}
