import { DomainError, trimUnicodeWhiteSpace } from '@lepupitre/db-core';
import type { TranscriptV1 } from '../../types';
import { FeedbackErrorCode } from '../errors';

/** A run whose transcript gives no usable end time is analysed as ten minutes of speech. */
export const DEFAULT_RUN_ESTIMATED_SEC = 600;

/**
 * The text the analyser reads (§1.2): segments in stored order, each trimmed of White_Space,
 * blank ones dropped, joined by one space. Whitespace inside a segment (a spoken `\n`) is kept.
 * Nothing left → `transcript_empty`.
 */
export function transcriptText(transcript: TranscriptV1): string {
  const pieces: string[] = [];
  for (const segment of transcript.segments) {
    const piece = trimUnicodeWhiteSpace(segment.text);
    if (piece !== '') pieces.push(piece);
  }
  if (pieces.length === 0) throw new DomainError(FeedbackErrorCode.TRANSCRIPT_EMPTY);
  return pieces.join(' ');
}

/** The transcript's duration helper: the largest segment end, or null without segments. */
export function transcriptMaxEndMs(transcript: TranscriptV1): number | null {
  let max: number | null = null;
  for (const segment of transcript.segments) {
    if (max === null || segment.t_end_ms > max) max = segment.t_end_ms;
  }
  return max;
}

/**
 * A run's speaking time: its last segment end in whole seconds, rounded up, or 600 s when there
 * is none or it is not positive. The transcript's own `duration_ms` is not used (quirk 6).
 */
export function runEstimatedSec(transcript: TranscriptV1): number {
  const maxEndMs = transcriptMaxEndMs(transcript);
  return maxEndMs !== null && maxEndMs > 0 ? Math.ceil(maxEndMs / 1000) : DEFAULT_RUN_ESTIMATED_SEC;
}
