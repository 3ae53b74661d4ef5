import { ArtifactStore, type DatabaseHandle } from '@lepupitre/db-core';
import {
  DomainError,
  readTranscriptDocument,
  transcriptEndMs,
  TranscriptErrorCode,
  trimUnicodeWhiteSpace,
  utcNow,
} from '@lepupitre/domain-primitives';
import {
  TalkErrorCode,
  type ExportedFile,
  type SavedTranscript,
  type TranscriptExportFormat,
  type TranscriptImportInput,
  type TranscriptSegment,
  type TranscriptV1,
  type WriteOptions,
} from '../types';
import { requireArtifactOfKind } from './artifact-checks';
import { writeExportFile } from './export-files';
import { applySpokenPunctuation } from './spoken-punctuation';
import {
  serializeTranscript,
  TRANSCRIPT_SCHEMA_VERSION,
  validateImportedTranscript,
} from './transcript-document';
import { renderTranscript, TRANSCRIPT_EXPORT_FORMATS } from './transcript-formats';
import { editorLines } from './transcript-text';
import { evenSplit, proportionalSplit } from './transcript-timing';
import { decodeWav, durationMs } from './wav';

const IMPORT_LANGUAGES = ['auto', 'en', 'fr'];

/**
 * Loads a transcript artifact: it must exist (`artifact_not_found`) and be a transcript
 * (`artifact_not_transcript`); its file is read through the store's contained path resolution
 * and parsed (`transcript_parse_failed`).
 */
function loadTranscript(db: DatabaseHandle, profileDir: string, transcriptId: string): TranscriptV1 {
  requireArtifactOfKind(db, transcriptId, 'transcript');
  return readTranscriptDocument(new ArtifactStore(db, profileDir).read(transcriptId));
}

/**
 * `transcript_get`: the stored transcript, unknown fields dropped, absent optionals as null.
 * Blank segments are left out of what the UI gets, and a transcript with none left is
 * `transcript_empty` (docs/compatibility.md#talk-20): the previous speech engine stored such transcripts,
 * which the UI's schema refuses. The file itself is never rewritten.
 */
export function getTranscript(db: DatabaseHandle, profileDir: string, transcriptId: string): TranscriptV1 {
  const doc = loadTranscript(db, profileDir, transcriptId);
  const segments = doc.segments.filter((segment) => trimUnicodeWhiteSpace(segment.text) !== '');
  if (segments.length === 0) throw new DomainError(TranscriptErrorCode.EMPTY);
  return segments.length === doc.segments.length ? doc : { ...doc, segments };
}

/**
 * `transcript_edit_save`: the edited text as a new transcript artifact (one segment per
 * non-blank line, timed from the source); the source is never changed, and every save makes
 * a new artifact. The caller passes the original transcript's id, whose timing is the reference.
 */
export function saveEditedTranscript(
  db: DatabaseHandle,
  profileDir: string,
  transcriptId: string,
  editedText: string,
  options: WriteOptions = {},
): SavedTranscript {
  const now = options.now ?? utcNow;
  return db.transaction(() => {
    const source = loadTranscript(db, profileDir, transcriptId);
    const lines = editorLines(editedText);
    if (lines.length === 0) throw new DomainError(TranscriptErrorCode.EMPTY);
    const duration = Math.max(source.duration_ms ?? transcriptEndMs(source) ?? lines.length * 1000, lines.length);
    const windows = source.segments.filter((s) => s.t_end_ms > s.t_start_ms);
    const segments = windows.length === 0 ? evenSplit(lines, duration) : proportionalSplit(lines, windows, duration);
    const edited: TranscriptV1 = {
      schema_version: TRANSCRIPT_SCHEMA_VERSION,
      language: source.language,
      model_id: source.model_id,
      duration_ms: duration,
      segments,
    };
    const artifact = new ArtifactStore(db, profileDir, now).store({
      type: 'transcript',
      ext: 'json',
      bytes: Buffer.from(serializeTranscript(edited), 'utf8'),
      metadata: {
        edit_kind: 'manual',
        edited_at: now(),
        source_duration_ms: source.duration_ms,
        source_language: source.language,
        source_model_id: source.model_id,
        source_transcript_id: transcriptId,
      },
    });
    return { transcriptId: artifact.id };
  });
}

/**
 * `transcript_export`: writes `<profile dir>/exports/transcript/<transcriptId>.<format>`,
 * replacing an earlier export of the same format atomically. Not an artifact.
 */
export function exportTranscript(
  db: DatabaseHandle,
  profileDir: string,
  transcriptId: string,
  format: TranscriptExportFormat,
): ExportedFile {
  if (!TRANSCRIPT_EXPORT_FORMATS.includes(format)) throw new DomainError(TalkErrorCode.TRANSCRIPT_FORMAT_INVALID);
  const content = renderTranscript(loadTranscript(db, profileDir, transcriptId), format);
  return { path: writeExportFile(db, profileDir, 'transcript', transcriptId, format, content) };
}

/**
 * Transcript import (what `transcribe_audio` stored, for a transcript made elsewhere): a new
 * transcript artifact for an existing audio artifact. Never links it to a run or an attempt
 * and never replaces an earlier transcript of the same audio.
 *
 * - `json`: a TranscriptV1 document, checked as the UI checks transcripts, blank segments
 *   dropped; stored in the canonical compact form. `json-text`: the same document as text.
 * - `text`: one segment per non-blank line, spread evenly over the audio's duration (read from
 *   the WAV); spoken punctuation applied per line when asked, for `en` and `fr`.
 */
export function importTranscript(
  db: DatabaseHandle,
  profileDir: string,
  input: TranscriptImportInput,
  options: WriteOptions = {},
): SavedTranscript {
  return db.transaction(() => {
    requireArtifactOfKind(db, input.audioArtifactId, 'audio');
    const store = new ArtifactStore(db, profileDir, options.now);
    const doc =
      input.kind === 'text'
        ? transcriptFromText(store, input)
        : validateImportedTranscript(input.kind === 'json' ? input.document : parseTranscriptJson(input.json));
    const artifact = store.store({
      type: 'transcript',
      ext: 'json',
      bytes: Buffer.from(serializeTranscript(doc), 'utf8'),
      metadata: { provider: 'import', source_audio_artifact_id: input.audioArtifactId },
    });
    return { transcriptId: artifact.id };
  });
}

function transcriptFromText(store: ArtifactStore, input: Extract<TranscriptImportInput, { kind: 'text' }>): TranscriptV1 {
  const language = IMPORT_LANGUAGES.includes(input.language ?? '') ? (input.language as string) : 'auto';
  const lines = editorLines(input.text);
  if (lines.length === 0) throw new DomainError(TranscriptErrorCode.EMPTY);
  const audioMs = durationMs(decodeWav(store.read(input.audioArtifactId)).sampleCount);
  const texts = input.spokenPunctuation ? lines.map((line) => applySpokenPunctuation(line, language)) : lines;
  const segments: TranscriptSegment[] = evenSplit(texts, Math.max(audioMs, lines.length));
  return { schema_version: TRANSCRIPT_SCHEMA_VERSION, language, model_id: null, duration_ms: audioMs, segments };
}

function parseTranscriptJson(json: string): unknown {
  try {
    return JSON.parse(json) as unknown;
  } catch (error) {
    throw new DomainError(TranscriptErrorCode.PARSE_FAILED, 'the transcript is not valid JSON', { cause: error });
  }
}
