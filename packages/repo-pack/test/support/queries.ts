/**
 * Test-only SQL: the talk-context writes an import needs (the real ones live in repo-talk,
 * which this package may not import), and statements that damage a world on purpose.
 */
import { defineQuery, profileQueryBuilder as qb, type QueryParams } from '@lepupitre/db-core';

export const maxTalkNumber = defineQuery(() =>
  qb
    .selectFrom('talk_projects')
    .select((eb) => eb.fn.max('talk_number').as('max_number'))
    .where('is_training', '=', 0),
);

export const insertProject = defineQuery(
  (p: QueryParams<{ id: string; title: string; talkNumber: number; stage: string; now: string }>) =>
    qb.insertInto('talk_projects').values({
      id: p.id,
      title: p.title,
      audience: null,
      goal: null,
      duration_target_sec: null,
      talk_number: p.talkNumber,
      stage: p.stage,
      created_at: p.now,
      updated_at: p.now,
    }),
);

export const insertOutline = defineQuery((p: QueryParams<{ projectId: string; outline: string; now: string }>) =>
  qb.insertInto('talk_outlines').values({ project_id: p.projectId, outline_md: p.outline, created_at: p.now, updated_at: p.now }),
);

export const insertRun = defineQuery(
  (p: QueryParams<{ id: string; projectId: string; createdAt: string; audioId: string | null; transcriptId: string | null }>) =>
    qb.insertInto('runs').values({
      id: p.id,
      project_id: p.projectId,
      created_at: p.createdAt,
      audio_artifact_id: p.audioId,
      transcript_id: p.transcriptId,
      feedback_id: null,
    }),
);

/** Raw statements for a second, foreign-keys-off connection that breaks a world on purpose. */
export const DAMAGE_SQL = {
  artifactPath: 'UPDATE artifacts SET local_relpath = ? WHERE id = ?',
  artifactType: 'UPDATE artifacts SET type = ? WHERE id = ?',
  artifactSha: 'UPDATE artifacts SET sha256 = ? WHERE id = ?',
  clearRunAudio: 'UPDATE runs SET audio_artifact_id = NULL WHERE id = ?',
  clearRunTranscript: 'UPDATE runs SET transcript_id = NULL WHERE id = ?',
  deleteArtifactRow: 'DELETE FROM artifacts WHERE id = ?',
  deleteProjectRow: 'DELETE FROM talk_projects WHERE id = ?',
} as const;

/** A peer review row written as an earlier version could have left it (no limit applied). */
export const insertStoredPeerReview = defineQuery(
  (p: QueryParams<{ id: string; runId: string; createdAt: string; reviewerTag: string | null; reviewArtifactId: string }>) =>
    qb.insertInto('peer_reviews').values({
      id: p.id,
      run_id: p.runId,
      created_at: p.createdAt,
      reviewer_tag: p.reviewerTag,
      review_json_artifact_id: p.reviewArtifactId,
    }),
);
