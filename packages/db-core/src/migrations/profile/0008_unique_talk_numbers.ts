import { defineMigration } from '../migration';

/**
 * Holds in the schema what the previous app computed outside a transaction (MAX + 1, racy
 * across two instances): a talk number belongs to one non-training talk.
 *
 * Existing data converges deterministically:
 * - a training talk has no number (a v0.2.4-or-older build writing to a newer file numbered it);
 * - among non-training talks sharing a number, the oldest (creation time, then insertion
 *   order) keeps it; the others get the next numbers after the current largest, in that order.
 */
export default defineMigration({
  id: '0008_unique_talk_numbers',
  scope: 'profile',
  summary: 'unique talk numbers among non-training talks',
  steps: [
    {
      sql: `
        UPDATE talk_projects SET talk_number = NULL WHERE is_training <> 0 AND talk_number IS NOT NULL;
        CREATE TEMP TABLE talk_number_rank AS
          SELECT id, created_at, rowid AS rid,
                 ROW_NUMBER() OVER (PARTITION BY talk_number ORDER BY created_at, rowid) AS n
            FROM talk_projects WHERE is_training = 0 AND talk_number IS NOT NULL;
        CREATE TEMP TABLE talk_number_moves AS
          SELECT id,
                 (SELECT COALESCE(MAX(talk_number), 0) FROM talk_projects WHERE is_training = 0)
                 + ROW_NUMBER() OVER (ORDER BY created_at, rid) AS talk_number
            FROM temp.talk_number_rank WHERE n > 1;
        UPDATE talk_projects
           SET talk_number = (SELECT m.talk_number FROM temp.talk_number_moves m WHERE m.id = talk_projects.id)
         WHERE id IN (SELECT id FROM temp.talk_number_moves);
        DROP TABLE temp.talk_number_moves;
        DROP TABLE temp.talk_number_rank;
        CREATE UNIQUE INDEX idx_talk_projects_number ON talk_projects(talk_number) WHERE is_training = 0;`,
    },
  ],
});
