/**
 * Unicode White_Space, as the previous app trimmed and split (Rust `str::trim`,
 * `split_whitespace`). JavaScript's `trim()` differs on two code points: it removes U+FEFF,
 * which is not White_Space, and keeps U+0085, which is. Every context judges names, keys, talk
 * fields, notes and transcript text with this one definition, so stored values stay
 * byte-identical to what the previous app wrote. Every White_Space code point is in the BMP, so
 * scanning UTF-16 code units is exact.
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

/** Removes leading and trailing Unicode White_Space (Rust `trim`). */
export function trimUnicodeWhiteSpace(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isUnicodeWhiteSpace(text.charCodeAt(start))) start += 1;
  while (end > start && isUnicodeWhiteSpace(text.charCodeAt(end - 1))) end -= 1;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/** The words between runs of Unicode White_Space (Rust `split_whitespace`). */
export function splitUnicodeWhiteSpace(text: string): string[] {
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const blank = i === text.length || isUnicodeWhiteSpace(text.charCodeAt(i));
    if (blank && start !== -1) {
      words.push(text.slice(start, i));
      start = -1;
    } else if (!blank && start === -1) {
      start = i;
    }
  }
  return words;
}
