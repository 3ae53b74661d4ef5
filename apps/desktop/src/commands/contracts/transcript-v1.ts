import { z } from 'zod';
import { Text } from '../wire-schemas';

/**
 * TranscriptV1 as the UI validates it after `transcript_get`: stricter than what a stored file
 * may hold (at least one segment, non-empty texts). The repository leaves blank segments out and
 * answers `transcript_empty` when none is left; anything else outside this shape (a file written
 * by another tool) fails the response check rather than reaching a UI that would refuse it.
 */
export const TranscriptSegmentV1 = z.object({
  t_start_ms: z.number().int().nonnegative(),
  t_end_ms: z.number().int().nonnegative(),
  text: Text,
  confidence: z.number().min(0).max(1).nullish(),
});

export const TranscriptV1 = z.object({
  // The UI's literal `"1.0.0"`, checked as a refinement: the repository types it as a string.
  schema_version: z.string().refine((version) => version === '1.0.0', 'expected schema version 1.0.0'),
  language: z.string().min(2),
  model_id: Text.nullish(),
  duration_ms: z.number().int().nonnegative().nullish(),
  segments: z.array(TranscriptSegmentV1).min(1),
});

/** `{ transcriptId }`: the new transcript artifact of an edit or an import. */
export const TranscriptIdResponse = z.object({ transcriptId: Text });
