import type { TranscriptSegment, TranscriptV1 } from '../../types';
import { FeedbackErrorCode } from '../errors';
import { JsonReader } from '../json-read';

const json = new JsonReader(FeedbackErrorCode.TRANSCRIPT_PARSE_FAILED);

/**
 * Reads a stored transcript (TranscriptV1) as every reader of the previous app did:
 * `schema_version`, `language` and `segments` required; `model_id`, `duration_ms` and a
 * segment's `confidence` nullable or absent; segment times required integers; unknown fields
 * dropped. The schema version's value is not checked (readers never did).
 */
export function parseTranscript(bytes: Uint8Array): TranscriptV1 {
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
