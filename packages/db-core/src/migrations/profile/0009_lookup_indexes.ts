import { defineMigration } from '../migration';

/**
 * Indexes for the lookups the repositories make and for the foreign keys themselves.
 *
 * SQLite does not index the child side of a foreign key: deleting or re-keying a parent row
 * (an artifact, a feedback, a run) scans each child table to apply SET NULL, CASCADE or
 * RESTRICT. Each indexed column below is such a child key, or a lookup that would otherwise
 * scan a table that grows with every rehearsal:
 * - attempts by audio artifact (quest submissions de-duplicate by recording);
 * - non-training talks by update time (the talk list, the active-talk fallback), partial so
 *   that the next talk number still comes from the unique talk-number index;
 * - peer reviews by run (a talk's reviews; deleting a run);
 * - feedback by subject and by type and time (the timeline).
 */
export default defineMigration({
  id: '0009_lookup_indexes',
  scope: 'profile',
  summary: 'indexes on foreign-key children and hot lookups',
  steps: [
    {
      sql: `
        CREATE INDEX IF NOT EXISTS idx_attempts_audio_artifact ON quest_attempts(audio_artifact_id);
        CREATE INDEX IF NOT EXISTS idx_attempts_transcript ON quest_attempts(transcript_id);
        CREATE INDEX IF NOT EXISTS idx_attempts_feedback ON quest_attempts(feedback_id);
        CREATE INDEX IF NOT EXISTS idx_runs_audio_artifact ON runs(audio_artifact_id);
        CREATE INDEX IF NOT EXISTS idx_runs_transcript ON runs(transcript_id);
        CREATE INDEX IF NOT EXISTS idx_runs_feedback ON runs(feedback_id);
        CREATE INDEX IF NOT EXISTS idx_auto_feedback_artifact ON auto_feedback(feedback_json_artifact_id);
        CREATE INDEX IF NOT EXISTS idx_auto_feedback_subject ON auto_feedback(subject_id);
        CREATE INDEX IF NOT EXISTS idx_auto_feedback_type_time ON auto_feedback(subject_type, created_at, id);
        CREATE INDEX IF NOT EXISTS idx_peer_reviews_run ON peer_reviews(run_id);
        CREATE INDEX IF NOT EXISTS idx_peer_reviews_artifact ON peer_reviews(review_json_artifact_id);
        CREATE INDEX IF NOT EXISTS idx_talk_projects_recent ON talk_projects(updated_at, id) WHERE is_training = 0;`,
    },
  ],
});
