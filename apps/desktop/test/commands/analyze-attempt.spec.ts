import { DbErrorCode } from '@lepupitre/db-core';
import { buildFeedbackFromText, serializeFeedback } from '@lepupitre/repo-feedback';
import { createProfile } from '@lepupitre/repo-workspace';
import { replayWithFaults, type FaultWorld } from '@lepupitre/testing';
import { readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeAttempt } from '../../src/commands/feedback';
import { CommandWorld } from '../support/command-world';
import { refusal } from '../support/expectations';
import { artifactPath, audioAttempt, feedbackArtifactId, tamper, textAttempt } from '../support/feedback-fixtures';
import { addProject, useTalkWorld, type TalkFixture } from '../support/worlds';

type Row = Record<string, unknown>;

const ANSWER = 'We deploy the API with k8s. Um, the API is like, basically fast.';
const SPOKEN = ['  Bonjour à tous.  ', '', 'Du coup, euh, je vais parler de la sécurité.'];
const SPOKEN_TEXT = 'Bonjour à tous. Du coup, euh, je vais parler de la sécurité.';
/** `estimated_sec` of the seeded A01 and D01 quests: attempts use it, even for audio. */
const QUEST_SECONDS = 180;

function rowsOf(world: CommandWorld, profileId: string, table: string): Row[] {
  return (world.snapshot().databases[`profiles/${profileId}/profile.db`]?.[table] ?? []) as Row[];
}

describe('analyze_attempt', () => {
  let world: CommandWorld;
  let fx: TalkFixture;
  const talkWorld = useTalkWorld();
  beforeEach(() => ({ world, ...fx } = talkWorld()));

  const analyze = (attemptId: string) => world.ok<Row>('analyze_attempt', { profileId: fx.profileId, attemptId });

  it('analyses a written answer, stores the document and links the attempt, answering { feedbackId }', async () => {
    const attemptId = textAttempt(fx.session, fx.projectId, ANSWER);
    const response = await analyze(attemptId);
    expect(Object.keys(response)).toEqual(['feedbackId']);
    const feedbackId = response['feedbackId'] as string;
    expect(feedbackId).toMatch(/^fb_[0-9a-f]{32}$/);

    const expected = buildFeedbackFromText(ANSWER, QUEST_SECONDS);
    const [feedback] = rowsOf(world, fx.profileId, 'auto_feedback');
    expect(feedback).toEqual({
      id: feedbackId,
      subject_type: 'quest_attempt',
      subject_id: attemptId,
      created_at: expect.stringMatching(/\+00:00$/),
      feedback_json_artifact_id: expect.stringMatching(/^art_[0-9a-f]{32}$/),
      overall_score: expected.overall_score,
    });
    const artifactId = feedbackArtifactId(fx.session, feedbackId);
    const artifact = rowsOf(world, fx.profileId, 'artifacts').find((row) => row['id'] === artifactId);
    expect(artifact).toMatchObject({
      type: 'feedback',
      local_relpath: `artifacts/feedback/${artifactId}.json`,
      metadata_json: `{"attempt_id":"${attemptId}","source":"text"}`,
    });
    expect(readFileSync(artifactPath(fx.session, artifactId), 'utf8')).toBe(serializeFeedback(expected));
    expect(rowsOf(world, fx.profileId, 'quest_attempts')).toEqual([expect.objectContaining({ id: attemptId, feedback_id: feedbackId })]);
    expect(await world.ok('feedback_get', { profileId: fx.profileId, feedbackId })).toEqual(expected);
  });

  it('analyses a recorded answer from its transcript, with the quest duration', async () => {
    const { attemptId } = audioAttempt(fx.session, fx.projectId, SPOKEN);
    const { feedbackId } = (await analyze(attemptId)) as { feedbackId: string };
    expect(await world.ok('feedback_get', { profileId: fx.profileId, feedbackId })).toEqual(buildFeedbackFromText(SPOKEN_TEXT, QUEST_SECONDS));
    const artifactId = feedbackArtifactId(fx.session, feedbackId);
    const artifact = rowsOf(world, fx.profileId, 'artifacts').find((row) => row['id'] === artifactId);
    expect(artifact?.['metadata_json']).toBe(`{"attempt_id":"${attemptId}","source":"transcript"}`);
  });

  it('uses the written answer even when it is empty', async () => {
    const attemptId = textAttempt(fx.session, fx.projectId, '');
    const { feedbackId } = (await analyze(attemptId)) as { feedbackId: string };
    expect(await world.ok('feedback_get', { profileId: fx.profileId, feedbackId })).toEqual(buildFeedbackFromText('', QUEST_SECONDS));
  });

  it('adds a feedback on every call and re-points the attempt to the newest', async () => {
    const attemptId = textAttempt(fx.session, fx.projectId, ANSWER);
    const first = (await analyze(attemptId))['feedbackId'];
    const second = (await analyze(attemptId))['feedbackId'];
    expect(second).not.toBe(first);
    expect(rowsOf(world, fx.profileId, 'auto_feedback').map((row) => row['id']).sort()).toEqual([first, second].sort());
    expect(rowsOf(world, fx.profileId, 'quest_attempts')[0]).toMatchObject({ feedback_id: second });
    const timeline = await world.ok<Row[]>('feedback_timeline_list', { profileId: fx.profileId, projectId: fx.projectId, limit: null });
    expect(timeline.map((item) => item['id']).sort()).toEqual([first, second].sort());
  });

  it('reports each refusal with its code and leaves the data folder as it was', async () => {
    const unknownProfile = { code: 'profile_not_found', attemptId: textAttempt(fx.session, fx.projectId, ANSWER), profileId: 'prof_missing' };
    const noText = audioAttempt(fx.session, fx.projectId, null).attemptId;
    const missingFile = audioAttempt(fx.session, addProject(fx.session), ['Hello.']);
    unlinkSync(artifactPath(fx.session, missingFile.transcriptId as string));
    const damaged = audioAttempt(fx.session, fx.projectId, ['Hello.']);
    writeFileSync(artifactPath(fx.session, damaged.transcriptId as string), '{"schema_version":"1.0.0","segments":[{}]}');
    const notTranscript = audioAttempt(fx.session, fx.projectId, ['Hello.']);
    tamper(fx.session, "UPDATE artifacts SET type = 'audio' WHERE id = ?", notTranscript.transcriptId);

    const before = world.snapshot();
    const cases = [
      { code: 'attempt_not_found', attemptId: 'att_missing' },
      { code: 'attempt_missing_text', attemptId: noText },
      { code: 'artifact_read_failed', attemptId: missingFile.attemptId },
      { code: 'transcript_parse_failed', attemptId: damaged.attemptId },
      { code: 'artifact_not_transcript', attemptId: notTranscript.attemptId },
      unknownProfile,
    ];
    for (const { code, attemptId, profileId } of cases as { code: string; attemptId: string; profileId?: string }[]) {
      expect(await world.fail('analyze_attempt', { profileId: profileId ?? fx.profileId, attemptId })).toEqual(refusal(code));
    }
    expect(world.snapshot()).toEqual(before);
  });

  it('names the offending field of a bad payload and writes nothing', async () => {
    const attemptId = textAttempt(fx.session, fx.projectId, ANSWER);
    const before = world.snapshot();
    const invalid = async (payload: unknown, field: string) => {
      const error = await world.fail('analyze_attempt', payload);
      expect(error.code).toBe('IPC_INVALID_PAYLOAD');
      expect(error.message).toContain(`analyze_attempt: ${field}:`);
    };
    await invalid({ profileId: fx.profileId }, 'attemptId');
    await invalid({ profileId: fx.profileId, attemptId: '' }, 'attemptId');
    await invalid({ profileId: fx.profileId, attemptId: null }, 'attemptId');
    await invalid({ profileId: fx.profileId, attemptId: 3 }, 'attemptId');
    await invalid({ attemptId }, 'profileId');
    await invalid({ profileId: '', attemptId }, 'profileId');
    await invalid(attemptId, '(payload)');
    expect(world.snapshot()).toEqual(before);
  });
});

/**
 * A failure at any step of the composed unit (every statement, every file operation of the
 * artifact, the commit) leaves the profile database and its folder exactly as they were. The
 * handler runs on the host's own connections, as the router would call it.
 */
describe('analyze_attempt under a failure at each step', () => {
  interface AnalyzeWorld extends FaultWorld {
    readonly world: CommandWorld;
    readonly profileId: string;
    readonly attemptId: string;
  }
  const dataDirs: string[] = [];
  afterAll(() => {
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  });

  function setup(kind: 'text' | 'transcript'): AnalyzeWorld {
    const world = new CommandWorld();
    dataDirs.push(world.dataDir);
    const profileId = createProfile(world.host.connections.global(), world.dataDir, 'Ada');
    const session = world.host.connections.profile(profileId);
    const projectId = addProject(session, 'Talk');
    const attemptId = kind === 'text' ? textAttempt(session, projectId, ANSWER) : audioAttempt(session, projectId, SPOKEN).attemptId;
    return { db: session.db, databasePath: join(session.dir, 'profile.db'), folder: session.dir, world, profileId, attemptId };
  }

  /** A step as `<verb> <table>` for statements, its detail otherwise. */
  function describeStep(kind: string, detail: string): string {
    if (kind !== 'statement') return detail;
    const match = /^(select|insert into|update)\b.*?"(\w+)"/.exec(detail);
    return match ? `${match[1]} ${match[2]}` : detail;
  }

  const LOAD_TRANSCRIPT = ['select artifacts', 'select artifacts'];
  const RECORD_AND_LINK = [
    'artifact mkdir',
    'artifact write',
    'artifact rename',
    'insert into artifacts',
    'insert into auto_feedback',
    'update quest_attempts',
    'commit',
  ];

  for (const [kind, steps] of [
    ['text', ['select quest_attempts', ...RECORD_AND_LINK]],
    ['transcript', ['select quest_attempts', ...LOAD_TRANSCRIPT, ...RECORD_AND_LINK]],
  ] as const) {
    it(`rolls back every step of a ${kind} analysis, composed in the documented order`, () => {
      const replays = replayWithFaults<AnalyzeWorld>({
        setup: () => setup(kind),
        flow: (w) => analyzeAttempt.handler({ profileId: w.profileId, attemptId: w.attemptId }, w.world.host.connections),
        teardown: (w) => w.world.host.connections.close(),
      });
      // Attempt read, analysis input, artifact file then row, feedback row, link, one commit.
      expect(replays.map((r) => describeStep(r.event.kind, r.event.detail))).toEqual(steps);
      for (const replay of replays) {
        const cause = replay.event.kind === 'file' ? (replay.error as { cause?: unknown }).cause : replay.error;
        expect(cause).toMatchObject({ code: DbErrorCode.INJECTED_FAULT });
        expect(replay.after).toEqual(replay.before);
      }
    });
  }
});
