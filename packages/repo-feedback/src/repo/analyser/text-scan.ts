import { isBlankRange } from './whitespace';

/*
 * The analyser's character classes are ASCII on purpose (docs/compatibility.md#feedback-1): an accented letter splits a
 * word (`sécurité` → `s`, `curit`). Any non-ASCII code point, including both halves of a
 * surrogate pair, is a separator, so scanning UTF-16 code units gives the same result as
 * scanning code points.
 */

const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
const LOWER_A = 0x61;
const LOWER_Z = 0x7a;
const MIN_JARGON_LENGTH = 3;

function isLowerAlphanumeric(code: number): boolean {
  return (code >= LOWER_A && code <= LOWER_Z) || (code >= DIGIT_0 && code <= DIGIT_9);
}

/** Lower-cases `A`–`Z` only: a locale-aware lower-casing would turn U+212A (Kelvin) into `k`. */
export function asciiLowercase(text: string): string {
  return text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
}

/** What one pass over the text finds: the words, and the jargon among them as written. */
export interface WordScan {
  /** The text with `A`–`Z` lower-cased, same length and positions as the text. */
  readonly lowered: string;
  /** Maximal runs of `[A-Za-z0-9]`, lower-cased, in text order. */
  readonly tokens: string[];
  /**
   * Runs of three or more characters, as written, that hold no lowercase letter or hold a digit
   * (`API`, `2024`, `k8s`), first occurrence of each exact string only, uncapped (docs/compatibility.md#feedback-3).
   */
  readonly jargonTerms: string[];
}

/**
 * Tokens and jargon in a single scan of the lower-cased text: lower-casing `A`–`Z` moves no
 * character, so a run found there is the same range of the original. Long transcripts are the
 * point of this shape: one allocation per token, none per character.
 */
export function scanWords(text: string): WordScan {
  const lowered = asciiLowercase(text);
  const tokens: string[] = [];
  const jargonTerms: string[] = [];
  const seenJargon = new Set<string>();
  let start = -1;
  for (let i = 0; i <= lowered.length; i++) {
    if (i < lowered.length && isLowerAlphanumeric(lowered.charCodeAt(i))) {
      if (start < 0) start = i;
      continue;
    }
    if (start < 0) continue;
    tokens.push(lowered.slice(start, i));
    if (i - start >= MIN_JARGON_LENGTH && isJargon(text, start, i)) {
      const run = text.slice(start, i);
      if (!seenJargon.has(run)) {
        seenJargon.add(run);
        jargonTerms.push(run);
      }
    }
    start = -1;
  }
  return { lowered, tokens, jargonTerms };
}

/** The analyser's words. */
export function tokenize(text: string): string[] {
  return scanWords(text).tokens;
}

/** A run is jargon when it holds no ASCII lowercase letter, or holds a digit. */
function isJargon(text: string, from: number, to: number): boolean {
  let hasLowercase = false;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code >= DIGIT_0 && code <= DIGIT_9) return true;
    if (code >= LOWER_A && code <= LOWER_Z) hasLowercase = true;
  }
  return !hasLowercase;
}

/**
 * Sentences: pieces between `.`, `!`, `?` and `\n` (every occurrence separates, so `...`
 * yields empty pieces) that are not blank after a White_Space trim.
 */
export function sentenceCount(text: string): number {
  let count = 0;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : -1;
    if (code === -1 || code === 0x2e || code === 0x21 || code === 0x3f || code === 0x0a) {
      if (!isBlankRange(text, start, i)) count += 1;
      start = i + 1;
    }
  }
  return count;
}

/** Non-overlapping occurrences of `needle`, scanning left to right. */
export function countOccurrences(haystack: string, needle: string): number {
  let count = 0;
  let from = haystack.indexOf(needle);
  while (from >= 0) {
    count += 1;
    from = haystack.indexOf(needle, from + needle.length);
  }
  return count;
}
