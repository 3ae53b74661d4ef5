import { DomainError } from '@lepupitre/domain-primitives';
import type { DatabaseHandle } from '@lepupitre/db-core';
import { activeProjectId, projectIdById, trainingProjectId } from '../queries';
import { WorkspaceErrorCode } from '../types';

/**
 * The project the progress snapshot and the mascot talk about (docs/compatibility.md#workspace-12):
 * 1. an explicit id, which must exist (training or not), else `project_not_found`;
 * 2. otherwise the TRAINING project, before the user's active talk;
 * 3. otherwise the active project of `active_state`, not re-checked against the talks;
 * 4. otherwise `project_not_found`.
 */
export function resolveCoachProject(profileDb: DatabaseHandle, projectId: string | null | undefined): string {
  if (projectId !== null && projectId !== undefined) {
    if (!profileDb.get(projectIdById, { id: projectId })) throw new DomainError(WorkspaceErrorCode.PROJECT_NOT_FOUND);
    return projectId;
  }
  const training = profileDb.get(trainingProjectId)?.id;
  if (training !== null && training !== undefined) return training;
  const active = profileDb.get(activeProjectId)?.active_project_id;
  if (active !== null && active !== undefined) return active;
  throw new DomainError(WorkspaceErrorCode.PROJECT_NOT_FOUND);
}
