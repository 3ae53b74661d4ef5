import { newId } from '@lepupitre/domain-primitives';
import type { DatabaseHandle } from '@lepupitre/db-core';
import { seedProfile } from '@lepupitre/fixtures';
import {
  createProject,
  createRun,
  ensureTrainingProject,
  finishRun,
  getLatestRun,
  getRun,
  getRunAnalysisLinks,
  linkRunFeedback,
  listRuns,
  setRunTranscriptId,
} from '../src';
import { expectCode } from './support/expect-code';
import { newProfile, removeProfiles, steppingClock, storeArtifact, type TestProfile } from './support/profile';
import { insertFeedbackRow, talkRow } from './support/queries';

afterAll(removeProfiles);

let profile: TestProfile;
let db: DatabaseHandle;
let now: () => string;
let projectId: string;
beforeEach(() => {
  profile = newProfile();
  db = profile.db;
  now = steppingClock();
  projectId = createProject(db, { title: 'T' }, { now });
});
afterEach(() => db.close());

function feedbackFor(runId: string): string {
  const artifactId = storeArtifact(db, profile.folder, 'feedback');
  return seedProfile(profile.databasePath, (kit) => kit.newFeedback({ id: newId('fb'), subject_id: runId, feedback_json_artifact_id: artifactId, created_at: now() }).id);
}

describe('createRun', () => {
  it('creates an empty run without touching the talk', () => {
    const runId = createRun(db, projectId, { now });
    expect(runId).toMatch(/^run_[0-9a-f]{32}$/);
    expect(getRun(db, runId)).toEqual({
      id: runId,
      project_id: projectId,
      created_at: '2026-03-01T10:00:00.002+00:00',
      audio_artifact_id: null,
      transcript_id: null,
      feedback_id: null,
      estimated_pace_wpm: null,
    });
    expect(db.get(talkRow, { id: projectId })?.updated_at).toBe('2026-03-01T10:00:00.001+00:00');
  });

  it('accepts the training project and refuses an unknown one', () => {
    const training = ensureTrainingProject(db, { now });
    expect(getRun(db, createRun(db, training, { now }))?.project_id).toBe(training);
    expectCode(() => createRun(db, 'proj_missing', { now }), 'project_not_found');
  });
});

describe('finishRun', () => {
  it('attaches the audio, and replaces it when called again', () => {
    const runId = createRun(db, projectId, { now });
    const first = storeArtifact(db, profile.folder, 'audio');
    const second = storeArtifact(db, profile.folder, 'audio');
    finishRun(db, runId, first);
    expect(getRun(db, runId)?.audio_artifact_id).toBe(first);
    finishRun(db, runId, second);
    expect(getRun(db, runId)?.audio_artifact_id).toBe(second);
  });

  it('keeps the pace a silence was made for, until a recording replaces it', () => {
    const runId = createRun(db, projectId, { now });
    const silence = storeArtifact(db, profile.folder, 'audio');
    const recording = storeArtifact(db, profile.folder, 'audio');
    finishRun(db, runId, silence, 130);
    expect(getRun(db, runId)).toMatchObject({ audio_artifact_id: silence, estimated_pace_wpm: 130 });
    expect(listRuns(db, projectId).map((run) => run.estimated_pace_wpm)).toEqual([130]);
    finishRun(db, runId, recording);
    expect(getRun(db, runId)).toMatchObject({ audio_artifact_id: recording, estimated_pace_wpm: null });
  });

  it('checks the artifact before the run', () => {
    const runId = createRun(db, projectId, { now });
    const transcript = storeArtifact(db, profile.folder, 'transcript');
    const audio = storeArtifact(db, profile.folder, 'audio');
    expectCode(() => finishRun(db, 'run_missing', 'art_missing'), 'artifact_not_found');
    expectCode(() => finishRun(db, 'run_missing', transcript), 'artifact_not_audio');
    expectCode(() => finishRun(db, runId, transcript), 'artifact_not_audio');
    expectCode(() => finishRun(db, 'run_missing', audio), 'run_not_found');
    expect(getRun(db, runId)?.audio_artifact_id).toBeNull();
  });
});

describe('setRunTranscriptId', () => {
  it('attaches and replaces the transcript, keeping linked feedback', () => {
    const runId = createRun(db, projectId, { now });
    const first = storeArtifact(db, profile.folder, 'transcript');
    const second = storeArtifact(db, profile.folder, 'transcript');
    setRunTranscriptId(db, runId, first);
    const feedbackId = feedbackFor(runId);
    linkRunFeedback(db, runId, feedbackId);
    setRunTranscriptId(db, runId, second);
    expect(getRunAnalysisLinks(db, runId)).toEqual({ transcript_id: second, feedback_id: feedbackId });
  });

  it('checks the artifact before the run', () => {
    const audio = storeArtifact(db, profile.folder, 'audio');
    const transcript = storeArtifact(db, profile.folder, 'transcript');
    expectCode(() => setRunTranscriptId(db, 'run_missing', 'art_missing'), 'artifact_not_found');
    expectCode(() => setRunTranscriptId(db, 'run_missing', audio), 'artifact_not_transcript');
    expectCode(() => setRunTranscriptId(db, 'run_missing', transcript), 'run_not_found');
  });
});

describe('run reads', () => {
  it('returns null for an unknown run and for a talk without runs', () => {
    expect(getRun(db, 'run_missing')).toBeNull();
    expect(getLatestRun(db, projectId)).toBeNull();
    expect(getLatestRun(db, 'proj_missing')).toBeNull();
    expect(listRuns(db, 'proj_missing')).toEqual([]);
  });

  it('lists the talk’s runs newest first, unfinished ones included, ties by id', () => {
    const other = createProject(db, { title: 'Other' }, { now });
    createRun(db, other, { now });
    const older = createRun(db, projectId, { now });
    finishRun(db, older, storeArtifact(db, profile.folder, 'audio'));
    const same = () => '2026-03-02T00:00:00+00:00';
    const tied = [createRun(db, projectId, { now: same }), createRun(db, projectId, { now: same })].sort().reverse();
    expect(listRuns(db, projectId).map((r) => r.id)).toEqual([...tied, older]);
    expect(getLatestRun(db, projectId)?.id).toBe(tied[0]);
  });

  it('defaults the limit to 12 and clamps it to [1, 100]', () => {
    for (let i = 0; i < 105; i++) createRun(db, projectId, { now });
    expect(listRuns(db, projectId)).toHaveLength(12);
    expect(listRuns(db, projectId, null)).toHaveLength(12);
    expect(listRuns(db, projectId, 0)).toHaveLength(1);
    expect(listRuns(db, projectId, -3)).toHaveLength(1);
    expect(listRuns(db, projectId, 5)).toHaveLength(5);
    expect(listRuns(db, projectId, 5000)).toHaveLength(100);
    expectCode(() => listRuns(db, projectId, 2.5), 'run_list_limit_invalid');
  });
});

describe('run_analyze, run side', () => {
  it('reads the transcript and feedback links', () => {
    const runId = createRun(db, projectId, { now });
    expect(getRunAnalysisLinks(db, runId)).toEqual({ transcript_id: null, feedback_id: null });
    expectCode(() => getRunAnalysisLinks(db, 'run_missing'), 'run_not_found');
  });

  it('links feedback, and refuses a run that does not exist with run_update_missing', () => {
    const runId = createRun(db, projectId, { now });
    const feedbackId = feedbackFor(runId);
    linkRunFeedback(db, runId, feedbackId);
    expect(getRun(db, runId)?.feedback_id).toBe(feedbackId);
    expectCode(() => linkRunFeedback(db, 'run_missing', feedbackId), 'run_update_missing');
  });

  it('rolls back the enclosing unit when the run is missing', () => {
    const runId = createRun(db, projectId, { now });
    const artifactId = storeArtifact(db, profile.folder, 'feedback');
    const feedbackId = newId('fb');
    expectCode(
      () =>
        db.transaction(() => {
          db.run(insertFeedbackRow, { id: feedbackId, runId, artifactId, createdAt: now() });
          linkRunFeedback(db, 'run_missing', feedbackId);
        }),
      'run_update_missing',
    );
    expect(getRun(db, runId)?.feedback_id).toBeNull();
    expect(() => linkRunFeedback(db, runId, feedbackId)).toThrow(expect.objectContaining({ code: 'DB_CONSTRAINT' }));
  });
});
