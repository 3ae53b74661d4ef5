import { defineMigration } from '../migration';

/**
 * Old builds made a run's audio mandatory; a take that has not finished has none. The rebuild
 * follows SQLite's procedure (new table, copy by column name, drop, rename) and runs only when
 * the column is still NOT NULL.
 */
export default defineMigration({
  id: '0005_runs_audio_nullable',
  scope: 'profile',
  summary: 'runs may exist before their audio',
  rebuildsTables: true,
  steps: [
    {
      when: { kind: 'columnNotNull', table: 'runs', column: 'audio_artifact_id' },
      sql: `
        CREATE TABLE runs_new (id TEXT PRIMARY KEY, project_id TEXT NOT NULL, created_at TEXT NOT NULL, audio_artifact_id TEXT, transcript_id TEXT, feedback_id TEXT);
        INSERT INTO runs_new (id, project_id, created_at, audio_artifact_id, transcript_id, feedback_id)
          SELECT id, project_id, created_at, audio_artifact_id, transcript_id, feedback_id FROM runs;
        DROP TABLE runs;
        ALTER TABLE runs_new RENAME TO runs;
        CREATE INDEX IF NOT EXISTS idx_runs_project_time ON runs(project_id, created_at);`,
    },
  ],
});
