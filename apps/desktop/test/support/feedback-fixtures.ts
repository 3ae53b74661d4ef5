import { attemptAnalysisInput, recordAutoFeedback, runAnalysisInput } from '@lepupitre/repo-feedback';
import { getAttemptForAnalysis, linkAttemptFeedback, submitAudioAttempt, submitTextAttempt } from '@lepupitre/repo-quest';
import { getRunAnalysisLinks, linkRunFeedback } from '@lepupitre/repo-talk';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { ProfileSession } from '../../src/commands/command-context';
import { storeAudio, storeTranscript, timedSegments } from './media-fixtures';

/**
 * Rows and artifacts the quest and feedback commands read, made with the other contexts'
 * repositories directly on the profile session the host keeps open (the commands that make
 * them through the router are tested elsewhere).
 */

/** `createdAt` fixes the attempt's time where a test depends on the order of attempts. */
export function textAttempt(session: ProfileSession, projectId: string, text: string, questCode = 'A01', createdAt?: string): string {
  return submitTextAttempt(session.db, { projectId, questCode, text }, clock(createdAt));
}

/** An audio attempt, with a transcript of `texts` unless none are given. */
export function audioAttempt(
  session: ProfileSession,
  projectId: string,
  texts: readonly string[] | null,
  questCode = 'D01',
  createdAt?: string,
): { attemptId: string; audioId: string; transcriptId: string | null } {
  const audioId = storeAudio(session).artifactId;
  const transcriptId = texts === null ? null : storeTranscript(session, audioId, timedSegments(texts));
  const attemptId = submitAudioAttempt(session.db, { projectId, questCode, audioArtifactId: audioId, transcriptId }, clock(createdAt));
  return { attemptId, audioId, transcriptId };
}

/** A fixed time as `2026-03-01T10:00:<ss>.000+00:00`, for rows whose order a test checks. */
export function at(second: number): string {
  return `2026-03-01T10:00:${String(second).padStart(2, '0')}.000+00:00`;
}

function clock(time: string | undefined): { now?: () => string } {
  return time === undefined ? {} : { now: () => time };
}

/** A run's feedback recorded as `run_analyze` records it; `createdAt` fixes its time. */
export function runFeedback(session: ProfileSession, runId: string, createdAt?: string): string {
  const { db, dir } = session;
  return db.transaction(() => {
    const input = runAnalysisInput(db, dir, getRunAnalysisLinks(db, runId).transcript_id);
    const { feedbackId } = recordAutoFeedback(db, dir, { subjectType: 'run', subjectId: runId, ...input }, clock(createdAt));
    linkRunFeedback(db, runId, feedbackId);
    return feedbackId;
  });
}

/** An attempt's feedback recorded as `analyze_attempt` records it; `createdAt` fixes its time. */
export function attemptFeedback(session: ProfileSession, attemptId: string, createdAt?: string): string {
  const { db, dir } = session;
  return db.transaction(() => {
    const attempt = getAttemptForAnalysis(db, attemptId);
    const input = attemptAnalysisInput(db, dir, {
      outputText: attempt.output_text,
      transcriptId: attempt.transcript_id,
      estimatedSec: attempt.estimated_sec,
    });
    const { feedbackId } = recordAutoFeedback(db, dir, { subjectType: 'quest_attempt', subjectId: attemptId, ...input }, clock(createdAt));
    linkAttemptFeedback(db, attemptId, feedbackId);
    return feedbackId;
  });
}

/**
 * Writes to the profile database through a connection of its own, for states no command
 * produces (a damaged row, a subject deleted behind a feedback).
 */
export function tamper(session: ProfileSession, sql: string, ...params: unknown[]): void {
  const db = new Database(join(session.dir, 'profile.db'));
  try {
    db.pragma('foreign_keys = ON');
    db.prepare(sql).run(...params);
  } finally {
    db.close();
  }
}

/** The artifact's file, for tests that damage or remove it. */
export function artifactPath(session: ProfileSession, artifactId: string): string {
  const row = profileRow<{ local_relpath: string }>(session, 'SELECT local_relpath FROM artifacts WHERE id = ?', artifactId, 'artifact');
  return join(session.dir, row.local_relpath);
}

/** The artifact id of a feedback's JSON document. */
export function feedbackArtifactId(session: ProfileSession, feedbackId: string): string {
  return profileRow<{ id: string }>(session, 'SELECT feedback_json_artifact_id AS id FROM auto_feedback WHERE id = ?', feedbackId, 'feedback').id;
}

/** The row `sql` selects by `id`, read through a read-only connection of its own. */
function profileRow<T>(session: ProfileSession, sql: string, id: string, what: string): T {
  const db = new Database(join(session.dir, 'profile.db'), { readonly: true });
  try {
    const row = db.prepare(sql).get(id) as T | undefined;
    if (!row) throw new Error(`no ${what} ${id}`);
    return row;
  } finally {
    db.close();
  }
}
