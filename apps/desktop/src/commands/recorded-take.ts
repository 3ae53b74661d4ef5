import {
  DomainError,
  encodeWav,
  readTranscriptDocument,
  splitUnicodeWhiteSpace,
  TranscriptErrorCode,
  transcriptText,
  WAV_SAMPLE_RATE_HZ,
} from '@lepupitre/domain-primitives';
import { importAudio, importTranscript } from '@lepupitre/repo-talk';
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

/** The pace a take without a recording is estimated at: a steady speaking pace. */
export const ESTIMATED_WORDS_PER_MINUTE = 130;
/** The silence made for one lasts one second to five minutes (9.6 MB): a longer text is estimated faster. */
const ESTIMATED_AUDIO_MS = { min: 1_000, max: 300_000 };

function wordCount(transcript: Transcript): number {
  const text = transcript.format === 'text' ? transcript.content : transcriptText(readTranscriptDocument(Buffer.from(transcript.content, 'utf8')));
  return splitUnicodeWhiteSpace(text).length;
}

/**
 * Stores a take that has only its text (typed, or imported from a file): its audio is silence
 * as long as saying the text takes at `ESTIMATED_WORDS_PER_MINUTE`, so that the analysis has a
 * duration, and the pace that silence stands for is returned with it, for the run to say its
 * pace is an estimate. A text without a word is refused (`transcript_empty`) before anything
 * is written.
 */
export function storeEstimatedTake(session: ProfileSession, transcript: Transcript): { audioArtifactId: string; transcriptId: string; estimatedPaceWpm: number } {
  const words = wordCount(transcript);
  if (words === 0) throw new DomainError(TranscriptErrorCode.EMPTY);
  const durationMs = Math.min(ESTIMATED_AUDIO_MS.max, Math.max(ESTIMATED_AUDIO_MS.min, Math.round((words / ESTIMATED_WORDS_PER_MINUTE) * 60_000)));
  const samples = Math.round((durationMs * WAV_SAMPLE_RATE_HZ) / 1000);
  const audio = importAudio(session.db, session.dir, encodeWav(Buffer.alloc(samples * 2)));
  const { transcriptId } = importTranscript(session.db, session.dir, transcriptImportInput(audio.artifactId, transcript));
  return { audioArtifactId: audio.artifactId, transcriptId, estimatedPaceWpm: Math.max(1, Math.round(words / (durationMs / 60_000))) };
}
