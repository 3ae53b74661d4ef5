import { defineQuery, profileQueryBuilder as qb, type QueryParams } from '@lepupitre/db-core';

/**
 * Statements tests need that no repository function of this context performs, run through the
 * handle: rows owned by other contexts (feedback) written inside a test's own unit, and a
 * numbered talk whose refusal must come back as the handle's error. Rows seeded before a flow
 * come from the seeding kit.
 */
export const insertFeedbackRow = defineQuery(
  (p: QueryParams<{ id: string; runId: string; artifactId: string; createdAt: string }>) =>
    qb.insertInto('auto_feedback').values({
      id: p.id,
      subject_type: 'run',
      subject_id: p.runId,
      created_at: p.createdAt,
      feedback_json_artifact_id: p.artifactId,
      overall_score: 70,
    }),
);

/** A non-training talk with a chosen number, as a pack import or an older build writes one. */
export const insertNumberedTalk = defineQuery(
  (p: QueryParams<{ id: string; talkNumber: number; createdAt: string }>) =>
    qb.insertInto('talk_projects').values({
      id: p.id,
      title: 'Imported',
      talk_number: p.talkNumber,
      stage: 'draft',
      created_at: p.createdAt,
      updated_at: p.createdAt,
      is_training: 0,
    }),
);

export const storedActiveId = defineQuery(() =>
  qb.selectFrom('active_state').select('active_project_id').where('id', '=', 1),
);

export const talkRow = defineQuery((p: QueryParams<{ id: string }>) =>
  qb.selectFrom('talk_projects').selectAll().where('id', '=', p.id),
);

export const outlineRow = defineQuery((p: QueryParams<{ projectId: string }>) =>
  qb.selectFrom('talk_outlines').selectAll().where('project_id', '=', p.projectId),
);

export const countArtifacts = defineQuery(() => qb.selectFrom('artifacts').select((eb) => eb.fn.countAll<number>().as('n')));
