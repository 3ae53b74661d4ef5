import { defineMigration } from '../migration';

/** Profiles by creation time: the list order and the fallback after deleting the active one. */
export default defineMigration({
  id: '0003_profile_indexes',
  scope: 'global',
  summary: 'profiles by creation time',
  steps: [{ sql: 'CREATE INDEX IF NOT EXISTS idx_profiles_created_at ON profiles(created_at)' }],
});
