import { DomainError, TranscriptErrorCode, trimUnicodeWhiteSpace } from '@lepupitre/domain-primitives';
import type { TranscriptSegment, TranscriptV1 } from '../types';

export const TRANSCRIPT_SCHEMA_VERSION = '1.0.0';

type Json = Record<string, unknown>;

/**
 * Checks a transcript arriving from outside against what the UI accepts when it reads one
 * back (schema version `1.0.0`, a language, non-negative integer times, confidence in [0, 1]).
 * Blank segments are dropped and a transcript left without any is refused
 * (`transcript_empty`), so a stored transcript is always one the UI can show.
 */
export function validateImportedTranscript(value: unknown): TranscriptV1 {
  const doc = asObject(value);
  if (doc.schema_version !== TRANSCRIPT_SCHEMA_VERSION) throw parseError();
  if (typeof doc.language !== 'string' || doc.language.length < 2) throw parseError();
  if (!Array.isArray(doc.segments)) throw parseError();
  const segments: TranscriptSegment[] = doc.segments.map((item) => {
    const segment = asObject(item);
    if (!isNonNegativeInteger(segment.t_start_ms) || !isNonNegativeInteger(segment.t_end_ms)) throw parseError();
    if (typeof segment.text !== 'string') throw parseError();
    return {
      t_start_ms: segment.t_start_ms,
      t_end_ms: segment.t_end_ms,
      text: segment.text,
      confidence: optional(segment.confidence, (v) => typeof v === 'number' && v >= 0 && v <= 1) as number | null,
    };
  });
  const kept = segments.filter((segment) => trimUnicodeWhiteSpace(segment.text) !== '');
  if (kept.length === 0) throw new DomainError(TranscriptErrorCode.EMPTY);
  return {
    schema_version: TRANSCRIPT_SCHEMA_VERSION,
    language: doc.language,
    model_id: optional(doc.model_id, (v) => typeof v === 'string' && v.length > 0) as string | null,
    duration_ms: optional(doc.duration_ms, isNonNegativeInteger) as number | null,
    segments: kept,
  };
}

/** The stored form: compact, fields in TranscriptV1 order, nulls explicit, no trailing newline. */
export function serializeTranscript(doc: TranscriptV1): string {
  return JSON.stringify(canonical(doc));
}

/** The `json` export: the same document, 2-space indented, no trailing newline. */
export function serializeTranscriptPretty(doc: TranscriptV1): string {
  return JSON.stringify(canonical(doc), null, 2);
}

/** Rebuilt field by field so the order is TranscriptV1's whatever the input's was. */
function canonical(doc: TranscriptV1): TranscriptV1 {
  return {
    schema_version: doc.schema_version,
    language: doc.language,
    model_id: doc.model_id,
    duration_ms: doc.duration_ms,
    segments: doc.segments.map((s) => ({ t_start_ms: s.t_start_ms, t_end_ms: s.t_end_ms, text: s.text, confidence: s.confidence })),
  };
}

function asObject(value: unknown): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw parseError();
  return value as Json;
}

/** Absent and null are null; anything else must pass `check`. */
function optional(value: unknown, check: (v: unknown) => boolean): unknown {
  if (value === undefined || value === null) return null;
  if (!check(value)) throw parseError();
  return value;
}

function isNonNegativeInteger(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

function parseError(): DomainError {
  return new DomainError(TranscriptErrorCode.PARSE_FAILED, 'the transcript does not have the TranscriptV1 shape');
}
