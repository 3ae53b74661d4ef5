/** FeedbackV1 as `feedback_get` answers it. */
export interface FeedbackAction {
  action_id: string;
  title: string;
  why_it_matters: string;
  how_to_fix: string;
  target_quest_codes: string[];
}

export interface Feedback {
  schema_version: string;
  overall_score: number;
  top_actions: FeedbackAction[];
  comments: unknown[];
  metrics: Record<string, unknown> & { wpm: number; filler_per_min: number };
}

export interface RunSummary {
  id: string;
  project_id: string;
  created_at: string;
  audio_artifact_id: string | null;
  transcript_id: string | null;
  feedback_id: string | null;
}
