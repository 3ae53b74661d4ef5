import { profileSeeder, SEED_EPOCH, type ProfileSeeder } from '@lepupitre/fixtures';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migratedDatabase } from './migrated-database';

const ID = /^[a-z]+_[0-9a-f]{12}4[0-9a-f]{3}[89ab][0-9a-f]{15}$/;

describe('profile seeding kit', () => {
  let dir: string;
  let path: string;
  let kit: ProfileSeeder;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lepupitre-seed-'));
    path = migratedDatabase(dir, 'profile');
    kit = profileSeeder(path);
  });
  afterEach(() => {
    kit.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const stored = (table: string, where: string, value: string): unknown => {
    const raw = new Database(path, { readonly: true });
    try {
      return raw.prepare(`SELECT * FROM ${table} WHERE ${where} = ?`).get(value);
    } finally {
      raw.close();
    }
  };

  it('fills every column of a talk with deterministic defaults and returns the row as stored', () => {
    const talk = kit.newTalk();
    expect(talk).toEqual({
      id: expect.stringMatching(ID),
      title: 'Talk 1',
      audience: null,
      goal: null,
      duration_target_sec: null,
      talk_number: 1,
      stage: 'draft',
      created_at: SEED_EPOCH,
      updated_at: SEED_EPOCH,
      is_training: 0,
    });
    expect(talk.id.startsWith('proj_')).toBe(true);
    expect(stored('talk_projects', 'id', talk.id)).toEqual(talk);
  });

  it('numbers talks after the highest number in the file, and never a training talk', () => {
    kit.newTalk({ talk_number: 7 });
    const training = kit.newTalk({ is_training: 1 });
    const next = kit.newTalk();
    expect(training.talk_number).toBeNull();
    expect(next.talk_number).toBe(8);
  });

  it('keeps every value a call gives, null included', () => {
    const talk = kit.newTalk({ id: 'proj_given', title: 'Given', audience: 'devs', talk_number: null, stage: 'train', created_at: '2026-03-01T10:00:00+00:00' });
    expect(talk).toMatchObject({ id: 'proj_given', title: 'Given', audience: 'devs', talk_number: null, stage: 'train', updated_at: '2026-03-01T10:00:00+00:00' });
    expect(stored('talk_projects', 'id', 'proj_given')).toEqual(talk);
  });

  it('ticks its clock one second per row unless given a fixed time', () => {
    expect([kit.newTalk().created_at, kit.newTalk().created_at]).toEqual([SEED_EPOCH, '2026-01-01T00:00:01+00:00']);
    const fixed = profileSeeder(path, { clock: '2026-05-01T00:00:00+00:00', namespace: 'fixed' });
    try {
      expect([fixed.newTalk().created_at, fixed.newTalk().created_at]).toEqual(['2026-05-01T00:00:00+00:00', '2026-05-01T00:00:00+00:00']);
    } finally {
      fixed.close();
    }
  });

  it('writes runs, feedback, notes, attempts, outlines, reviews, settings and oplog rows exactly as it returns them', () => {
    const talk = kit.newTalk();
    const outline = kit.newOutline({ project_id: talk.id });
    const audio = kit.newArtifact({ type: 'audio', bytes: 2048 });
    const runId = kit.nextId('run');
    const feedback = kit.newFeedback({ subject_id: runId });
    const run = kit.newRun({ id: runId, project_id: talk.id, audio_artifact_id: audio.id, feedback_id: feedback.id });
    const note = kit.newFeedbackNote({ feedback_id: feedback.id });
    const attempt = kit.newQuestAttempt({ project_id: talk.id, output_text: 'answer' });
    const review = kit.newPeerReview({ run_id: run.id });
    const setting = kit.newSetting({ key: 'mic', value_json: '{"gain":3}' });
    const op = kit.newOplogEntry({ entity_id: run.id });

    expect(audio.local_relpath).toBe(`artifacts/audio/${audio.id}.wav`);
    expect(audio.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(feedback).toMatchObject({ subject_type: 'run', subject_id: run.id, overall_score: 70 });
    expect(stored('artifacts', 'id', feedback.feedback_json_artifact_id)).toMatchObject({ type: 'feedback', created_at: feedback.created_at });
    expect(stored('artifacts', 'id', review.review_json_artifact_id)).toMatchObject({ type: 'peer_review' });
    expect(attempt.quest_code).toBe('FREE');
    expect(stored('talk_outlines', 'project_id', talk.id)).toEqual(outline);
    expect(stored('runs', 'id', run.id)).toEqual(run);
    expect(stored('auto_feedback', 'id', feedback.id)).toEqual(feedback);
    expect(stored('feedback_notes', 'feedback_id', feedback.id)).toEqual(note);
    expect(stored('quest_attempts', 'id', attempt.id)).toEqual(attempt);
    expect(stored('peer_reviews', 'id', review.id)).toEqual(review);
    expect(stored('profile_settings', 'key', 'mic')).toEqual(setting);
    expect(stored('oplog', 'id', op.id)).toEqual(op);
  });

  it('refuses a row whose parent is missing, as the schema does', () => {
    expect(() => kit.newRun({ project_id: 'proj_missing' })).toThrow(/FOREIGN KEY/);
    expect(() => kit.newQuestAttempt({ project_id: kit.newTalk().id, quest_code: 'NOPE' })).toThrow(/FOREIGN KEY/);
    expect(() => kit.newFeedback({ subject_id: 'run_x', feedback_json_artifact_id: 'art_missing' })).toThrow(/FOREIGN KEY/);
  });

  it('sets and clears the active talk', () => {
    const talk = kit.newTalk();
    kit.setActiveTalk(talk.id);
    expect(stored('active_state', 'id', '1')).toEqual({ id: 1, active_project_id: talk.id });
    kit.setActiveTalk(null);
    expect(stored('active_state', 'id', '1')).toEqual({ id: 1, active_project_id: null });
  });

  it('gives the same ids to the same calls on another file, and other ids in another namespace', () => {
    const first = [kit.newTalk().id, kit.newArtifact().id, kit.nextId('run')];
    const otherPath = migratedDatabase(dir, 'profile', 'other.db');
    const same = profileSeeder(otherPath);
    const other = profileSeeder(otherPath, { namespace: 'other' });
    try {
      expect([same.newTalk().id, same.newArtifact().id, same.nextId('run')]).toEqual(first);
      expect(other.newTalk().id).not.toBe(first[0]);
    } finally {
      same.close();
      other.close();
    }
  });

  it('uses a connection it is given as it is, inside the caller transaction, and leaves it open', () => {
    const raw = new Database(path);
    try {
      raw.pragma('foreign_keys = OFF');
      const given = profileSeeder(raw, { namespace: 'given' });
      raw.transaction(() => given.newRun({ project_id: 'proj_dangling' }))();
      given.close();
      expect(raw.open).toBe(true);
      expect(raw.prepare("SELECT COUNT(*) FROM runs WHERE project_id = 'proj_dangling'").pluck().get()).toBe(1);
    } finally {
      raw.close();
    }
  });

  it('seeds in bulk in one transaction, all or nothing', () => {
    const talk = kit.newTalk();
    expect(() =>
      kit.transaction(() => {
        kit.newRun({ project_id: talk.id });
        kit.newRun({ project_id: 'proj_missing' });
      }),
    ).toThrow(/FOREIGN KEY/);
    const raw = new Database(path, { readonly: true });
    try {
      expect(raw.prepare('SELECT COUNT(*) FROM runs').pluck().get()).toBe(0);
    } finally {
      raw.close();
    }
  });
});
