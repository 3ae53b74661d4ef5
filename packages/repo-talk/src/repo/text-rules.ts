/* Length rules of the talk fields: the previous app counted and cut in Unicode scalar values. */

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
