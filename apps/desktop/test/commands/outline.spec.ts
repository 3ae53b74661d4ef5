import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { CommandWorld } from '../support/command-world';
import { invalidPayload, rejectsUnchanged, TIMESTAMP } from '../support/expectations';
import { sessionOf } from '../support/talk-fixtures';
import { useTalkWorld } from '../support/worlds';

const defaultOutline = (title: string) =>
  `# ${title}\n\n## Opening\n- Hook\n- Promise\n\n## Key points\n- Point 1\n- Point 2\n- Point 3\n\n## Closing\n- Summary\n- Call to action\n`;

describe('outline commands', () => {
  let world: CommandWorld;
  let profileId: string;
  let projectId: string;
  const talkWorld = useTalkWorld();
  beforeEach(() => ({ world, profileId, projectId } = talkWorld()));

  const get = (id = projectId) => world.ok<Record<string, unknown>>('outline_get', { profileId, projectId: id });

  describe('outline_get', () => {
    it('synthesises the default template from the current title, with updated_at null, storing nothing', async () => {
      const before = world.snapshot();
      expect(await get()).toEqual({ project_id: projectId, markdown: defaultOutline('Keynote'), updated_at: null });
      expect(world.snapshot()).toEqual(before);
      await world.ok('project_update', { profileId, projectId, payload: { title: 'Renamed', stage: 'builder' } });
      expect((await get())['markdown']).toBe(defaultOutline('Renamed'));
    });

    it('returns the saved markdown with its save time', async () => {
      await world.ok('outline_set', { profileId, projectId, markdown: '# Mine\n' });
      const outline = await get();
      expect(outline).toEqual({ project_id: projectId, markdown: '# Mine\n', updated_at: expect.stringMatching(TIMESTAMP) });
      expect(Object.keys(outline).sort()).toEqual(['markdown', 'project_id', 'updated_at']);
    });

    it('reports an unknown talk and an unknown profile', async () => {
      expect(await world.fail('outline_get', { profileId, projectId: 'proj_missing' })).toMatchObject({ code: 'project_not_found' });
      expect(await world.fail('outline_get', { profileId: 'prof_missing', projectId })).toMatchObject({ code: 'profile_not_found' });
    });

    it('rejects malformed payloads, naming the field', async () => {
      expect(await world.fail('outline_get', { profileId, projectId: '' })).toEqual(invalidPayload('projectId'));
      expect(await world.fail('outline_get', { profileId })).toEqual(invalidPayload('projectId'));
      expect(await world.fail('outline_get', { profileId: 1, projectId })).toEqual(invalidPayload('profileId'));
      expect(await world.fail('outline_get', 'outline')).toEqual(invalidPayload('(payload)'));
    });
  });

  describe('outline_set', () => {
    it('stores the markdown verbatim, empty included, and keeps the talk order untouched', async () => {
      const listBefore = await world.ok('project_list', { profileId });
      const markdown = '  # Plan  \n\n- café ☕\r\n';
      expect(await world.ok('outline_set', { profileId, projectId, markdown })).toBeNull();
      expect((await get())['markdown']).toBe(markdown);
      expect(await world.ok('outline_set', { profileId, projectId, markdown: '' })).toBeNull();
      expect(await get()).toEqual({ project_id: projectId, markdown: '', updated_at: expect.stringMatching(TIMESTAMP) });
      expect(await world.ok('project_list', { profileId })).toEqual(listBefore);
    });

    it('refuses an unknown talk and an unknown profile, changing nothing', async () => {
      expect(await rejectsUnchanged(world, 'outline_set', { profileId, projectId: 'proj_missing', markdown: '#' })).toMatchObject({
        code: 'project_not_found',
      });
      expect(await rejectsUnchanged(world, 'outline_set', { profileId: 'prof_missing', projectId, markdown: '#' })).toMatchObject({
        code: 'profile_not_found',
      });
    });

    it('rejects malformed payloads before touching anything, naming the field', async () => {
      const cases: [unknown, string][] = [
        [{ profileId, projectId }, 'markdown'],
        [{ profileId, projectId, markdown: null }, 'markdown'],
        [{ profileId, projectId, markdown: 12 }, 'markdown'],
        [{ profileId, projectId: '', markdown: '#' }, 'projectId'],
        [{ profileId: '', projectId, markdown: '#' }, 'profileId'],
        [null, '(payload)'],
      ];
      for (const [payload, field] of cases) {
        expect(await rejectsUnchanged(world, 'outline_set', payload)).toEqual(invalidPayload(field));
      }
    });
  });

  describe('export_outline', () => {
    it('writes the default template, then the saved outline, to the same file, recording nothing', async () => {
      const expectedPath = join(sessionOf(world, profileId).dir, 'exports', 'outline', `${projectId}.md`);
      const before = world.snapshot();
      const first = await world.ok<{ path: string }>('export_outline', { profileId, projectId });
      expect(first).toEqual({ path: expectedPath });
      expect(isAbsolute(first.path)).toBe(true);
      expect(readFileSync(first.path, 'utf8')).toBe(defaultOutline('Keynote'));
      expect(world.snapshot().databases).toEqual(before.databases);

      await world.ok('outline_set', { profileId, projectId, markdown: '# Final\n' });
      expect(await world.ok('export_outline', { profileId, projectId })).toEqual({ path: expectedPath });
      expect(readFileSync(expectedPath, 'utf8')).toBe('# Final\n');
      const exportFiles = Object.keys(world.snapshot().files).filter((f) => f.includes('/exports/'));
      expect(exportFiles).toEqual([`profiles/${profileId}/exports/outline/${projectId}.md`]);
    });

    it('refuses an unknown talk and an unknown profile, writing nothing', async () => {
      expect(await rejectsUnchanged(world, 'export_outline', { profileId, projectId: 'proj_missing' })).toMatchObject({
        code: 'project_not_found',
      });
      expect(await rejectsUnchanged(world, 'export_outline', { profileId: 'prof_missing', projectId })).toMatchObject({
        code: 'profile_not_found',
      });
    });

    it('rejects malformed payloads before writing anything, naming the field', async () => {
      expect(await rejectsUnchanged(world, 'export_outline', { profileId, projectId: '' })).toEqual(invalidPayload('projectId'));
      expect(await rejectsUnchanged(world, 'export_outline', { profileId, projectId: ['x'] })).toEqual(invalidPayload('projectId'));
      expect(await rejectsUnchanged(world, 'export_outline', { projectId })).toEqual(invalidPayload('profileId'));
    });
  });
});
