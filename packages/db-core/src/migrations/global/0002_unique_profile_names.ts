import { defineMigration } from '../migration';

/**
 * Holds in the schema what the previous app only checked before inserting (two instances
 * could both pass the check): profile names are unique, exactly and case-sensitively as the
 * previous check compared them, and at most one profile is active.
 *
 * Existing data converges deterministically, and no profile is dropped:
 * - duplicate names: the oldest profile (creation time, then insertion order) keeps the name;
 *   each later one becomes `<name> (<n>)`, n counting from 2 in that order; should a suffixed
 *   name collide with a name a user chose, the user's name stays and the renamed profile gets
 *   its id appended instead;
 * - several active profiles: the one opened last (then created last) stays active. A file with
 *   no active profile keeps none: the UI then picks none, as before.
 */
export default defineMigration({
  id: '0002_unique_profile_names',
  scope: 'global',
  summary: 'unique profile names and at most one active profile',
  steps: [
    {
      sql: `
        CREATE TEMP TABLE profile_name_rank AS
          SELECT id, ROW_NUMBER() OVER (PARTITION BY name ORDER BY created_at, rowid) AS n FROM profiles;
        UPDATE profiles
           SET name = name || ' (' || (SELECT r.n FROM temp.profile_name_rank r WHERE r.id = profiles.id) || ')'
         WHERE id IN (SELECT id FROM temp.profile_name_rank WHERE n > 1);
        CREATE TEMP TABLE profile_name_clash AS
          SELECT id, ROW_NUMBER() OVER (
                   PARTITION BY name
                   ORDER BY id IN (SELECT id FROM temp.profile_name_rank WHERE n > 1), created_at, rowid) AS n
            FROM profiles;
        UPDATE profiles SET name = name || ' ' || id
         WHERE id IN (SELECT id FROM temp.profile_name_clash WHERE n > 1);
        DROP TABLE temp.profile_name_clash;
        DROP TABLE temp.profile_name_rank;
        CREATE UNIQUE INDEX idx_profiles_name ON profiles(name);`,
    },
    {
      sql: `
        UPDATE profiles SET is_active = 0
         WHERE is_active = 1
           AND id <> (SELECT id FROM profiles WHERE is_active = 1
                       ORDER BY last_opened_at DESC, created_at DESC, rowid DESC LIMIT 1);
        CREATE UNIQUE INDEX idx_profiles_one_active ON profiles(is_active) WHERE is_active = 1;`,
    },
  ],
});
