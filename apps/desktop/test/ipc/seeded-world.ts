import { listQuests, submitTextAttempt } from '@lepupitre/repo-quest';
import { exportPack, readPeerReviewPack, recordPeerReview } from '@lepupitre/repo-pack';
import { createProject, ensureTrainingProject } from '@lepupitre/repo-talk';
import { join } from 'node:path';
import type { CommandWorld } from '../support/command-world';
import { attemptFeedback, runFeedback } from '../support/feedback-fixtures';
import { recordedRun, storeAudio, timedSegments, transcriptV1 } from '../support/media-fixtures';
import { WorldTemplate } from '../support/world-template';

/**
 * A data folder holding one of everything the commands name by id: a profile with a talk, the
 * training talk, a run with audio, transcript and feedback, a quest attempt with its feedback,
 * a spare audio no run uses, an exported pack and a peer review. Written through the
 * repositories on the profile the host has open, so that it does not depend on the commands
 * under test. It is built once per spec file (`seededTemplate`) and copied wherever a fresh one
 * is needed: seeding is far slower than copying its files.
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

/** The seeded data folder, built once; `seededCopy` gives a fresh folder from it. */
export function seededTemplate(): Promise<WorldTemplate<Seed>> {
  return WorldTemplate.build(seed);
}

/** A new data folder holding the template's files, with its host, and the seed's paths moved into it. */
export function seededCopy(template: WorldTemplate<Seed>): SeededWorld {
  const { world, fixture } = template.copy();
  return { world, seed: fixture };
}

async function seed(world: CommandWorld): Promise<Seed> {
  const profileId = await world.createProfile('Ada');
  const session = world.host.connections.profile(profileId);
  const { db, dir } = session;

  const projectId = createProject(db, { title: 'Seeded talk', audience: 'Team', goal: 'Practise', duration_target_sec: 600 });
  const trainingId = ensureTrainingProject(db);
  // 1.5 s: long enough to trim.
  const { runId, audio, transcriptId } = recordedRun(session, projectId, {
    document: transcriptV1(timedSegments(['Hello everyone, um, today we talk about SQLite', 'It is basically a file, you know'])),
    durationMs: 1500,
  });
  const spare = storeAudio(session, 500);
  const runFeedbackId = runFeedback(session, runId);

  const questCodes = listQuests(db).map((quest) => quest.code);
  const firstQuest = questCodes[0];
  if (firstQuest === undefined) throw new Error('the quest catalogue is empty');
  const attemptId = submitTextAttempt(db, { projectId, questCode: firstQuest, text: 'My answer: start with the problem, then the fix.' });
  const attemptFeedbackId = attemptFeedback(session, attemptId);

  const { path: packPath } = await exportPack(db, dir, { runId, profileId, appVersion: world.host.connections.appVersion });
  const pack = await readPeerReviewPack(packPath);
  const { peerReviewId } = db.transaction(() => recordPeerReview(db, dir, pack, { projectId, runId }));

  const artifactRows = world.snapshot().databases[`profiles/${profileId}/profile.db`]?.['artifacts'] ?? [];
  const artifactIds = artifactRows.map((row) => (row as { id: string }).id);
  return {
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
}
