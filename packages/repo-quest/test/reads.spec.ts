import { getQuestReport, linkAttemptFeedback, listAttempts, submitAudioAttempt, submitTextAttempt, type QuestReportItem } from '../src';
import { addFeedbackRow, questWorld, removeWorlds, steppingClock, type QuestWorld } from './support/quest-world';

let world: QuestWorld;
beforeEach(() => {
  world = questWorld();
});
afterEach(() => world.db.close());
afterAll(removeWorlds);

const fixed = (at: string) => ({ now: () => at });

describe('quest_attempts_list', () => {
  function textAttempts(projectId: string, count: number, clock = steppingClock()): string[] {
    return Array.from({ length: count }, (_, i) => submitTextAttempt(world.db, { projectId, questCode: i % 2 ? 'A01' : 'FREE', text: `t${i}` }, { now: clock }));
  }

  it('lists a project\'s attempts newest first with quest title, output type and link flags', () => {
    const text = submitTextAttempt(world.db, { projectId: world.talkId, questCode: 'A01', text: 'goal' }, fixed('2026-02-01T08:00:00+00:00'));
    const audio = submitAudioAttempt(
      world.db,
      { projectId: world.talkId, questCode: 'D01', audioArtifactId: world.audioIds[0], transcriptId: world.transcriptIds[0] },
      fixed('2026-02-01T08:00:01.500+00:00'),
    );
    const fb = world.db.transaction(() => {
      const id = addFeedbackRow(world.db, text, world.feedbackArtifactId);
      linkAttemptFeedback(world.db, text, id);
      return id;
    });
    submitTextAttempt(world.db, { projectId: world.otherTalkId, questCode: 'A01', text: 'elsewhere' });
    expect(listAttempts(world.db, world.talkId)).toEqual([
      {
        id: audio,
        quest_code: 'D01',
        quest_title: 'Intro 45s',
        output_type: 'audio',
        created_at: '2026-02-01T08:00:01.500+00:00',
        has_audio: true,
        has_transcript: true,
        has_feedback: false,
        feedback_id: null,
      },
      {
        id: text,
        quest_code: 'A01',
        quest_title: 'Goal Sentence',
        output_type: 'text',
        created_at: '2026-02-01T08:00:00+00:00',
        has_audio: false,
        has_transcript: false,
        has_feedback: true,
        feedback_id: fb,
      },
    ]);
  });

  it('returns 6 by default and clamps the limit to [1, 100]', () => {
    const ids = textAttempts(world.talkId, 105);
    const newestFirst = [...ids].reverse();
    expect(listAttempts(world.db, world.talkId).map((a) => a.id)).toEqual(newestFirst.slice(0, 6));
    expect(listAttempts(world.db, world.talkId, null)).toHaveLength(6);
    expect(listAttempts(world.db, world.talkId, 0).map((a) => a.id)).toEqual(newestFirst.slice(0, 1));
    expect(listAttempts(world.db, world.talkId, -3)).toHaveLength(1);
    expect(listAttempts(world.db, world.talkId, 12)).toHaveLength(12);
    expect(listAttempts(world.db, world.talkId, 2.9)).toHaveLength(2);
    expect(listAttempts(world.db, world.talkId, 5000).map((a) => a.id)).toEqual(newestFirst.slice(0, 100));
  });

  it('breaks equal timestamps by id, newest id first', () => {
    const ids = textAttempts(world.talkId, 4, () => '2026-02-01T08:00:00+00:00');
    expect(listAttempts(world.db, world.talkId).map((a) => a.id)).toEqual([...ids].sort().reverse());
  });

  it('returns an empty list for a project without attempts or unknown (no project check)', () => {
    textAttempts(world.talkId, 2);
    expect(listAttempts(world.db, world.otherTalkId)).toEqual([]);
    expect(listAttempts(world.db, 'proj_missing')).toEqual([]);
  });
});

describe('quest_report', () => {
  const empty = (code: string, title: string, prompt: string, output_type: string, category: string): QuestReportItem => ({
    quest_code: code,
    quest_title: title,
    quest_prompt: prompt,
    output_type,
    category,
    estimated_sec: 180,
    attempt_id: null,
    attempt_created_at: null,
    has_audio: false,
    has_transcript: false,
    has_feedback: false,
    feedback_id: null,
  });
  const A01 = empty('A01', 'Goal Sentence', '\u00c0 la fin, ils sauront ___ pour ___.', 'text', 'start');
  const D01 = empty('D01', 'Intro 45s', 'Enregistre une intro 45s : promesse + plan.', 'audio', 'delivery');
  const FREE = empty('FREE', 'Qu\u00eate libre', "Capture libre : parle d'un point cl\u00e9 sans contrainte.", 'audio', 'free');

  it('lists every quest by code with no attempt, also for an unknown project', () => {
    expect(getQuestReport(world.db, world.talkId)).toEqual([A01, D01, FREE]);
    expect(getQuestReport(world.db, 'proj_missing')).toEqual([A01, D01, FREE]);
  });

  it('joins each quest to its latest attempt in this project only', () => {
    submitTextAttempt(world.db, { projectId: world.talkId, questCode: 'A01', text: 'old' }, fixed('2026-02-01T08:00:00+00:00'));
    const latestA = submitTextAttempt(world.db, { projectId: world.talkId, questCode: 'A01', text: 'new' }, fixed('2026-02-02T08:00:00+00:00'));
    submitTextAttempt(world.db, { projectId: world.otherTalkId, questCode: 'A01', text: 'other talk, later' }, fixed('2026-03-01T08:00:00+00:00'));
    const audio = submitAudioAttempt(
      world.db,
      { projectId: world.talkId, questCode: 'D01', audioArtifactId: world.audioIds[0], transcriptId: world.transcriptIds[0] },
      fixed('2026-02-01T09:00:00.250+00:00'),
    );
    const fb = world.db.transaction(() => {
      const id = addFeedbackRow(world.db, audio, world.feedbackArtifactId);
      linkAttemptFeedback(world.db, audio, id);
      return id;
    });
    expect(getQuestReport(world.db, world.talkId)).toEqual([
      { ...A01, attempt_id: latestA, attempt_created_at: '2026-02-02T08:00:00+00:00' },
      {
        ...D01,
        attempt_id: audio,
        attempt_created_at: '2026-02-01T09:00:00.250+00:00',
        has_audio: true,
        has_transcript: true,
        has_feedback: true,
        feedback_id: fb,
      },
      FREE,
    ]);
  });

  it('returns one row per quest when two attempts share the latest timestamp: the greater id (docs/compatibility.md#quest-5)', () => {
    const at = fixed('2026-02-01T08:00:00.500+00:00');
    const ids = [1, 2, 3].map((i) => submitTextAttempt(world.db, { projectId: world.talkId, questCode: 'FREE', text: `same ${i}` }, at));
    const report = getQuestReport(world.db, world.talkId);
    expect(report.map((r) => r.quest_code)).toEqual(['A01', 'D01', 'FREE']);
    expect(report[2]?.attempt_id).toBe([...ids].sort().at(-1));
  });
});
