import type { ProfileSchema, Selectable } from '@lepupitre/db-core';

/** Row types of the quest context, derived from the generated schema: a column rename breaks the build. */
export type QuestRow = Selectable<ProfileSchema['quests']>;
export type QuestAttemptRow = Selectable<ProfileSchema['quest_attempts']>;

/**
 * Stable error codes of the quest context. The lowercase codes the previous app already had are
 * kept verbatim; the others replace its `<prefix>: <driver message>` strings (see
 * docs/contexts/quest.md).
 */
export const QuestErrorCode = {
  /** The catalogue is empty: the daily quest has nothing to offer. */
  NO_QUEST_SEEDED: 'no_quest_seeded',
  QUEST_NOT_FOUND: 'quest_not_found',
  /** A stored `targets_issues_json` is not a JSON array of strings. */
  TARGETS_PARSE: 'targets_parse',
  PROJECT_NOT_FOUND: 'project_not_found',
  /** Same code as the artifact store's own lookups. */
  ARTIFACT_NOT_FOUND: 'artifact_not_found',
  ARTIFACT_NOT_AUDIO: 'artifact_not_audio',
  ARTIFACT_NOT_TRANSCRIPT: 'artifact_not_transcript',
  ATTEMPT_NOT_FOUND: 'attempt_not_found',
  /** An attempt has neither text nor transcript to analyse. */
  ATTEMPT_MISSING_TEXT: 'attempt_missing_text',
  /** A link update on an attempt changed no row. */
  ATTEMPT_UPDATE_MISSING: 'attempt_update_missing',
  /** The feedback an attempt should point to does not exist. */
  FEEDBACK_NOT_FOUND: 'feedback_not_found',
  /** An audio an attempt plays cannot be deleted as a voice memo. */
  AUDIO_IN_USE: 'audio_in_use',
} as const;
export type QuestErrorCode = (typeof QuestErrorCode)[keyof typeof QuestErrorCode];

/** A catalogue entry in the wire shape the UI expects (`targets_issues` parsed from its JSON column). */
export interface Quest {
  readonly code: string;
  readonly title: string;
  readonly category: string;
  readonly estimated_sec: number;
  readonly prompt: string;
  readonly output_type: string;
  readonly targets_issues: readonly string[];
}

export interface QuestDaily {
  readonly quest: Quest;
  readonly why: string;
  readonly due_boss_run: boolean;
}

export interface QuestAttemptSummary {
  readonly id: string;
  readonly quest_code: string;
  readonly quest_title: string;
  readonly output_type: string;
  readonly created_at: string;
  readonly has_audio: boolean;
  readonly has_transcript: boolean;
  readonly has_feedback: boolean;
  readonly feedback_id: string | null;
}

/** One catalogue quest with the latest attempt of one project (nulls and `false` when none). */
export interface QuestReportItem {
  readonly quest_code: string;
  readonly quest_title: string;
  readonly quest_prompt: string;
  readonly output_type: string;
  readonly category: string;
  readonly estimated_sec: number;
  readonly attempt_id: string | null;
  readonly attempt_created_at: string | null;
  readonly has_audio: boolean;
  readonly has_transcript: boolean;
  readonly has_feedback: boolean;
  readonly feedback_id: string | null;
}

export interface SubmitTextInput {
  readonly projectId: string;
  readonly questCode: string;
  /** Stored verbatim: no trimming, no length limit. */
  readonly text: string;
}

export interface SubmitAudioInput {
  readonly projectId: string;
  readonly questCode: string;
  readonly audioArtifactId: string;
  /** `null` (or absent) never clears a transcript already stored on the attempt. */
  readonly transcriptId?: string | null;
}

export interface SubmitOptions {
  /** Clock for `created_at`; defaults to db-core's `utcNow`. */
  readonly now?: () => string;
}

/** What analysing an attempt needs from the quest context. */
export interface AttemptForAnalysis {
  readonly attempt_id: string;
  readonly project_id: string;
  readonly quest_code: string;
  /** The quest's nominal duration: the analyser's duration for attempts, even audio ones. */
  readonly estimated_sec: number;
  readonly output_text: string | null;
  readonly transcript_id: string | null;
  /** The feedback currently linked, if any (re-analysis re-points it). */
  readonly feedback_id: string | null;
}

/** Which input an analysis uses: the text when present (even empty), else the transcript. */
export type AttemptAnalysisInput =
  | { readonly source: 'text'; readonly text: string }
  | { readonly source: 'transcript'; readonly transcript_id: string };
