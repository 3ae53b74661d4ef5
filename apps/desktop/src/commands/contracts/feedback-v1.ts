import { z } from 'zod';
import { Id, Text } from '../wire-schemas';

/**
 * The UI's FeedbackV1 contract (`feedback_get`, docs/contexts/feedback.md). It is looser than
 * what the analyser writes in places (`jargon_terms`, `density_score` optional) and stricter
 * in others (at most 2 actions, 7 comments, 10 repeat terms; known severities): a stored
 * document outside it fails the response check (`IPC_INTERNAL`) instead of reaching a UI that
 * would refuse it. Fields the stored document types more loosely (`schema_version`, `severity`
 * as any string, `evidence` as any JSON) go through a pipe, so the handler returns the
 * document unchanged.
 */
const NonNegative = z.number().nonnegative();
const NonNegativeInt = z.number().int().nonnegative();

const FeedbackAction = z.object({
  action_id: Text,
  title: Text,
  why_it_matters: Text,
  how_to_fix: Text,
  target_quest_codes: z.array(Text).min(1).max(3),
});

const FeedbackComment = z.object({
  t_start_ms: NonNegativeInt,
  t_end_ms: NonNegativeInt,
  severity: z.string().pipe(z.enum(['low', 'medium', 'high'])),
  label: Text,
  evidence: z.unknown().pipe(z.record(z.string(), z.unknown()).nullish()),
  suggestion: Text,
});

const FeedbackMetrics = z.object({
  wpm: NonNegative,
  filler_per_min: NonNegative,
  pause_count: NonNegativeInt,
  avg_sentence_words: NonNegative,
  repeat_terms: z.array(Text).max(10),
  jargon_terms: z.array(Text).nullish(),
  density_score: NonNegative.nullish(),
});

export const FeedbackV1 = z.object({
  schema_version: z.string().pipe(z.literal('1.0.0')),
  overall_score: z.number().int().min(0).max(100),
  top_actions: z.array(FeedbackAction).max(2),
  comments: z.array(FeedbackComment).max(7),
  metrics: FeedbackMetrics,
});

/** `run_analyze` and `analyze_attempt`: the one camelCase response of these contexts. */
export const AnalyzeResponse = z.object({ feedbackId: Id });
