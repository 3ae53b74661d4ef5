import { DomainError } from '@lepupitre/domain-primitives';
import { FeedbackErrorCode } from '../errors';
import type { FeedbackAction, FeedbackMetrics, FeedbackV1 } from '../../types';
import { computeMetrics } from './metrics';

export const FEEDBACK_SCHEMA_VERSION = '1.0.0';

const MAX_TOP_ACTIONS = 2;

const REDUCE_FILLERS: FeedbackAction = {
  action_id: 'reduce_fillers',
  title: 'Reduce filler words',
  why_it_matters: 'Fillers dilute clarity and confidence.',
  how_to_fix: 'Pause silently instead of using fillers.',
  target_quest_codes: ['D01'],
};

const SHORTEN_SENTENCES: FeedbackAction = {
  action_id: 'shorten_sentences',
  title: 'Shorten long sentences',
  why_it_matters: 'Shorter sentences keep ideas crisp.',
  how_to_fix: 'Break each idea into a single line.',
  target_quest_codes: ['A01'],
};

const VARY_TERMS: FeedbackAction = {
  action_id: 'vary_terms',
  title: 'Vary repeated terms',
  why_it_matters: 'Repetition weakens perceived structure.',
  how_to_fix: 'Swap repeated words with simpler alternatives.',
  target_quest_codes: ['A01'],
};

/**
 * The deterministic analyser: no clock, no randomness, no locale. The same text and duration
 * always give the same document, and `serializeFeedback` the same bytes.
 *
 * `estimatedSec` is a whole number of seconds (runs: the transcript's last segment end rounded
 * up; attempts: the quest's nominal duration); anything below 30 s counts as 30 s.
 */
export function buildFeedbackFromText(text: string, estimatedSec: number): FeedbackV1 {
  if (!Number.isInteger(estimatedSec)) {
    throw new DomainError(FeedbackErrorCode.ANALYSIS_DURATION_INVALID);
  }
  const metrics = computeMetrics(text, estimatedSec);
  return {
    schema_version: FEEDBACK_SCHEMA_VERSION,
    overall_score: overallScore(metrics),
    top_actions: topActions(metrics),
    comments: [],
    metrics,
  };
}

/** Starts at 90 and only ever loses points (docs/compatibility.md#feedback-4); the order of the steps is the contract. */
export function overallScore(metrics: FeedbackMetrics): number {
  let score = 90.0;
  score = score - metrics.filler_per_min * 2.5;
  if (metrics.avg_sentence_words > 18.0) score = score - (metrics.avg_sentence_words - 18.0) * 1.5;
  if (metrics.repeat_terms.length > 3) score = score - (metrics.repeat_terms.length - 3) * 1.5;
  const clamped = Math.min(Math.max(score, 0.0), 100.0);
  // Half away from zero; for the non-negative values left after the clamp, Math.round agrees.
  return Math.round(clamped);
}

export function topActions(metrics: FeedbackMetrics): FeedbackAction[] {
  const actions: FeedbackAction[] = [];
  if (metrics.filler_per_min > 2.0) actions.push(REDUCE_FILLERS);
  if (metrics.avg_sentence_words > 18.0) actions.push(SHORTEN_SENTENCES);
  if (actions.length < 2 && metrics.repeat_terms.length > 0) actions.push(VARY_TERMS);
  return actions.slice(0, MAX_TOP_ACTIONS);
}
