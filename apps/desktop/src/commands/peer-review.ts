import { getPeerReview, listPeerReviews } from '@lepupitre/repo-pack';
import { z } from 'zod';
import { defineCommand, type AnyCommand } from './command';
import { Id, OptionalLimit, Text } from './wire-schemas';

const PeerReviewSummary = z.object({
  id: Text,
  run_id: Text,
  project_id: Text,
  created_at: z.string(),
  reviewer_tag: Text.nullable(),
});

const PeerReviewDetail = PeerReviewSummary.extend({
  review: z.object({
    schema_version: Text,
    rubric_id: Text,
    reviewer_tag: Text.nullable(),
    scores: z.record(z.string(), z.unknown()),
    free_text: z.record(z.string(), z.unknown()),
    timestamps: z.array(z.unknown()),
  }),
});

export const peerReviewList = defineCommand({
  name: 'peer_review_list',
  // An unknown talk has no reviews (`[]`, docs/compatibility.md#pack-12): the talk is not checked.
  request: z.object({ profileId: Id, projectId: Id, limit: OptionalLimit }),
  response: z.array(PeerReviewSummary),
  handler: ({ profileId, projectId, limit }, context) => listPeerReviews(context.profile(profileId).db, { projectId, limit }),
});

export const peerReviewGet = defineCommand({
  name: 'peer_review_get',
  request: z.object({ profileId: Id, peerReviewId: Id }),
  response: PeerReviewDetail,
  handler: ({ profileId, peerReviewId }, context) => {
    const session = context.profile(profileId);
    return getPeerReview(session.db, session.dir, peerReviewId);
  },
});

export const PEER_REVIEW_COMMANDS: readonly AnyCommand[] = [peerReviewList, peerReviewGet];
