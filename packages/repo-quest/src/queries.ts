/**
 * SQL and Kysely builders of the quest context (the quest catalogue, the daily quest, attempts), defined once with `defineQuery`.
 * No execution and no mapping here; `repo.ts` does both. Not exported from the package.
 *
 * Tables are named without aliases wherever a plan could scan them: `EXPLAIN QUERY PLAN` names
 * a scanned table by its alias, and the query-plan gate recognises growing tables by name.
 */
import { defineQuery, profileQueryBuilder as qb, type QueryParams } from '@lepupitre/db-core';

// Catalogue. `quests` is a small seeded table (three rows), so its scans are harmless.

/** quest_list order: category, then code. */
export const questsInListOrder = defineQuery(() =>
  qb.selectFrom('quests').selectAll().orderBy('category', 'asc').orderBy('code', 'asc'),
);

export const questByCode = defineQuery((p: QueryParams<{ code: string }>) =>
  qb.selectFrom('quests').selectAll().where('code', '=', p.code),
);

/** The daily quest: the smallest code. */
export const firstQuestByCode = defineQuery(() => qb.selectFrom('quests').selectAll().orderBy('code', 'asc').limit(1));

// Existence checks on rows other contexts own, read inside the submit transactions.

export const projectIdById = defineQuery((p: QueryParams<{ id: string }>) =>
  qb.selectFrom('talk_projects').select('id').where('id', '=', p.id),
);

export const artifactTypeById = defineQuery((p: QueryParams<{ id: string }>) =>
  qb.selectFrom('artifacts').select('type').where('id', '=', p.id),
);

// Attempts: writes.

export const insertAttempt = defineQuery(
  (
    p: QueryParams<{
      id: string;
      projectId: string;
      questCode: string;
      createdAt: string;
      outputText: string | null;
      audioArtifactId: string | null;
      transcriptId: string | null;
    }>,
  ) =>
    qb.insertInto('quest_attempts').values({
      id: p.id,
      project_id: p.projectId,
      quest_code: p.questCode,
      created_at: p.createdAt,
      output_text: p.outputText,
      audio_artifact_id: p.audioArtifactId,
      transcript_id: p.transcriptId,
      feedback_id: null,
    }),
);

/**
 * The attempt already holding an audio recording, in any project and any quest. Earliest first,
 * so the answer is stable if an older database holds two attempts for one recording.
 */
export const attemptByAudioArtifact = defineQuery((p: QueryParams<{ audioArtifactId: string }>) =>
  qb
    .selectFrom('quest_attempts')
    .select(['id', 'transcript_id'])
    .where('audio_artifact_id', '=', p.audioArtifactId)
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc')
    .limit(1),
);

export const setAttemptTranscript = defineQuery((p: QueryParams<{ id: string; transcriptId: string }>) =>
  qb.updateTable('quest_attempts').set({ transcript_id: p.transcriptId }).where('id', '=', p.id),
);

export const setAttemptFeedback = defineQuery((p: QueryParams<{ id: string; feedbackId: string }>) =>
  qb.updateTable('quest_attempts').set({ feedback_id: p.feedbackId }).where('id', '=', p.id),
);

// Attempts: reads.

/** Newest first; equal timestamps (same millisecond) break by id so pages are stable. */
export const attemptsOfProject = defineQuery((p: QueryParams<{ projectId: string; limit: number }>) =>
  qb
    .selectFrom('quest_attempts')
    .innerJoin('quests', 'quests.code', 'quest_attempts.quest_code')
    .select([
      'quest_attempts.id as id',
      'quest_attempts.quest_code as quest_code',
      'quests.title as quest_title',
      'quests.output_type as output_type',
      'quest_attempts.created_at as created_at',
      'quest_attempts.audio_artifact_id as audio_artifact_id',
      'quest_attempts.transcript_id as transcript_id',
      'quest_attempts.feedback_id as feedback_id',
    ])
    .where('quest_attempts.project_id', '=', p.projectId)
    .orderBy('quest_attempts.created_at', 'desc')
    .orderBy('quest_attempts.id', 'desc')
    .limit(p.limit),
);

/**
 * Every quest with its latest attempt in one project. The latest is picked by a subquery with a
 * LIMIT 1 rather than by `created_at = MAX(created_at)`, so two attempts in the same instant
 * yield one row (the greater id), not two.
 */
export const questReport = defineQuery((p: QueryParams<{ projectId: string }>) =>
  qb
    .selectFrom('quests')
    .leftJoin('quest_attempts', (join) =>
      join.on((eb) =>
        eb(
          'quest_attempts.id',
          '=',
          eb
            .selectFrom('quest_attempts as latest')
            .select('latest.id')
            .where('latest.project_id', '=', p.projectId)
            .whereRef('latest.quest_code', '=', 'quests.code')
            .orderBy('latest.created_at', 'desc')
            .orderBy('latest.id', 'desc')
            .limit(1),
        ),
      ),
    )
    .select([
      'quests.code as quest_code',
      'quests.title as quest_title',
      'quests.prompt as quest_prompt',
      'quests.output_type as output_type',
      'quests.category as category',
      'quests.estimated_sec as estimated_sec',
      'quest_attempts.id as attempt_id',
      'quest_attempts.created_at as attempt_created_at',
      'quest_attempts.audio_artifact_id as audio_artifact_id',
      'quest_attempts.transcript_id as transcript_id',
      'quest_attempts.feedback_id as feedback_id',
    ])
    .orderBy('quests.code', 'asc'),
);

/** An attempt with its quest's duration; no row when either is missing (inner join). */
export const attemptForAnalysis = defineQuery((p: QueryParams<{ id: string }>) =>
  qb
    .selectFrom('quest_attempts')
    .innerJoin('quests', 'quests.code', 'quest_attempts.quest_code')
    .select([
      'quest_attempts.id as attempt_id',
      'quest_attempts.project_id as project_id',
      'quest_attempts.quest_code as quest_code',
      'quests.estimated_sec as estimated_sec',
      'quest_attempts.output_text as output_text',
      'quest_attempts.transcript_id as transcript_id',
      'quest_attempts.feedback_id as feedback_id',
    ])
    .where('quest_attempts.id', '=', p.id),
);
