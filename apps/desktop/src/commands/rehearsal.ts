import { createRun, finishRun, importAudio, importTranscript, setRunTranscriptId } from '@lepupitre/repo-talk';
import { z } from 'zod';
import { WavBase64 } from './audio';
import { defineCommand, type AnyCommand } from './command';
import type { ProfileSession } from './command-context';
import { recordRunFeedback } from './run';
import { TranscriptContent, transcriptImportInput } from './transcription';
import { Id, Text } from './wire-schemas';

export const RehearsalSaveRequest = z.object({
  profileId: Id,
  projectId: Id,
  wavBase64: WavBase64,
  /** Absent or null: the run keeps its audio only and can be transcribed and analysed later. */
  transcript: TranscriptContent.nullish(),
});

export const RehearsalSaved = z.object({
  runId: Text,
  audioArtifactId: Text,
  transcriptId: Text.nullable(),
  feedbackId: Text.nullable(),
});

export type RehearsalSaveInput = Omit<z.output<typeof RehearsalSaveRequest>, 'profileId'>;

/**
 * The writes of `rehearsal_save` as one unit: the audio, the run, its transcript and the
 * feedback of that transcript, or nothing. Saving through the single-step commands
 * (`audio_import_wav`, `run_create`, `run_finish`, `transcript_import`, `run_set_transcript`,
 * `run_analyze`) could stop half-way, e.g. on a blank transcript after the run was made, and
 * leave a run that never gets feedback; here a refusal or a failure at any step rolls back
 * every row and removes every file written before it.
 */
export function writeRehearsal(session: ProfileSession, input: RehearsalSaveInput): z.output<typeof RehearsalSaved> {
  const { db, dir } = session;
  const { transcript } = input;
  return db.transaction(() => {
    const audio = importAudio(db, dir, Buffer.from(input.wavBase64, 'base64'));
    const runId = createRun(db, input.projectId);
    finishRun(db, runId, audio.artifactId);
    if (!transcript) return { runId, audioArtifactId: audio.artifactId, transcriptId: null, feedbackId: null };
    const { transcriptId } = importTranscript(db, dir, transcriptImportInput(audio.artifactId, transcript));
    setRunTranscriptId(db, runId, transcriptId);
    const feedbackId = recordRunFeedback(session, runId, transcriptId);
    return { runId, audioArtifactId: audio.artifactId, transcriptId, feedbackId };
  });
}

/** `rehearsal_save` (new): a rehearsal saved whole, see `writeRehearsal`. */
export const rehearsalSave = defineCommand({
  name: 'rehearsal_save',
  request: RehearsalSaveRequest,
  response: RehearsalSaved,
  handler: ({ profileId, ...input }, context) => writeRehearsal(context.profile(profileId), input),
});

export const REHEARSAL_COMMANDS: readonly AnyCommand[] = [rehearsalSave];
