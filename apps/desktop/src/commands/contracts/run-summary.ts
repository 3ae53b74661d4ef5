import { z } from 'zod';
import { Id, NullableText, Text } from '../wire-schemas';

/**
 * `RunSummary`: a rehearsal's links. Its state is which ids are set: audio once finished, a
 * transcript once transcribed, feedback once analysed.
 */
export const RunSummary = z.object({
  id: Id,
  project_id: Id,
  created_at: Text,
  audio_artifact_id: NullableText,
  transcript_id: NullableText,
  feedback_id: NullableText,
  /** New: the pace a run without a recording was estimated at (`rehearsal_save`), else null. */
  estimated_pace_wpm: z.number().int().positive().nullable(),
});
