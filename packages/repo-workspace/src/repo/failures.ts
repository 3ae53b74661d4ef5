import { isDbError } from '@lepupitre/db-core';

/*
 * Driver failures are never renamed here: a statement that fails leaves as db-core's `DbError`
 * (`DB_BUSY`, `DB_CORRUPT`, `DB_DISK_FULL`, ...), whose code tells the command layer what can
 * be done. Only domain outcomes, such as a unique race below, become this context's codes.
 */

/** A write refused by a UNIQUE index (as opposed to the primary key or another constraint). */
export function isUniqueViolation(error: unknown): boolean {
  return isDbError(error) && error.details['sqliteCode'] === 'SQLITE_CONSTRAINT_UNIQUE';
}

/**
 * Records on the surfacing error that the undo of a half-done flow failed too, the way db-core
 * records failed compensations, without replacing the error that explains what went wrong.
 */
export function attachCleanupError(error: unknown, cleanupError: unknown): void {
  if (typeof error !== 'object' || error === null) return;
  Object.defineProperty(error, 'cleanupError', { value: cleanupError, enumerable: false, configurable: true });
}
