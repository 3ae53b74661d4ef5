/** FeedbackV1 as `feedback_get` answers it. */
export interface FeedbackAction {
  action_id: string;
  title: string;
  why_it_matters: string;
  how_to_fix: string;
  target_quest_codes: string[];
}

/** A timestamped remark; the format has room for them, the analyser writes none yet. */
export interface FeedbackComment {
  t_start_ms: number;
  t_end_ms: number;
  severity: string;
  label: string;
  evidence: unknown;
  suggestion: string;
}

/** What the analyser measured; `jargon_terms` and `density_score` may be absent in older files. */
export interface FeedbackMetrics {
  wpm: number;
  filler_per_min: number;
  pause_count: number;
  avg_sentence_words: number;
  repeat_terms: string[];
  jargon_terms?: string[] | null;
  density_score?: number | null;
}

export interface Feedback {
  schema_version: string;
  overall_score: number;
  top_actions: FeedbackAction[];
  comments: FeedbackComment[];
  metrics: FeedbackMetrics;
}

export interface RunSummary {
  id: string;
  project_id: string;
  created_at: string;
  audio_artifact_id: string | null;
  transcript_id: string | null;
  feedback_id: string | null;
  /** Set when the run has no recording: its pace is this estimate, not a measure. */
  estimated_pace_wpm: number | null;
}

/** One entry of `feedback_timeline_list`: a feedback, what it is about, and whether it has a note. */
export interface TimelineEntry {
  id: string;
  created_at: string;
  overall_score: number;
  subject_type: 'run' | 'quest_attempt';
  project_id: string;
  quest_code: string | null;
  quest_title: string | null;
  run_id: string | null;
  note_updated_at: string | null;
}

/** The part of a `quest_list` entry the feedback shows: recommended quests are named by title. */
export interface QuestSummary {
  code: string;
  title: string;
}
