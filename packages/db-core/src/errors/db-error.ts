import type { DbErrorCode } from './db-error-codes';
import { LepupitreError } from '@lepupitre/domain-primitives';

/** Metadata that is safe to expose next to a code: ids, counts, setting names. Never paths. */
export type DbErrorDetails = Readonly<Record<string, string | number | boolean | readonly string[]>>;

export class DbError extends LepupitreError {
  readonly code: DbErrorCode;
  readonly details: DbErrorDetails;

  constructor(code: DbErrorCode, message: string, options?: { details?: DbErrorDetails; cause?: unknown }) {
    super(message, { cause: options?.cause });
    this.code = code;
    this.details = options?.details ?? {};
  }
}

export function isDbError(error: unknown, code?: DbErrorCode): error is DbError {
  return error instanceof DbError && (code === undefined || error.code === code);
}
