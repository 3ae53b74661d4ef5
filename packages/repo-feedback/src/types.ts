import type { ProfileSchema, Selectable } from '@lepupitre/db-core';

/** Row types of the feedback context, derived from the generated schema: a column rename breaks the build. */
export type AutoFeedbackRow = Selectable<ProfileSchema['auto_feedback']>;
export type FeedbackNoteRow = Selectable<ProfileSchema['feedback_notes']>;

/*
 * Wire shapes below are the previous UI's: snake_case fields in the previous app's order,
 * nullable fields present as `null`, never omitted.
 */

/** What an auto feedback is about. The previous app wrote only these two subject types. */
export type FeedbackSubjectType = 'run' | 'quest_attempt';

/** One recommendation; the analyser produces at most two, with fixed English strings. */
export interface FeedbackAction {
  readonly action_id: string;
  readonly title: string;
  readonly why_it_matters: string;
  readonly how_to_fix: string;
  readonly target_quest_codes: readonly string[];
}

/** A timestamped remark. The format has room for them; the analyser never writes one. */
export interface FeedbackComment {
  readonly t_start_ms: number;
  readonly t_end_ms: number;
  readonly severity: string;
  readonly label: string;
  /** Any JSON value; `null` when the file had none. */
  readonly evidence: unknown;
  readonly suggestion: string;
}

export interface FeedbackMetrics {
  readonly wpm: number;
  readonly filler_per_min: number;
  /** An integer. */
  readonly pause_count: number;
  readonly avg_sentence_words: number;
  readonly repeat_terms: readonly string[];
  readonly jargon_terms: readonly string[];
  readonly density_score: number;
}

/** The feedback document (`schema_version` 1.0.0), stored as a `feedback` artifact. */
export interface FeedbackV1 {
  readonly schema_version: string;
  /** An integer, 0..90 for analyser output. */
  readonly overall_score: number;
  readonly top_actions: readonly FeedbackAction[];
  readonly comments: readonly FeedbackComment[];
  readonly metrics: FeedbackMetrics;
}

/** What the analyser reads: the text, and the speaking time it assumes, in whole seconds. */
export interface AnalysisInput {
  readonly text: string;
  readonly estimatedSec: number;
}

/** Which input an attempt's feedback was computed from (recorded in the artifact metadata). */
export type AttemptFeedbackSource = 'text' | 'transcript';

/** An attempt's analysis input, with the source it came from. */
export interface AttemptAnalysisInput extends AnalysisInput {
  readonly source: AttemptFeedbackSource;
}

/** The columns of a quest attempt (and its quest) that decide its analysis input. */
export interface AttemptAnalysisSource {
  readonly outputText: string | null;
  readonly transcriptId: string | null;
  /** `quests.estimated_sec` of the attempt's quest, used even for audio attempts (docs/compatibility.md#feedback-6). */
  readonly estimatedSec: number;
}

/** The subject an auto feedback is recorded for. */
export type AutoFeedbackSubject =
  | { readonly subjectType: 'run'; readonly subjectId: string }
  | { readonly subjectType: 'quest_attempt'; readonly subjectId: string; readonly source: AttemptFeedbackSource };

export type RecordAutoFeedbackInput = AutoFeedbackSubject & AnalysisInput;

/** What recording an auto feedback wrote. */
export interface RecordedAutoFeedback {
  readonly feedbackId: string;
  readonly artifactId: string;
  readonly overallScore: number;
  readonly createdAt: string;
}

/** An injectable clock, for tests: RFC 3339 UTC with `+00:00`, as `utcNow()` writes. */
export interface ClockOption {
  readonly now?: () => string;
}

/** Arguments of the timeline, as the command receives them (both may be absent or `null`). */
export interface FeedbackTimelineQuery {
  readonly projectId?: string | null;
  readonly limit?: number | null;
}

/** One timeline entry (`feedback_timeline_list`). */
export interface FeedbackTimelineItem {
  readonly id: string;
  readonly created_at: string;
  readonly overall_score: number;
  readonly subject_type: FeedbackSubjectType;
  readonly project_id: string;
  readonly quest_code: string | null;
  readonly quest_title: string | null;
  readonly run_id: string | null;
  readonly note_updated_at: string | null;
}

/** Where a feedback belongs (`feedback_context_get`). */
export interface FeedbackContext {
  readonly subject_type: FeedbackSubjectType;
  readonly subject_id: string;
  readonly project_id: string;
  readonly quest_code: string | null;
  readonly quest_title: string | null;
  readonly run_id: string | null;
}
