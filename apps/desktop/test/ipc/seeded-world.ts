import { getAttemptForAnalysis, linkAttemptFeedback, listQuests, submitTextAttempt } from '@lepupitre/repo-quest';
import { attemptAnalysisInput, recordAutoFeedback, runAnalysisInput } from '@lepupitre/repo-feedback';
import { exportPack, readPeerReviewPack, recordPeerReview } from '@lepupitre/repo-pack';
import {
  createProject,
  createRun,
  ensureTrainingProject,
  finishRun,
  importAudio,
  importTranscript,
  linkRunFeedback,
  setRunTranscriptId,
} from '@lepupitre/repo-talk';
import { join } from 'node:path';
import { CommandWorld } from '../support/command-world';

/**
 * A data folder holding one of everything the commands name by id: a profile with a talk, the
 * training talk, a run with audio, transcript and feedback, a quest attempt with its feedback,
 * a spare audio no run uses, an exported pack and a peer review. Written through the
 * repositories on the profile the host has open, so that it does not depend on the commands
 * under test.
 */
export interface Seed {
  readonly profileId: string;
  readonly projectIds: readonly string[];
  readonly runId: string;
  readonly attemptId: string;
  readonly feedbackIds: readonly string[];
  readonly peerReviewId: string;
  readonly transcriptId: string;
  readonly audioIds: readonly string[];
  /** Every artifact row of the profile (audio, transcript, feedback, pack, review, ...). */
  readonly artifactIds: readonly string[];
  readonly questCodes: readonly string[];
  /** Real files (the audio files, the pack) and folders (the data folder, the artifacts). */
  readonly paths: readonly string[];
}

export interface SeededWorld {
  readonly world: CommandWorld;
  readonly seed: Seed;
}

/** 1.5 s of a mono 16 kHz 16-bit ramp: a valid WAV, long enough to trim. */
function wav(durationMs: number): Buffer {
  const samples = Math.round((durationMs * 16_000) / 1000);
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) data.writeInt16LE((i * 37) % 30_000, i * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8, 'latin1');
  header.write('fmt ', 12, 'latin1');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(16_000, 24);
  header.writeUInt32LE(32_000, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'latin1');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

export async function seedWorld(): Promise<SeededWorld> {
  const world = new CommandWorld();
  try {
    const profileId = await world.createProfile('Ada');
    const { db, dir } = world.host.connections.profile(profileId);

    const projectId = createProject(db, { title: 'Seeded talk', audience: 'Team', goal: 'Practise', duration_target_sec: 600 });
    const trainingId = ensureTrainingProject(db);
    const audio = importAudio(db, dir, wav(1500));
    const spare = importAudio(db, dir, wav(500));
    const { transcriptId } = importTranscript(db, dir, {
      kind: 'text',
      audioArtifactId: audio.artifactId,
      text: 'Hello everyone, um, today we talk about SQLite\nIt is basically a file, you know\n',
    });
    const runId = createRun(db, projectId);
    finishRun(db, runId, audio.artifactId);
    setRunTranscriptId(db, runId, transcriptId);
    const runFeedbackId = db.transaction(() => {
      const input = runAnalysisInput(db, dir, transcriptId);
      const recorded = recordAutoFeedback(db, dir, { subjectType: 'run', subjectId: runId, ...input });
      linkRunFeedback(db, runId, recorded.feedbackId);
      return recorded.feedbackId;
    });

    const questCodes = listQuests(db).map((quest) => quest.code);
    const firstQuest = questCodes[0];
    if (firstQuest === undefined) throw new Error('the quest catalogue is empty');
    const attemptId = submitTextAttempt(db, { projectId, questCode: firstQuest, text: 'My answer: start with the problem, then the fix.' });
    const attemptFeedbackId = db.transaction(() => {
      const attempt = getAttemptForAnalysis(db, attemptId);
      const input = attemptAnalysisInput(db, dir, {
        outputText: attempt.output_text,
        transcriptId: attempt.transcript_id,
        estimatedSec: attempt.estimated_sec,
      });
      const recorded = recordAutoFeedback(db, dir, { subjectType: 'quest_attempt', subjectId: attemptId, ...input });
      linkAttemptFeedback(db, attemptId, recorded.feedbackId);
      return recorded.feedbackId;
    });

    const { path: packPath } = await exportPack(db, dir, { runId, profileId, appVersion: world.host.connections.appVersion });
    const pack = await readPeerReviewPack(packPath);
    const { peerReviewId } = db.transaction(() => recordPeerReview(db, dir, pack, { projectId, runId }));

    const artifactRows = world.snapshot().databases[`profiles/${profileId}/profile.db`]?.['artifacts'] ?? [];
    const artifactIds = artifactRows.map((row) => (row as { id: string }).id);
    const seed: Seed = {
      profileId,
      projectIds: [projectId, trainingId],
      runId,
      attemptId,
      feedbackIds: [runFeedbackId, attemptFeedbackId],
      peerReviewId,
      transcriptId,
      audioIds: [audio.artifactId, spare.artifactId],
      artifactIds,
      questCodes,
      paths: [audio.path, spare.path, packPath, world.dataDir, join(dir, 'artifacts')],
    };
    return { world, seed };
  } catch (error) {
    await world.close();
    throw error;
  }
}
