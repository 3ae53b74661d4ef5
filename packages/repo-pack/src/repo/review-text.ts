import { trimUnicodeWhiteSpace } from '@lepupitre/db-core';

/** A tag is the review's `reviewer_tag` when it is a string that is not blank; kept untrimmed. */
export function reviewerTagOf(review: unknown): string | null {
  if (typeof review !== 'object' || review === null || Array.isArray(review)) return null;
  const tag = (review as Record<string, unknown>)['reviewer_tag'];
  return typeof tag === 'string' && trimUnicodeWhiteSpace(tag) !== '' ? tag : null;
}
