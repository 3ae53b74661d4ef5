import type { ProjectSummary, RunSummary, TalkProjectRow, RunRow } from '../types';

/** The talk columns the summary reads, which the talk queries select. */
export type ProjectSummaryRow = Pick<TalkProjectRow, keyof ProjectSummary>;

/** Rows to wire shapes. */
export function toProjectSummary(row: ProjectSummaryRow): ProjectSummary {
  return {
    id: row.id,
    title: row.title,
    audience: row.audience,
    goal: row.goal,
    duration_target_sec: row.duration_target_sec,
    talk_number: row.talk_number,
    stage: row.stage,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

export function toRunSummary(row: RunRow): RunSummary {
  return {
    id: row.id,
    project_id: row.project_id,
    created_at: row.created_at,
    audio_artifact_id: row.audio_artifact_id,
    transcript_id: row.transcript_id,
    feedback_id: row.feedback_id,
    estimated_pace_wpm: row.estimated_pace_wpm,
  };
}
