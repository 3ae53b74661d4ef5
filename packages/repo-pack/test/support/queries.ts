/**
 * Test-only SQL: the run an import writes inside its unit (the talk context's real write lives
 * in repo-talk, which this package may not import; rows written before a flow come from the
 * seeding kit), and statements that damage a world on purpose.
 */
import { defineQuery, profileQueryBuilder as qb, type QueryParams } from '@lepupitre/db-core';

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
