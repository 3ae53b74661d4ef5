/**
 * SQL and Kysely builders of the feedback context (auto feedback, notes, the timeline, links to runs and attempts), defined once with `defineQuery`.
 * No execution and no mapping here; `repo/` does both. Not exported from the package.
 */
import { defineQuery, profileQueryBuilder as qb, type QueryParams, sql } from '@lepupitre/db-core';

export const insertAutoFeedback = defineQuery(
  (
    p: QueryParams<{
      id: string;
      subjectType: string;
      subjectId: string;
      createdAt: string;
      artifactId: string;
      overallScore: number;
    }>,
  ) =>
    qb.insertInto('auto_feedback').values({
      id: p.id,
      subject_type: p.subjectType,
      subject_id: p.subjectId,
      created_at: p.createdAt,
      feedback_json_artifact_id: p.artifactId,
      overall_score: p.overallScore,
    }),
);

export const feedbackArtifactId = defineQuery((p: QueryParams<{ id: string }>) =>
  qb.selectFrom('auto_feedback').select('feedback_json_artifact_id').where('id', '=', p.id),
);

export const feedbackSubject = defineQuery((p: QueryParams<{ id: string }>) =>
  qb.selectFrom('auto_feedback').select(['subject_type', 'subject_id']).where('id', '=', p.id),
);

export const feedbackExists = defineQuery((p: QueryParams<{ id: string }>) =>
  qb.selectFrom('auto_feedback').select('id').where('id', '=', p.id),
);

/** An attempt with its quest: an inner join, so a missing quest reads as a missing attempt. */
export const attemptWithQuest = defineQuery((p: QueryParams<{ id: string }>) =>
  qb
    .selectFrom('quest_attempts as qa')
    .innerJoin('quests as q', 'q.code', 'qa.quest_code')
    .select(['qa.id', 'qa.project_id', 'qa.quest_code', 'q.title as quest_title'])
    .where('qa.id', '=', p.id),
);

export const runProject = defineQuery((p: QueryParams<{ id: string }>) =>
  qb.selectFrom('runs').select(['id', 'project_id']).where('id', '=', p.id),
);

export const projectExists = defineQuery((p: QueryParams<{ id: string }>) =>
  qb.selectFrom('talk_projects').select('id').where('id', '=', p.id),
);

export const noteText = defineQuery((p: QueryParams<{ feedbackId: string }>) =>
  qb.selectFrom('feedback_notes').select('note_text').where('feedback_id', '=', p.feedbackId),
);

export const upsertNote = defineQuery((p: QueryParams<{ feedbackId: string; noteText: string; updatedAt: string }>) =>
  qb
    .insertInto('feedback_notes')
    .values({ feedback_id: p.feedbackId, note_text: p.noteText, updated_at: p.updatedAt })
    .onConflict((oc) =>
      oc.column('feedback_id').doUpdateSet((eb) => ({
        note_text: eb.ref('excluded.note_text'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    ),
);

export const deleteNote = defineQuery((p: QueryParams<{ feedbackId: string }>) =>
  qb.deleteFrom('feedback_notes').where('feedback_id', '=', p.feedbackId),
);

/*
 * The timeline: every auto feedback whose run or attempt still exists, newest first.
 * The previous app did it as one statement over `auto_feedback` LEFT JOINed to both subject
 * tables, which has to read every feedback row. Here each subject type is a branch of a
 * UNION ALL, so each can be served by an index:
 * - for one project, from the subject table's (project_id, created_at) index, then the
 *   feedback by `subject_id` (index `idx_auto_feedback_subject`); `+af.subject_type` keeps the
 *   planner from walking a whole subject type through `idx_auto_feedback_type_time` instead;
 * - for all projects, each branch walks `idx_auto_feedback_type_time` newest first and stops
 *   at the limit, so at most 2 × limit rows are merged.
 * Equal `created_at` values are ordered by id (newest id first) so the order is deterministic.
 * The inner joins keep exactly the rows the previous filter kept (`COALESCE(qa.project_id,
 * r.project_id) IS NOT NULL`): a feedback whose subject is gone is left out.
 */

const SUBJECT_QUEST_ATTEMPT = 'quest_attempt';
const SUBJECT_RUN = 'run';

/** `af.subject_type` with the unary `+` SQLite documents for keeping a term off an index. */
const subjectTypeNotIndexed = sql<string>`+${sql.ref('af.subject_type')}`;

/**
 * The timeline item of an attempt's and of a run's feedback, one column list each: the
 * index-driven reads (one talk) and the feedback-driven reads (every talk) join the same tables
 * from opposite ends and must answer the same shape for the UNION.
 */
const ATTEMPT_ITEM_COLUMNS = [
  'af.id as id',
  'af.created_at as created_at',
  'af.overall_score as overall_score',
  'af.subject_type as subject_type',
  'qa.project_id as project_id',
  sql<string | null>`${sql.ref('qa.quest_code')}`.as('quest_code'),
  'q.title as quest_title',
  sql<string | null>`NULL`.as('run_id'),
  'fn.updated_at as note_updated_at',
] as const;

const RUN_ITEM_COLUMNS = [
  'af.id as id',
  'af.created_at as created_at',
  'af.overall_score as overall_score',
  'af.subject_type as subject_type',
  'r.project_id as project_id',
  sql<string | null>`NULL`.as('quest_code'),
  sql<string | null>`NULL`.as('quest_title'),
  sql<string | null>`${sql.ref('r.id')}`.as('run_id'),
  'fn.updated_at as note_updated_at',
] as const;

function attemptItems() {
  return qb
    .selectFrom('quest_attempts as qa')
    .innerJoin('auto_feedback as af', (join) =>
      join.onRef('af.subject_id', '=', 'qa.id').on(subjectTypeNotIndexed, '=', SUBJECT_QUEST_ATTEMPT),
    )
    .leftJoin('quests as q', 'q.code', 'qa.quest_code')
    .leftJoin('feedback_notes as fn', 'fn.feedback_id', 'af.id')
    .select(ATTEMPT_ITEM_COLUMNS);
}

function runItems() {
  return qb
    .selectFrom('runs as r')
    .innerJoin('auto_feedback as af', (join) =>
      join.onRef('af.subject_id', '=', 'r.id').on(subjectTypeNotIndexed, '=', SUBJECT_RUN),
    )
    .leftJoin('feedback_notes as fn', 'fn.feedback_id', 'af.id')
    .select(RUN_ITEM_COLUMNS);
}

export const timelineForProject = defineQuery((p: QueryParams<{ projectId: string; limit: number }>) =>
  qb
    .selectFrom(
      attemptItems()
        .where('qa.project_id', '=', p.projectId)
        .unionAll(runItems().where('r.project_id', '=', p.projectId))
        .as('items'),
    )
    .selectAll()
    .orderBy('items.created_at', 'desc')
    .orderBy('items.id', 'desc')
    .limit(p.limit),
);

export const timelineAll = defineQuery((p: QueryParams<{ limit: number }>) =>
  qb
    .selectFrom(
      qb
        .selectFrom(
          attemptItemsByFeedback()
            .where('af.subject_type', '=', SUBJECT_QUEST_ATTEMPT)
            .orderBy('af.created_at', 'desc')
            .orderBy('af.id', 'desc')
            .limit(p.limit)
            .as('attempt_items'),
        )
        .selectAll()
        .unionAll(
          qb
            .selectFrom(
              runItemsByFeedback()
                .where('af.subject_type', '=', SUBJECT_RUN)
                .orderBy('af.created_at', 'desc')
                .orderBy('af.id', 'desc')
                .limit(p.limit)
                .as('run_items'),
            )
            .selectAll(),
        )
        .as('items'),
    )
    .selectAll()
    .orderBy('items.created_at', 'desc')
    .orderBy('items.id', 'desc')
    .limit(p.limit),
);

/** Attempt feedback read from the feedback side, for walking feedback newest first. */
function attemptItemsByFeedback() {
  return qb
    .selectFrom('auto_feedback as af')
    .innerJoin('quest_attempts as qa', 'qa.id', 'af.subject_id')
    .leftJoin('quests as q', 'q.code', 'qa.quest_code')
    .leftJoin('feedback_notes as fn', 'fn.feedback_id', 'af.id')
    .select(ATTEMPT_ITEM_COLUMNS);
}

/** Run feedback read from the feedback side, for walking feedback newest first. */
function runItemsByFeedback() {
  return qb
    .selectFrom('auto_feedback as af')
    .innerJoin('runs as r', 'r.id', 'af.subject_id')
    .leftJoin('feedback_notes as fn', 'fn.feedback_id', 'af.id')
    .select(RUN_ITEM_COLUMNS);
}
