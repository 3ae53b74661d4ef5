import { ERROR_SENTENCES, FALLBACK_SENTENCE } from '../errors/error-sentences';

/** Where the page imports the catalogue from. */
export const PAGE_SENTENCES_PATH = '/error-sentences.js';

/**
 * The sentence catalogue as an ES module for the page, made once at start from the one
 * catalogue the CLI and the router use, so the page never carries a copy that could drift. The
 * page needs all of it, not only what the router sends: its own codes (`HOST_UNREACHABLE` when
 * the host is gone) have no answer to carry them. JSON is valid module source as it stands.
 */
export function pageSentencesModule(): Buffer {
  return Buffer.from(
    [
      `// Made by the app host from apps/desktop/src/errors/error-sentences.ts.`,
      `export const ERROR_SENTENCES = Object.freeze(${JSON.stringify(ERROR_SENTENCES)});`,
      `export const FALLBACK_SENTENCE = Object.freeze(${JSON.stringify(FALLBACK_SENTENCE)});`,
      '',
    ].join('\n'),
    'utf8',
  );
}
