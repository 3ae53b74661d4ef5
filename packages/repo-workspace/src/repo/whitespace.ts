/**
 * Unicode White_Space, the set Rust's `str::trim` strips. JavaScript's `trim` differs at two
 * points: it also strips U+FEFF (not White_Space) and keeps U+0085 (White_Space). Keys and
 * names must be judged as the previous app judged them, so neither difference may leak in.
 */
const WHITE_SPACE = '\\t\\n\\v\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000';
const SURROUNDING = new RegExp(`^[${WHITE_SPACE}]+|[${WHITE_SPACE}]+$`, 'g');

export function trimWhiteSpace(text: string): string {
  return text.replace(SURROUNDING, '');
}
