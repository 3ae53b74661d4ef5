import { artifactNotFound, ArtifactStore, type DatabaseHandle } from '@lepupitre/db-core';
import { DomainError, trimUnicodeWhiteSpace } from '@lepupitre/domain-primitives';
import { z } from 'zod';
import { artifactById, peerReviewById, peerReviewsOfProject } from '../queries';
import type { PeerReviewDetail, PeerReviewDocument, PeerReviewListInput, PeerReviewSummary } from '../types';
import { isPackArchiveError, PackErrorCode } from './pack-errors';
import { REVIEW_LIMITS } from './pack-limits';
import { readReviewJson } from './review-document';
import { shownReviewerTag } from './review-text';

const DEFAULT_LIMIT = 12;
const MAX_LIMIT = 100;

/**
 * `peer_review_list`: the project's reviews, newest first. An unknown project gives `[]`
 * (kept: the previous app did not check it either, docs/compatibility.md#pack-12). Tags come back cleaned (a row
 * written before the limits may hold a huge tag with escape codes).
 */
export function listPeerReviews(db: DatabaseHandle, input: PeerReviewListInput): PeerReviewSummary[] {
  const rows = db.all(peerReviewsOfProject, { projectId: input.projectId, limit: normalizeLimit(input.limit) });
  return rows.map((row) => ({
    id: row.id,
    run_id: row.run_id,
    project_id: row.project_id,
    created_at: row.created_at,
    reviewer_tag: shownReviewerTag(row.reviewer_tag),
  }));
}

/** Absent → 12; otherwise truncated to an integer and clamped to 1..100 (−7 → 1, 9999 → 100). */
export function normalizeLimit(limit: number | null | undefined): number {
  if (limit === null || limit === undefined || !Number.isFinite(limit)) return DEFAULT_LIMIT;
  return Math.min(Math.max(Math.trunc(limit), 1), MAX_LIMIT);
}

/**
 * PeerReviewV1 as read back. The import accepted any JSON, so a review of another shape fails
 * here (`peer_review_parse_failed`). `schema_version` and `rubric_id` must not be empty: the
 * UI's schema refuses empty ones, and a clear error beats an invalid response.
 */
const reviewSchema = z.object({
  schema_version: z.string().min(1),
  rubric_id: z.string().min(1),
  reviewer_tag: z.string().nullable().optional(),
  scores: z.record(z.string(), z.unknown()),
  free_text: z.record(z.string(), z.unknown()),
  timestamps: z.array(z.unknown()),
});

/**
 * `peer_review_get`: the review row with its review file parsed. The file is read back under
 * the limits an import applies now: one stored before them that breaks one (nested 200,000
 * levels deep, megabytes long) answers `review_limit_exceeded`, never a value that no one can
 * serialise; control characters are removed from its strings and the tag is cut to its limit.
 */
export function getPeerReview(db: DatabaseHandle, profileDir: string, peerReviewId: string): PeerReviewDetail {
  const row = db.get(peerReviewById, { peerReviewId });
  if (!row) throw new DomainError(PackErrorCode.PEER_REVIEW_NOT_FOUND);
  const artifact = db.get(artifactById, { artifactId: row.review_json_artifact_id });
  if (!artifact) throw artifactNotFound();
  if (artifact.type !== 'peer_review') throw new DomainError(PackErrorCode.PEER_REVIEW_ARTIFACT_TYPE);
  // The row's size first: a file far past the limit is not even read.
  if (artifact.bytes > REVIEW_LIMITS.maxBytes) throw reviewLimitExceeded('bytes');
  const bytes = new ArtifactStore(db, profileDir).read(row.review_json_artifact_id);
  return {
    id: row.id,
    run_id: row.run_id,
    project_id: row.project_id,
    created_at: row.created_at,
    reviewer_tag: shownReviewerTag(row.reviewer_tag),
    review: parseReview(bytes),
  };
}

function parseReview(bytes: Buffer): PeerReviewDocument {
  let json: unknown;
  try {
    json = readReviewJson(bytes, REVIEW_LIMITS, 'remove');
  } catch (error) {
    if (isPackArchiveError(error) && error.code === PackErrorCode.REVIEW_LIMIT_EXCEEDED) throw reviewLimitExceeded(error.reason, error);
    throw new DomainError(PackErrorCode.PEER_REVIEW_PARSE_FAILED, PackErrorCode.PEER_REVIEW_PARSE_FAILED, { cause: error });
  }
  const parsed = reviewSchema.safeParse(json);
  if (!parsed.success) {
    throw new DomainError(PackErrorCode.PEER_REVIEW_PARSE_FAILED, PackErrorCode.PEER_REVIEW_PARSE_FAILED, { cause: parsed.error });
  }
  const review = parsed.data;
  const tag = review.reviewer_tag ?? null;
  return {
    schema_version: review.schema_version,
    rubric_id: review.rubric_id,
    // The template's default `""` would fail the UI's schema (min 1): a blank tag reads as none.
    reviewer_tag: tag !== null && trimUnicodeWhiteSpace(tag) === '' ? null : tag,
    // Keys sorted, as the previous app returned them (a generic map, docs/compatibility.md#pack-13).
    scores: sortKeys(review.scores),
    free_text: sortKeys(review.free_text),
    timestamps: review.timestamps,
  };
}

/** A stored review past a limit: the code an import gives, as a plain domain error (not an archive's). */
function reviewLimitExceeded(reason: string, cause?: unknown): DomainError {
  const code = PackErrorCode.REVIEW_LIMIT_EXCEEDED;
  return new DomainError(code, `${code} (${reason})`, { cause });
}

function sortKeys(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
