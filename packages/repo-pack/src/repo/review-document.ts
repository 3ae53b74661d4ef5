import type { ReviewLimits } from '../types';
import { hasEscapeControl, withoutEscapeControls } from './control-characters';
import { PackArchiveError, PackErrorCode } from './pack-errors';
import { decodeUtf8 } from './pack-manifest';

/**
 * What to do with a control character that is not white space: refuse the review (import: the
 * reviewer can send a clean one) or remove it (read-back of a review stored before the rule:
 * the user keeps the rest of it).
 */
export type ControlPolicy = 'refuse' | 'remove';

const OPEN_BRACKET = 0x5b;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACKET = 0x5d;
const CLOSE_BRACE = 0x7d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Reads a review file (any JSON value; its shape is checked on read-back) under the limits.
 * Size first, then nesting on the text itself, before `JSON.parse` builds anything: a value
 * nested 200,000 levels deep parses fine but overflows the stack of everything that walks it
 * afterwards (`JSON.stringify` of a response, first of all). Then every object, array and
 * string. Refusals are `review_limit_exceeded` or `review_invalid_text` with the limit as the
 * reason, or `review_parse_failed` (`json`) for text that is not strict UTF-8 JSON.
 */
export function readReviewJson(bytes: Buffer, limits: ReviewLimits, controls: ControlPolicy): unknown {
  if (bytes.length > limits.maxBytes) throw limitExceeded('bytes');
  let text: string;
  try {
    text = decodeUtf8(bytes);
  } catch (error) {
    throw new PackArchiveError(PackErrorCode.REVIEW_PARSE_FAILED, 'json', { cause: error });
  }
  if (nestsDeeperThan(text, limits.maxDepth)) throw limitExceeded('depth');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new PackArchiveError(PackErrorCode.REVIEW_PARSE_FAILED, 'json', { cause: error });
  }
  const checked = checkValue(value, limits, controls);
  return controls === 'remove' ? cutTag(checked, limits) : refuseLongTag(checked, limits);
}

/**
 * True when arrays and objects nest deeper than `maxDepth`, counted on the text: brackets
 * outside strings. Linear, no recursion; on text that is not JSON the answer does not matter,
 * `JSON.parse` refuses it next.
 */
function nestsDeeperThan(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_BRACKET || c === OPEN_BRACE) {
      if (++depth > maxDepth) return true;
    } else if (c === CLOSE_BRACKET || c === CLOSE_BRACE) {
      depth--;
    }
  }
  return false;
}

/** Recursion is safe here: nesting was bounded on the text. */
function checkValue(value: unknown, limits: ReviewLimits, controls: ControlPolicy): unknown {
  if (typeof value === 'string') return checkString(value, limits.maxStringLength, 'string_length', controls);
  if (Array.isArray(value)) {
    if (value.length > limits.maxItems) throw limitExceeded('items');
    return value.map((item) => checkValue(item, limits, controls));
  }
  if (typeof value === 'object' && value !== null) {
    const members = Object.entries(value);
    if (members.length > limits.maxItems) throw limitExceeded('items');
    return Object.fromEntries(
      members.map(([key, member]) => [checkString(key, limits.maxKeyLength, 'key_length', controls), checkValue(member, limits, controls)]),
    );
  }
  return value;
}

function checkString(value: string, maxLength: number, reason: string, controls: ControlPolicy): string {
  if (value.length > maxLength) throw limitExceeded(reason);
  if (!hasEscapeControl(value)) return value;
  if (controls === 'refuse') throw new PackArchiveError(PackErrorCode.REVIEW_INVALID_TEXT, 'control_character');
  return withoutEscapeControls(value);
}

/** At import, a tag longer than a tag can be is refused. */
function refuseLongTag(review: unknown, limits: ReviewLimits): unknown {
  const tag = tagOf(review);
  if (tag !== undefined && codePoints(tag) > limits.maxTagLength) throw limitExceeded('reviewer_tag_length');
  return review;
}

/** On read-back, a tag stored before the limit is cut to it: it is a label, shown in lists. */
function cutTag(review: unknown, limits: ReviewLimits): unknown {
  const tag = tagOf(review);
  if (tag === undefined) return review;
  return { ...(review as Record<string, unknown>), reviewer_tag: boundedTag(tag, limits.maxTagLength) };
}

/** The tag cut to `maxLength` code points (never inside a surrogate pair). */
export function boundedTag(tag: string, maxLength: number): string {
  return codePoints(tag) > maxLength ? [...tag].slice(0, maxLength).join('') : tag;
}

function tagOf(review: unknown): string | undefined {
  if (typeof review !== 'object' || review === null || Array.isArray(review)) return undefined;
  const tag = (review as Record<string, unknown>)['reviewer_tag'];
  return typeof tag === 'string' ? tag : undefined;
}

function codePoints(text: string): number {
  return [...text].length;
}

function limitExceeded(reason: string): PackArchiveError {
  return new PackArchiveError(PackErrorCode.REVIEW_LIMIT_EXCEEDED, reason);
}
