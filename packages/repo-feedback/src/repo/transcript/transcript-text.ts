import { transcriptEndMs, type TranscriptV1 } from '@lepupitre/domain-primitives';

/** A run whose transcript gives no usable end time is analysed as ten minutes of speech. */
export const DEFAULT_RUN_ESTIMATED_SEC = 600;

/**
 * A run's speaking time: its last segment end in whole seconds, rounded up, or 600 s when there
 * is none or it is not positive. The transcript's own `duration_ms` is not used (docs/compatibility.md#feedback-6).
 */
export function runEstimatedSec(transcript: TranscriptV1): number {
  const maxEndMs = transcriptEndMs(transcript);
  return maxEndMs !== null && maxEndMs > 0 ? Math.ceil(maxEndMs / 1000) : DEFAULT_RUN_ESTIMATED_SEC;
}
