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
 * - several active profiles: the one opened last (then created last) stays active, a profile
 *   with an id before one without. A file with no active profile keeps none: the UI then picks
 *   none, as before.
 *
 * Rows are told apart by rowid, not by id: SQLite lets a TEXT PRIMARY KEY hold NULL, and a
 * legacy row without an id is ranked and renamed like any other (its clash suffix is its
 * rowid). It stays the user's row, but no command can address it and the list skips it, so it
 * keeps the active flag only when no profile with an id holds one.
 *
 * Corrected text: the first shipped text matched rows by id, so such a row was never renamed
 * nor deactivated and a unique index failed; on every file the first text upgraded, both give
 * the same result (docs/migrations.md, "Correcting a shipped migration").
 */
export default defineMigration({
  id: '0002_unique_profile_names',
  scope: 'global',
  summary: 'unique profile names and at most one active profile',
  earlierChecksums: ['sha256:fc7d048f8ad9e104128c1aa6cc3336e848b00b7b075a9eece792f457d000132c'],
  steps: [
    {
      sql: `
        CREATE TEMP TABLE profile_name_rank AS
          SELECT rowid AS rid, ROW_NUMBER() OVER (PARTITION BY name ORDER BY created_at, rowid) AS n FROM profiles;
        UPDATE profiles
           SET name = name || ' (' || (SELECT r.n FROM temp.profile_name_rank r WHERE r.rid = profiles.rowid) || ')'
         WHERE rowid IN (SELECT rid FROM temp.profile_name_rank WHERE n > 1);
        CREATE TEMP TABLE profile_name_clash AS
          SELECT rowid AS rid, ROW_NUMBER() OVER (
                   PARTITION BY name
                   ORDER BY rowid IN (SELECT rid FROM temp.profile_name_rank WHERE n > 1), created_at, rowid) AS n
            FROM profiles;
        UPDATE profiles SET name = name || ' ' || COALESCE(id, rowid)
         WHERE rowid IN (SELECT rid FROM temp.profile_name_clash WHERE n > 1);
        DROP TABLE temp.profile_name_clash;
        DROP TABLE temp.profile_name_rank;
        CREATE UNIQUE INDEX idx_profiles_name ON profiles(name);`,
    },
    {
      sql: `
        UPDATE profiles SET is_active = 0
         WHERE is_active = 1
           AND rowid <> (SELECT rowid FROM profiles WHERE is_active = 1
                          ORDER BY id IS NULL, last_opened_at DESC, created_at DESC, rowid DESC LIMIT 1);
        CREATE UNIQUE INDEX idx_profiles_one_active ON profiles(is_active) WHERE is_active = 1;`,
    },
  ],
});
