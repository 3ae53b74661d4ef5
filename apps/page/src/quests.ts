/**
 * The quest side of the app as the host's router answers it (docs/ipc-commands.md, quests and
 * coach): snake_case keys, every key present, null where a value is missing.
 */
export interface Quest {
  code: string;
  title: string;
  category: string;
  estimated_sec: number;
  prompt: string;
  output_type: string;
  targets_issues: string[];
}

export interface DailyQuest {
  quest: Quest;
  why: string;
  due_boss_run: boolean;
}

export interface AttemptSummary {
  id: string;
  quest_code: string;
  quest_title: string;
  output_type: string;
  created_at: string;
  has_audio: boolean;
  has_transcript: boolean;
  has_feedback: boolean;
  feedback_id: string | null;
}

export interface ReportItem {
  quest_code: string;
  quest_title: string;
  quest_prompt: string;
  output_type: string;
  category: string;
  estimated_sec: number;
  attempt_id: string | null;
  attempt_created_at: string | null;
  has_audio: boolean;
  has_transcript: boolean;
  has_feedback: boolean;
  feedback_id: string | null;
}

export interface ProgressSnapshot {
  project_id: string;
  attempts_total: number;
  feedback_ready_total: number;
  streak_days: number;
  weekly_target: number;
  weekly_completed: number;
  credits: number;
  next_milestone: number;
  last_attempt_at: string | null;
}

export interface MascotMessage {
  id: string;
  kind: string;
  title: string;
  body: string;
  cta_label: string | null;
  cta_route: string | null;
}

/** The quest a coach link such as `/quest/FREE?projectId=…` points to, if it points to one. */
export function questCodeOfRoute(route: string | null): string | null {
  const match = route === null ? null : /^\/quest\/([^/?#]+)/.exec(route);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}
