/**
 * The analyser's word lists, exactly as the previous app shipped them. Changing any entry
 * changes scores and the bytes of stored feedback (kept on purpose: docs/compatibility.md#feedback-1, docs/compatibility.md#feedback-2).
 */

/** Tokens counted as fillers wherever they occur, whatever they mean in context. */
export const FILLER_WORDS: ReadonlySet<string> = new Set([
  'um', 'uh', 'like', 'actually', 'basically', 'literally', 'sort', 'kind', 'okay', 'euh', 'bah', 'genre',
]);

/**
 * Phrases counted as raw substrings of the ASCII-lower-cased text: no word boundary, single
 * spaces only. None of their words is a filler on its own, so nothing is counted twice.
 */
export const FILLER_PHRASES: readonly string[] = ['you know', 'du coup'];

/** English then French stop words; only entries of three or more characters can matter. */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'and', 'or', 'but', 'to', 'of', 'in', 'on', 'for', 'with', 'is', 'are', 'was', 'were', 'be',
  'this', 'that', 'it', 'we', 'you', 'i', 'our', 'your', 'my', 'they', 'their', 'as', 'at', 'by', 'from',
  'le', 'la', 'les', 'un', 'une', 'des', 'et', 'ou', 'mais', 'de', 'du', 'en', 'dans', 'sur', 'pour', 'avec',
  'est', 'sont', 'etre', 'ce', 'cette', 'ces', 'je', 'tu', 'il', 'elle', 'nous', 'vous', 'ils', 'elles', 'mon',
  'ma', 'mes', 'notre', 'votre', 'leur', 'aux', 'au',
]);
