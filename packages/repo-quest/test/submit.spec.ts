import { ID_PATTERN } from '@lepupitre/domain-primitives';
import { rowOnColumns } from '@lepupitre/testing';
import type { StepEvent } from '@lepupitre/db-core';
import { assertAudioUnusedByAttempts, submitAudioAttempt, submitTextAttempt } from '../src';
import { attemptRow, countAttempts, questWorld, removeWorlds, steppingClock, type QuestWorld } from './support/quest-world';

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

/** The write statements a call performs, seen through the step observer. */
function writesOf(fn: () => unknown): string[] {
  const steps: StepEvent[] = [];
  world.db.observeSteps((event) => void steps.push(event));
  try {
    fn();
  } finally {
    world.db.observeSteps(undefined);
  }
  return steps.filter((s) => s.kind === 'statement' && /^(insert|update|delete)/i.test(s.detail)).map((s) => s.detail.split(' ')[0] as string);
}

describe('quest_submit_text', () => {
  it('stores the text verbatim as a new att_ attempt with the clock time', () => {
    const text = '  Ils sauront d\u00e9ployer\u00a0pour dormir.\n\t ';
    const id = submitTextAttempt(world.db, { projectId: world.talkId, questCode: 'A01', text }, { now: () => '2026-02-01T08:00:00.125+00:00' });
    expect(id).toMatch(ID_PATTERN);
    expect(id.startsWith('att_')).toBe(true);
    const expected = {
      id,
      project_id: world.talkId,
      quest_code: 'A01',
      created_at: '2026-02-01T08:00:00.125+00:00',
      output_text: text,
      audio_artifact_id: null,
      transcript_id: null,
      feedback_id: null,
    };
    expect(rowOnColumns(attemptRow(world.db, id), expected)).toEqual(expected);
  });

  it('writes a +00:00 timestamp by default, never Z', () => {
    const id = submitTextAttempt(world.db, { projectId: world.talkId, questCode: 'A01', text: 'x' });
    expect(attemptRow(world.db, id)?.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?\+00:00$/);
  });

  it('accepts the training project and any quest, whatever its output type', () => {
    const id = submitTextAttempt(world.db, { projectId: world.trainingId, questCode: 'FREE', text: 'free words' });
    expect(attemptRow(world.db, id)).toMatchObject({ project_id: world.trainingId, quest_code: 'FREE' });
  });

  it('checks the quest first (quest_not_found), then the project (project_not_found), writing nothing', () => {
    expect(code(() => submitTextAttempt(world.db, { projectId: 'proj_missing', questCode: 'Z99', text: 'x' }))).toBe('quest_not_found');
    expect(code(() => submitTextAttempt(world.db, { projectId: world.talkId, questCode: 'a01', text: 'x' }))).toBe('quest_not_found');
    expect(code(() => submitTextAttempt(world.db, { projectId: 'proj_missing', questCode: 'A01', text: 'x' }))).toBe('project_not_found');
    expect(countAttempts(world.db)).toBe(0);
  });
});

describe('quest_submit_audio', () => {
  const submit = (over: Partial<Parameters<typeof submitAudioAttempt>[1]> = {}) =>
    submitAudioAttempt(world.db, {
      projectId: world.talkId,
      questCode: 'D01',
      audioArtifactId: world.audioIds[0],
      transcriptId: null,
      ...over,
    }, { now: steppingClock() });

  it('creates an attempt holding the audio and the transcript', () => {
    const id = submit({ transcriptId: world.transcriptIds[0] });
    expect(id.startsWith('att_')).toBe(true);
    const expected = {
      id,
      project_id: world.talkId,
      quest_code: 'D01',
      created_at: '2026-02-01T08:00:00+00:00',
      output_text: null,
      audio_artifact_id: world.audioIds[0],
      transcript_id: world.transcriptIds[0],
      feedback_id: null,
    };
    expect(rowOnColumns(attemptRow(world.db, id), expected)).toEqual(expected);
  });

  it('lands the second call (with the transcript) on the attempt of the first (without)', () => {
    const first = submit();
    expect(attemptRow(world.db, first)?.transcript_id).toBeNull();
    const second = submit({ transcriptId: world.transcriptIds[0] });
    expect(second).toBe(first);
    expect(countAttempts(world.db)).toBe(1);
    expect(attemptRow(world.db, first)?.transcript_id).toBe(world.transcriptIds[0]);
  });

  it('never clears a stored transcript, and replaces it only with a different one', () => {
    const id = submit({ transcriptId: world.transcriptIds[0] });
    expect(writesOf(() => expect(submit({ transcriptId: null })).toBe(id))).toEqual([]);
    expect(writesOf(() => expect(submit({ transcriptId: undefined })).toBe(id))).toEqual([]);
    expect(writesOf(() => expect(submit({ transcriptId: world.transcriptIds[0] })).toBe(id))).toEqual([]);
    expect(attemptRow(world.db, id)?.transcript_id).toBe(world.transcriptIds[0]);
    expect(writesOf(() => expect(submit({ transcriptId: world.transcriptIds[1] })).toBe(id))).toEqual(['update']);
    expect(attemptRow(world.db, id)?.transcript_id).toBe(world.transcriptIds[1]);
  });

  it('de-duplicates by recording across projects and quests, ignoring the later call\'s project and quest', () => {
    const id = submit({ projectId: world.trainingId, questCode: 'FREE' });
    expect(submit({ projectId: world.otherTalkId, questCode: 'D01' })).toBe(id);
    // Even a project that does not exist: the call names an existing attempt, nothing is inserted.
    expect(submit({ projectId: 'proj_missing', questCode: 'A01', transcriptId: world.transcriptIds[1] })).toBe(id);
    expect(attemptRow(world.db, id)).toMatchObject({ project_id: world.trainingId, quest_code: 'FREE', transcript_id: world.transcriptIds[1] });
    expect(countAttempts(world.db)).toBe(1);
  });

  it('makes separate attempts for separate recordings, also on a text quest', () => {
    const a = submit();
    const b = submit({ audioArtifactId: world.audioIds[1], questCode: 'A01' });
    expect(a).not.toBe(b);
    expect(attemptRow(world.db, b)).toMatchObject({ quest_code: 'A01', audio_artifact_id: world.audioIds[1] });
  });

  it('validates in order: quest, audio artifact, transcript artifact, then (new attempt only) project', () => {
    expect(code(() => submit({ questCode: 'nope', audioArtifactId: 'art_missing', projectId: 'proj_missing' }))).toBe('quest_not_found');
    expect(code(() => submit({ audioArtifactId: 'art_missing', transcriptId: 'art_missing2', projectId: 'proj_missing' }))).toBe('artifact_not_found');
    expect(code(() => submit({ audioArtifactId: world.transcriptIds[0], projectId: 'proj_missing' }))).toBe('artifact_not_audio');
    expect(code(() => submit({ transcriptId: 'art_missing', projectId: 'proj_missing' }))).toBe('artifact_not_found');
    expect(code(() => submit({ transcriptId: world.audioIds[1], projectId: 'proj_missing' }))).toBe('artifact_not_transcript');
    expect(code(() => submit({ transcriptId: world.feedbackArtifactId }))).toBe('artifact_not_transcript');
    expect(code(() => submit({ projectId: 'proj_missing' }))).toBe('project_not_found');
    expect(countAttempts(world.db)).toBe(0);
  });

  it('does not let a bad transcript on a repeated call touch the existing attempt', () => {
    const id = submit({ transcriptId: world.transcriptIds[0] });
    expect(code(() => submit({ transcriptId: world.audioIds[2] }))).toBe('artifact_not_transcript');
    expect(attemptRow(world.db, id)?.transcript_id).toBe(world.transcriptIds[0]);
  });
});

describe('assertAudioUnusedByAttempts (the quest side of voice_memo_delete)', () => {
  it('refuses an audio an attempt plays with audio_in_use, and lets any other audio go', () => {
    submitAudioAttempt(world.db, { projectId: world.talkId, questCode: 'D01', audioArtifactId: world.audioIds[0], transcriptId: null });
    expect(code(() => assertAudioUnusedByAttempts(world.db, world.audioIds[0]))).toBe('audio_in_use');
    expect(code(() => assertAudioUnusedByAttempts(world.db, world.audioIds[1]))).toBeUndefined();
  });
});
