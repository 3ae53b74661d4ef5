import { compactUtcStamp, utcNow } from '@lepupitre/domain-primitives';
import type { ClockOptions } from '../types';

export function clockOf(options: ClockOptions | undefined): () => string {
  return options?.now ?? utcNow;
}

/**
 * `YYYYMMDDTHHMMSSZ` (db-core's `compactUtcStamp`) from a standard timestamp
 * (`YYYY-MM-DDTHH:MM:SS[.fff]+00:00`): file-name stamps come from the same clock as the rows so
 * tests can pin both.
 */
export function compactStamp(timestamp: string): string {
  const instant = new Date(timestamp);
  if (Number.isNaN(instant.getTime())) throw new RangeError('not a timestamp');
  return compactUtcStamp(instant);
}
