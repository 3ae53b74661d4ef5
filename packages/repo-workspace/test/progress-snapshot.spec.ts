import { openDatabase, type DatabaseHandle } from '@lepupitre/db-core';
import { createProfile, getProgressSnapshot, profileDatabasePath, readProgressSnapshot } from '../src';
import { streakDays } from '../src/repo/progress-snapshot';
import { fixedClock } from './support/clock';
import { CoachSeed } from './support/coach-seed';
import { codeChain, codeOf, errorOf } from './support/errors';
import { openGlobalDatabase } from './support/global-database';
import { useTempDir } from './support/temp-dir';
import { TEST_SAFEGUARDS } from '@lepupitre/testing';

const NOW = '2026-02-27T12:00:00+00:00';
const now = fixedClock(NOW);

describe('progress snapshot', () => {
  const dir = useTempDir();
  let db: DatabaseHandle;
  let profileId: string;
  let seed: CoachSeed;
  beforeEach(() => {
    db = openGlobalDatabase(dir());
    profileId = createProfile(db, dir(), 'Coached');
    seed = new CoachSeed(profileDatabasePath(dir(), profileId));
  });
  afterEach(() => {
    seed.close();
    db.close();
  });

  const snapshot = (projectId?: string | null) => getProgressSnapshot(db, dir(), profileId, projectId, { now });

  it('reads an empty project as zeros, with the fixed weekly target and the first milestone', () => {
    seed.talk({ id: 'proj_a' });
    expect(snapshot('proj_a')).toEqual({
      project_id: 'proj_a',
      attempts_total: 0,
      feedback_ready_total: 0,
      streak_days: 0,
      weekly_target: 5,
      weekly_completed: 0,
      credits: 0,
      next_milestone: 50,
      last_attempt_at: null,
    });
  });

  it('counts attempts and analysed attempts of the project only, never runs (docs/compatibility.md#workspace-15)', () => {
    seed
      .talk({ id: 'proj_a' })
      .talk({ id: 'proj_b' })
      .attempt('proj_a', '2026-02-27T09:00:00+00:00', { feedback: true })
      .attempt('proj_a', '2026-02-26T09:00:00.123456789+00:00', { feedback: true })
      .attempt('proj_a', '2026-02-25T09:00:00+00:00')
      .attempt('proj_b', '2026-02-27T11:00:00+00:00', { feedback: true })
      .run('proj_a', '2026-02-27T10:00:00+00:00', { feedback: true });
    expect(snapshot('proj_a')).toEqual({
      project_id: 'proj_a',
      attempts_total: 3,
      feedback_ready_total: 2,
      streak_days: 3,
      weekly_target: 5,
      weekly_completed: 3,
      credits: 3 * 10 + 2 * 5 + 3 * 2,
      next_milestone: 50,
      last_attempt_at: '2026-02-27T09:00:00+00:00',
    });
  });

  it('counts the week as a rolling 144 hours, compared as text (docs/compatibility.md#workspace-13)', () => {
    seed
      .talk({ id: 'proj_a' })
      .attempt('proj_a', '2026-02-21T12:00:00+00:00')
      .attempt('proj_a', '2026-02-21T11:59:59.999+00:00')
      .attempt('proj_a', '2026-02-20T23:00:00+00:00');
    expect(snapshot('proj_a').weekly_completed).toBe(1);
  });

  it('caps the streak credit at 14 days and rounds the milestone up past the credits', () => {
    seed.talk({ id: 'proj_a' });
    for (let d = 0; d < 20; d++) seed.attempt('proj_a', new Date(Date.parse(NOW) - d * 86_400_000).toISOString().replace('Z', '+00:00'));
    const result = snapshot('proj_a');
    expect(result.streak_days).toBe(20);
    expect(result.credits).toBe(20 * 10 + 14 * 2);
    expect(result.next_milestone).toBe(250);
  });

  describe('project resolution (docs/compatibility.md#workspace-12)', () => {
    it('uses an explicit project, training or not', () => {
      seed.talk({ id: 'proj_t', training: true }).talk({ id: 'proj_a' });
      expect(snapshot('proj_a').project_id).toBe('proj_a');
      expect(snapshot('proj_t').project_id).toBe('proj_t');
    });

    it('prefers the training project over the active talk when none is given', () => {
      seed.talk({ id: 'proj_t', training: true }).talk({ id: 'proj_a' }).active('proj_a');
      expect(snapshot(null).project_id).toBe('proj_t');
      expect(snapshot(undefined).project_id).toBe('proj_t');
    });

    it('falls back to the active project without re-checking it', () => {
      seed.talk({ id: 'proj_a' }).active('proj_gone', { dangling: true });
      expect(snapshot(null)).toMatchObject({ project_id: 'proj_gone', attempts_total: 0 });
    });

    it('fails with project_not_found for an unknown explicit id, or when nothing resolves', () => {
      seed.talk({ id: 'proj_a' });
      expect(codeOf(() => snapshot('proj_missing'))).toBe('project_not_found');
      expect(codeOf(() => snapshot(null))).toBe('project_not_found');
      seed.active(null);
      expect(codeOf(() => snapshot(null))).toBe('project_not_found');
    });
  });

  it('fails with profile_not_found for an unknown profile', () => {
    expect(codeOf(() => getProgressSnapshot(db, dir(), 'prof_00000000000000000000000000000000', null, { now }))).toBe('profile_not_found');
  });

  it("lets a failing read leave as db-core's DbError, unchanged", () => {
    const profileDb = openDatabase(profileDatabasePath(dir(), profileId), 'profile', { safeguards: TEST_SAFEGUARDS }).db;
    profileDb.close();
    expect(codeChain(errorOf(() => readProgressSnapshot(profileDb, 'proj_a', { now })))).toEqual(['DB_CLOSED']);
  });
});

describe('streak days (UTC calendar days, docs/compatibility.md#workspace-13, docs/compatibility.md#workspace-23)', () => {
  const at = new Date('2026-02-27T01:00:00+00:00');

  it.each([
    [[], 0],
    [['2026-02-27', '2026-02-26', '2026-02-25'], 3],
    [['2026-02-26', '2026-02-25'], 2],
    [['2026-02-23', '2026-02-22'], 0],
    [['2026-02-27', '2026-02-25'], 1],
    [['2026-02-28'], 0],
    [['2026-02-27', 'garbage-xx', '2026-02-26'], 2],
    [['2026-02-27', '2026-02-30', '2026-02-26'], 2],
    [['not-a-day', '2026-02-26'], 1],
    [['2026-03-01', '2026-02-28', '2026-02-27'], 0],
  ])('%j gives %i', (days, expected) => {
    expect(streakDays(days, at)).toBe(expected);
  });

  it('walks across month and year ends', () => {
    expect(streakDays(['2026-01-01', '2025-12-31', '2025-12-30'], new Date('2026-01-01T23:59:59+00:00'))).toBe(3);
    expect(streakDays(['2024-03-01', '2024-02-29', '2024-02-28'], new Date('2024-03-02T00:00:00+00:00'))).toBe(3);
  });
});

describe('streak from stored attempts', () => {
  const dir = useTempDir();

  it('stops at 90 days, the query keeping the 90 most recent distinct days, unparseable ones included (docs/compatibility.md#workspace-23)', () => {
    const db = openGlobalDatabase(dir());
    const profileId = createProfile(db, dir(), 'Long');
    const seed = new CoachSeed(profileDatabasePath(dir(), profileId));
    try {
      seed.talk({ id: 'proj_a' });
      for (let d = 0; d < 100; d++) seed.attempt('proj_a', new Date(Date.parse(NOW) - d * 86_400_000).toISOString().replace('Z', '+00:00'));
      expect(getProgressSnapshot(db, dir(), profileId, 'proj_a', { now }).streak_days).toBe(90);
      // A value that sorts above every date takes one of the 90 slots and is then dropped.
      seed.attempt('proj_a', 'zzzz-not-a-timestamp');
      expect(getProgressSnapshot(db, dir(), profileId, 'proj_a', { now }).streak_days).toBe(89);
    } finally {
      seed.close();
      db.close();
    }
  });
});
