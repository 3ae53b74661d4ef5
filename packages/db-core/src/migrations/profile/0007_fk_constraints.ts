import { defineMigration } from '../migration';

/**
 * Foreign keys on the eight tables that reference others, after normalising the orphans that
 * years without constraints left behind, in the order and with the effect of the previous
 * app (deleted or nulled per table). Tables are rebuilt by SQLite's procedure, copying columns
 * by name (older files hold `talk_number` and `is_training` in either order) and restoring the
 * canonical column order. The runner turns foreign keys off around it and checks them before
 * commit: unlike the previous app, a failed check rolls the whole migration back.
 *
 * The first step makes `runs.audio_artifact_id` nullable when it still is NOT NULL, before the
 * normalization sets dangling audio ids to NULL: the previous app's `runs` rebuild silently gave
 * up on a lock and 0005 was recorded anyway, so a tracked file can reach 0007 with the old shape.
 */
export default defineMigration({
  id: '0007_fk_constraints',
  scope: 'profile',
  summary: 'orphans normalised, foreign keys on eight tables',
  rebuildsTables: true,
  steps: [
    {
      when: { kind: 'columnNotNull', table: 'runs', column: 'audio_artifact_id' },
      sql: `
        CREATE TABLE runs_new (id TEXT PRIMARY KEY, project_id TEXT NOT NULL, created_at TEXT NOT NULL, audio_artifact_id TEXT, transcript_id TEXT, feedback_id TEXT);
        INSERT INTO runs_new (id, project_id, created_at, audio_artifact_id, transcript_id, feedback_id)
          SELECT id, project_id, created_at, audio_artifact_id, transcript_id, feedback_id FROM runs;
        DROP TABLE runs;
        ALTER TABLE runs_new RENAME TO runs;`,
    },
    {
      sql: `
        UPDATE active_state SET active_project_id = NULL
         WHERE active_project_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM talk_projects r WHERE r.id = active_state.active_project_id);
        DELETE FROM talk_outlines WHERE NOT EXISTS (SELECT 1 FROM talk_projects r WHERE r.id = talk_outlines.project_id);
        DELETE FROM auto_feedback WHERE NOT EXISTS (SELECT 1 FROM artifacts r WHERE r.id = auto_feedback.feedback_json_artifact_id);
        UPDATE quest_attempts SET feedback_id = NULL
         WHERE feedback_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM auto_feedback r WHERE r.id = quest_attempts.feedback_id);
        UPDATE runs SET feedback_id = NULL
         WHERE feedback_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM auto_feedback r WHERE r.id = runs.feedback_id);
        UPDATE quest_attempts SET audio_artifact_id = NULL
         WHERE audio_artifact_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM artifacts r WHERE r.id = quest_attempts.audio_artifact_id);
        UPDATE quest_attempts SET transcript_id = NULL
         WHERE transcript_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM artifacts r WHERE r.id = quest_attempts.transcript_id);
        UPDATE runs SET audio_artifact_id = NULL
         WHERE audio_artifact_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM artifacts r WHERE r.id = runs.audio_artifact_id);
        UPDATE runs SET transcript_id = NULL
         WHERE transcript_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM artifacts r WHERE r.id = runs.transcript_id);
        DELETE FROM feedback_notes WHERE NOT EXISTS (SELECT 1 FROM auto_feedback r WHERE r.id = feedback_notes.feedback_id);
        DELETE FROM quest_attempts
         WHERE NOT EXISTS (SELECT 1 FROM talk_projects r WHERE r.id = quest_attempts.project_id) OR NOT EXISTS (SELECT 1 FROM quests r WHERE r.code = quest_attempts.quest_code);
        DELETE FROM runs WHERE NOT EXISTS (SELECT 1 FROM talk_projects r WHERE r.id = runs.project_id);
        DELETE FROM peer_reviews
         WHERE NOT EXISTS (SELECT 1 FROM runs r WHERE r.id = peer_reviews.run_id) OR NOT EXISTS (SELECT 1 FROM artifacts r WHERE r.id = peer_reviews.review_json_artifact_id);`,
    },
    {
      sql: `
        CREATE TABLE talk_projects_new (id TEXT PRIMARY KEY, title TEXT NOT NULL, audience TEXT, goal TEXT, duration_target_sec INTEGER, talk_number INTEGER, stage TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, is_training INTEGER NOT NULL DEFAULT 0);
        INSERT INTO talk_projects_new (id, title, audience, goal, duration_target_sec, talk_number, stage, created_at, updated_at, is_training)
          SELECT id, title, audience, goal, duration_target_sec, talk_number, stage, created_at, updated_at, COALESCE(is_training, 0) FROM talk_projects;
        DROP TABLE talk_projects;
        ALTER TABLE talk_projects_new RENAME TO talk_projects;`,
    },
    {
      sql: `
        CREATE TABLE auto_feedback_new (id TEXT PRIMARY KEY, subject_type TEXT NOT NULL, subject_id TEXT NOT NULL, created_at TEXT NOT NULL, feedback_json_artifact_id TEXT NOT NULL, overall_score INTEGER NOT NULL, FOREIGN KEY(feedback_json_artifact_id) REFERENCES artifacts(id) ON DELETE RESTRICT ON UPDATE CASCADE);
        INSERT INTO auto_feedback_new (id, subject_type, subject_id, created_at, feedback_json_artifact_id, overall_score)
          SELECT id, subject_type, subject_id, created_at, feedback_json_artifact_id, overall_score FROM auto_feedback;
        DROP TABLE auto_feedback;
        ALTER TABLE auto_feedback_new RENAME TO auto_feedback;`,
    },
    {
      sql: `
        CREATE TABLE quest_attempts_new (id TEXT PRIMARY KEY, project_id TEXT NOT NULL, quest_code TEXT NOT NULL, created_at TEXT NOT NULL, output_text TEXT, audio_artifact_id TEXT, transcript_id TEXT, feedback_id TEXT, FOREIGN KEY(project_id) REFERENCES "talk_projects"(id) ON DELETE CASCADE ON UPDATE CASCADE, FOREIGN KEY(quest_code) REFERENCES quests(code) ON DELETE RESTRICT ON UPDATE CASCADE, FOREIGN KEY(audio_artifact_id) REFERENCES artifacts(id) ON DELETE SET NULL ON UPDATE CASCADE, FOREIGN KEY(transcript_id) REFERENCES artifacts(id) ON DELETE SET NULL ON UPDATE CASCADE, FOREIGN KEY(feedback_id) REFERENCES "auto_feedback"(id) ON DELETE SET NULL ON UPDATE CASCADE);
        INSERT INTO quest_attempts_new (id, project_id, quest_code, created_at, output_text, audio_artifact_id, transcript_id, feedback_id)
          SELECT id, project_id, quest_code, created_at, output_text, audio_artifact_id, transcript_id, feedback_id FROM quest_attempts;
        DROP TABLE quest_attempts;
        ALTER TABLE quest_attempts_new RENAME TO quest_attempts;`,
    },
    {
      sql: `
        CREATE TABLE runs_new (id TEXT PRIMARY KEY, project_id TEXT NOT NULL, created_at TEXT NOT NULL, audio_artifact_id TEXT, transcript_id TEXT, feedback_id TEXT, FOREIGN KEY(project_id) REFERENCES "talk_projects"(id) ON DELETE CASCADE ON UPDATE CASCADE, FOREIGN KEY(audio_artifact_id) REFERENCES artifacts(id) ON DELETE SET NULL ON UPDATE CASCADE, FOREIGN KEY(transcript_id) REFERENCES artifacts(id) ON DELETE SET NULL ON UPDATE CASCADE, FOREIGN KEY(feedback_id) REFERENCES "auto_feedback"(id) ON DELETE SET NULL ON UPDATE CASCADE);
        INSERT INTO runs_new (id, project_id, created_at, audio_artifact_id, transcript_id, feedback_id)
          SELECT id, project_id, created_at, audio_artifact_id, transcript_id, feedback_id FROM runs;
        DROP TABLE runs;
        ALTER TABLE runs_new RENAME TO runs;`,
    },
    {
      sql: `
        CREATE TABLE feedback_notes_new (feedback_id TEXT PRIMARY KEY, note_text TEXT NOT NULL, updated_at TEXT NOT NULL, FOREIGN KEY(feedback_id) REFERENCES "auto_feedback"(id) ON DELETE CASCADE ON UPDATE CASCADE);
        INSERT INTO feedback_notes_new (feedback_id, note_text, updated_at)
          SELECT feedback_id, note_text, updated_at FROM feedback_notes;
        DROP TABLE feedback_notes;
        ALTER TABLE feedback_notes_new RENAME TO feedback_notes;`,
    },
    {
      sql: `
        CREATE TABLE peer_reviews_new (id TEXT PRIMARY KEY, run_id TEXT NOT NULL, created_at TEXT NOT NULL, reviewer_tag TEXT, review_json_artifact_id TEXT NOT NULL, FOREIGN KEY(run_id) REFERENCES "runs"(id) ON DELETE CASCADE ON UPDATE CASCADE, FOREIGN KEY(review_json_artifact_id) REFERENCES artifacts(id) ON DELETE RESTRICT ON UPDATE CASCADE);
        INSERT INTO peer_reviews_new (id, run_id, created_at, reviewer_tag, review_json_artifact_id)
          SELECT id, run_id, created_at, reviewer_tag, review_json_artifact_id FROM peer_reviews;
        DROP TABLE peer_reviews;
        ALTER TABLE peer_reviews_new RENAME TO peer_reviews;`,
    },
    {
      sql: `
        CREATE TABLE active_state_new (id INTEGER PRIMARY KEY CHECK (id = 1), active_project_id TEXT, FOREIGN KEY(active_project_id) REFERENCES "talk_projects"(id) ON DELETE SET NULL ON UPDATE CASCADE);
        INSERT INTO active_state_new (id, active_project_id)
          SELECT id, active_project_id FROM active_state;
        DROP TABLE active_state;
        ALTER TABLE active_state_new RENAME TO active_state;`,
    },
    {
      sql: `
        CREATE TABLE talk_outlines_new (project_id TEXT PRIMARY KEY, outline_md TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, FOREIGN KEY(project_id) REFERENCES "talk_projects"(id) ON DELETE CASCADE ON UPDATE CASCADE);
        INSERT INTO talk_outlines_new (project_id, outline_md, created_at, updated_at)
          SELECT project_id, outline_md, created_at, updated_at FROM talk_outlines;
        DROP TABLE talk_outlines;
        ALTER TABLE talk_outlines_new RENAME TO talk_outlines;`,
    },
    {
      sql: `
        CREATE INDEX IF NOT EXISTS idx_attempts_project_time ON quest_attempts(project_id, created_at);
        CREATE INDEX IF NOT EXISTS idx_runs_project_time ON runs(project_id, created_at);
        CREATE INDEX IF NOT EXISTS idx_artifacts_sha ON artifacts(sha256);
        CREATE UNIQUE INDEX IF NOT EXISTS idx_talk_projects_one_training ON talk_projects(is_training) WHERE is_training = 1;`,
    },
  ],
});
