import { defineMigration } from '../migration';

/**
 * Gives a name to every profile whose name is empty. The previous backend stored names
 * unchecked, and its UI (like this app's) refuses a profile list holding an empty name: one such
 * row kept the whole app from starting. By the time this runs, 0002 has made the second and
 * later empty names of a file ` (2)`, ` (3)`, ...: those are empty names too (the UI trims what
 * a person types, so no chosen name starts with a space) and are renamed with the first. A name
 * of spaces shows in the list, and the user can rename it.
 *
 * Deterministic, nothing dropped: in creation order (then insertion order) the first becomes
 * `Unnamed profile`, later ones `Unnamed profile (<n>)`, n counting from 2; should that name be
 * taken by another profile, the renamed one gets its id appended, as 0002 does. A legacy row
 * without an id is left as it is (no command can address it).
 */
export default defineMigration({
  id: '0004_name_blank_profiles',
  scope: 'global',
  summary: 'a name for every profile whose name is empty',
  steps: [
    {
      sql: `
        CREATE TEMP TABLE blank_profile_name AS
          SELECT id, CASE n WHEN 1 THEN 'Unnamed profile' ELSE 'Unnamed profile (' || n || ')' END AS name
            FROM (SELECT id, ROW_NUMBER() OVER (ORDER BY created_at, rowid) AS n
                    FROM profiles WHERE (name = '' OR name GLOB ' ([0-9]*)') AND id IS NOT NULL);
        UPDATE temp.blank_profile_name SET name = name || ' ' || id
         WHERE name IN (SELECT name FROM profiles);
        UPDATE profiles SET name = (SELECT b.name FROM temp.blank_profile_name b WHERE b.id = profiles.id)
         WHERE id IN (SELECT id FROM temp.blank_profile_name);
        DROP TABLE temp.blank_profile_name;`,
    },
  ],
});
