import { exportOutline, getOutline, setOutline } from '@lepupitre/repo-talk';
import { z } from 'zod';
import { defineCommand, type AnyCommand } from './command';
import { Id, PathResponse, ProjectRequest, Text, VoidResponse } from './wire-schemas';

export const outlineGet = defineCommand({
  name: 'outline_get',
  request: ProjectRequest,
  // `updated_at` null: never saved, the markdown is the default template.
  response: z.object({ project_id: Id, markdown: z.string(), updated_at: Text.nullable() }),
  handler: ({ profileId, projectId }, context) => getOutline(context.profile(profileId).db, projectId),
});

export const outlineSet = defineCommand({
  name: 'outline_set',
  // An empty outline is a valid save: the UI clears it that way.
  request: z.object({ profileId: Id, projectId: Id, markdown: z.string() }),
  response: VoidResponse,
  handler: ({ profileId, projectId, markdown }, context) => {
    setOutline(context.profile(profileId).db, projectId, markdown);
    return null;
  },
});

export const exportOutlineCommand = defineCommand({
  name: 'export_outline',
  request: ProjectRequest,
  response: PathResponse,
  handler: ({ profileId, projectId }, context) => {
    const session = context.profile(profileId);
    return exportOutline(session.db, session.dir, projectId);
  },
});

export const OUTLINE_COMMANDS: readonly AnyCommand[] = [outlineGet, outlineSet, exportOutlineCommand];
