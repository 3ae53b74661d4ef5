import { formatUtcTimestamp } from '@lepupitre/domain-primitives';

/** A clock that moves one second per reading, so creation order is visible in the rows. */
export function tickingClock(startMs = Date.UTC(2026, 2, 1, 10, 0, 0)): () => string {
  let at = startMs;
  return () => {
    at += 1_000;
    return formatUtcTimestamp(new Date(at));
  };
}

export function fixedClock(timestamp: string): () => string {
  return () => timestamp;
}
