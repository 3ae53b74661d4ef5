import { submitTextAttempt } from '@lepupitre/repo-quest';
import { createProject } from '@lepupitre/repo-talk';
import type { CommandWorld } from '../support/command-world';
import { useProfileWorld } from '../support/worlds';

describe('coach commands', () => {
  let world: CommandWorld;
  let profileId: string;
  let projectId: string;
  // Built once, copied for each test: a talk with one answered quest.
  const profileWorld = useProfileWorld(({ session: { db } }) => {
    const projectId = createProject(db, { title: 'Rust at scale', audience: 'backend engineers', goal: 'align on the problem, the solution and its impact' });
    submitTextAttempt(db, { projectId, questCode: 'A01', text: 'They will know how to ship safely.' });
    return { projectId };
  });
  beforeEach(() => ({ world, profileId, projectId } = profileWorld()));

  it('reads the progress snapshot of an explicit project in snake_case', async () => {
    const snapshot = await world.ok<Record<string, unknown>>('progress_get_snapshot', { profileId, projectId });
    expect(snapshot).toEqual({
      project_id: projectId,
      attempts_total: 1,
      feedback_ready_total: 0,
      streak_days: 1,
      weekly_target: 5,
      weekly_completed: 1,
      credits: expect.any(Number),
      next_milestone: expect.any(Number),
      last_attempt_at: expect.stringMatching(/\+00:00$/),
    });
  });

  it('gives a mascot message with every key present', async () => {
    const message = await world.ok<Record<string, unknown>>('mascot_get_context_message', { profileId, routeName: 'training', projectId, locale: 'fr-CA' });
    expect(Object.keys(message).sort()).toEqual(['body', 'cta_label', 'cta_route', 'id', 'kind', 'title']);
  });

  it('builds the talk blueprint, and refuses a missing project with project_not_found', async () => {
    const blueprint = await world.ok<{ project_id: string; steps: unknown[]; completion_percent: number }>('talks_get_blueprint', { profileId, projectId, locale: null });
    expect(blueprint.project_id).toBe(projectId);
    expect(blueprint.steps).toHaveLength(5);
    expect(blueprint.completion_percent % 20).toBe(0);
    expect(await world.fail('talks_get_blueprint', { profileId, projectId: 'proj_missing' })).toMatchObject({ code: 'project_not_found' });
    expect(await world.fail('progress_get_snapshot', { profileId, projectId: 'proj_missing' })).toMatchObject({ code: 'project_not_found' });
    expect(await world.fail('talks_get_blueprint', { profileId: 'prof_missing', projectId })).toMatchObject({ code: 'profile_not_found' });
  });

  it.each([
    ['progress_get_snapshot', { profileId: 'p', projectId: '' }, 'projectId'],
    ['progress_get_snapshot', { projectId: null }, 'profileId'],
    ['mascot_get_context_message', { profileId: 'p', routeName: '' }, 'routeName'],
    ['mascot_get_context_message', { profileId: 'p', routeName: 'home', locale: 'f' }, 'locale'],
    ['talks_get_blueprint', { profileId: 'p', projectId: null }, 'projectId'],
    ['talks_get_blueprint', { profileId: 'p', projectId: 'x', locale: 'x'.repeat(13) }, 'locale'],
  ])('%s refuses %j naming %s', async (name, payload, field) => {
    const error = await world.fail(name, payload);
    expect(error.code).toBe('IPC_INVALID_PAYLOAD');
    expect(error.message).toContain(`${field}:`);
  });
});
