import { DomainError } from '@lepupitre/domain-primitives';
import type { DatabaseHandle } from '@lepupitre/db-core';
import { attemptAnalysisInput, recordAutoFeedback, runAnalysisInput } from '../../src';
import type { ClockOption } from '../../src';
import { attemptForAnalysis, linkAttemptFeedback, linkRunFeedback, runById } from './profile-world';

/*
 * `run_analyze` and `analyze_attempt` as the command layer composes them: the subject side
 * (talk and quest contexts) and the feedback side in one write transaction. Here the subject
 * side is played by test builders.
 */

export function analyzeRun(db: DatabaseHandle, profileDir: string, runId: string, options: ClockOption = {}): string {
  return db.transaction(() => {
    const run = db.get(runById, { id: runId });
    if (!run) throw new DomainError('run_not_found');
    if (run.feedback_id !== null) return run.feedback_id;
    const input = runAnalysisInput(db, profileDir, run.transcript_id);
    const { feedbackId } = recordAutoFeedback(db, profileDir, { subjectType: 'run', subjectId: runId, ...input }, options);
    linkOrFail(db.run(linkRunFeedback, { id: runId, feedbackId }).changes, 'run_update_missing');
    return feedbackId;
  });
}

export function analyzeAttempt(
  db: DatabaseHandle,
  profileDir: string,
  attemptId: string,
  options: ClockOption & { linkTo?: string } = {},
): string {
  return db.transaction(() => {
    const attempt = db.get(attemptForAnalysis, { id: attemptId });
    if (!attempt) throw new DomainError('attempt_not_found');
    const input = attemptAnalysisInput(db, profileDir, {
      outputText: attempt.output_text,
      transcriptId: attempt.transcript_id,
      estimatedSec: attempt.estimated_sec,
    });
    const { feedbackId } = recordAutoFeedback(
      db,
      profileDir,
      { subjectType: 'quest_attempt', subjectId: attemptId, ...input },
      options,
    );
    const changes = db.run(linkAttemptFeedback, { id: options.linkTo ?? attemptId, feedbackId }).changes;
    linkOrFail(changes, 'attempt_update_missing');
    return feedbackId;
  });
}

function linkOrFail(changes: number, code: string): void {
  if (changes !== 1) throw new DomainError(code);
}
