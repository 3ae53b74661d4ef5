import { defineMigration } from '../migration';

export default defineMigration({
  id: '0001_init',
  scope: 'global',
  summary: 'profiles and global settings',
  steps: [
    {
      sql: `
        CREATE TABLE IF NOT EXISTS profiles (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          created_at TEXT NOT NULL,
          last_opened_at TEXT,
          is_active INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE IF NOT EXISTS global_settings (
          key TEXT PRIMARY KEY,
          value_json TEXT NOT NULL
        );`,
    },
  ],
});
