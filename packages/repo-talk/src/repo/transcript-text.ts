import { DomainError, trimUnicodeWhiteSpace } from '@lepupitre/db-core';
import type { TranscriptV1 } from '../types';

/**
 * The transcript as one text, for analysis and the `txt` export: segments in stored order,
 * each trimmed, blank ones dropped, joined with one space. Whitespace inside a segment
 * (newlines included) is kept.
 */
export function transcriptText(doc: TranscriptV1): string {
  const text = doc.segments
    .map((segment) => trimUnicodeWhiteSpace(segment.text))
    .filter((part) => part !== '')
    .join(' ');
  if (text === '') throw new DomainError('transcript_empty');
  return text;
}

/** The largest segment end, or null without segments. */
export function transcriptEndMs(doc: TranscriptV1): number | null {
  return doc.segments.reduce<number | null>((max, s) => (max === null || s.t_end_ms > max ? s.t_end_ms : max), null);
}

/**
 * Editor text to segment texts: one segment per line (`\n`), a trailing `\r` removed, each
 * line trimmed, blank lines dropped.
 */
export function editorLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => trimUnicodeWhiteSpace(line.endsWith('\r') ? line.slice(0, -1) : line))
    .filter((line) => line !== '');
}
