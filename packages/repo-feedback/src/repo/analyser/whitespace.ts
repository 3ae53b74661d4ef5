import { isUnicodeWhiteSpace } from '@lepupitre/domain-primitives';

/** True when `text[from, to)` holds only Unicode White_Space (or nothing): a blank sentence piece. */
export function isBlankRange(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    if (!isUnicodeWhiteSpace(text.charCodeAt(i))) return false;
  }
  return true;
}
