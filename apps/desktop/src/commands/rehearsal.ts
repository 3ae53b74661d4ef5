import { createRun, finishRun, setRunTranscriptId } from '@lepupitre/repo-talk';
import { z } from 'zod';
import { WavBase64 } from './audio';
import { defineCommand, type AnyCommand } from './command';
import type { ProfileSession } from './command-context';
import { recordRunFeedback } from './run';
import { storeTake } from './recorded-take';
import { TranscriptContent } from './transcription';
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
  const { db } = session;
  return db.transaction(() => {
    const take = storeTake(session, input.wavBase64, input.transcript);
    const runId = createRun(db, input.projectId);
    finishRun(db, runId, take.audioArtifactId);
    if (take.transcriptId === null) return { runId, ...take, feedbackId: null };
    setRunTranscriptId(db, runId, take.transcriptId);
    return { runId, ...take, feedbackId: recordRunFeedback(session, runId, take.transcriptId) };
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
