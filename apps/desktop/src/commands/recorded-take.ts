import { readTranscriptDocument, splitUnicodeWhiteSpace, transcriptText } from '@lepupitre/domain-primitives';
import { importAudio, importEstimatedAudio, importTranscript } from '@lepupitre/repo-talk';
import type { z } from 'zod';
import type { ProfileSession } from './command-context';
import { type TranscriptContent, transcriptImportInput } from './transcription';

type Transcript = z.output<typeof TranscriptContent>;

/**
 * Stores a take sent as bytes: the WAV as an audio artifact, then what was said, when given, as
 * its transcript. The caller holds the write transaction, so the take is one unit with what it
 * becomes (a run, a quest attempt) and with that one's feedback.
 */
export function storeTake(session: ProfileSession, wavBase64: string, transcript: Transcript): { audioArtifactId: string; transcriptId: string };
export function storeTake(session: ProfileSession, wavBase64: string, transcript: Transcript | null | undefined): { audioArtifactId: string; transcriptId: string | null };
export function storeTake(session: ProfileSession, wavBase64: string, transcript: Transcript | null | undefined): { audioArtifactId: string; transcriptId: string | null } {
  const { db, dir } = session;
  const audio = importAudio(db, dir, Buffer.from(wavBase64, 'base64'));
  if (!transcript) return { audioArtifactId: audio.artifactId, transcriptId: null };
  const { transcriptId } = importTranscript(db, dir, transcriptImportInput(audio.artifactId, transcript));
  return { audioArtifactId: audio.artifactId, transcriptId };
}

function wordCount(transcript: Transcript): number {
  const text = transcript.format === 'text' ? transcript.content : transcriptText(readTranscriptDocument(Buffer.from(transcript.content, 'utf8')));
  return splitUnicodeWhiteSpace(text).length;
}

/**
 * Stores a take that has only its text: the talk context's estimated audio for its words
 * (`importEstimatedAudio`), then the text as its transcript, and the pace that audio stands for.
 */
export function storeEstimatedTake(session: ProfileSession, transcript: Transcript): { audioArtifactId: string; transcriptId: string; estimatedPaceWpm: number } {
  const { db, dir } = session;
  const { audio, estimatedPaceWpm } = importEstimatedAudio(db, dir, wordCount(transcript));
  const { transcriptId } = importTranscript(db, dir, transcriptImportInput(audio.artifactId, transcript));
  return { audioArtifactId: audio.artifactId, transcriptId, estimatedPaceWpm };
}
