import type { FeedbackMetrics } from '../../types';
import { FILLER_PHRASES, FILLER_WORDS, STOP_WORDS } from './word-lists';
import { countOccurrences, scanWords, sentenceCount } from './text-scan';

const MAX_REPEAT_TERMS = 5;
const MIN_TERM_LENGTH = 3;
const MIN_ANALYSED_SECONDS = 30;

/**
 * The metrics, in IEEE-754 double arithmetic and in the previous app's order of
 * operations: reordering any of them can change the last bit of a stored value.
 */
export function computeMetrics(text: string, estimatedSec: number): FeedbackMetrics {
  const { lowered, tokens, jargonTerms } = scanWords(text);
  const sentences = sentenceCount(text);

  const words = tokens.length;
  const sentencesForAverage = Math.max(sentences, 1);
  const avgSentenceWords = words > 0 ? words / sentencesForAverage : 0.0;
  const durationMin = Math.max(estimatedSec, MIN_ANALYSED_SECONDS) / 60;
  const wpm = words / durationMin;
  const fillerPerMin = fillerCount(lowered, tokens) / durationMin;
  const pauseCount = Math.max(sentences - 1, 0);
  const densityScore = Math.min(avgSentenceWords * 4.0, 100.0);

  return {
    wpm,
    filler_per_min: fillerPerMin,
    pause_count: pauseCount,
    avg_sentence_words: avgSentenceWords,
    repeat_terms: repeatTerms(tokens),
    jargon_terms: jargonTerms,
    density_score: densityScore,
  };
}

/** Filler tokens plus phrase occurrences in the ASCII-lower-cased text. */
export function fillerCount(lowered: string, tokens: readonly string[]): number {
  let count = 0;
  for (const token of tokens) if (FILLER_WORDS.has(token)) count += 1;
  for (const phrase of FILLER_PHRASES) count += countOccurrences(lowered, phrase);
  return count;
}

/**
 * Up to five tokens seen more than once, most frequent first, ties by code-unit order (never
 * `localeCompare`: the order must not depend on the machine's locale). Fillers are not excluded.
 */
export function repeatTerms(tokens: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const token of tokens) {
    if (token.length < MIN_TERM_LENGTH || STOP_WORDS.has(token)) continue;
    counts.set(token, (counts.get(token) ?? 0) + 1);
  }
  const repeated: [string, number][] = [];
  for (const entry of counts) if (entry[1] > 1) repeated.push(entry);
  repeated.sort(([termA, countA], [termB, countB]) =>
    countA !== countB ? countB - countA : termA < termB ? -1 : termA > termB ? 1 : 0,
  );
  return repeated.slice(0, MAX_REPEAT_TERMS).map(([term]) => term);
}
