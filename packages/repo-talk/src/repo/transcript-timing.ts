import type { TranscriptSegment } from '../types';

/**
 * Segment times for lines of text, the previous app's algorithm exactly (comment timestamps
 * and subtitle exports depend on it). `duration` is already at least the line count.
 */

/** No source timing: the duration split evenly, the last line taking the remainder. */
export function evenSplit(lines: readonly string[], duration: number): TranscriptSegment[] {
  const chunk = Math.max(Math.floor(duration / lines.length), 1);
  let cursor = 0;
  return lines.map((text, i) => {
    const end = i === lines.length - 1 ? duration : Math.min(cursor + chunk, duration);
    const segment = { t_start_ms: cursor, t_end_ms: Math.max(end, cursor + 1), text, confidence: null };
    cursor = segment.t_end_ms;
    return segment;
  });
}

/**
 * Source timing: line i covers the source windows from floor(i·N/L) to floor((i+1)·N/L) − 1,
 * kept increasing and inside the duration. With more lines than windows the last segments
 * can be 1 ms long; that is the previous behaviour and is kept.
 */
export function proportionalSplit(
  lines: readonly string[],
  windows: readonly { readonly t_start_ms: number; readonly t_end_ms: number }[],
  duration: number,
): TranscriptSegment[] {
  const n = windows.length;
  const l = lines.length;
  let prevEnd = 0;
  return lines.map((text, i) => {
    const a = Math.floor((i * n) / l);
    let b = Math.max(Math.floor(((i + 1) * n) / l) - 1, 0);
    if (b < a) b = a;
    let start = Math.max((windows[a] as { t_start_ms: number }).t_start_ms, prevEnd, 0);
    if (start >= duration) start = Math.max(duration - 1, 0);
    let end = Math.max((windows[b] as { t_end_ms: number }).t_end_ms, start + 1);
    if (end > duration) end = duration;
    if (end <= start) end = Math.min(start + 1, Math.max(duration, 1));
    prevEnd = end;
    return { t_start_ms: start, t_end_ms: end, text, confidence: null };
  });
}
