import type { CommandWorld } from '../support/command-world';
import { refusal } from '../support/expectations';
import { at, audioAttempt, tamper, textAttempt } from '../support/feedback-fixtures';
import { storeAudio, storeTranscript, timedSegments } from '../support/media-fixtures';
import { addProject, useTalkWorld, type TalkFixture } from '../support/worlds';

type Row = Record<string, unknown>;

const A01 = {
  code: 'A01',
  title: 'Goal Sentence',
  category: 'start',
  estimated_sec: 180,
  prompt: 'À la fin, ils sauront ___ pour ___.',
  output_type: 'text',
  targets_issues: ['no_start', 'unclear_goal'],
};
const D01 = {
  code: 'D01',
  title: 'Intro 45s',
  category: 'delivery',
  estimated_sec: 180,
  prompt: 'Enregistre une intro 45s : promesse + plan.',
  output_type: 'audio',
  targets_issues: ['weak_intro', 'fillers', 'pace'],
};
const FREE = {
  code: 'FREE',
  title: 'Quête libre',
  category: 'free',
  estimated_sec: 180,
  prompt: "Capture libre : parle d'un point clé sans contrainte.",
  output_type: 'audio',
  targets_issues: [],
};

const ATTEMPT_KEYS = ['created_at', 'feedback_id', 'has_audio', 'has_feedback', 'has_transcript', 'id', 'output_type', 'quest_code', 'quest_title'];
const REPORT_KEYS = [
  'attempt_created_at',
  'attempt_id',
  'category',
  'estimated_sec',
  'feedback_id',
  'has_audio',
  'has_feedback',
  'has_transcript',
  'output_type',
  'quest_code',
  'quest_prompt',
  'quest_title',
];

describe('quest commands', () => {
  let world: CommandWorld;
  let fx: TalkFixture;
  const talkWorld = useTalkWorld();
  beforeEach(() => ({ world, ...fx } = talkWorld()));

  async function expectInvalid(name: string, payload: unknown, field: string): Promise<void> {
    const error = await world.fail(name, payload);
    expect(error.code).toBe('IPC_INVALID_PAYLOAD');
    expect(error.message).toContain(`${name}: ${field}:`);
  }

  describe('catalogue reads', () => {
    it('quest_list returns the seeded catalogue by category, then code, in the wire shape', async () => {
      const quests = await world.ok<Row[]>('quest_list', { profileId: fx.profileId });
      expect(quests).toEqual([D01, FREE, A01]);
      for (const quest of quests) expect(Object.keys(quest).sort()).toEqual(Object.keys(A01).sort());
    });

    it('quest_get_by_code returns one quest, matching the code exactly', async () => {
      expect(await world.ok('quest_get_by_code', { profileId: fx.profileId, questCode: 'FREE' })).toEqual(FREE);
      expect(await world.fail('quest_get_by_code', { profileId: fx.profileId, questCode: 'free' })).toEqual(refusal('quest_not_found'));
    });

    it('quest_get_daily is the smallest code with the fixed reason, for any project id', async () => {
      expect(await world.ok('quest_get_daily', { profileId: fx.profileId, projectId: fx.projectId })).toEqual({
        quest: A01,
        why: `Project ${fx.projectId} is in draft`,
        due_boss_run: false,
      });
      const unknown = await world.ok<Row>('quest_get_daily', { profileId: fx.profileId, projectId: 'proj_unknown' });
      expect(unknown['why']).toBe('Project proj_unknown is in draft');
    });

    it('reports an empty catalogue and a damaged targets column with their codes', async () => {
      tamper(fx.session, "UPDATE quests SET targets_issues_json = '{\"not\":\"a list\"}' WHERE code = 'D01'");
      expect(await world.fail('quest_list', { profileId: fx.profileId })).toMatchObject({ code: 'targets_parse' });
      expect(await world.fail('quest_get_by_code', { profileId: fx.profileId, questCode: 'D01' })).toMatchObject({ code: 'targets_parse' });
      tamper(fx.session, 'DELETE FROM quests');
      expect(await world.fail('quest_get_daily', { profileId: fx.profileId, projectId: fx.projectId })).toMatchObject({
        code: 'no_quest_seeded',
      });
      expect(await world.ok('quest_list', { profileId: fx.profileId })).toEqual([]);
    });

    it('checks the profile first', async () => {
      for (const [name, payload] of [
        ['quest_list', {}],
        ['quest_get_by_code', { questCode: 'A01' }],
        ['quest_get_daily', { projectId: fx.projectId }],
        ['quest_attempts_list', { projectId: fx.projectId }],
        ['quest_report', { projectId: fx.projectId }],
      ] as const) {
        expect(await world.fail(name, { profileId: 'prof_missing', ...payload })).toMatchObject({ code: 'profile_not_found' });
      }
    });

    it('names the offending field of a bad payload', async () => {
      await expectInvalid('quest_list', {}, 'profileId');
      await expectInvalid('quest_list', { profileId: '' }, 'profileId');
      await expectInvalid('quest_list', 'prof_x', '(payload)');
      await expectInvalid('quest_get_by_code', { profileId: fx.profileId }, 'questCode');
      await expectInvalid('quest_get_by_code', { profileId: fx.profileId, questCode: '' }, 'questCode');
      await expectInvalid('quest_get_by_code', { profileId: fx.profileId, questCode: 1 }, 'questCode');
      await expectInvalid('quest_get_by_code', { profileId: 7, questCode: 'A01' }, 'profileId');
      await expectInvalid('quest_get_daily', { profileId: fx.profileId }, 'projectId');
      await expectInvalid('quest_get_daily', { profileId: fx.profileId, projectId: '' }, 'projectId');
      await expectInvalid('quest_get_daily', [fx.profileId], '(payload)');
    });
  });

  describe('attempt reads', () => {
    it('quest_attempts_list lists the project attempts newest first, 6 by default, in the wire shape', async () => {
      const other = addProject(fx.session);
      textAttempt(fx.session, other, 'elsewhere', 'A01', at(50));
      const ids: string[] = [];
      for (let i = 0; i < 7; i++) ids.push(textAttempt(fx.session, fx.projectId, `answer ${i}`, 'A01', at(10 + i)));
      const audio = audioAttempt(fx.session, fx.projectId, ['spoken answer'], 'D01', at(30));

      const list = await world.ok<Row[]>('quest_attempts_list', { profileId: fx.profileId, projectId: fx.projectId });
      expect(list).toHaveLength(6);
      for (const item of list) expect(Object.keys(item).sort()).toEqual(ATTEMPT_KEYS);
      expect(list[0]).toEqual({
        id: audio.attemptId,
        quest_code: 'D01',
        quest_title: 'Intro 45s',
        output_type: 'audio',
        created_at: at(30),
        has_audio: true,
        has_transcript: true,
        has_feedback: false,
        feedback_id: null,
      });
      expect(list.slice(1).map((item) => item['id'])).toEqual(ids.slice(2).reverse());
      expect(list.slice(1).every((item) => item['has_audio'] === false && item['has_transcript'] === false)).toBe(true);

      expect(await world.ok<Row[]>('quest_attempts_list', { profileId: fx.profileId, projectId: fx.projectId, limit: 2 })).toHaveLength(2);
      expect(await world.ok<Row[]>('quest_attempts_list', { profileId: fx.profileId, projectId: fx.projectId, limit: null })).toHaveLength(6);
      expect(await world.ok<Row[]>('quest_attempts_list', { profileId: fx.profileId, projectId: fx.projectId, limit: 500 })).toHaveLength(8);
      expect(await world.ok('quest_attempts_list', { profileId: fx.profileId, projectId: 'proj_unknown' })).toEqual([]);
    });

    it('quest_report gives every quest by code with its latest attempt in the project', async () => {
      const latest = textAttempt(fx.session, fx.projectId, 'second', 'A01', at(20));
      textAttempt(fx.session, fx.projectId, 'first', 'A01', at(10));
      const audio = audioAttempt(fx.session, fx.projectId, null);
      textAttempt(fx.session, addProject(fx.session), 'other project', 'FREE', at(30));

      const report = await world.ok<Row[]>('quest_report', { profileId: fx.profileId, projectId: fx.projectId });
      expect(report.map((item) => item['quest_code'])).toEqual(['A01', 'D01', 'FREE']);
      for (const item of report) expect(Object.keys(item).sort()).toEqual(REPORT_KEYS);
      expect(report[0]).toEqual({
        quest_code: 'A01',
        quest_title: 'Goal Sentence',
        quest_prompt: A01.prompt,
        output_type: 'text',
        category: 'start',
        estimated_sec: 180,
        attempt_id: latest,
        attempt_created_at: at(20),
        has_audio: false,
        has_transcript: false,
        has_feedback: false,
        feedback_id: null,
      });
      expect(report[1]).toMatchObject({ attempt_id: audio.attemptId, has_audio: true, has_transcript: false });
      expect(report[2]).toEqual({
        quest_code: 'FREE',
        quest_title: 'Quête libre',
        quest_prompt: FREE.prompt,
        output_type: 'audio',
        category: 'free',
        estimated_sec: 180,
        attempt_id: null,
        attempt_created_at: null,
        has_audio: false,
        has_transcript: false,
        has_feedback: false,
        feedback_id: null,
      });
    });

    it('shows the linked feedback once an attempt is analysed', async () => {
      const attemptId = textAttempt(fx.session, fx.projectId, 'We deploy the API with k8s.');
      const { feedbackId } = await world.ok<{ feedbackId: string }>('analyze_attempt', { profileId: fx.profileId, attemptId });
      const [item] = await world.ok<Row[]>('quest_attempts_list', { profileId: fx.profileId, projectId: fx.projectId });
      expect(item).toMatchObject({ id: attemptId, has_feedback: true, feedback_id: feedbackId });
      const [a01] = await world.ok<Row[]>('quest_report', { profileId: fx.profileId, projectId: fx.projectId });
      expect(a01).toMatchObject({ attempt_id: attemptId, has_feedback: true, feedback_id: feedbackId });
    });

    it('names the offending field of a bad payload', async () => {
      const base = { profileId: fx.profileId, projectId: fx.projectId };
      await expectInvalid('quest_attempts_list', { profileId: fx.profileId }, 'projectId');
      await expectInvalid('quest_attempts_list', { ...base, projectId: '' }, 'projectId');
      await expectInvalid('quest_attempts_list', { ...base, limit: 0 }, 'limit');
      await expectInvalid('quest_attempts_list', { ...base, limit: -3 }, 'limit');
      await expectInvalid('quest_attempts_list', { ...base, limit: 1.5 }, 'limit');
      await expectInvalid('quest_attempts_list', { ...base, limit: '6' }, 'limit');
      await expectInvalid('quest_attempts_list', null, '(payload)');
      await expectInvalid('quest_report', { profileId: fx.profileId, projectId: 3 }, 'projectId');
      await expectInvalid('quest_report', { projectId: fx.projectId }, 'profileId');
      await expectInvalid('quest_report', 42, '(payload)');
    });
  });

  describe('quest_submit_text', () => {
    it('stores the text verbatim and returns the new attempt id', async () => {
      const text = '  À la fin, ils sauront déployer pour dormir.  ';
      const id = await world.ok<string>('quest_submit_text', { profileId: fx.profileId, projectId: fx.projectId, questCode: 'A01', text });
      expect(id).toMatch(/^att_[0-9a-f]{32}$/);
      expect(world.snapshot().databases[`profiles/${fx.profileId}/profile.db`]?.['quest_attempts']).toEqual([
        {
          id,
          project_id: fx.projectId,
          quest_code: 'A01',
          created_at: expect.stringMatching(/\+00:00$/),
          output_text: text,
          audio_artifact_id: null,
          transcript_id: null,
          feedback_id: null,
        },
      ]);
    });

    it('refuses an unknown quest, then an unknown project, leaving everything as it was', async () => {
      const before = world.snapshot();
      const payload = { profileId: fx.profileId, projectId: fx.projectId, questCode: 'A01', text: 'answer' };
      expect(await world.fail('quest_submit_text', { ...payload, questCode: 'Z99', projectId: 'proj_missing' })).toMatchObject({
        code: 'quest_not_found',
      });
      expect(await world.fail('quest_submit_text', { ...payload, projectId: 'proj_missing' })).toMatchObject({ code: 'project_not_found' });
      expect(await world.fail('quest_submit_text', { ...payload, profileId: 'prof_missing' })).toMatchObject({ code: 'profile_not_found' });
      expect(world.snapshot()).toEqual(before);
    });

    it('names the offending field of a bad payload and writes nothing', async () => {
      const before = world.snapshot();
      const payload = { profileId: fx.profileId, projectId: fx.projectId, questCode: 'A01', text: 'answer' };
      await expectInvalid('quest_submit_text', { ...payload, text: '' }, 'text');
      await expectInvalid('quest_submit_text', { ...payload, text: null }, 'text');
      await expectInvalid('quest_submit_text', { ...payload, text: undefined }, 'text');
      await expectInvalid('quest_submit_text', { ...payload, questCode: '' }, 'questCode');
      await expectInvalid('quest_submit_text', { ...payload, projectId: undefined }, 'projectId');
      await expectInvalid('quest_submit_text', { ...payload, projectId: ['proj'] }, 'projectId');
      await expectInvalid('quest_submit_text', { ...payload, profileId: '' }, 'profileId');
      await expectInvalid('quest_submit_text', 'answer', '(payload)');
      expect(world.snapshot()).toEqual(before);
    });
  });

  describe('quest_submit_audio', () => {
    it('makes one attempt per recording and attaches the transcript on the second call', async () => {
      const audioId = storeAudio(fx.session).artifactId;
      const payload = { profileId: fx.profileId, projectId: fx.projectId, questCode: 'D01', audioArtifactId: audioId };
      const id = await world.ok<string>('quest_submit_audio', { ...payload, transcriptId: null });
      expect(id).toMatch(/^att_[0-9a-f]{32}$/);
      expect(await world.ok('quest_submit_audio', payload)).toBe(id);

      const transcriptId = storeTranscript(fx.session, audioId, timedSegments(['Hello there.']));
      const other = addProject(fx.session);
      expect(await world.ok('quest_submit_audio', { ...payload, projectId: other, questCode: 'FREE', transcriptId })).toBe(id);
      expect(await world.ok('quest_submit_audio', { ...payload, transcriptId: null })).toBe(id);

      const list = await world.ok<Row[]>('quest_attempts_list', { profileId: fx.profileId, projectId: fx.projectId });
      expect(list).toEqual([expect.objectContaining({ id, quest_code: 'D01', has_audio: true, has_transcript: true, has_feedback: false })]);
      expect(await world.ok('quest_attempts_list', { profileId: fx.profileId, projectId: other })).toEqual([]);
    });

    it('accepts audio for a text quest (no output type check)', async () => {
      const audioId = storeAudio(fx.session).artifactId;
      const id = await world.ok<string>('quest_submit_audio', {
        profileId: fx.profileId,
        projectId: fx.projectId,
        questCode: 'A01',
        audioArtifactId: audioId,
        transcriptId: null,
      });
      const [item] = await world.ok<Row[]>('quest_attempts_list', { profileId: fx.profileId, projectId: fx.projectId });
      expect(item).toMatchObject({ id, quest_code: 'A01', output_type: 'text', has_audio: true });
    });

    it('checks quest, audio, transcript, then project, leaving everything as it was', async () => {
      const audioId = storeAudio(fx.session).artifactId;
      const transcriptId = storeTranscript(fx.session, audioId, timedSegments(['Hello there.']));
      const before = world.snapshot();
      const payload = { profileId: fx.profileId, projectId: fx.projectId, questCode: 'D01', audioArtifactId: audioId, transcriptId };
      const cases: [Row, string][] = [
        [{ questCode: 'Z99', audioArtifactId: 'art_missing' }, 'quest_not_found'],
        [{ audioArtifactId: 'art_missing', transcriptId: 'art_missing' }, 'artifact_not_found'],
        [{ audioArtifactId: transcriptId, transcriptId: audioId }, 'artifact_not_audio'],
        [{ transcriptId: audioId, projectId: 'proj_missing' }, 'artifact_not_transcript'],
        [{ transcriptId: 'art_missing' }, 'artifact_not_found'],
        [{ projectId: 'proj_missing' }, 'project_not_found'],
        [{ profileId: 'prof_missing' }, 'profile_not_found'],
      ];
      for (const [change, code] of cases) {
        expect(await world.fail('quest_submit_audio', { ...payload, ...change })).toMatchObject({ code });
      }
      expect(world.snapshot()).toEqual(before);
    });

    it('names the offending field of a bad payload and writes nothing', async () => {
      const before = world.snapshot();
      const payload = { profileId: fx.profileId, projectId: fx.projectId, questCode: 'D01', audioArtifactId: 'art_x', transcriptId: null };
      await expectInvalid('quest_submit_audio', { ...payload, audioArtifactId: undefined }, 'audioArtifactId');
      await expectInvalid('quest_submit_audio', { ...payload, audioArtifactId: '' }, 'audioArtifactId');
      await expectInvalid('quest_submit_audio', { ...payload, audioArtifactId: null }, 'audioArtifactId');
      await expectInvalid('quest_submit_audio', { ...payload, transcriptId: '' }, 'transcriptId');
      await expectInvalid('quest_submit_audio', { ...payload, transcriptId: 5 }, 'transcriptId');
      await expectInvalid('quest_submit_audio', { ...payload, questCode: null }, 'questCode');
      await expectInvalid('quest_submit_audio', { ...payload, projectId: '' }, 'projectId');
      await expectInvalid('quest_submit_audio', true, '(payload)');
      expect(world.snapshot()).toEqual(before);
    });
  });
});
