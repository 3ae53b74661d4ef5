import type { ProfileSchema, Selectable } from '@lepupitre/db-core';

/** Row types of the talk context, derived from the generated schema: a column rename breaks the build. */
export type TalkProjectRow = Selectable<ProfileSchema['talk_projects']>;
export type TalkOutlineRow = Selectable<ProfileSchema['talk_outlines']>;
export type ActiveStateRow = Selectable<ProfileSchema['active_state']>;
export type RunRow = Selectable<ProfileSchema['runs']>;
export type ArtifactRow = Selectable<ProfileSchema['artifacts']>;

/**
 * The codes this context raises as `DomainError`s. Most are the previous app's vocabulary, kept
 * verbatim because the UI matches on it; the others replace its `<prefix>: <driver message>`
 * strings (docs/contexts/talk.md). Codes every context shares are db-core's
 * (`artifact_not_found`, `artifact_read_failed`, `transcript_parse_failed`, `transcript_empty`);
 * the WAV reader's (`wav_*`) are declared with the reader.
 */
export const TalkErrorCode = {
  PROJECT_NOT_FOUND: 'project_not_found',
  /** The training talk cannot become the active talk. */
  PROJECT_TRAINING_NOT_ACTIVATABLE: 'project_training_not_activatable',
  PROJECT_TITLE_REQUIRED: 'project_title_required',
  PROJECT_TITLE_TOO_LONG: 'project_title_too_long',
  PROJECT_STAGE_REQUIRED: 'project_stage_required',
  /** A target duration that is not a whole, positive number of seconds. */
  PROJECT_DURATION_INVALID: 'project_duration_invalid',
  RUN_NOT_FOUND: 'run_not_found',
  /** A run list limit that is not a whole number. */
  RUN_LIST_LIMIT_INVALID: 'run_list_limit_invalid',
  /** A link update on a run changed no row. */
  RUN_UPDATE_MISSING: 'run_update_missing',
  ARTIFACT_NOT_AUDIO: 'artifact_not_audio',
  ARTIFACT_NOT_TRANSCRIPT: 'artifact_not_transcript',
  /** An export format outside `txt`, `json`, `srt`, `vtt`. */
  TRANSCRIPT_FORMAT_INVALID: 'transcript_format_invalid',
  /** A run plays this audio: it cannot be deleted as a voice memo. */
  AUDIO_IN_USE: 'audio_in_use',
  /** A voice memo path that is not exactly one of this profile's audio artifacts. */
  PATH_NOT_ALLOWED: 'path_not_allowed',
  /** An audio larger than the page may receive whole (`readAudio`'s bound). */
  AUDIO_TOO_LARGE_TO_PLAY: 'audio_too_large_to_play',
  TRIM_RANGE_INVALID: 'trim_range_invalid',
  TRIM_SOURCE_EMPTY: 'trim_source_empty',
  TRIM_TOO_SHORT: 'trim_too_short',
  /** An export name that is not a plain id (a defence: ids come from the database). */
  EXPORT_PATH_NOT_ALLOWED: 'export_path_not_allowed',
  EXPORT_DIR_FAILED: 'export_dir_failed',
  EXPORT_WRITE_FAILED: 'export_write_failed',
} as const;
export type TalkErrorCode = (typeof TalkErrorCode)[keyof typeof TalkErrorCode];

/**
 * Shapes below are the wire shapes the UI already validates: snake_case fields, every key
 * present, absent values as `null`.
 */

/** A talk as `project_get_active` returns it. */
export interface ProjectSummary {
  readonly id: string;
  readonly title: string;
  readonly audience: string | null;
  readonly goal: string | null;
  readonly duration_target_sec: number | null;
  readonly talk_number: number | null;
  readonly stage: string;
  readonly created_at: string;
  readonly updated_at: string;
}

/** A talk as `project_list` returns it. */
export interface ProjectListItem extends ProjectSummary {
  readonly is_active: boolean;
}

/** `project_create` payload. Optional fields may be absent or null. */
export interface ProjectCreateInput {
  readonly title: string;
  readonly audience?: string | null;
  readonly goal?: string | null;
  readonly duration_target_sec?: number | null;
}

/** `project_update` payload. */
export interface ProjectUpdateInput extends ProjectCreateInput {
  readonly stage: string;
}

/** `outline_get`: `updated_at` is null while the outline was never saved (the default template). */
export interface OutlineView {
  readonly project_id: string;
  readonly markdown: string;
  readonly updated_at: string | null;
}

/** `export_outline`, `transcript_export`: the absolute path of the written file. */
export interface ExportedFile {
  readonly path: string;
}

export interface RunSummary {
  readonly id: string;
  readonly project_id: string;
  readonly created_at: string;
  readonly audio_artifact_id: string | null;
  readonly transcript_id: string | null;
  readonly feedback_id: string | null;
  /**
   * Set when the audio is not a recording but silence made from the transcript: the pace (words
   * per minute) the silence was made for, which is all the run's pace figures then say.
   */
  readonly estimated_pace_wpm: number | null;
}

/** What `run_analyze` needs to decide between returning existing feedback and computing it. */
export interface RunAnalysisLinks {
  readonly transcript_id: string | null;
  readonly feedback_id: string | null;
}

/** Options of every write: an injectable clock, so tests can order rows deterministically. */
export interface WriteOptions {
  /** RFC 3339 UTC with `+00:00`; defaults to db-core's `utcNow`. */
  readonly now?: () => string;
}

/** How a talk is created by a flow other than `project_create` (a peer-review import). */
export interface CreateProjectOptions extends WriteOptions {
  /** The first stage; `draft` unless given (an imported review starts at `peer_review`). */
  readonly stage?: string;
  /** Whether the new talk becomes the active one, as `project_create` makes it; default true. */
  readonly activate?: boolean;
}

/** The transcript document, shared by every context that reads transcript artifacts. */
export type { TranscriptSegment, TranscriptV1 } from '@lepupitre/domain-primitives';

export type TranscriptExportFormat = 'txt' | 'json' | 'srt' | 'vtt';

/** `transcript_edit_save` and the transcript import: the new transcript artifact. */
export interface SavedTranscript {
  readonly transcriptId: string;
}

/**
 * A transcript arriving from outside (there is no speech engine here): either a finished
 * TranscriptV1 document, or plain text that is split over the audio's duration.
 */
export type TranscriptImportInput =
  | { readonly kind: 'json'; readonly audioArtifactId: string; readonly document: unknown }
  /** A TranscriptV1 document still as text (a file or a wire field): text that is not JSON is `transcript_parse_failed`. */
  | { readonly kind: 'json-text'; readonly audioArtifactId: string; readonly json: string }
  | {
      readonly kind: 'text';
      readonly audioArtifactId: string;
      readonly text: string;
      /** `auto` | `en` | `fr`; anything else is `auto`, as the ASR settings were normalised. */
      readonly language?: string | null;
      /** Applies the spoken-punctuation rules (only for `en` and `fr`). */
      readonly spokenPunctuation?: boolean | null;
    };

/** The previous `recording_stop` response, which audio import and trim also return. */
export interface StoredAudio {
  readonly path: string;
  readonly artifactId: string;
  readonly bytes: number;
  readonly sha256: string;
  readonly durationMs: number;
}

export interface AudioTrimInput {
  readonly audioArtifactId: string;
  readonly startMs: number;
  readonly endMs: number;
}
