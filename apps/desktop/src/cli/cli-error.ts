import { LepupitreError } from '@lepupitre/domain-primitives';

/** Error codes raised by the operator CLI itself; database failures keep db-core's codes. */
export const CliErrorCode = {
  /** Wrong command line: unknown option or command, missing argument, conflicting options. */
  USAGE: 'CLI_USAGE',
  /** `--scope` names no known database scope. */
  INVALID_SCOPE: 'CLI_INVALID_SCOPE',
  /** `--file` names a file that does not exist, so its scope cannot be detected. */
  SCOPE_REQUIRED: 'CLI_SCOPE_REQUIRED',
  /** `--file` names a database whose tables match no scope, or both. */
  SCOPE_UNDETECTED: 'CLI_SCOPE_UNDETECTED',
  /** The data directory does not exist. */
  DATA_DIR_NOT_FOUND: 'CLI_DATA_DIR_NOT_FOUND',
  /** The data directory path (or its `profiles` folder) is not a directory. */
  DATA_DIR_NOT_A_DIRECTORY: 'CLI_DATA_DIR_NOT_A_DIRECTORY',
  /** The data directory or its `profiles` folder cannot be read (permissions). */
  DATA_DIR_UNREADABLE: 'CLI_DATA_DIR_UNREADABLE',
  /** No data directory was given and the platform's app-data folder cannot be determined. */
  DATA_DIR_UNKNOWN: 'CLI_DATA_DIR_UNKNOWN',
  /** The folder that should hold a new database file does not exist. */
  PARENT_DIR_NOT_FOUND: 'CLI_PARENT_DIR_NOT_FOUND',
  /** `--profile` names no folder under the data directory's `profiles`. */
  PROFILE_NOT_FOUND: 'CLI_PROFILE_NOT_FOUND',
  /** Anything unexpected; the details are never shown. */
  INTERNAL: 'CLI_INTERNAL',
} as const;

export type CliErrorCode = (typeof CliErrorCode)[keyof typeof CliErrorCode];

/** Codes that mean "the command line was wrong": exit code 2 instead of 1. */
const USAGE_CODES: ReadonlySet<string> = new Set([CliErrorCode.USAGE, CliErrorCode.INVALID_SCOPE, CliErrorCode.SCOPE_REQUIRED]);

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

export class CliError extends LepupitreError {
  readonly code: CliErrorCode;

  constructor(code: CliErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

export function exitCodeFor(code: string): number {
  return USAGE_CODES.has(code) ? EXIT_USAGE : EXIT_FAILURE;
}
