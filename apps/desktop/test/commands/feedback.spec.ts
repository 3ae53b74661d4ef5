import { buildFeedbackFromText } from '@lepupitre/repo-feedback';
import { unlinkSync, writeFileSync } from 'node:fs';
import type { CommandWorld } from '../support/command-world';
import { artifactPath, at, attemptFeedback, feedbackArtifactId, runFeedback, tamper, textAttempt } from '../support/feedback-fixtures';
import { recordedRun, timedSegments, transcriptV1 } from '../support/media-fixtures';
import { addProject, useTalkWorld, type TalkFixture } from '../support/worlds';

type Row = Record<string, unknown>;

const ANSWER = 'Um, so basically our API is like really fast. Like, you know, the API handles 2024 requests. Um the API is fast!';
const SPOKEN = ['We deploy the service with Kubernetes.', 'The service scales with k8s.'];
const TIMELINE_KEYS = ['created_at', 'id', 'note_updated_at', 'overall_score', 'project_id', 'quest_code', 'quest_title', 'run_id', 'subject_type'];

describe('feedback commands', () => {
  let world: CommandWorld;
  let fx: TalkFixture;
  let attemptId: string;
  let attemptFb: string;
  let runId: string;
  let runFb: string;
  // Built once, copied for each test: an answered quest and a recorded run, each with its feedback.
  const talkWorld = useTalkWorld((talk) => {
    const attemptId = textAttempt(talk.session, talk.projectId, ANSWER, 'A01', at(1));
    const attemptFb = attemptFeedback(talk.session, attemptId, at(2));
    const runId = recordedRun(talk.session, talk.projectId, { document: transcriptV1(timedSegments(SPOKEN)) }).runId;
    return { attemptId, attemptFb, runId, runFb: runFeedback(talk.session, runId, at(3)) };
  });
  beforeEach(() => ({ world, attemptId, attemptFb, runId, runFb, ...fx } = talkWorld()));

  async function expectInvalid(name: string, payload: unknown, field: string): Promise<void> {
    const error = await world.fail(name, payload);
    expect(error.code).toBe('IPC_INVALID_PAYLOAD');
    expect(error.message).toContain(`${name}: ${field}:`);
  }

  /** The same bad payloads for every command taking `{ profileId, feedbackId }`. */
  async function expectFeedbackRequestChecked(name: string): Promise<void> {
    await expectInvalid(name, { profileId: fx.profileId }, 'feedbackId');
    await expectInvalid(name, { profileId: fx.profileId, feedbackId: '' }, 'feedbackId');
    await expectInvalid(name, { profileId: fx.profileId, feedbackId: 12 }, 'feedbackId');
    await expectInvalid(name, { feedbackId: attemptFb }, 'profileId');
    await expectInvalid(name, { profileId: null, feedbackId: attemptFb }, 'profileId');
    await expectInvalid(name, 'fb_x', '(payload)');
    expect(await world.fail(name, { profileId: 'prof_missing', feedbackId: attemptFb })).toMatchObject({ code: 'profile_not_found' });
  }

  describe('feedback_get', () => {
    it('returns the stored document in its snake_case shape', async () => {
      const feedback = await world.ok<Row>('feedback_get', { profileId: fx.profileId, feedbackId: attemptFb });
      expect(feedback).toEqual(buildFeedbackFromText(ANSWER, 180));
      expect(Object.keys(feedback)).toEqual(['schema_version', 'overall_score', 'top_actions', 'comments', 'metrics']);
      expect(Object.keys(feedback['metrics'] as Row)).toEqual([
        'wpm',
        'filler_per_min',
        'pause_count',
        'avg_sentence_words',
        'repeat_terms',
        'jargon_terms',
        'density_score',
      ]);
      expect(await world.ok('feedback_get', { profileId: fx.profileId, feedbackId: runFb })).toEqual(
        buildFeedbackFromText(SPOKEN.join(' '), 2),
      );
    });

    it('reports an unknown feedback and an unusable artifact with their codes', async () => {
      const request = { profileId: fx.profileId, feedbackId: attemptFb };
      expect(await world.fail('feedback_get', { ...request, feedbackId: 'fb_missing' })).toMatchObject({ code: 'feedback_not_found' });

      const artifactId = feedbackArtifactId(fx.session, attemptFb);
      const file = artifactPath(fx.session, artifactId);
      writeFileSync(file, '{"schema_version":"1.0.0"');
      expect(await world.fail('feedback_get', request)).toMatchObject({ code: 'feedback_parse_failed' });
      unlinkSync(file);
      expect(await world.fail('feedback_get', request)).toMatchObject({ code: 'artifact_read_failed' });
      tamper(fx.session, "UPDATE artifacts SET type = 'transcript' WHERE id = ?", artifactId);
      expect(await world.fail('feedback_get', request)).toMatchObject({ code: 'artifact_not_feedback' });
      tamper(fx.session, "UPDATE artifacts SET type = 'feedback', local_relpath = '../../global.db' WHERE id = ?", artifactId);
      expect(await world.fail('feedback_get', request)).toMatchObject({ code: 'artifact_path_not_allowed' });
    });

    it('does not hand the UI a stored document outside its contract', async () => {
      const file = artifactPath(fx.session, feedbackArtifactId(fx.session, attemptFb));
      const withComment = (severity: string) =>
        JSON.stringify({
          ...buildFeedbackFromText(ANSWER, 180),
          comments: [{ t_start_ms: 0, t_end_ms: 10, severity, label: 'Pace', evidence: { wpm: 190 }, suggestion: 'Breathe.' }],
        });
      const request = { profileId: fx.profileId, feedbackId: attemptFb };
      writeFileSync(file, withComment('high'));
      expect(await world.ok<Row>('feedback_get', request)).toMatchObject({ comments: [expect.objectContaining({ severity: 'high' })] });
      writeFileSync(file, withComment('critical'));
      expect(await world.fail('feedback_get', request)).toMatchObject({ code: 'IPC_INTERNAL' });
    });

    it('names the offending field of a bad payload', async () => {
      await expectFeedbackRequestChecked('feedback_get');
    });
  });

  describe('feedback_context_get', () => {
    it('tells what an attempt feedback and a run feedback are about, nulls explicit', async () => {
      expect(await world.ok('feedback_context_get', { profileId: fx.profileId, feedbackId: attemptFb })).toEqual({
        subject_type: 'quest_attempt',
        subject_id: attemptId,
        project_id: fx.projectId,
        quest_code: 'A01',
        quest_title: 'Goal Sentence',
        run_id: null,
      });
      expect(await world.ok('feedback_context_get', { profileId: fx.profileId, feedbackId: runFb })).toEqual({
        subject_type: 'run',
        subject_id: runId,
        project_id: fx.projectId,
        quest_code: null,
        quest_title: null,
        run_id: runId,
      });
    });

    it('reports an unknown feedback, a vanished subject and an unknown subject type', async () => {
      const request = (feedbackId: string) => ({ profileId: fx.profileId, feedbackId });
      expect(await world.fail('feedback_context_get', request('fb_missing'))).toMatchObject({ code: 'feedback_not_found' });
      tamper(fx.session, 'DELETE FROM quest_attempts WHERE id = ?', attemptId);
      expect(await world.fail('feedback_context_get', request(attemptFb))).toMatchObject({ code: 'attempt_not_found' });
      tamper(fx.session, 'DELETE FROM runs WHERE id = ?', runId);
      expect(await world.fail('feedback_context_get', request(runFb))).toMatchObject({ code: 'run_not_found' });
      tamper(fx.session, "UPDATE auto_feedback SET subject_type = 'peer_review' WHERE id = ?", runFb);
      expect(await world.fail('feedback_context_get', request(runFb))).toMatchObject({ code: 'feedback_subject_not_supported' });
    });

    it('names the offending field of a bad payload', async () => {
      await expectFeedbackRequestChecked('feedback_context_get');
    });
  });

  describe('feedback_timeline_list', () => {
    it('lists run and attempt feedback newest first in the wire shape', async () => {
      await world.ok('feedback_note_set', { profileId: fx.profileId, feedbackId: attemptFb, note: 'Slow down.' });
      const list = await world.ok<Row[]>('feedback_timeline_list', { profileId: fx.profileId, projectId: null, limit: null });
      expect(list).toEqual([
        {
          id: runFb,
          created_at: at(3),
          overall_score: buildFeedbackFromText(SPOKEN.join(' '), 2).overall_score,
          subject_type: 'run',
          project_id: fx.projectId,
          quest_code: null,
          quest_title: null,
          run_id: runId,
          note_updated_at: null,
        },
        {
          id: attemptFb,
          created_at: at(2),
          overall_score: buildFeedbackFromText(ANSWER, 180).overall_score,
          subject_type: 'quest_attempt',
          project_id: fx.projectId,
          quest_code: 'A01',
          quest_title: 'Goal Sentence',
          run_id: null,
          note_updated_at: expect.stringMatching(/\+00:00$/),
        },
      ]);
      for (const item of list) expect(Object.keys(item).sort()).toEqual(TIMELINE_KEYS);
    });

    it('filters by project, applies the limit and accepts absent arguments', async () => {
      const other = addProject(fx.session);
      const otherAttempt = textAttempt(fx.session, other, 'Another answer.', 'A01', at(4));
      const otherFb = attemptFeedback(fx.session, otherAttempt, at(5));
      const ids = async (payload: Row) => (await world.ok<Row[]>('feedback_timeline_list', { profileId: fx.profileId, ...payload })).map((i) => i['id']);

      expect(await ids({})).toEqual([otherFb, runFb, attemptFb]);
      expect(await ids({ projectId: fx.projectId, limit: null })).toEqual([runFb, attemptFb]);
      expect(await ids({ projectId: other })).toEqual([otherFb]);
      expect(await ids({ projectId: null, limit: 2 })).toEqual([otherFb, runFb]);
      expect(await ids({ limit: 1000 })).toEqual([otherFb, runFb, attemptFb]);
    });

    it('refuses an unknown project filter', async () => {
      expect(await world.fail('feedback_timeline_list', { profileId: fx.profileId, projectId: 'proj_missing', limit: null })).toMatchObject({
        code: 'project_not_found',
      });
      expect(await world.fail('feedback_timeline_list', { profileId: 'prof_missing', projectId: null, limit: null })).toMatchObject({
        code: 'profile_not_found',
      });
    });

    it('names the offending field of a bad payload', async () => {
      const base = { profileId: fx.profileId, projectId: null, limit: null };
      await expectInvalid('feedback_timeline_list', { ...base, projectId: '' }, 'projectId');
      await expectInvalid('feedback_timeline_list', { ...base, projectId: 4 }, 'projectId');
      await expectInvalid('feedback_timeline_list', { ...base, limit: 0 }, 'limit');
      await expectInvalid('feedback_timeline_list', { ...base, limit: 2.5 }, 'limit');
      await expectInvalid('feedback_timeline_list', { ...base, limit: '30' }, 'limit');
      await expectInvalid('feedback_timeline_list', { ...base, profileId: '' }, 'profileId');
      await expectInvalid('feedback_timeline_list', [], '(payload)');
    });
  });

  describe('feedback notes', () => {
    const noteOf = (feedbackId: string) => world.ok('feedback_note_get', { profileId: fx.profileId, feedbackId });
    const setNote = (payload: Row) => world.ok('feedback_note_set', { profileId: fx.profileId, feedbackId: attemptFb, ...payload });

    it('stores the trimmed note, and a blank, null or absent note deletes it', async () => {
      expect(await noteOf(attemptFb)).toBeNull();
      expect(await setNote({ note: '\u0085\u00a0 Pause before the demo. \n' })).toBeNull();
      expect(await noteOf(attemptFb)).toBe('Pause before the demo.');
      expect(await noteOf(runFb)).toBeNull();

      await setNote({ note: ' \t ' });
      expect(await noteOf(attemptFb)).toBeNull();
      await setNote({ note: 'again' });
      await setNote({ note: null });
      expect(await noteOf(attemptFb)).toBeNull();
      await setNote({ note: 'again' });
      await setNote({});
      expect(await noteOf(attemptFb)).toBeNull();
      await setNote({ note: '' });
      expect(await noteOf(attemptFb)).toBeNull();
    });

    it('feedback_note_get does not check the feedback', async () => {
      expect(await noteOf('fb_missing')).toBeNull();
    });

    it('feedback_note_set refuses an unknown feedback, even to delete, leaving everything as it was', async () => {
      await setNote({ note: 'kept' });
      const before = world.snapshot();
      for (const note of ['a note', '', null]) {
        expect(await world.fail('feedback_note_set', { profileId: fx.profileId, feedbackId: 'fb_missing', note })).toMatchObject({
          code: 'feedback_not_found',
        });
      }
      expect(await world.fail('feedback_note_set', { profileId: 'prof_missing', feedbackId: attemptFb, note: 'x' })).toMatchObject({
        code: 'profile_not_found',
      });
      expect(world.snapshot()).toEqual(before);
      expect(await noteOf(attemptFb)).toBe('kept');
    });

    it('names the offending field of a bad payload and writes nothing', async () => {
      await setNote({ note: 'kept' });
      const before = world.snapshot();
      await expectInvalid('feedback_note_set', { profileId: fx.profileId, feedbackId: attemptFb, note: 5 }, 'note');
      await expectInvalid('feedback_note_set', { profileId: fx.profileId, feedbackId: attemptFb, note: ['x'] }, 'note');
      await expectInvalid('feedback_note_set', { profileId: fx.profileId, feedbackId: '', note: '' }, 'feedbackId');
      await expectInvalid('feedback_note_set', { profileId: fx.profileId, note: '' }, 'feedbackId');
      await expectInvalid('feedback_note_set', { feedbackId: attemptFb, note: '' }, 'profileId');
      await expectInvalid('feedback_note_set', null, '(payload)');
      expect(world.snapshot()).toEqual(before);
      await expectFeedbackRequestChecked('feedback_note_get');
    });
  });
});
