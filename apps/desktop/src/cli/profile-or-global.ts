import type { Command } from 'commander';
import { statSync } from 'node:fs';
import path from 'node:path';
import { CliError, CliErrorCode } from './cli-error';
import { profileDatabaseTarget, PROFILES_DIR } from './data-dir-databases';
import type { HostEnvironment } from './data-dir';
import { addTargetOptions, selectTargets, type TargetOptions, type TargetSelection } from './database-target';

export interface ChosenTargetOptions extends TargetOptions {
  readonly profile?: string;
  readonly global?: boolean;
}

/**
 * A profile id as a folder name: the app's ids are `prof_<32 hex>`; anything with a path
 * separator, a dot or other punctuation could name a folder outside `profiles/` and is refused.
 */
const PROFILE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

/** `--data-dir`, `--file`, `--scope` plus `--profile ID` and `--global`, to choose one database of a data directory. */
export function addChosenTargetOptions(command: Command): Command {
  return addTargetOptions(command)
    .option('--profile <id>', 'only the database of this profile: profiles/<id>/profile.db')
    .option('--global', 'only global.db');
}

/**
 * The databases a command works on: `--file`, or in a data directory (which must exist) the
 * global database (`--global`), one profile's (`--profile ID`) or, unless `requireOne`, all.
 * Everything is validated before anything is read or written.
 */
export function selectChosenTargets(options: ChosenTargetOptions, host: HostEnvironment, requireOne: boolean): TargetSelection {
  const chooses = options.profile !== undefined || options.global === true;
  if (options.profile !== undefined && options.global === true) {
    throw new CliError(CliErrorCode.USAGE, '--profile and --global cannot be used together');
  }
  if (chooses && options.file !== undefined) {
    throw new CliError(CliErrorCode.USAGE, '--profile and --global choose a database of a data directory; they cannot be used with --file');
  }
  if (options.profile !== undefined && !PROFILE_ID.test(options.profile)) {
    throw new CliError(CliErrorCode.USAGE, '--profile takes a profile id: letters, digits, "_" and "-"');
  }
  if (requireOne && !chooses && options.file === undefined) {
    throw new CliError(CliErrorCode.USAGE, 'choose one database: --global, --profile ID or --file PATH');
  }
  const selection = selectTargets(options, 'status', host);
  if (selection.kind === 'file') return selection;
  if (options.global === true) return { ...selection, targets: selection.targets.filter((t) => t.scope === 'global') };
  if (options.profile !== undefined) {
    const folder = path.join(selection.location, PROFILES_DIR, options.profile);
    if (!isDirectory(folder)) throw new CliError(CliErrorCode.PROFILE_NOT_FOUND, 'the data directory has no profile with that id');
    return { ...selection, targets: [profileDatabaseTarget(selection.location, options.profile)] };
  }
  return selection;
}

function isDirectory(folder: string): boolean {
  try {
    return statSync(folder).isDirectory();
  } catch {
    return false;
  }
}
