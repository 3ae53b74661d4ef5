import {
  createProject,
  ensureTrainingProject,
  getActiveProject,
  listProjects,
  setActiveProject,
  updateProject,
} from '@lepupitre/repo-talk';
import { z } from 'zod';
import { defineCommand, type AnyCommand } from './command';
import { ProjectListItem, ProjectSummary } from './contracts/project-summary';
import { Id, OptionalText, ProfileRequest, ProjectRequest, VoidResponse } from './wire-schemas';

/*
 * Title, stage and duration are checked by the repository, which answers with the stable codes
 * the UI knows (`project_title_required`, `project_title_too_long`, `project_stage_required`,
 * `project_duration_invalid`); the schemas below only check their types, so those codes still
 * reach the caller instead of a payload error.
 */
const ProjectFields = {
  title: z.string(),
  audience: OptionalText,
  goal: OptionalText,
  duration_target_sec: z.number().nullish(),
};

export const projectCreate = defineCommand({
  name: 'project_create',
  request: z.object({ profileId: Id, payload: z.object(ProjectFields) }),
  response: Id,
  handler: ({ profileId, payload }, context) => createProject(context.profile(profileId).db, payload),
});

export const projectUpdate = defineCommand({
  name: 'project_update',
  request: z.object({ profileId: Id, projectId: Id, payload: z.object({ ...ProjectFields, stage: z.string() }) }),
  response: VoidResponse,
  handler: ({ profileId, projectId, payload }, context) => {
    updateProject(context.profile(profileId).db, projectId, payload);
    return null;
  },
});

export const projectList = defineCommand({
  name: 'project_list',
  request: ProfileRequest,
  response: z.array(ProjectListItem),
  handler: ({ profileId }, context) => listProjects(context.profile(profileId).db),
});

export const projectGetActive = defineCommand({
  name: 'project_get_active',
  request: ProfileRequest,
  response: ProjectSummary.nullable(),
  // May store the fallback talk as active: the previous app repaired a dangling choice on read.
  handler: ({ profileId }, context) => getActiveProject(context.profile(profileId).db),
});

export const projectSetActive = defineCommand({
  name: 'project_set_active',
  request: ProjectRequest,
  response: VoidResponse,
  handler: ({ profileId, projectId }, context) => {
    setActiveProject(context.profile(profileId).db, projectId);
    return null;
  },
});

export const projectEnsureTraining = defineCommand({
  name: 'project_ensure_training',
  request: ProfileRequest,
  response: Id,
  handler: ({ profileId }, context) => ensureTrainingProject(context.profile(profileId).db),
});

export const PROJECT_COMMANDS: readonly AnyCommand[] = [
  projectCreate,
  projectUpdate,
  projectList,
  projectGetActive,
  projectSetActive,
  projectEnsureTraining,
];
