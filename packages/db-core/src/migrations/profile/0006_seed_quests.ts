import { defineMigration } from '../migration';

/**
 * The quest catalogue (seed v1.0.0). A quest is inserted only when its code is absent: an
 * existing row is never updated, a user's or a legacy quest never deleted (attempts reference
 * quest codes with RESTRICT).
 */
export default defineMigration({
  id: '0006_seed_quests',
  scope: 'profile',
  summary: 'seeded quest catalogue A01, D01, FREE',
  steps: [
    {
      sql: `
        INSERT INTO quests (code, title, category, estimated_sec, prompt, output_type, targets_issues_json)
          VALUES ('A01', 'Goal Sentence', 'start', 180, 'À la fin, ils sauront ___ pour ___.', 'text', '["no_start","unclear_goal"]')
          ON CONFLICT(code) DO NOTHING;
        INSERT INTO quests (code, title, category, estimated_sec, prompt, output_type, targets_issues_json)
          VALUES ('D01', 'Intro 45s', 'delivery', 180, 'Enregistre une intro 45s : promesse + plan.', 'audio', '["weak_intro","fillers","pace"]')
          ON CONFLICT(code) DO NOTHING;
        INSERT INTO quests (code, title, category, estimated_sec, prompt, output_type, targets_issues_json)
          VALUES ('FREE', 'Quête libre', 'free', 180, 'Capture libre : parle d''un point clé sans contrainte.', 'audio', '[]')
          ON CONFLICT(code) DO NOTHING;`,
    },
  ],
});
