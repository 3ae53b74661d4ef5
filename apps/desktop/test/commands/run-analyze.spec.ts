import { DbErrorCode } from '@lepupitre/db-core';
import { buildFeedbackFromText, serializeFeedback } from '@lepupitre/repo-feedback';
import { captureWorld, countSteps, replayWithFaults, type FaultScenario } from '@lepupitre/testing';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runAnalyze } from '../../src/commands/run';
import type { CommandWorld } from '../support/command-world';
import { invalidPayload, rejectsUnchanged, TIMESTAMP } from '../support/expectations';
import { storeAudio, storeTranscript, type Segment } from '../support/media-fixtures';
import {
  execOnProfile,
  openAnalyzableRunWorld,
  removeAnalyzableRunWorlds,
  sessionOf,
  singleProfileContext,
  type AnalyzableRunWorld,
} from '../support/talk-fixtures';
import { useTalkWorld } from '../support/worlds';

const SEGMENTS: Segment[] = [
  { t_start_ms: 0, t_end_ms: 59_500, text: ' Um, so basically our API is like really fast. ' },
  { t_start_ms: 10_000, t_end_ms: 20_000, text: 'Like, you know, the API handles 2024 requests.' },
];
/** The segments trimmed and joined by one space; the largest end (59.5 s) rounded up. */
const TEXT = 'Um, so basically our API is like really fast. Like, you know, the API handles 2024 requests.';
const ESTIMATED_SEC = 60;

type Rows = Record<string, Record<string, unknown>[]>;

afterAll(removeAnalyzableRunWorlds);

describe('run_analyze', () => {
  let world: CommandWorld;
  let profileId: string;
  let projectId: string;
  const talkWorld = useTalkWorld();
  beforeEach(() => ({ world, profileId, projectId } = talkWorld()));

  /** A run as the UI leaves it before asking for feedback: finished, and transcribed if segments are given. */
  async function recordedRun(segments: readonly Segment[] | null = SEGMENTS): Promise<{ runId: string; transcriptId: string | null }> {
    const session = sessionOf(world, profileId);
    const runId = await world.ok<string>('run_create', { profileId, projectId });
    const audioId = storeAudio(session).artifactId;
    await world.ok('run_finish', { profileId, runId, audioArtifactId: audioId });
    if (segments === null) return { runId, transcriptId: null };
    const transcriptId = storeTranscript(session, audioId, segments);
    await world.ok('run_set_transcript', { profileId, runId, transcriptId });
    return { runId, transcriptId };
  }

  const profileRows = (): Rows => world.snapshot().databases[`profiles/${profileId}/profile.db`] as Rows;
  const feedbackFile = (artifactId: string) => join(sessionOf(world, profileId).dir, 'artifacts', 'feedback', `${artifactId}.json`);

  it('analyses the transcript, records the feedback artifact and row, links the run and answers { feedbackId }', async () => {
    const { runId } = await recordedRun();
    const response = await world.ok<Record<string, unknown>>('run_analyze', { profileId, runId });
    expect(Object.keys(response)).toEqual(['feedbackId']);
    const feedbackId = response['feedbackId'] as string;
    expect(feedbackId).toMatch(/^fb_[0-9a-f]{32}$/);

    const rows = profileRows();
    const expected = serializeFeedback(buildFeedbackFromText(TEXT, ESTIMATED_SEC));
    expect(rows['auto_feedback']).toEqual([
      {
        id: feedbackId,
        subject_type: 'run',
        subject_id: runId,
        created_at: expect.stringMatching(TIMESTAMP),
        feedback_json_artifact_id: expect.stringMatching(/^art_[0-9a-f]{32}$/),
        overall_score: JSON.parse(expected).overall_score,
      },
    ]);
    const artifactId = rows['auto_feedback']?.[0]?.['feedback_json_artifact_id'] as string;
    const file = readFileSync(feedbackFile(artifactId));
    expect(file.toString('utf8')).toBe(expected);
    expect(rows['artifacts']?.find((a) => a['id'] === artifactId)).toEqual({
      id: artifactId,
      type: 'feedback',
      local_relpath: `artifacts/feedback/${artifactId}.json`,
      sha256: createHash('sha256').update(file).digest('hex'),
      bytes: file.length,
      created_at: rows['auto_feedback']?.[0]?.['created_at'],
      metadata_json: `{"run_id":"${runId}","source":"transcript"}`,
    });
    expect(await world.ok('run_get', { profileId, runId })).toMatchObject({ feedback_id: feedbackId });
  });

  it('analyses ten minutes of speech when no segment ends after zero (docs/compatibility.md#feedback-6)', async () => {
    const { runId } = await recordedRun([{ t_start_ms: 0, t_end_ms: 0, text: 'Short and sweet.' }]);
    await world.ok('run_analyze', { profileId, runId });
    const artifactId = profileRows()['auto_feedback']?.[0]?.['feedback_json_artifact_id'] as string;
    expect(readFileSync(feedbackFile(artifactId), 'utf8')).toBe(serializeFeedback(buildFeedbackFromText('Short and sweet.', 600)));
  });

  it('is idempotent: an analysed run returns its feedback and writes nothing, even after a new transcript (docs/compatibility.md#talk-13)', async () => {
    const { runId } = await recordedRun();
    const [first, queued] = await Promise.all([
      world.ok<{ feedbackId: string }>('run_analyze', { profileId, runId }),
      world.ok<{ feedbackId: string }>('run_analyze', { profileId, runId }),
    ]);
    expect(queued).toEqual(first);
    const before = world.snapshot();
    expect(await world.ok('run_analyze', { profileId, runId })).toEqual(first);
    expect(world.snapshot()).toEqual(before);

    const session = sessionOf(world, profileId);
    const newer = storeTranscript(session, storeAudio(session).artifactId, [{ t_start_ms: 0, t_end_ms: 1000, text: 'Another take.' }]);
    await world.ok('run_set_transcript', { profileId, runId, transcriptId: newer });
    expect(await world.ok('run_get', { profileId, runId })).toMatchObject({ transcript_id: newer, feedback_id: first.feedbackId });
    const afterNewTranscript = world.snapshot();
    expect(await world.ok('run_analyze', { profileId, runId })).toEqual(first);
    expect(world.snapshot()).toEqual(afterNewTranscript);
    expect(profileRows()['auto_feedback']).toHaveLength(1);
  });

  it('refuses a run without a transcript, changing nothing', async () => {
    const { runId } = await recordedRun(null);
    expect(await rejectsUnchanged(world, 'run_analyze', { profileId, runId })).toMatchObject({ code: 'run_missing_transcript' });
  });

  it('reports an unknown run and an unknown profile, changing nothing', async () => {
    await recordedRun();
    expect(await rejectsUnchanged(world, 'run_analyze', { profileId, runId: 'run_missing' })).toMatchObject({ code: 'run_not_found' });
    expect(await rejectsUnchanged(world, 'run_analyze', { profileId: 'prof_missing', runId: 'run_missing' })).toMatchObject({
      code: 'profile_not_found',
    });
  });

  it('reports a transcript whose file is gone, changing nothing', async () => {
    const { runId, transcriptId } = await recordedRun();
    rmSync(join(sessionOf(world, profileId).dir, 'artifacts', 'transcript', `${transcriptId}.json`));
    expect(await rejectsUnchanged(world, 'run_analyze', { profileId, runId })).toMatchObject({ code: 'artifact_read_failed' });
  });

  it('rolls everything back, feedback file included, when the link misses the run', async () => {
    const { runId } = await recordedRun();
    // The run update then touches no row, as if the run had vanished inside the unit.
    execOnProfile(
      world,
      profileId,
      'CREATE TRIGGER skip_feedback_link BEFORE UPDATE OF feedback_id ON runs BEGIN SELECT RAISE(IGNORE); END',
    );
    expect(await rejectsUnchanged(world, 'run_analyze', { profileId, runId })).toMatchObject({ code: 'run_update_missing' });
    expect(Object.keys(world.snapshot().files).filter((f) => f.includes('/artifacts/feedback/'))).toEqual([]);
  });

  it('rejects malformed payloads before touching anything, naming the field', async () => {
    const { runId } = await recordedRun();
    const cases: [unknown, string][] = [
      [{ profileId }, 'runId'],
      [{ profileId, runId: '' }, 'runId'],
      [{ profileId, runId: 12 }, 'runId'],
      [{ profileId: '', runId }, 'profileId'],
      [{ runId }, 'profileId'],
      ['run', '(payload)'],
    ];
    for (const [payload, field] of cases) {
      expect(await rejectsUnchanged(world, 'run_analyze', payload)).toEqual(invalidPayload(field));
    }
  });
});

describe('run_analyze under injected faults', () => {
  const PROFILE = 'prof_faults';
  const scenario: FaultScenario<AnalyzableRunWorld> = {
    setup: () => openAnalyzableRunWorld(SEGMENTS),
    flow: (w) => runAnalyze.handler({ profileId: PROFILE, runId: w.runId }, singleProfileContext(PROFILE, w)),
  };

  it('changes the world when left alone', () => {
    const w = scenario.setup();
    const before = captureWorld(w.databasePath, w.folder);
    try {
      expect(scenario.flow(w)).toEqual({ feedbackId: expect.stringMatching(/^fb_/) });
    } finally {
      w.db.close();
    }
    const after = captureWorld(w.databasePath, w.folder);
    expect(after.rows['auto_feedback']).toHaveLength(1);
    expect(Object.keys(after.files).length).toBe(Object.keys(before.files).length + 1);
  });

  it('leaves every row and file as it was when any step fails', () => {
    const steps = countSteps(scenario);
    expect(steps.map((s) => s.kind)).toContain('commit');
    const replays = replayWithFaults(scenario);
    expect(replays).toHaveLength(steps.length);
    expect(new Set(replays.map((r) => r.event.kind))).toEqual(new Set(['statement', 'file', 'commit']));
    for (const replay of replays) {
      const cause = replay.event.kind === 'file' ? (replay.error as { cause?: unknown }).cause : replay.error;
      expect({ step: replay.step, cause }).toEqual({ step: replay.step, cause: expect.objectContaining({ code: DbErrorCode.INJECTED_FAULT }) });
      expect({ step: replay.step, state: replay.after }).toEqual({ step: replay.step, state: replay.before });
    }
  });
});
