/**
 * Text rules shared by the talk fields and the transcript editor. The previous app trimmed with
 * Rust's `str::trim`, whose whitespace is Unicode `White_Space`; JavaScript's `trim` differs on
 * two code points (it strips U+FEFF, keeps U+0085), so the set is spelled out.
 */
const WHITE_SPACE = '\\t\\n\\u000b\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const EDGES = new RegExp(`^[${WHITE_SPACE}]+|[${WHITE_SPACE}]+$`, 'g');

const RUNS = new RegExp(`[${WHITE_SPACE}]+`);

export function trimUnicode(value: string): string {
  return value.replace(EDGES, '');
}

/** Words separated by runs of whitespace (Rust's `split_whitespace`). */
export function splitWhitespace(value: string): string[] {
  return value.split(RUNS).filter((word) => word !== '');
}

/** Length in Unicode scalar values, as the previous app counted (`chars().count()`). */
export function scalarLength(value: string): number {
  let n = 0;
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    // A high surrogate followed by a low one is one scalar value.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < value.length) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i += 1;
    }
    n += 1;
  }
  return n;
}

/** The first `max` scalar values; never splits a surrogate pair. */
export function truncateScalars(value: string, max: number): string {
  if (value.length <= max) return value;
  let out = '';
  let n = 0;
  for (const ch of value) {
    if (n === max) break;
    out += ch;
    n += 1;
  }
  return out;
}
