import { DomainError } from '@lepupitre/domain-primitives';
import type { DatabaseHandle } from '@lepupitre/db-core';
import { attemptWithQuest, feedbackSubject, runProject } from '../queries';
import type { FeedbackContext } from '../types';
import { FeedbackErrorCode } from './errors';

/**
 * `feedback_context_get`: the run or attempt a feedback is about, and its project.
 * `feedback_not_found`, `attempt_not_found` (the attempt or its quest is gone),
 * `run_not_found`, `feedback_subject_not_supported`.
 */
export function getFeedbackContext(db: DatabaseHandle, feedbackId: string): FeedbackContext {
  const feedback = db.get(feedbackSubject, { id: feedbackId });
  if (!feedback) throw new DomainError(FeedbackErrorCode.FEEDBACK_NOT_FOUND);
  if (feedback.subject_type === 'quest_attempt') {
    const attempt = db.get(attemptWithQuest, { id: feedback.subject_id });
    if (!attempt) throw new DomainError(FeedbackErrorCode.ATTEMPT_NOT_FOUND);
    return {
      subject_type: 'quest_attempt',
      subject_id: attempt.id,
      project_id: attempt.project_id,
      quest_code: attempt.quest_code,
      quest_title: attempt.quest_title,
      run_id: null,
    };
  }
  if (feedback.subject_type === 'run') {
    const run = db.get(runProject, { id: feedback.subject_id });
    if (!run) throw new DomainError(FeedbackErrorCode.RUN_NOT_FOUND);
    return {
      subject_type: 'run',
      subject_id: run.id,
      project_id: run.project_id,
      quest_code: null,
      quest_title: null,
      run_id: run.id,
    };
  }
  throw new DomainError(FeedbackErrorCode.FEEDBACK_SUBJECT_NOT_SUPPORTED);
}
