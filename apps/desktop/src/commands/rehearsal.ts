import { createRun, finishRun, setRunTranscriptId } from '@lepupitre/repo-talk';
import { z } from 'zod';
import { WavBase64 } from './audio';
import { defineCommand, type AnyCommand } from './command';
import type { ProfileSession } from './command-context';
import { recordRunFeedback } from './run';
import { storeEstimatedTake, storeTake } from './recorded-take';
import { TranscriptContent } from './transcription';
import { Id, Text } from './wire-schemas';

export const RehearsalSaveRequest = z
  .object({
    profileId: Id,
    projectId: Id,
    /**
     * Absent or null: there is no recording, and the run's audio is silence made from the
     * transcript, its pace an estimate the run says it is (`estimated_pace_wpm`).
     */
    wavBase64: WavBase64.nullish(),
    /** Absent or null: the run keeps its audio only and can be transcribed and analysed later. */
    transcript: TranscriptContent.nullish(),
  })
  .refine((request) => request.wavBase64 || request.transcript, { message: 'a rehearsal needs a recording, a transcript, or both', path: ['transcript'] });

export const RehearsalSaved = z.object({
  runId: Text,
  audioArtifactId: Text,
  transcriptId: Text.nullable(),
  feedbackId: Text.nullable(),
  /** New: set when there was no recording (see `RunSummary.estimated_pace_wpm`). */
  estimatedPaceWpm: z.number().int().positive().nullable(),
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
    const take = input.wavBase64
      ? { ...storeTake(session, input.wavBase64, input.transcript), estimatedPaceWpm: null }
      : storeEstimatedTake(session, requireTranscript(input.transcript));
    const runId = createRun(db, input.projectId);
    finishRun(db, runId, take.audioArtifactId, take.estimatedPaceWpm);
    if (take.transcriptId === null) return { runId, ...take, feedbackId: null };
    setRunTranscriptId(db, runId, take.transcriptId);
    return { runId, ...take, feedbackId: recordRunFeedback(session, runId, take.transcriptId) };
  });
}

/** The request's refinement guarantees it; the types cannot say so. */
function requireTranscript<T>(transcript: T | null | undefined): T {
  if (transcript == null) throw new Error('rehearsal_save: no recording and no transcript');
  return transcript;
}

/** `rehearsal_save` (new): a rehearsal saved whole, see `writeRehearsal`. */
export const rehearsalSave = defineCommand({
  name: 'rehearsal_save',
  request: RehearsalSaveRequest,
  response: RehearsalSaved,
  handler: ({ profileId, ...input }, context) => writeRehearsal(context.profile(profileId), input),
});

export const REHEARSAL_COMMANDS: readonly AnyCommand[] = [rehearsalSave];
