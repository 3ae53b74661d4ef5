import { defineQuery, profileQueryBuilder as qb, type QueryParams } from '@lepupitre/db-core';

/**
 * SQL and Kysely builders of the talk context (talk projects, outlines, the active talk, runs), defined once with `defineQuery`.
 * No execution and no mapping here; `repo/` does both. Not exported from the package.
 *
 * Tables are named, never aliased: the query-plan gate recognises a scan of a growing table by
 * the name in the plan (`SCAN talk_projects`), and an alias would hide it.
 *
 * The training flag is compared with literals (`eb.lit`), not parameters: the partial indexes
 * (`WHERE is_training = 1`, `WHERE is_training = 0`) are only usable when the planner can see
 * the value.
 */

/* ---------- talk projects ---------- */

/**
 * The columns a talk is returned with (`ProjectSummary`). Reads that map to it select these
 * rather than every column: `is_training` would be read for each row only to be dropped.
 */
const summaryColumns = [
  'talk_projects.id',
  'talk_projects.title',
  'talk_projects.audience',
  'talk_projects.goal',
  'talk_projects.duration_target_sec',
  'talk_projects.talk_number',
  'talk_projects.stage',
  'talk_projects.created_at',
  'talk_projects.updated_at',
] as const;

/** The highest talk number in use; served by the partial unique index on talk numbers. */
export const maxTalkNumber = defineQuery(() =>
  qb
    .selectFrom('talk_projects')
    .select((eb) => eb.fn.max('talk_number').as('max_number'))
    .where((eb) => eb('is_training', '=', eb.lit(0))),
);

export const insertProject = defineQuery(
  (
    p: QueryParams<{
      id: string;
      title: string;
      audience: string | null;
      goal: string | null;
      durationTargetSec: number | null;
      talkNumber: number | null;
      stage: string;
      createdAt: string;
      isTraining: number;
    }>,
  ) =>
    qb.insertInto('talk_projects').values({
      id: p.id,
      title: p.title,
      audience: p.audience,
      goal: p.goal,
      duration_target_sec: p.durationTargetSec,
      talk_number: p.talkNumber,
      stage: p.stage,
      created_at: p.createdAt,
      updated_at: p.createdAt,
      is_training: p.isTraining,
    }),
);

/** `talk_number`, `created_at` and `is_training` are never changed by an update. */
export const updateProject = defineQuery(
  (
    p: QueryParams<{
      id: string;
      title: string;
      audience: string | null;
      goal: string | null;
      durationTargetSec: number | null;
      stage: string;
      updatedAt: string;
    }>,
  ) =>
    qb
      .updateTable('talk_projects')
      .set({
        title: p.title,
        audience: p.audience,
        goal: p.goal,
        duration_target_sec: p.durationTargetSec,
        stage: p.stage,
        updated_at: p.updatedAt,
      })
      .where('id', '=', p.id),
);

/** Existence and the training flag of one talk. */
export const projectFlags = defineQuery((p: QueryParams<{ id: string }>) =>
  qb.selectFrom('talk_projects').select(['id', 'is_training']).where('id', '=', p.id),
);

/** Every non-training talk, most recently updated first, with whether it is the active one. */
export const listProjects = defineQuery(() =>
  qb
    .selectFrom('talk_projects')
    .leftJoin('active_state', (join) =>
      join.on((eb) => eb('active_state.id', '=', eb.lit(1))).onRef('active_state.active_project_id', '=', 'talk_projects.id'),
    )
    .select(summaryColumns)
    .select('active_state.id as active_marker')
    .where((eb) => eb('talk_projects.is_training', '=', eb.lit(0)))
    .orderBy('talk_projects.updated_at', 'desc')
    .orderBy('talk_projects.id', 'desc'),
);

/** The stored active talk, when it exists and is not the training project. */
export const activeProject = defineQuery(() =>
  qb
    .selectFrom('active_state')
    .innerJoin('talk_projects', 'talk_projects.id', 'active_state.active_project_id')
    .select(summaryColumns)
    .where((eb) => eb('active_state.id', '=', eb.lit(1)))
    .where((eb) => eb('talk_projects.is_training', '=', eb.lit(0))),
);

/** The fallback active talk: the most recently updated non-training one. */
export const latestUpdatedProject = defineQuery(() =>
  qb
    .selectFrom('talk_projects')
    .select(summaryColumns)
    .where((eb) => eb('is_training', '=', eb.lit(0)))
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1),
);

/** Writes the singleton row; a missing row is created. */
export const setActiveProject = defineQuery((p: QueryParams<{ projectId: string }>) =>
  qb
    .insertInto('active_state')
    .values({ id: 1, active_project_id: p.projectId })
    .onConflict((oc) => oc.column('id').doUpdateSet({ active_project_id: (eb) => eb.ref('excluded.active_project_id') })),
);

export const trainingProjectId = defineQuery(() =>
  qb.selectFrom('talk_projects').select('id').where((eb) => eb('is_training', '=', eb.lit(1))).limit(1),
);

/* ---------- outlines ---------- */

/** A talk's title and its outline row if any, in one read. */
export const projectOutline = defineQuery((p: QueryParams<{ projectId: string }>) =>
  qb
    .selectFrom('talk_projects')
    .leftJoin('talk_outlines', 'talk_outlines.project_id', 'talk_projects.id')
    .select(['talk_projects.id', 'talk_projects.title', 'talk_outlines.outline_md', 'talk_outlines.updated_at'])
    .where('talk_projects.id', '=', p.projectId),
);

/** First save sets `created_at`; later saves change only the text and `updated_at`. */
export const upsertOutline = defineQuery(
  (p: QueryParams<{ projectId: string; markdown: string; now: string }>) =>
    qb
      .insertInto('talk_outlines')
      .values({ project_id: p.projectId, outline_md: p.markdown, created_at: p.now, updated_at: p.now })
      .onConflict((oc) =>
        oc.column('project_id').doUpdateSet({
          outline_md: (eb) => eb.ref('excluded.outline_md'),
          updated_at: (eb) => eb.ref('excluded.updated_at'),
        }),
      ),
);

/* ---------- runs ---------- */

export const insertRun = defineQuery((p: QueryParams<{ id: string; projectId: string; createdAt: string }>) =>
  qb.insertInto('runs').values({ id: p.id, project_id: p.projectId, created_at: p.createdAt }),
);

export const artifactType = defineQuery((p: QueryParams<{ id: string }>) =>
  qb.selectFrom('artifacts').select(['id', 'type']).where('id', '=', p.id),
);

/** The run's audio, and the pace it was estimated at when that audio is not a recording. */
export const setRunAudio = defineQuery((p: QueryParams<{ runId: string; artifactId: string; estimatedPaceWpm: number | null }>) =>
  qb.updateTable('runs').set({ audio_artifact_id: p.artifactId, estimated_pace_wpm: p.estimatedPaceWpm }).where('id', '=', p.runId),
);

export const setRunTranscript = defineQuery((p: QueryParams<{ runId: string; artifactId: string }>) =>
  qb.updateTable('runs').set({ transcript_id: p.artifactId }).where('id', '=', p.runId),
);

export const setRunFeedback = defineQuery((p: QueryParams<{ runId: string; feedbackId: string }>) =>
  qb.updateTable('runs').set({ feedback_id: p.feedbackId }).where('id', '=', p.runId),
);

export const runById = defineQuery((p: QueryParams<{ id: string }>) =>
  qb.selectFrom('runs').selectAll().where('id', '=', p.id),
);

/** Newest first, ties by id: served by `idx_runs_project_time`, only equal times are sorted. */
export const runsOfProject = defineQuery((p: QueryParams<{ projectId: string; limit: number }>) =>
  qb
    .selectFrom('runs')
    .selectAll()
    .where('project_id', '=', p.projectId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(p.limit),
);

/* ---------- audio in use ---------- */

/** A run that plays this audio, if any; served by `idx_runs_audio_artifact`. */
export const runUsingAudio = defineQuery((p: QueryParams<{ artifactId: string }>) =>
  qb.selectFrom('runs').select('id').where('audio_artifact_id', '=', p.artifactId).limit(1),
);

