import { ArtifactStore, DbError, DbErrorCode, type DatabaseHandle } from '@lepupitre/db-core';
import { DomainError, newId, utcNow } from '@lepupitre/domain-primitives';
import { feedbackArtifactId, insertAutoFeedback } from '../queries';
import type { ClockOption, FeedbackV1, RecordAutoFeedbackInput, RecordedAutoFeedback } from '../types';
import { buildFeedbackFromText } from './analyser/build-feedback';
import { parseFeedback } from './analyser/feedback-parse';
import { serializeFeedback } from './analyser/feedback-json';
import { artifactOfType } from './artifact-read';
import { FeedbackErrorCode } from './errors';

const FEEDBACK_TYPE = 'feedback';

/**
 * Analyses the input and records the result: the
 * feedback JSON as a `feedback` artifact (file, then row) and the `auto_feedback` row.
 *
 * It must run inside the command's write transaction (`db.transaction`), together with the
 * subject side that the talk and quest contexts own: reading the run or attempt, and linking
 * it with `UPDATE runs|quest_attempts SET feedback_id`. If anything in that unit fails — the
 * link touching zero rows included — the rows roll back and the file is removed. Outside a
 * transaction it refuses to start (`DB_NOT_IN_TRANSACTION`), since a feedback committed on its
 * own would never be linked. For runs, reading `runs.feedback_id` inside the same transaction
 * is what makes `run_analyze` idempotent under concurrent calls (docs/compatibility.md#feedback-9).
 *
 * Its own steps form a savepoint, so a caller that catches its error keeps nothing of it.
 */
export function recordAutoFeedback(
  db: DatabaseHandle,
  profileDir: string,
  input: RecordAutoFeedbackInput,
  options: ClockOption = {},
): RecordedAutoFeedback {
  if (!db.inTransaction) {
    throw new DbError(DbErrorCode.NOT_IN_TRANSACTION, 'auto feedback is recorded inside the write transaction that links it');
  }
  const feedback = buildFeedbackFromText(input.text, input.estimatedSec);
  const bytes = Buffer.from(serializeFeedback(feedback), 'utf8');
  const createdAt = (options.now ?? utcNow)();
  return db.transaction(() => {
    const artifact = new ArtifactStore(db, profileDir, () => createdAt).store({
      type: FEEDBACK_TYPE,
      ext: 'json',
      bytes,
      metadata: artifactMetadata(input),
    });
    const feedbackId = newId('fb');
    db.run(insertAutoFeedback, {
      id: feedbackId,
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      createdAt,
      artifactId: artifact.id,
      overallScore: feedback.overall_score,
    });
    return { feedbackId, artifactId: artifact.id, overallScore: feedback.overall_score, createdAt };
  });
}

/** Which subject and which input the analysis used; written with keys sorted, as before. */
function artifactMetadata(input: RecordAutoFeedbackInput): Record<string, string> {
  return input.subjectType === 'run'
    ? { run_id: input.subjectId, source: 'transcript' }
    : { attempt_id: input.subjectId, source: input.source };
}

/**
 * `feedback_get`: the stored document, parsed. `feedback_not_found`,
 * `artifact_not_found`, `artifact_not_feedback`, `artifact_path_not_allowed`,
 * `artifact_read_failed`, `feedback_parse_failed`.
 */
export function getFeedback(db: DatabaseHandle, profileDir: string, feedbackId: string): FeedbackV1 {
  const row = db.get(feedbackArtifactId, { id: feedbackId });
  if (!row) throw new DomainError(FeedbackErrorCode.FEEDBACK_NOT_FOUND);
  const store = new ArtifactStore(db, profileDir);
  const artifactId = row.feedback_json_artifact_id;
  artifactOfType(store, artifactId, FEEDBACK_TYPE, FeedbackErrorCode.ARTIFACT_NOT_FEEDBACK);
  return parseFeedback(store.read(artifactId));
}
