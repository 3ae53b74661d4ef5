/**
 * Unicode White_Space, as the previous app trimmed (Rust `str::trim`): unlike JS `trim()` it
 * removes U+0085 and keeps U+FEFF.
 */
const WHITE_SPACE = new Set([
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005,
  0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
]);

export function trimWhiteSpace(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && WHITE_SPACE.has(text.charCodeAt(start))) start++;
  while (end > start && WHITE_SPACE.has(text.charCodeAt(end - 1))) end--;
  return text.slice(start, end);
}

/** A tag is the review's `reviewer_tag` when it is a string that is not blank; kept untrimmed. */
export function reviewerTagOf(review: unknown): string | null {
  if (typeof review !== 'object' || review === null || Array.isArray(review)) return null;
  const tag = (review as Record<string, unknown>)['reviewer_tag'];
  return typeof tag === 'string' && trimWhiteSpace(tag) !== '' ? tag : null;
}
