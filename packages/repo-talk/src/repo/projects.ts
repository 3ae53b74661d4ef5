import { DbErrorCode, isDbError, type DatabaseHandle } from '@lepupitre/db-core';
import { DomainError, newId, utcNow } from '@lepupitre/domain-primitives';
import {
  activeProject,
  insertProject,
  latestUpdatedProject,
  listProjects as listProjectsQuery,
  maxTalkNumber,
  projectFlags,
  setActiveProject as setActiveProjectQuery,
  trainingProjectId,
  updateProject as updateProjectQuery,
} from '../queries';
import { TalkErrorCode, type CreateProjectOptions, type ProjectCreateInput, type ProjectListItem, type ProjectSummary, type ProjectUpdateInput, type WriteOptions } from '../types';
import { normalizeProjectFields, normalizeProjectUpdate } from './project-fields';
import { toProjectSummary } from './row-mapping';

/** Every talk is created at the first step of the UI's progression. */
const INITIAL_STAGE = 'draft';
const TRAINING_TITLE = 'Training';

/**
 * `project_create`: a new talk, numbered after the highest number in use, made the active talk
 * (unless `activate: false`: an imported review does not take the user's current talk away).
 *
 * Number, insert and activation are one unit under the write lock (BEGIN IMMEDIATE), so two
 * writers cannot read the same MAX and an activation failure leaves no talk behind. The unique
 * index on talk numbers backs the rule in the schema.
 */
export function createProject(db: DatabaseHandle, input: ProjectCreateInput, options: CreateProjectOptions = {}): string {
  const fields = normalizeProjectFields(input);
  const now = (options.now ?? utcNow)();
  const id = newId('proj');
  return db.transaction(() => {
    const talkNumber = (db.get(maxTalkNumber)?.max_number ?? 0) + 1;
    db.run(insertProject, {
      id,
      title: fields.title,
      audience: fields.audience,
      goal: fields.goal,
      durationTargetSec: fields.durationTargetSec,
      talkNumber,
      stage: options.stage ?? INITIAL_STAGE,
      createdAt: now,
      isTraining: 0,
    });
    if (options.activate !== false) db.run(setActiveProjectQuery, { projectId: id });
    return id;
  });
}

/**
 * `project_update`: the editable fields and `updated_at`. Talk number, creation time and the
 * training flag never change; the active talk is untouched. The training project can be
 * edited too, as before (nothing lists it, so nothing offers to).
 */
export function updateProject(
  db: DatabaseHandle,
  projectId: string,
  input: ProjectUpdateInput,
  options: WriteOptions = {},
): void {
  const fields = normalizeProjectUpdate(input);
  const result = db.run(updateProjectQuery, {
    id: projectId,
    title: fields.title,
    audience: fields.audience,
    goal: fields.goal,
    durationTargetSec: fields.durationTargetSec,
    stage: fields.stage,
    updatedAt: (options.now ?? utcNow)(),
  });
  if (result.changes !== 1) throw new DomainError(TalkErrorCode.PROJECT_NOT_FOUND);
}

/** `project_list`: non-training talks, most recently updated first. Never repairs the active talk. */
export function listProjects(db: DatabaseHandle): ProjectListItem[] {
  return db.all(listProjectsQuery).map((row) => ({ ...toProjectSummary(row), is_active: row.active_marker !== null }));
}

/**
 * `project_get_active`: the active talk, or null when there is no talk at all.
 *
 * A stored id that is missing, dangling or the training project is repaired by storing the most
 * recently updated talk, as the previous app did. The repair re-reads under the write lock, so
 * a choice another process has just made is kept rather than overwritten; a repair that cannot
 * be written (busy, read-only) still returns the talk it found, as before.
 */
export function getActiveProject(db: DatabaseHandle): ProjectSummary | null {
  const stored = db.get(activeProject);
  if (stored) return toProjectSummary(stored);
  const fallback = db.get(latestUpdatedProject);
  if (!fallback) return null;
  try {
    return db.transaction(() => {
      const current = db.get(activeProject);
      if (current) return toProjectSummary(current);
      const latest = db.get(latestUpdatedProject);
      if (!latest) return null;
      db.run(setActiveProjectQuery, { projectId: latest.id });
      return toProjectSummary(latest);
    });
  } catch (error) {
    if (isDbError(error)) return toProjectSummary(fallback);
    throw error;
  }
}

/** `project_set_active`. Does not touch `updated_at`. */
export function setActiveProject(db: DatabaseHandle, projectId: string): void {
  db.transaction(() => {
    const flags = db.get(projectFlags, { id: projectId });
    if (!flags) throw new DomainError(TalkErrorCode.PROJECT_NOT_FOUND);
    if (flags.is_training !== 0) throw new DomainError(TalkErrorCode.PROJECT_TRAINING_NOT_ACTIVATABLE);
    db.run(setActiveProjectQuery, { projectId });
  });
}

/**
 * `project_ensure_training`: the id of the hidden training project, created on first use
 * (never active, never numbered).
 *
 * The common case (it exists) is a read without the write lock. Two callers that both find it
 * missing race to insert; the one-training-project index refuses the second, which then returns
 * the winner's id instead of failing as the previous app did.
 */
export function ensureTrainingProject(db: DatabaseHandle, options: WriteOptions = {}): string {
  const existing = db.get(trainingProjectId);
  if (existing) return existing.id;
  const id = newId('proj');
  const now = (options.now ?? utcNow)();
  try {
    db.run(insertProject, {
      id,
      title: TRAINING_TITLE,
      audience: null,
      goal: null,
      durationTargetSec: null,
      talkNumber: null,
      stage: INITIAL_STAGE,
      createdAt: now,
      isTraining: 1,
    });
    return id;
  } catch (error) {
    if (!isDbError(error, DbErrorCode.CONSTRAINT) || error.details.sqliteCode !== 'SQLITE_CONSTRAINT_UNIQUE') throw error;
    const winner = db.get(trainingProjectId);
    if (!winner) throw error;
    return winner.id;
  }
}
