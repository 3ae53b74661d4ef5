/**
 * Text read from a file, a folder name or a caller's input, made fit to print in a message, a
 * terminal line or a JSON field. A database's `schema_migrations` row, a table name, a profile
 * folder's name or an IPC payload can hold anything: terminal escape sequences (which recolour,
 * clear or retitle the operator's terminal), a line break followed by a line that poses as the
 * CLI's own, direction overrides that reorder what is shown, or megabytes. Every place that
 * quotes such text goes through `printableText`, so there is one definition of what is shown.
 *
 * Escaped: control characters (C0, DEL, C1), format characters (direction overrides and
 * isolates, zero-width characters, the byte-order mark), the line and paragraph separators, and
 * unpaired surrogates, as `\n`, `\r`, `\t`, `\x1b`, `\u202e`, `\u{e0001}`. A backslash is left as
 * it is: the result is for reading, not for parsing back, and leaving it keeps the function
 * idempotent, so text already made printable is shown unchanged when it is quoted again.
 */

/** Longest value shown, after escaping: an id, a table or folder name fits many times over. */
export const PRINTABLE_MAX_CHARS = 80;

/** Values shown of a list before the rest is counted: a refusal names a few ids, not thousands. */
export const PRINTABLE_MAX_ITEMS = 10;

const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;

const NAMED_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * The value with every unprintable character escaped. When the escaped form would pass
 * `maxChars`, it is cut and followed by the value's length (`abc…(204800 chars)`) so that a
 * reader knows it was cut and by how much; the mark counts within `maxChars`, so a cut value is
 * itself printable and is not cut again when it is quoted. Only as much of the value as is
 * shown is read.
 */
export function printableText(value: string, maxChars: number = PRINTABLE_MAX_CHARS): string {
  if (value.length <= maxChars && !UNPRINTABLE.test(value)) return value;
  const mark = `…(${value.length} chars)`;
  const budget = Math.max(0, maxChars - mark.length);
  let shown = '';
  let kept: string | null = null;
  // Iterates code points: a surrogate pair is one character, an unpaired half is escaped alone.
  for (const char of value) {
    const piece = UNPRINTABLE.test(char) ? escapeOf(char) : char;
    if (kept === null && shown.length + piece.length > budget) kept = shown;
    shown += piece;
    if (shown.length > maxChars) return `${kept ?? shown}${mark}`;
  }
  return shown;
}

/** The first `maxItems` values, each printable, then how many more there are (`a, b and 3 more`). */
export function printableList(values: readonly string[], maxItems: number = PRINTABLE_MAX_ITEMS): string {
  const shown = values.slice(0, maxItems).map((value) => printableText(value));
  const rest = values.length - shown.length;
  return rest > 0 ? `${shown.join(', ')} and ${rest} more` : shown.join(', ');
}

function escapeOf(char: string): string {
  const named = NAMED_ESCAPES[char];
  if (named !== undefined) return named;
  const code = char.codePointAt(0) as number;
  if (code <= 0xff) return `\\x${code.toString(16).padStart(2, '0')}`;
  if (code <= 0xffff) return `\\u${code.toString(16).padStart(4, '0')}`;
  return `\\u{${code.toString(16)}}`;
}
