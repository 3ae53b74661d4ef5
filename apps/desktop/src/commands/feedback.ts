import {
  attemptAnalysisInput,
  getFeedback,
  getFeedbackContext,
  getFeedbackNote,
  listFeedbackTimeline,
  recordAutoFeedback,
  setFeedbackNote,
} from '@lepupitre/repo-feedback';
import { getAttemptForAnalysis, linkAttemptFeedback } from '@lepupitre/repo-quest';
import { z } from 'zod';
import { defineCommand, type AnyCommand } from './command';
import type { ProfileSession } from './command-context';
import { AnalyzeResponse, FeedbackV1 } from './contracts/feedback-v1';
import { Id, NullableText, OptionalLimit, VoidResponse } from './wire-schemas';

const FeedbackRequest = z.object({ profileId: Id, feedbackId: Id });

const SubjectType = z.enum(['quest_attempt', 'run']);

const FeedbackContext = z.object({
  subject_type: z.string(),
  subject_id: Id,
  project_id: Id,
  quest_code: z.string().nullable(),
  quest_title: z.string().nullable(),
  run_id: Id.nullable(),
});

const FeedbackTimelineItem = z.object({
  id: Id,
  created_at: z.string(),
  overall_score: z.number().int().min(0).max(100),
  subject_type: SubjectType,
  project_id: Id,
  quest_code: z.string().nullable(),
  quest_title: z.string().nullable(),
  run_id: Id.nullable(),
  note_updated_at: z.string().nullable(),
});

/**
 * `analyze_attempt`: the attempt side (quest context) and the analysis (feedback context) in
 * one write transaction, in the order docs/contexts/feedback.md gives. A failure at any step,
 * the link included, rolls back every row and removes the feedback file. Not idempotent
 * (docs/compatibility.md#feedback-8): each call adds a feedback and re-points the attempt to it.
 */
export const analyzeAttempt = defineCommand({
  name: 'analyze_attempt',
  request: z.object({ profileId: Id, attemptId: Id }),
  response: AnalyzeResponse,
  handler: ({ profileId, attemptId }, context) => {
    const session = context.profile(profileId);
    return session.db.transaction(() => ({ feedbackId: recordAttemptFeedback(session, attemptId) }));
  },
});

/**
 * The feedback of a quest attempt, recorded and linked to the attempt. The caller holds the
 * write transaction, so the attempt side and the feedback side are one unit with whatever the
 * caller writes around them.
 */
export function recordAttemptFeedback({ db, dir }: ProfileSession, attemptId: string): string {
  const attempt = getAttemptForAnalysis(db, attemptId);
  const input = attemptAnalysisInput(db, dir, {
    outputText: attempt.output_text,
    transcriptId: attempt.transcript_id,
    estimatedSec: attempt.estimated_sec,
  });
  const { feedbackId } = recordAutoFeedback(db, dir, {
    subjectType: 'quest_attempt',
    subjectId: attempt.attempt_id,
    source: input.source,
    text: input.text,
    estimatedSec: input.estimatedSec,
  });
  linkAttemptFeedback(db, attempt.attempt_id, feedbackId);
  return feedbackId;
}

export const feedbackGet = defineCommand({
  name: 'feedback_get',
  request: FeedbackRequest,
  response: FeedbackV1,
  handler: ({ profileId, feedbackId }, context) => {
    const { db, dir } = context.profile(profileId);
    return getFeedback(db, dir, feedbackId);
  },
});

export const feedbackContextGet = defineCommand({
  name: 'feedback_context_get',
  request: FeedbackRequest,
  response: FeedbackContext,
  handler: ({ profileId, feedbackId }, context) => getFeedbackContext(context.profile(profileId).db, feedbackId),
});

/** The UI sends both keys, `null` when unset; a given project must exist (`project_not_found`). */
export const feedbackTimelineList = defineCommand({
  name: 'feedback_timeline_list',
  request: z.object({ profileId: Id, projectId: Id.nullish(), limit: OptionalLimit }),
  response: z.array(FeedbackTimelineItem),
  handler: ({ profileId, projectId, limit }, context) =>
    listFeedbackTimeline(context.profile(profileId).db, { projectId, limit }),
});

/** An unknown feedback simply has no note (docs/compatibility.md#feedback-11). */
export const feedbackNoteGet = defineCommand({
  name: 'feedback_note_get',
  request: FeedbackRequest,
  response: NullableText,
  handler: ({ profileId, feedbackId }, context) => getFeedbackNote(context.profile(profileId).db, feedbackId),
});

/**
 * A `null` or absent note deletes the note, exactly like a blank one (docs/compatibility.md#feedback-15): the UI's
 * schema allows both, and the previous backend, which required a string, only ever received
 * one because the UI wrapper always sent a string. Accepting them serves the UI's contract as
 * written instead of refusing a payload the UI considers valid. The feedback must exist either
 * way (`feedback_not_found`).
 */
export const feedbackNoteSet = defineCommand({
  name: 'feedback_note_set',
  request: z.object({ profileId: Id, feedbackId: Id, note: z.string().nullish() }),
  response: VoidResponse,
  handler: ({ profileId, feedbackId, note }, context) => {
    setFeedbackNote(context.profile(profileId).db, feedbackId, note ?? null);
    return null;
  },
});

export const FEEDBACK_COMMANDS: readonly AnyCommand[] = [
  analyzeAttempt,
  feedbackGet,
  feedbackContextGet,
  feedbackTimelineList,
  feedbackNoteGet,
  feedbackNoteSet,
];
