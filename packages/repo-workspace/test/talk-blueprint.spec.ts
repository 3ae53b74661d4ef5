import { openDatabase, type DatabaseHandle } from '@lepupitre/db-core';
import { createProfile, getTalkBlueprint, profileDatabasePath, readTalkBlueprint } from '../src';
import { chooseFramework } from '../src/repo/talk-blueprint';
import { CoachSeed } from './support/coach-seed';
import { codeChain, codeOf, errorOf } from './support/errors';
import { openGlobalDatabase } from './support/global-database';
import { useTempDir } from './support/temp-dir';
import { TEST_SAFEGUARDS } from '@lepupitre/testing';

describe('talk blueprint', () => {
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

  const blueprint = (projectId: string, locale?: string | null) => getTalkBlueprint(db, dir(), profileId, projectId, locale);

  it('shows a bare project with every step to do, in English by default', () => {
    seed.talk({ id: 'proj_a', title: '  Raw title ' });
    expect(blueprint('proj_a')).toEqual({
      project_id: 'proj_a',
      project_title: '  Raw title ',
      framework_id: 'hook-story-proof',
      framework_label: 'Hook -> Story -> Proof',
      framework_summary: 'Versatile baseline for talks that need clarity, narrative flow, and evidence.',
      completion_percent: 0,
      steps: [
        { id: 'define', title: 'Define talk scope (title, audience, goal, duration)', done: false, reward_credits: 20, cta_route: '/talks/proj_a/define' },
        { id: 'structure', title: 'Build an outline with the recommended framework', done: false, reward_credits: 30, cta_route: '/talks/proj_a/builder' },
        { id: 'rehearse', title: 'Record at least one rehearsal take', done: false, reward_credits: 25, cta_route: '/talks/proj_a/train' },
        { id: 'feedback', title: 'Generate at least one feedback pass', done: false, reward_credits: 25, cta_route: '/talks/proj_a/train' },
        { id: 'ship', title: 'Move this talk to export stage', done: false, reward_credits: 40, cta_route: '/talks/proj_a/export' },
      ],
      next_step_id: 'define',
    });
  });

  it('completes every step of a finished talk, in French', () => {
    seed
      .talk({ id: 'proj_a', title: 'Ship it', audience: 'devs', goal: 'convince the team', durationTargetSec: 600, stage: 'export' })
      .outline('proj_a', '# Intro\n\n## Problem\n\n## Solution')
      .attempt('proj_a', '2026-02-27T09:00:00+00:00', { feedback: true });
    const result = blueprint('proj_a', 'fr');
    expect(result).toMatchObject({
      framework_id: 'problem-solution-impact',
      framework_label: 'Probleme -> Solution -> Impact',
      framework_summary: 'Cadre ideal pour obtenir une decision et clarifier le benefice attendu.',
      completion_percent: 100,
      next_step_id: null,
    });
    expect(result.steps.map((s) => [s.title, s.done])).toEqual([
      ['Definir le talk (titre, audience, objectif, duree)', true],
      ["Structurer l'outline avec le cadre recommande", true],
      ['Faire une repetition en audio', true],
      ['Generer au moins un feedback', true],
      ['Passer le talk au stade export', true],
    ]);
  });

  it.each([
    [{ title: '   ' }, false],
    [{ audience: null }, false],
    [{ audience: ' \t' }, false],
    [{ goal: '' }, false],
    [{ durationTargetSec: 0 }, false],
    [{ durationTargetSec: null }, false],
    [{}, true],
  ])('defines the scope only with a title, audience, goal and positive duration: %j', (override, done) => {
    seed.talk({ id: 'proj_a', title: 'T', audience: 'devs', goal: 'teach', durationTargetSec: 300, ...override });
    expect(blueprint('proj_a').steps[0]?.done).toBe(done);
  });

  it.each([
    ['x'.repeat(20), false],
    ['x'.repeat(21), true],
    [`${' '.repeat(30)}short${' '.repeat(30)}`, false],
    ['\n'.repeat(21), true],
    ['é'.repeat(21), true],
    ['😀'.repeat(20), false],
  ])('judges the outline %j structured: %s (SQLite TRIM and LENGTH, docs/compatibility.md#workspace-18)', (markdown, done) => {
    seed.talk({ id: 'proj_a' }).outline('proj_a', markdown);
    expect(blueprint('proj_a').steps[1]?.done).toBe(done);
  });

  it('counts a run without audio as a rehearsal and a run feedback as feedback; steps are independent (docs/compatibility.md#workspace-15, docs/compatibility.md#workspace-22)', () => {
    seed.talk({ id: 'proj_a', stage: 'export' }).run('proj_a', '2026-02-27T09:00:00+00:00');
    let result = blueprint('proj_a');
    expect(result.steps.map((s) => s.done)).toEqual([false, false, true, false, true]);
    expect(result.completion_percent).toBe(40);
    expect(result.next_step_id).toBe('define');
    seed.run('proj_a', '2026-02-27T10:00:00+00:00', { feedback: true });
    result = blueprint('proj_a');
    expect(result.steps.map((s) => s.done)).toEqual([false, false, true, true, true]);
    expect(result.completion_percent).toBe(60);
  });

  it('ships only at the exact stage export', () => {
    seed.talk({ id: 'proj_a', stage: 'Export' });
    expect(blueprint('proj_a').steps[4]?.done).toBe(false);
  });

  it('works for the training project too', () => {
    seed.talk({ id: 'proj_t', training: true, title: 'Training' });
    expect(blueprint('proj_t').project_title).toBe('Training');
  });

  it('fails with project_not_found for a missing project (docs/compatibility.md#workspace-17)', () => {
    expect(codeOf(() => blueprint('proj_missing'))).toBe('project_not_found');
  });

  it('fails with profile_not_found for an unknown profile', () => {
    expect(codeOf(() => getTalkBlueprint(db, dir(), 'prof_00000000000000000000000000000000', 'proj_a'))).toBe('profile_not_found');
  });

  it("lets a failing read leave as db-core's DbError, unchanged", () => {
    const profileDb = openDatabase(profileDatabasePath(dir(), profileId), 'profile', { safeguards: TEST_SAFEGUARDS }).db;
    profileDb.close();
    expect(codeChain(errorOf(() => readTalkBlueprint(profileDb, 'proj_a')))).toEqual(['DB_CLOSED']);
  });

  it('labels the context framework in both languages', () => {
    seed.talk({ id: 'proj_a', goal: 'quarterly update' });
    expect(blueprint('proj_a')).toMatchObject({
      framework_id: 'context-change-decision',
      framework_label: 'Context -> Change -> Decision',
      framework_summary: 'Great for status talks: what changed, why it matters, and what decision is needed.',
    });
    expect(blueprint('proj_a', 'fr')).toMatchObject({
      framework_label: 'Contexte -> Changement -> Decision',
      framework_summary: 'Utile pour les updates: ce qui change, pourquoi, et la decision attendue.',
    });
    expect(blueprint('proj_a', 'fr').steps).toHaveLength(5);
  });
});

describe('framework choice (docs/compatibility.md#workspace-19)', () => {
  it.each([
    ['Convince the board', null, 'problem-solution-impact'],
    ['get BUY-IN', 'execs', 'problem-solution-impact'],
    ['team alignment', null, 'problem-solution-impact'],
    ['malign nothing', null, 'problem-solution-impact'],
    ['weekly status', null, 'context-change-decision'],
    ['statusquo', null, 'context-change-decision'],
    ['teach', 'Executive committee', 'context-change-decision'],
    ['teach', 'engineering managers', 'context-change-decision'],
    ['convaincre', 'developpeurs', 'hook-story-proof'],
    [null, null, 'hook-story-proof'],
    ['ÜPDATE', null, 'hook-story-proof'],
  ])('goal %j, audience %j: %s', (goal, audience, framework) => {
    expect(chooseFramework(goal, audience)).toBe(framework);
  });
});
