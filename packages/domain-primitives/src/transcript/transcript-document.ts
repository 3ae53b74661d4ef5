import { DomainError } from '../errors/domain-error';
import { JsonReader } from '../json/json-reader';
import { trimUnicodeWhiteSpace } from '../text/unicode-white-space';

/**
 * The transcript document (TranscriptV1) that transcript artifacts hold. Every context reads it
 * (the talk context shows, edits and exports it, the feedback context analyses it, packs carry
 * it), so it is read one way, with one error vocabulary.
 */
export const TranscriptErrorCode = {
  /** The file is not a TranscriptV1 document (the previous app said `transcript_parse: …`). */
  PARSE_FAILED: 'transcript_parse_failed',
  /** Every segment is blank: there is no text. */
  EMPTY: 'transcript_empty',
} as const;

/** One segment, in the field order the previous app wrote (and JSON exports keep). */
export interface TranscriptSegment {
  readonly t_start_ms: number;
  readonly t_end_ms: number;
  readonly text: string;
  readonly confidence: number | null;
}

export interface TranscriptV1 {
  readonly schema_version: string;
  readonly language: string;
  readonly model_id: string | null;
  readonly duration_ms: number | null;
  readonly segments: readonly TranscriptSegment[];
}

const json = new JsonReader(TranscriptErrorCode.PARSE_FAILED);

/**
 * Reads a stored transcript as every reader of the previous app did: `schema_version`,
 * `language` and `segments` required; `model_id`, `duration_ms` and a segment's `confidence`
 * nullable or absent; times required integers; unknown fields dropped. The schema version's
 * value is not checked (readers never did).
 */
export function readTranscriptDocument(bytes: Uint8Array): TranscriptV1 {
  const root = json.object(json.parse(bytes), 'transcript');
  return {
    schema_version: json.string(root['schema_version'], 'schema_version'),
    language: json.string(root['language'], 'language'),
    model_id: json.nullable(root['model_id'], (v) => json.string(v, 'model_id')),
    duration_ms: json.nullable(root['duration_ms'], (v) => json.integer(v, 'duration_ms')),
    segments: json.array(root['segments'], 'segments').map((item, i) => readSegment(item, `segments[${i}]`)),
  };
}

function readSegment(value: unknown, path: string): TranscriptSegment {
  const s = json.object(value, path);
  return {
    t_start_ms: json.integer(s['t_start_ms'], `${path}.t_start_ms`),
    t_end_ms: json.integer(s['t_end_ms'], `${path}.t_end_ms`),
    text: json.string(s['text'], `${path}.text`),
    confidence: json.nullable(s['confidence'], (v) => json.number(v, `${path}.confidence`)),
  };
}

/**
 * The transcript's text: segments in stored order, each trimmed of White_Space, blank ones
 * dropped, joined by one space. Whitespace inside a segment (a spoken `\n`) is kept. Nothing
 * left → `transcript_empty`.
 */
export function transcriptText(transcript: TranscriptV1): string {
  const pieces: string[] = [];
  for (const segment of transcript.segments) {
    const piece = trimUnicodeWhiteSpace(segment.text);
    if (piece !== '') pieces.push(piece);
  }
  if (pieces.length === 0) throw new DomainError(TranscriptErrorCode.EMPTY);
  return pieces.join(' ');
}

/** The largest segment end, or null without segments. */
export function transcriptEndMs(transcript: TranscriptV1): number | null {
  let max: number | null = null;
  for (const segment of transcript.segments) {
    if (max === null || segment.t_end_ms > max) max = segment.t_end_ms;
  }
  return max;
}
