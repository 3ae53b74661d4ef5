/**
 * SQL and Kysely builders of the pack context (peer reviews, pack export, inspect and import), defined once with `defineQuery`.
 * No execution and no mapping here; `repo/` does both. Not exported from the package.
 */
import { defineQuery, profileQueryBuilder as qb, sql, type QueryParams } from '@lepupitre/db-core';

/**
 * Characters of `reviewer_tag` a read takes from the row. A tag an earlier import stored could
 * be megabytes long; every list would read and return all of it. The repository then removes
 * control characters and cuts to the tag limit (120), so this only needs to be comfortably more.
 */
const STORED_TAG_READ_CHARS = 1024;
const storedTag = sql<string | null>`substr(${sql.ref('pr.reviewer_tag')}, 1, ${sql.lit(STORED_TAG_READ_CHARS)})`.as('reviewer_tag');

/** The run a pack is exported from, or a peer review is attached to. */
export const runById = defineQuery((p: QueryParams<{ runId: string }>) =>
  qb.selectFrom('runs').select(['project_id', 'audio_artifact_id', 'transcript_id']).where('id', '=', p.runId),
);

export const projectTitleById = defineQuery((p: QueryParams<{ projectId: string }>) =>
  qb.selectFrom('talk_projects').select('title').where('id', '=', p.projectId),
);

export const outlineOfProject = defineQuery((p: QueryParams<{ projectId: string }>) =>
  qb.selectFrom('talk_outlines').select('outline_md').where('project_id', '=', p.projectId),
);

export const artifactById = defineQuery((p: QueryParams<{ artifactId: string }>) =>
  qb.selectFrom('artifacts').select(['type', 'local_relpath', 'sha256', 'bytes']).where('id', '=', p.artifactId),
);

export const insertPeerReview = defineQuery(
  (
    p: QueryParams<{
      id: string;
      runId: string;
      createdAt: string;
      reviewerTag: string | null;
      reviewArtifactId: string;
    }>,
  ) =>
    qb.insertInto('peer_reviews').values({
      id: p.id,
      run_id: p.runId,
      created_at: p.createdAt,
      reviewer_tag: p.reviewerTag,
      review_json_artifact_id: p.reviewArtifactId,
    }),
);

/** Newest first; ties (same millisecond, common in imports) broken by id. */
export const peerReviewsOfProject = defineQuery((p: QueryParams<{ projectId: string; limit: number }>) =>
  qb
    .selectFrom('peer_reviews as pr')
    .innerJoin('runs as r', 'r.id', 'pr.run_id')
    .select(['pr.id', 'pr.run_id', 'r.project_id', 'pr.created_at', storedTag])
    .where('r.project_id', '=', p.projectId)
    .orderBy('pr.created_at', 'desc')
    .orderBy('pr.id', 'desc')
    .limit(p.limit),
);

export const peerReviewById = defineQuery((p: QueryParams<{ peerReviewId: string }>) =>
  qb
    .selectFrom('peer_reviews as pr')
    .innerJoin('runs as r', 'r.id', 'pr.run_id')
    .select(['pr.id', 'pr.run_id', 'r.project_id', 'pr.created_at', storedTag, 'pr.review_json_artifact_id'])
    .where('pr.id', '=', p.peerReviewId),
);
