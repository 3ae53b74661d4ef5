import { submitAudioAttempt } from '@lepupitre/repo-quest';
import { z } from 'zod';
import { WavBase64 } from './audio';
import { defineCommand, type AnyCommand } from './command';
import type { ProfileSession } from './command-context';
import { recordAttemptFeedback } from './feedback';
import { QuestCode } from './quest';
import { storeTake } from './recorded-take';
import { TranscriptContent } from './transcription';
import { Id, Text } from './wire-schemas';

export const QuestRecordingRequest = z.object({
  profileId: Id,
  projectId: Id,
  questCode: QuestCode,
  wavBase64: WavBase64,
  /** What was said, typed or imported: the app has no speech recognition. */
  transcript: TranscriptContent,
});

export const QuestRecorded = z.object({
  attemptId: Text,
  audioArtifactId: Text,
  transcriptId: Text,
  feedbackId: Text,
});

export type QuestRecordingInput = Omit<z.output<typeof QuestRecordingRequest>, 'profileId'>;

/**
 * The writes of `quest_submit_recording` as one unit: the recording, its transcript, the audio
 * attempt and its feedback, or nothing. Answering an audio quest through the single-step
 * commands (`audio_import_wav`, `transcript_import`, `quest_submit_audio`, `analyze_attempt`)
 * could stop half-way and leave a recording no attempt uses; here a refusal or a failure at any
 * step rolls back every row and removes every file written before it.
 */
export function writeQuestRecording(session: ProfileSession, input: QuestRecordingInput): z.output<typeof QuestRecorded> {
  const { db } = session;
  return db.transaction(() => {
    const take = storeTake(session, input.wavBase64, input.transcript);
    const attemptId = submitAudioAttempt(db, { projectId: input.projectId, questCode: input.questCode, ...take });
    return { attemptId, ...take, feedbackId: recordAttemptFeedback(session, attemptId) };
  });
}

/** `quest_submit_recording` (new): a spoken quest answer saved whole, see `writeQuestRecording`. */
export const questSubmitRecording = defineCommand({
  name: 'quest_submit_recording',
  request: QuestRecordingRequest,
  response: QuestRecorded,
  handler: ({ profileId, ...input }, context) => writeQuestRecording(context.profile(profileId), input),
});

export const QUEST_RECORDING_COMMANDS: readonly AnyCommand[] = [questSubmitRecording];
