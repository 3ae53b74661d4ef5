import { DomainError } from '@lepupitre/domain-primitives';
import type { DatabaseHandle } from '@lepupitre/db-core';
import { projectExists, timelineAll, timelineForProject } from '../queries';
import type { FeedbackSubjectType, FeedbackTimelineItem, FeedbackTimelineQuery } from '../types';
import { FeedbackErrorCode } from './errors';

export const TIMELINE_DEFAULT_LIMIT = 30;
export const TIMELINE_MAX_LIMIT = 100;

/** Absent → 30, then clamped to 1..100 (0 → 1, 300 → 100). Not a whole number → refused. */
export function normalizeTimelineLimit(limit: number | null | undefined): number {
  if (limit === null || limit === undefined) return TIMELINE_DEFAULT_LIMIT;
  if (!Number.isInteger(limit)) throw new DomainError(FeedbackErrorCode.TIMELINE_LIMIT_INVALID);
  return Math.min(Math.max(limit, 1), TIMELINE_MAX_LIMIT);
}

/**
 * `feedback_timeline_list`: auto feedback of every run and attempt that still exists,
 * newest first, superseded and unlinked feedback included (docs/compatibility.md#feedback-10); ties on `created_at` by
 * id, newest id first. A project filter must name an existing project (`project_not_found`;
 * an empty string is a project id like any other, not "all").
 */
export function listFeedbackTimeline(db: DatabaseHandle, query: FeedbackTimelineQuery = {}): FeedbackTimelineItem[] {
  const limit = normalizeTimelineLimit(query.limit);
  const projectId = query.projectId ?? null;
  if (projectId === null) return db.all(timelineAll, { limit }).map(toItem);
  if (!db.get(projectExists, { id: projectId })) throw new DomainError(FeedbackErrorCode.PROJECT_NOT_FOUND);
  return db.all(timelineForProject, { projectId, limit }).map(toItem);
}

/** Both timeline queries select the same columns; the row type comes from the compiled query. */
type TimelineRow = (typeof timelineAll)['__row'];

function toItem(row: TimelineRow): FeedbackTimelineItem {
  return {
    id: row.id,
    created_at: row.created_at,
    overall_score: row.overall_score,
    // Each branch of the query selects one subject type, so no other value can arrive here.
    subject_type: row.subject_type as FeedbackSubjectType,
    project_id: row.project_id,
    quest_code: row.quest_code,
    quest_title: row.quest_title,
    run_id: row.run_id,
    note_updated_at: row.note_updated_at,
  };
}
