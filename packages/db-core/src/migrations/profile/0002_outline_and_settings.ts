import { defineMigration } from '../migration';

/** The oldest builds had neither outlines nor profile settings. */
export default defineMigration({
  id: '0002_outline_and_settings',
  scope: 'profile',
  summary: 'talk outlines and profile settings on files that predate them',
  steps: [
    {
      sql: `
        CREATE TABLE IF NOT EXISTS talk_outlines (project_id TEXT PRIMARY KEY, outline_md TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS profile_settings (key TEXT PRIMARY KEY, value_json TEXT NOT NULL);`,
    },
  ],
});
