import { defineMigration } from '../migration';

export default defineMigration({
  id: '0003_talk_training_flag',
  scope: 'profile',
  summary: 'training flag on talks, at most one training talk',
  steps: [
    {
      when: { kind: 'columnMissing', table: 'talk_projects', column: 'is_training' },
      sql: 'ALTER TABLE talk_projects ADD COLUMN is_training INTEGER NOT NULL DEFAULT 0',
    },
    {
      sql: 'CREATE UNIQUE INDEX IF NOT EXISTS idx_talk_projects_one_training ON talk_projects(is_training) WHERE is_training = 1',
    },
  ],
});
