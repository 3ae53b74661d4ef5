import { ArtifactErrorCode } from '@lepupitre/db-core';
import { TranscriptErrorCode } from '@lepupitre/domain-primitives';

/**
 * The feedback context's error codes. Codes the previous app returned are kept verbatim.
 * Where it returned `<prefix>: Query returned no rows`, the code is the product's existing
 * `<thing>_not_found` for that thing (the note flow already used `feedback_not_found`, the
 * artifact store, the talk and quest contexts use `artifact_not_found`, `run_not_found`,
 * `attempt_not_found`). Unreadable files keep the artifact store's codes
 * (`artifact_read_failed`, `artifact_path_not_allowed`). Driver failures (busy, corrupt, disk
 * full) leave as db-core's `DB_*` errors, which the command layer must still tell apart.
 */
export const FeedbackErrorCode = {
  /** No `auto_feedback` row has this id (was `feedback_lookup: …` in get/context). */
  FEEDBACK_NOT_FOUND: 'feedback_not_found',
  /** No artifact row has this id (was `artifact_lookup: …`); the artifact store's code. */
  ARTIFACT_NOT_FOUND: ArtifactErrorCode.NOT_FOUND,
  /** Previous app's code: the feedback's artifact is not of type `feedback`. */
  ARTIFACT_NOT_FEEDBACK: 'artifact_not_feedback',
  /** Previous app's code: the transcript id names an artifact that is not a transcript. */
  ARTIFACT_NOT_TRANSCRIPT: 'artifact_not_transcript',
  /** The feedback file is not a FeedbackV1 document (was `feedback_parse: …`). */
  FEEDBACK_PARSE_FAILED: 'feedback_parse_failed',
  /** The transcript file is not a TranscriptV1 document (was `transcript_parse: …`). */
  TRANSCRIPT_PARSE_FAILED: TranscriptErrorCode.PARSE_FAILED,
  /** Previous app's code: every transcript segment is blank. */
  TRANSCRIPT_EMPTY: TranscriptErrorCode.EMPTY,
  /** Previous app's code: a run without a transcript cannot be analysed. */
  RUN_MISSING_TRANSCRIPT: 'run_missing_transcript',
  /** Previous app's code: an attempt with neither text nor transcript cannot be analysed. */
  ATTEMPT_MISSING_TEXT: 'attempt_missing_text',
  /** A feedback's attempt, or its quest, is gone (was `attempt_lookup: …`). */
  ATTEMPT_NOT_FOUND: 'attempt_not_found',
  /** A feedback's run is gone (was `run_lookup: …`). */
  RUN_NOT_FOUND: 'run_not_found',
  /** Previous app's code: a feedback whose subject type is neither `run` nor `quest_attempt`. */
  FEEDBACK_SUBJECT_NOT_SUPPORTED: 'feedback_subject_not_supported',
  /** Previous app's code: the timeline's project filter names no project. */
  PROJECT_NOT_FOUND: 'project_not_found',
  /** The timeline limit is not a whole number (the previous app's IPC layer refused it). */
  TIMELINE_LIMIT_INVALID: 'feedback_timeline_limit_invalid',
  /** The analyser's duration is not a whole number of seconds (the previous app read an i64). */
  ANALYSIS_DURATION_INVALID: 'analysis_duration_invalid',
} as const;

export type FeedbackErrorCode = (typeof FeedbackErrorCode)[keyof typeof FeedbackErrorCode];
