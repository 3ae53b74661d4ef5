import { DomainError, TranscriptErrorCode, transcriptText, trimUnicodeWhiteSpace } from '@lepupitre/domain-primitives';
import type { TranscriptExportFormat, TranscriptV1 } from '../types';
import { serializeTranscriptPretty } from './transcript-document';

export const TRANSCRIPT_EXPORT_FORMATS: readonly TranscriptExportFormat[] = ['txt', 'json', 'srt', 'vtt'];

/**
 * The content of a transcript export. Subtitle cues keep newlines inside a segment's text and
 * blank segments as empty cues, as the previous exports did.
 */
export function renderTranscript(doc: TranscriptV1, format: TranscriptExportFormat): string {
  switch (format) {
    case 'txt':
      return transcriptText(doc);
    case 'json':
      return serializeTranscriptPretty(doc);
    case 'srt':
      requireSegments(doc);
      return doc.segments
        .map((s, i) => `${i + 1}\n${timestamp(s.t_start_ms, ',')} --> ${timestamp(s.t_end_ms, ',')}\n${trimUnicodeWhiteSpace(s.text)}\n\n`)
        .join('');
    case 'vtt':
      requireSegments(doc);
      return `WEBVTT\n\n${doc.segments
        .map((s) => `${timestamp(s.t_start_ms, '.')} --> ${timestamp(s.t_end_ms, '.')}\n${trimUnicodeWhiteSpace(s.text)}\n\n`)
        .join('')}`;
  }
}

function requireSegments(doc: TranscriptV1): void {
  if (doc.segments.length === 0) throw new DomainError(TranscriptErrorCode.EMPTY);
}

/** `HH:MM:SS,mmm` (SRT) or `HH:MM:SS.mmm` (VTT); negative times are 0, hours may exceed 99. */
export function timestamp(ms: number, separator: ',' | '.'): string {
  const t = Math.max(ms, 0);
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  const hours = Math.floor(t / 3_600_000);
  const minutes = Math.floor(t / 60_000) % 60;
  const seconds = Math.floor(t / 1000) % 60;
  return `${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}${separator}${pad(t % 1000, 3)}`;
}
