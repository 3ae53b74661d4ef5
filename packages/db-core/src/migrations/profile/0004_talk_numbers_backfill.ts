import { defineMigration } from '../migration';

/**
 * Talk numbers for talks that have none. Training talks are unnumbered; every other talk
 * whose number is NULL or not positive gets the next number after the largest positive one,
 * in creation order. Existing positive numbers, duplicates included, are kept.
 *
 * Equal creation times are ordered by rowid (insertion order), the order the previous app's
 * scan returned them in. The assignments are computed into a temporary table first, because
 * an UPDATE whose subquery reads the table it changes would see its own progress.
 */
export default defineMigration({
  id: '0004_talk_numbers_backfill',
  scope: 'profile',
  summary: 'talk numbers back-filled in creation order',
  steps: [
    {
      when: { kind: 'columnMissing', table: 'talk_projects', column: 'is_training' },
      sql: 'ALTER TABLE talk_projects ADD COLUMN is_training INTEGER NOT NULL DEFAULT 0',
    },
    {
      sql: 'CREATE UNIQUE INDEX IF NOT EXISTS idx_talk_projects_one_training ON talk_projects(is_training) WHERE is_training = 1',
    },
    {
      when: { kind: 'columnMissing', table: 'talk_projects', column: 'talk_number' },
      sql: 'ALTER TABLE talk_projects ADD COLUMN talk_number INTEGER',
    },
    {
      sql: `
        UPDATE talk_projects SET talk_number = NULL WHERE COALESCE(is_training, 0) <> 0 AND talk_number IS NOT NULL;
        CREATE TEMP TABLE talk_number_backfill AS
          SELECT id,
                 (SELECT COALESCE(MAX(talk_number), 0) FROM talk_projects
                   WHERE talk_number > 0 AND COALESCE(is_training, 0) = 0)
                 + ROW_NUMBER() OVER (ORDER BY created_at, rowid) AS talk_number
            FROM talk_projects
           WHERE COALESCE(is_training, 0) = 0 AND (talk_number IS NULL OR talk_number <= 0);
        UPDATE talk_projects
           SET talk_number = (SELECT b.talk_number FROM temp.talk_number_backfill b WHERE b.id = talk_projects.id)
         WHERE id IN (SELECT id FROM temp.talk_number_backfill);
        DROP TABLE temp.talk_number_backfill;`,
    },
  ],
});
