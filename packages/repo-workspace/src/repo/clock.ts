import { utcNow } from '@lepupitre/db-core';
import type { ClockOptions } from '../types';

export function clockOf(options: ClockOptions | undefined): () => string {
  return options?.now ?? utcNow;
}

/**
 * `YYYYMMDDTHHMMSSZ` from a standard timestamp (`YYYY-MM-DDTHH:MM:SS[.fff]+00:00`): the compact
 * form of file-name stamps, taken from the same clock as the rows so tests can pin both.
 */
export function compactStamp(timestamp: string): string {
  const instant = new Date(timestamp);
  if (Number.isNaN(instant.getTime())) throw new RangeError('not a timestamp');
  return instant.toISOString().slice(0, 19).replace(/[-:]/g, '') + 'Z';
}
