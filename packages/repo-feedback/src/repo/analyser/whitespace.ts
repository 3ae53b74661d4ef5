/**
 * Unicode White_Space, as the previous app's trim saw it (Rust `str::trim`). JS `trim()` differs
 * on two code points: it removes U+FEFF, which is not White_Space, and keeps U+0085, which is.
 * Sentence counting, transcript joining and note trimming all go through this one definition,
 * so stored feedback and notes stay byte-identical to what the previous app produced.
 * Every White_Space code point is in the BMP, so scanning UTF-16 code units is exact.
 */
export function isUnicodeWhiteSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0x85) return false;
  return (
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

/** Removes leading and trailing Unicode White_Space (Rust `trim` semantics). */
export function trimUnicodeWhiteSpace(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isUnicodeWhiteSpace(text.charCodeAt(start))) start += 1;
  while (end > start && isUnicodeWhiteSpace(text.charCodeAt(end - 1))) end -= 1;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/** True when `text[from, to)` holds only White_Space (or nothing). */
export function isBlankRange(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    if (!isUnicodeWhiteSpace(text.charCodeAt(i))) return false;
  }
  return true;
}
