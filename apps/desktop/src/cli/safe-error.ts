import { isLepupitreError } from '@lepupitre/domain-primitives';
import { CliErrorCode } from './cli-error';

/** The only error shape the CLI prints: a stable code and a message free of paths and SQL. */
export interface SafeError {
  readonly code: string;
  readonly message: string;
}

/**
 * Typed platform errors carry a safe message by contract. Anything else may quote a path, SQL
 * or a stack, so it is replaced by a generic internal error.
 */
export function toSafeError(error: unknown): SafeError {
  if (isLepupitreError(error)) return error.toJSON();
  return { code: CliErrorCode.INTERNAL, message: 'an unexpected internal error occurred' };
}
