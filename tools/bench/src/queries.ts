/**
 * SQL of the hand-written baseline. The statements mirror what Kysely compiles for the db-core
 * and Kysely implementations (same columns, same bound LIMIT), so that the comparison measures
 * the execution path and not a difference in the SQL that SQLite runs.
 */
export const BASELINE_SQL = {
  talkById: 'SELECT * FROM talk_projects WHERE id = ?',
  latestRunsOfTalk: 'SELECT * FROM runs WHERE project_id = ? ORDER BY created_at DESC, id DESC LIMIT ?',
  insertRun: 'INSERT INTO runs (id, project_id, created_at) VALUES (?, ?, ?)',
  beginImmediate: 'BEGIN IMMEDIATE',
  commit: 'COMMIT',
  rollback: 'ROLLBACK',
} as const;

/**
 * Hand-written equivalents of the repository hot calls, as someone writing them directly on
 * better-sqlite3 would: the same tables, predicates, order and limits as the repository
 * queries, with the constants (subject types, the training flag, default limits) written in
 * or bound as the repository binds them, and only the columns the repository returns.
 */
export const REPOSITORY_SQL = {
  /** `getActiveProject`, stored-talk path: the active talk unless missing or the training one. */
  activeTalk:
    'SELECT t.id, t.title, t.audience, t.goal, t.duration_target_sec, t.talk_number, t.stage, t.created_at, t.updated_at' +
    ' FROM active_state a JOIN talk_projects t ON t.id = a.active_project_id' +
    ' WHERE a.id = 1 AND t.is_training = 0',
  /** `getActiveProject`, repair path: the most recently updated non-training talk. */
  latestUpdatedTalk:
    'SELECT id, title, audience, goal, duration_target_sec, talk_number, stage, created_at, updated_at' +
    ' FROM talk_projects WHERE is_training = 0 ORDER BY updated_at DESC, id DESC LIMIT 1',
  setActiveTalk:
    'INSERT INTO active_state (id, active_project_id) VALUES (1, ?)' +
    ' ON CONFLICT (id) DO UPDATE SET active_project_id = excluded.active_project_id',
  /** `listRuns`: newest first, ties by id; the limit is bound. */
  runsOfTalk: 'SELECT * FROM runs WHERE project_id = ? ORDER BY created_at DESC, id DESC LIMIT ?',
  /** `createRun`, inside BEGIN IMMEDIATE: the talk must exist, then the run. */
  talkFlags: 'SELECT id, is_training FROM talk_projects WHERE id = ?',
  insertRun: 'INSERT INTO runs (id, project_id, created_at) VALUES (?, ?, ?)',
  /** `setFeedbackNote`, inside BEGIN IMMEDIATE: the feedback must exist, then upsert or delete. */
  feedbackExists: 'SELECT id FROM auto_feedback WHERE id = ?',
  upsertNote:
    'INSERT INTO feedback_notes (feedback_id, note_text, updated_at) VALUES (?, ?, ?)' +
    ' ON CONFLICT (feedback_id) DO UPDATE SET note_text = excluded.note_text, updated_at = excluded.updated_at',
  deleteNote: 'DELETE FROM feedback_notes WHERE feedback_id = ?',
  /**
   * `listFeedbackTimeline` for one talk: the talk must exist, then the feedback of its attempts
   * and of its runs, newest first, ties by id. `+af.subject_type` keeps the subject-type term
   * off `idx_auto_feedback_type_time`, as in the repository, so both go through the subject
   * tables' (project_id, created_at) indexes and `idx_auto_feedback_subject`.
   */
  talkExists: 'SELECT id FROM talk_projects WHERE id = ?',
  timelineOfTalk:
    'SELECT * FROM (' +
    "SELECT af.id AS id, af.created_at AS created_at, af.overall_score AS overall_score, af.subject_type AS subject_type," +
    ' qa.project_id AS project_id, qa.quest_code AS quest_code, q.title AS quest_title, NULL AS run_id,' +
    ' fn.updated_at AS note_updated_at' +
    " FROM quest_attempts qa JOIN auto_feedback af ON af.subject_id = qa.id AND +af.subject_type = 'quest_attempt'" +
    ' LEFT JOIN quests q ON q.code = qa.quest_code' +
    ' LEFT JOIN feedback_notes fn ON fn.feedback_id = af.id' +
    ' WHERE qa.project_id = ?' +
    ' UNION ALL ' +
    'SELECT af.id, af.created_at, af.overall_score, af.subject_type, r.project_id, NULL, NULL, r.id, fn.updated_at' +
    " FROM runs r JOIN auto_feedback af ON af.subject_id = r.id AND +af.subject_type = 'run'" +
    ' LEFT JOIN feedback_notes fn ON fn.feedback_id = af.id' +
    ' WHERE r.project_id = ?' +
    ') AS items ORDER BY created_at DESC, id DESC LIMIT ?',
  /** Read back by the checks of the write cases, to compare what each implementation stored. */
  runById: 'SELECT * FROM runs WHERE id = ?',
  noteOf: 'SELECT note_text FROM feedback_notes WHERE feedback_id = ?',
} as const;
