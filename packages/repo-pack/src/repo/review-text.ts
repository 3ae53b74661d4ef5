import { trimUnicodeWhiteSpace } from '@lepupitre/domain-primitives';
import { withoutEscapeControls } from './control-characters';
import { REVIEW_LIMITS } from './pack-limits';
import { boundedTag } from './review-document';

/** A tag is the review's `reviewer_tag` when it is a string that is not blank; kept untrimmed. */
export function reviewerTagOf(review: unknown): string | null {
  if (typeof review !== 'object' || review === null || Array.isArray(review)) return null;
  const tag = (review as Record<string, unknown>)['reviewer_tag'];
  return typeof tag === 'string' && !isBlank(tag) ? tag : null;
}

/**
 * A stored tag as lists and reads return it. Imports refuse escape codes and long tags; a row
 * an earlier version wrote may hold both (megabytes, terminal escapes), so what is returned is
 * cleaned: controls that are not white space removed, cut to the tag limit, blank as none.
 */
export function shownReviewerTag(tag: string | null): string | null {
  if (tag === null) return null;
  const shown = boundedTag(withoutEscapeControls(tag), REVIEW_LIMITS.maxTagLength);
  return isBlank(shown) ? null : shown;
}

function isBlank(tag: string): boolean {
  return trimUnicodeWhiteSpace(tag) === '';
}
