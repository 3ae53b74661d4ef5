import type { CommandWorld } from '../support/command-world';
import { invalidPayload, rejectsUnchanged, TIMESTAMP } from '../support/expectations';
import { execOnProfile, nextMillisecond } from '../support/talk-fixtures';
import { useProfileWorld } from '../support/worlds';

interface Summary {
  id: string;
  title: string;
  audience: string | null;
  goal: string | null;
  duration_target_sec: number | null;
  talk_number: number | null;
  stage: string;
  created_at: string;
  updated_at: string;
}
type ListItem = Summary & { is_active: boolean };

const SUMMARY_KEYS = ['audience', 'created_at', 'duration_target_sec', 'goal', 'id', 'stage', 'talk_number', 'title', 'updated_at'];

describe('project commands', () => {
  let world: CommandWorld;
  let profileId: string;
  const profileWorld = useProfileWorld();
  beforeEach(() => ({ world, profileId } = profileWorld()));

  const create = (payload: Record<string, unknown>) => world.ok<string>('project_create', { profileId, payload });
  const list = () => world.ok<ListItem[]>('project_list', { profileId });
  const active = () => world.ok<Summary | null>('project_get_active', { profileId });

  describe('project_create', () => {
    it('creates a numbered draft talk, makes it active and returns its id', async () => {
      const id = await create({ title: 'Keynote', audience: 'Developers', goal: 'Convince', duration_target_sec: 600 });
      expect(id).toMatch(/^proj_[0-9a-f]{32}$/);
      const summary = await active();
      expect(summary).toEqual({
        id,
        title: 'Keynote',
        audience: 'Developers',
        goal: 'Convince',
        duration_target_sec: 600,
        talk_number: 1,
        stage: 'draft',
        created_at: expect.stringMatching(TIMESTAMP),
        updated_at: summary?.created_at,
      });
      expect(Object.keys(summary ?? {}).sort()).toEqual(SUMMARY_KEYS);
    });

    it('accepts absent or null optional fields, sends them back as null and ignores unknown keys', async () => {
      await create({ title: 'Absent' });
      await create({ title: 'Nulls', audience: null, goal: null, duration_target_sec: null, extra: 1 });
      const talks = await list();
      expect(talks.map((t) => [t.title, t.audience, t.goal, t.duration_target_sec, t.talk_number])).toEqual(
        expect.arrayContaining([
          ['Absent', null, null, null, 1],
          ['Nulls', null, null, null, 2],
        ]),
      );
    });

    it('trims the title and the texts as updates do, and moves the active talk to the new one', async () => {
      const first = await create({ title: 'First' });
      const second = await create({ title: '  Second \n', audience: '  everyone ', goal: ' ' });
      const talks = await list();
      expect(talks.find((t) => t.id === second)).toMatchObject({ title: 'Second', audience: 'everyone', goal: null, is_active: true });
      expect(talks.find((t) => t.id === first)).toMatchObject({ is_active: false });
    });

    it('refuses a blank or too long title and a duration that is not a positive whole number, with their codes', async () => {
      expect(await rejectsUnchanged(world, 'project_create', { profileId, payload: { title: ' \t ' } })).toMatchObject({
        code: 'project_title_required',
      });
      expect(await rejectsUnchanged(world, 'project_create', { profileId, payload: { title: 'x'.repeat(121) } })).toMatchObject({
        code: 'project_title_too_long',
      });
      for (const duration of [0, -60, 1.5]) {
        expect(
          await rejectsUnchanged(world, 'project_create', { profileId, payload: { title: 'T', duration_target_sec: duration } }),
        ).toMatchObject({ code: 'project_duration_invalid' });
      }
      expect(await create({ title: 'y'.repeat(120) })).toMatch(/^proj_/);
    });

    it('rejects malformed payloads before touching anything, naming the field', async () => {
      const cases: [unknown, string][] = [
        [{ profileId }, 'payload'],
        [{ profileId, payload: 'Keynote' }, 'payload'],
        [{ profileId, payload: [] }, 'payload'],
        [{ profileId, payload: {} }, 'payload.title'],
        [{ profileId, payload: { title: 42 } }, 'payload.title'],
        [{ profileId, payload: { title: 'T', audience: '' } }, 'payload.audience'],
        [{ profileId, payload: { title: 'T', goal: 3 } }, 'payload.goal'],
        [{ profileId, payload: { title: 'T', duration_target_sec: '600' } }, 'payload.duration_target_sec'],
        [{ profileId: '', payload: { title: 'T' } }, 'profileId'],
        [{ payload: { title: 'T' } }, 'profileId'],
        ['project', '(payload)'],
      ];
      for (const [payload, field] of cases) {
        expect(await rejectsUnchanged(world, 'project_create', payload)).toEqual(invalidPayload(field));
      }
    });

    it('reports an unknown profile', async () => {
      expect(await rejectsUnchanged(world, 'project_create', { profileId: 'prof_missing', payload: { title: 'T' } })).toMatchObject({
        code: 'profile_not_found',
      });
    });
  });

  describe('project_update', () => {
    it('stores the trimmed fields, cuts long texts, keeps number, creation time and the active talk', async () => {
      const id = await create({ title: 'Draft', audience: 'A', duration_target_sec: 60 });
      const other = await create({ title: 'Other' });
      const [before] = (await list()).filter((t) => t.id === id);
      await nextMillisecond();
      const result = await world.ok('project_update', {
        profileId,
        projectId: id,
        payload: { title: ' Final ', audience: 'a'.repeat(300), goal: 'g'.repeat(1200), duration_target_sec: null, stage: ' rehearse ' },
      });
      expect(result).toBeNull();
      const talks = await list();
      expect(talks[0]).toEqual({
        id,
        title: 'Final',
        audience: 'a'.repeat(240),
        goal: 'g'.repeat(1000),
        duration_target_sec: null,
        talk_number: 1,
        stage: 'rehearse',
        created_at: before?.created_at,
        updated_at: expect.stringMatching(TIMESTAMP),
        is_active: false,
      });
      expect((talks[0]?.updated_at ?? '') > (before?.updated_at ?? '')).toBe(true);
      expect((await active())?.id).toBe(other);
    });

    it('can edit the training project, which stays unlisted', async () => {
      const training = await world.ok<string>('project_ensure_training', { profileId });
      const payload = { title: 'Warm-ups', stage: 'draft' };
      expect(await world.ok('project_update', { profileId, projectId: training, payload })).toBeNull();
      expect(await list()).toEqual([]);
      expect(await world.ok('project_ensure_training', { profileId })).toBe(training);
    });

    it('checks the fields in the previous order and reports each with its code, changing nothing', async () => {
      const projectId = await create({ title: 'Draft' });
      const update = (payload: Record<string, unknown>) => rejectsUnchanged(world, 'project_update', { profileId, projectId, payload });
      expect(await update({ title: '  ', stage: '' })).toMatchObject({ code: 'project_title_required' });
      expect(await update({ title: 'é'.repeat(121), stage: '' })).toMatchObject({ code: 'project_title_too_long' });
      expect(await update({ title: 'T', stage: ' \n', duration_target_sec: -1 })).toMatchObject({ code: 'project_stage_required' });
      expect(await update({ title: 'T', stage: 'train', duration_target_sec: 0 })).toMatchObject({ code: 'project_duration_invalid' });
      expect(
        await rejectsUnchanged(world, 'project_update', { profileId, projectId: 'proj_missing', payload: { title: 'T', stage: 'draft' } }),
      ).toMatchObject({ code: 'project_not_found' });
      expect(
        await rejectsUnchanged(world, 'project_update', { profileId: 'prof_missing', projectId, payload: { title: 'T', stage: 'draft' } }),
      ).toMatchObject({ code: 'profile_not_found' });
    });

    it('rejects malformed payloads before touching anything, naming the field', async () => {
      const projectId = await create({ title: 'Draft' });
      const cases: [unknown, string][] = [
        [{ profileId, projectId, payload: { title: 'T' } }, 'payload.stage'],
        [{ profileId, projectId, payload: { title: 'T', stage: 5 } }, 'payload.stage'],
        [{ profileId, projectId, payload: { stage: 'draft' } }, 'payload.title'],
        [{ profileId, projectId, payload: { title: 'T', stage: 'draft', audience: false } }, 'payload.audience'],
        [{ profileId, projectId, payload: { title: 'T', stage: 'draft', duration_target_sec: '1' } }, 'payload.duration_target_sec'],
        [{ profileId, projectId, payload: null }, 'payload'],
        [{ profileId, projectId: '', payload: { title: 'T', stage: 'draft' } }, 'projectId'],
        [{ profileId, payload: { title: 'T', stage: 'draft' } }, 'projectId'],
        [{ profileId: 7, projectId, payload: { title: 'T', stage: 'draft' } }, 'profileId'],
      ];
      for (const [payload, field] of cases) {
        expect(await rejectsUnchanged(world, 'project_update', payload)).toEqual(invalidPayload(field));
      }
    });
  });

  describe('project_list', () => {
    it('lists the talks most recently updated first, with is_active, without the training project', async () => {
      expect(await list()).toEqual([]);
      const first = await create({ title: 'First' });
      const second = await create({ title: 'Second' });
      await world.ok('project_ensure_training', { profileId });
      await nextMillisecond();
      await world.ok('project_update', { profileId, projectId: first, payload: { title: 'First', stage: 'train' } });
      const talks = await list();
      expect(talks.map((t) => [t.id, t.talk_number, t.is_active])).toEqual([
        [first, 1, false],
        [second, 2, true],
      ]);
      expect(Object.keys(talks[0] ?? {}).sort()).toEqual([...SUMMARY_KEYS, 'is_active'].sort());
    });

    it('does not repair a missing active talk (all flags false)', async () => {
      await create({ title: 'Only' });
      execOnProfile(world, profileId, 'UPDATE active_state SET active_project_id = NULL');
      expect((await list()).map((t) => t.is_active)).toEqual([false]);
    });

    it('rejects a malformed profile id and reports an unknown profile', async () => {
      expect(await world.fail('project_list', { profileId: '' })).toEqual(invalidPayload('profileId'));
      expect(await world.fail('project_list', {})).toEqual(invalidPayload('profileId'));
      expect(await world.fail('project_list', { profileId: 'prof_missing' })).toMatchObject({ code: 'profile_not_found' });
    });
  });

  describe('project_get_active', () => {
    it('is null without talks, then the active talk without is_active', async () => {
      expect(await active()).toBeNull();
      await world.ok('project_ensure_training', { profileId });
      expect(await active()).toBeNull();
      const id = await create({ title: 'Keynote' });
      const summary = await active();
      expect(summary?.id).toBe(id);
      expect(summary).not.toHaveProperty('is_active');
    });

    it('falls back to the most recently updated talk and stores it as active (docs/compatibility.md#talk-2)', async () => {
      const first = await create({ title: 'First' });
      await create({ title: 'Second' });
      await nextMillisecond();
      await world.ok('project_update', { profileId, projectId: first, payload: { title: 'First', stage: 'draft' } });
      execOnProfile(world, profileId, 'UPDATE active_state SET active_project_id = NULL');
      expect((await active())?.id).toBe(first);
      expect((await list()).find((t) => t.id === first)?.is_active).toBe(true);
    });

    it('rejects a malformed profile id and reports an unknown profile', async () => {
      expect(await world.fail('project_get_active', { profileId: null })).toEqual(invalidPayload('profileId'));
      expect(await world.fail('project_get_active', { profileId: 'prof_missing' })).toMatchObject({ code: 'profile_not_found' });
    });
  });

  describe('project_set_active', () => {
    it('makes a talk active without touching its updated_at', async () => {
      const first = await create({ title: 'First' });
      const second = await create({ title: 'Second' });
      const before = await list();
      expect(await world.ok('project_set_active', { profileId, projectId: first })).toBeNull();
      const after = await list();
      expect(after.map((t) => [t.id, t.is_active])).toEqual(
        expect.arrayContaining([
          [first, true],
          [second, false],
        ]),
      );
      expect(after.map((t) => t.updated_at).sort()).toEqual(before.map((t) => t.updated_at).sort());
      expect((await active())?.id).toBe(first);
    });

    it('refuses an unknown talk and the training project, changing nothing', async () => {
      await create({ title: 'Keynote' });
      const training = await world.ok<string>('project_ensure_training', { profileId });
      expect(await rejectsUnchanged(world, 'project_set_active', { profileId, projectId: 'proj_missing' })).toMatchObject({
        code: 'project_not_found',
      });
      expect(await rejectsUnchanged(world, 'project_set_active', { profileId, projectId: training })).toMatchObject({
        code: 'project_training_not_activatable',
      });
      expect(await rejectsUnchanged(world, 'project_set_active', { profileId: 'prof_missing', projectId: training })).toMatchObject({
        code: 'profile_not_found',
      });
    });

    it('rejects malformed payloads before touching anything, naming the field', async () => {
      const projectId = await create({ title: 'Keynote' });
      expect(await rejectsUnchanged(world, 'project_set_active', { profileId, projectId: '' })).toEqual(invalidPayload('projectId'));
      expect(await rejectsUnchanged(world, 'project_set_active', { profileId })).toEqual(invalidPayload('projectId'));
      expect(await rejectsUnchanged(world, 'project_set_active', { profileId: '', projectId })).toEqual(invalidPayload('profileId'));
      expect(await rejectsUnchanged(world, 'project_set_active', [profileId, projectId])).toEqual(invalidPayload('(payload)'));
    });
  });

  describe('project_ensure_training', () => {
    it('creates the hidden training project once, unnumbered and never active', async () => {
      const training = await world.ok<string>('project_ensure_training', { profileId });
      expect(training).toMatch(/^proj_[0-9a-f]{32}$/);
      expect(await world.ok('project_ensure_training', { profileId })).toBe(training);
      const id = await create({ title: 'Keynote' });
      expect(await list()).toEqual([expect.objectContaining({ id, talk_number: 1, is_active: true })]);
      const outline = await world.ok<{ markdown: string }>('outline_get', { profileId, projectId: training });
      expect(outline.markdown.startsWith('# Training\n')).toBe(true);
    });

    it('writes nothing when it already exists', async () => {
      await world.ok('project_ensure_training', { profileId });
      const before = world.snapshot();
      await world.ok('project_ensure_training', { profileId });
      expect(world.snapshot()).toEqual(before);
    });

    it('rejects a malformed profile id and reports an unknown profile, changing nothing', async () => {
      expect(await rejectsUnchanged(world, 'project_ensure_training', { profileId: '' })).toEqual(invalidPayload('profileId'));
      expect(await rejectsUnchanged(world, 'project_ensure_training', 'x')).toEqual(invalidPayload('(payload)'));
      expect(await rejectsUnchanged(world, 'project_ensure_training', { profileId: 'prof_missing' })).toMatchObject({
        code: 'profile_not_found',
      });
    });
  });
});
