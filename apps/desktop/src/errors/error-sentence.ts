import { ERROR_SENTENCES, FALLBACK_SENTENCE } from './error-sentences';
import type { Locale, Sentence } from './locale';

const catalogue: Readonly<Record<string, Sentence>> = ERROR_SENTENCES;

/**
 * The sentences of a code. The lookup is on the catalogue's own keys only, so a code such as
 * `constructor` or `__proto__` (an unknown command's name can be anything) gets the fallback.
 */
export function sentenceOf(code: string): Sentence {
  return Object.hasOwn(catalogue, code) ? (catalogue[code] as Sentence) : FALLBACK_SENTENCE;
}

export function hasSentence(code: string): boolean {
  return Object.hasOwn(catalogue, code);
}

/**
 * What a safe message adds to its code, or null when it adds nothing. Many domain errors carry
 * the code itself as their message (the previous app's string), some prefix it (`<code>: <why>`,
 * `<code> (<why>)`): shown beside the code, those would say the code twice, so the prefix goes.
 */
export function errorDetail(code: string, message: string): string | null {
  let detail = message.trim();
  if (detail.startsWith(code) && !/^\w/.test(detail.slice(code.length))) {
    detail = detail.slice(code.length).replace(/^\s*:?\s*/, '');
    if (detail.startsWith('(') && detail.endsWith(')')) detail = detail.slice(1, -1).trim();
  }
  return detail === '' ? null : detail;
}

/**
 * What follows `<CODE>: ` when a person reads an error: the sentence in their language, then
 * the message in parentheses when it tells more than the code (which ids, which step).
 */
export function humanMessage(error: { readonly code: string; readonly message: string }, locale: Locale): string {
  const detail = errorDetail(error.code, error.message);
  const sentence = sentenceOf(error.code)[locale];
  return detail === null ? sentence : `${sentence} (${detail})`;
}
