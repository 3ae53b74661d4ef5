import { defineQuery, profileQueryBuilder as qb, type QueryParams } from '@lepupitre/db-core';
import {
  analysisInputOf,
  getAttemptForAnalysis,
  linkAttemptFeedback,
  submitAudioAttempt,
  submitTextAttempt,
  type AttemptForAnalysis,
} from '../src';
import { addFeedbackRow, attemptRow, questWorld, removeWorlds, type QuestWorld } from './support/quest-world';

const feedbackById = defineQuery((p: QueryParams<{ id: string }>) => qb.selectFrom('auto_feedback').select('id').where('id', '=', p.id));

let world: QuestWorld;
beforeEach(() => {
  world = questWorld();
});
afterEach(() => world.db.close());
afterAll(removeWorlds);

const code = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
};

describe('reading an attempt for analysis', () => {
  it('gives the text, transcript, linked feedback and the quest\'s nominal duration', () => {
    const text = submitTextAttempt(world.db, { projectId: world.talkId, questCode: 'A01', text: ' raw ' });
    expect(getAttemptForAnalysis(world.db, text)).toEqual({
      attempt_id: text,
      project_id: world.talkId,
      quest_code: 'A01',
      estimated_sec: 180,
      output_text: ' raw ',
      transcript_id: null,
      feedback_id: null,
    });
    const audio = submitAudioAttempt(world.db, {
      projectId: world.trainingId,
      questCode: 'FREE',
      audioArtifactId: world.audioIds[0],
      transcriptId: world.transcriptIds[0],
    });
    expect(getAttemptForAnalysis(world.db, audio)).toMatchObject({ output_text: null, transcript_id: world.transcriptIds[0], estimated_sec: 180 });
  });

  it('fails with attempt_not_found for an unknown attempt', () => {
    expect(code(() => getAttemptForAnalysis(world.db, 'att_missing'))).toBe('attempt_not_found');
  });

  it('picks the text when present (even empty), else the transcript, else attempt_missing_text', () => {
    const base: AttemptForAnalysis = {
      attempt_id: 'att_1',
      project_id: 'proj_1',
      quest_code: 'A01',
      estimated_sec: 180,
      output_text: null,
      transcript_id: null,
      feedback_id: null,
    };
    expect(analysisInputOf({ ...base, output_text: '', transcript_id: 'art_t' })).toEqual({ source: 'text', text: '' });
    expect(analysisInputOf({ ...base, transcript_id: 'art_t' })).toEqual({ source: 'transcript', transcript_id: 'art_t' });
    expect(code(() => analysisInputOf(base))).toBe('attempt_missing_text');
  });
});

describe('linking feedback to an attempt', () => {
  it('points the attempt at its newest feedback, re-pointing on re-analysis', () => {
    const attempt = submitTextAttempt(world.db, { projectId: world.talkId, questCode: 'A01', text: 'x' });
    const first = world.db.transaction(() => {
      const id = addFeedbackRow(world.db, attempt, world.feedbackArtifactId);
      linkAttemptFeedback(world.db, attempt, id);
      return id;
    });
    expect(getAttemptForAnalysis(world.db, attempt).feedback_id).toBe(first);
    const second = world.db.transaction(() => {
      const id = addFeedbackRow(world.db, attempt, world.feedbackArtifactId);
      linkAttemptFeedback(world.db, attempt, id);
      return id;
    });
    expect(getAttemptForAnalysis(world.db, attempt).feedback_id).toBe(second);
    // The superseded feedback row stays (the timeline shows it).
    expect(world.db.get(feedbackById, { id: first })).toBeDefined();
  });

  it('fails with attempt_update_missing for an unknown attempt and rolls the whole unit back', () => {
    let feedbackId = '';
    expect(
      code(() =>
        world.db.transaction(() => {
          feedbackId = addFeedbackRow(world.db, 'att_missing', world.feedbackArtifactId);
          linkAttemptFeedback(world.db, 'att_missing', feedbackId);
        }),
      ),
    ).toBe('attempt_update_missing');
    expect(feedbackId).not.toBe('');
    expect(world.db.get(feedbackById, { id: feedbackId })).toBeUndefined();
  });

  it('fails with feedback_not_found when the feedback row does not exist, leaving the attempt as it was', () => {
    const attempt = submitTextAttempt(world.db, { projectId: world.talkId, questCode: 'A01', text: 'x' });
    expect(code(() => linkAttemptFeedback(world.db, attempt, 'fb_missing'))).toBe('feedback_not_found');
    expect(attemptRow(world.db, attempt)?.feedback_id).toBeNull();
  });
});
