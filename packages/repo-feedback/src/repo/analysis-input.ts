import { ArtifactStore, type DatabaseHandle } from '@lepupitre/db-core';
import { DomainError, readTranscriptDocument, transcriptText, type TranscriptV1 } from '@lepupitre/domain-primitives';
import type { AnalysisInput, AttemptAnalysisInput, AttemptAnalysisSource } from '../types';
import { artifactOfType } from './artifact-read';
import { FeedbackErrorCode } from './errors';
import { runEstimatedSec } from './transcript/transcript-text';

const TRANSCRIPT_TYPE = 'transcript';

/**
 * Loads a transcript artifact: `artifact_not_found`, `artifact_not_transcript`,
 * `artifact_path_not_allowed`, `artifact_read_failed`, `transcript_parse_failed`.
 */
export function loadTranscript(db: DatabaseHandle, profileDir: string, transcriptId: string): TranscriptV1 {
  const store = new ArtifactStore(db, profileDir);
  artifactOfType(store, transcriptId, TRANSCRIPT_TYPE, FeedbackErrorCode.ARTIFACT_NOT_TRANSCRIPT);
  return readTranscriptDocument(store.read(transcriptId));
}

/**
 * A run's analysis input: its transcript's text, and its last segment end as the
 * speaking time. `transcriptId` is the run's `transcript_id`; null → `run_missing_transcript`.
 */
export function runAnalysisInput(db: DatabaseHandle, profileDir: string, transcriptId: string | null): AnalysisInput {
  if (transcriptId === null) throw new DomainError(FeedbackErrorCode.RUN_MISSING_TRANSCRIPT);
  const transcript = loadTranscript(db, profileDir, transcriptId);
  return { text: transcriptText(transcript), estimatedSec: runEstimatedSec(transcript) };
}

/**
 * An attempt's analysis input: its written answer when there is one, used verbatim (an
 * empty string still counts as an answer), else its transcript's text; the speaking time is the
 * quest's nominal duration either way (docs/compatibility.md#feedback-6). Neither → `attempt_missing_text`.
 */
export function attemptAnalysisInput(
  db: DatabaseHandle,
  profileDir: string,
  attempt: AttemptAnalysisSource,
): AttemptAnalysisInput {
  if (attempt.outputText !== null) {
    return { text: attempt.outputText, estimatedSec: attempt.estimatedSec, source: 'text' };
  }
  if (attempt.transcriptId === null) throw new DomainError(FeedbackErrorCode.ATTEMPT_MISSING_TEXT);
  const transcript = loadTranscript(db, profileDir, attempt.transcriptId);
  return { text: transcriptText(transcript), estimatedSec: attempt.estimatedSec, source: 'transcript' };
}
