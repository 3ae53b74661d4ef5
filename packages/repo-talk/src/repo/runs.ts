import { DomainError, newId, utcNow } from '@lepupitre/domain-primitives';
import type { DatabaseHandle } from '@lepupitre/db-core';
import {
  insertRun,
  projectFlags,
  runById,
  runsOfProject,
  setRunAudio,
  setRunFeedback,
  setRunTranscript,
} from '../queries';
import { TalkErrorCode, type RunAnalysisLinks, type RunSummary, type WriteOptions } from '../types';
import { requireArtifactOfKind } from './artifact-checks';
import { toRunSummary } from './row-mapping';

export const RUN_LIST_DEFAULT_LIMIT = 12;
export const RUN_LIST_MAX_LIMIT = 100;

/**
 * `run_create`: an empty rehearsal of an existing talk (the training project included). The
 * talk's `updated_at` is not touched, so rehearsing does not reorder the talk list.
 */
export function createRun(db: DatabaseHandle, projectId: string, options: WriteOptions = {}): string {
  const id = newId('run');
  const createdAt = (options.now ?? utcNow)();
  return db.transaction(() => {
    if (!db.get(projectFlags, { id: projectId })) throw new DomainError(TalkErrorCode.PROJECT_NOT_FOUND);
    db.run(insertRun, { id, projectId, createdAt });
    return id;
  });
}

/**
 * `run_finish`: attaches (or replaces) the run's audio. The artifact is checked before the
 * run, as before: a wrong artifact is reported even when the run is unknown too.
 * `estimatedPaceWpm` is given only for silence made from the transcript (`rehearsal_save`
 * without a recording); attaching a recording clears it, since the pace is then measured.
 */
export function finishRun(db: DatabaseHandle, runId: string, audioArtifactId: string, estimatedPaceWpm: number | null = null): void {
  db.transaction(() => {
    requireArtifactOfKind(db, audioArtifactId, 'audio');
    const result = db.run(setRunAudio, { runId, artifactId: audioArtifactId, estimatedPaceWpm });
    if (result.changes !== 1) throw new DomainError(TalkErrorCode.RUN_NOT_FOUND);
  });
}

/**
 * `run_set_transcript`: attaches (or replaces) the run's transcript. Existing feedback stays
 * linked even though it was computed from the previous transcript; `run_analyze` returns it
 * unchanged (the UI relies on analysis being idempotent).
 */
export function setRunTranscriptId(db: DatabaseHandle, runId: string, transcriptId: string): void {
  db.transaction(() => {
    requireArtifactOfKind(db, transcriptId, 'transcript');
    const result = db.run(setRunTranscript, { runId, artifactId: transcriptId });
    if (result.changes !== 1) throw new DomainError(TalkErrorCode.RUN_NOT_FOUND);
  });
}

/** `run_get`: null when unknown. */
export function getRun(db: DatabaseHandle, runId: string): RunSummary | null {
  const row = db.get(runById, { id: runId });
  return row ? toRunSummary(row) : null;
}

/** `run_get_latest`: the newest run of a talk (ties by id), or null. The talk is not checked. */
export function getLatestRun(db: DatabaseHandle, projectId: string): RunSummary | null {
  const row = db.get(runsOfProject, { projectId, limit: 1 });
  return row ? toRunSummary(row) : null;
}

/**
 * `run_list`: newest first, runs without audio included. Limit: absent → 12, otherwise clamped
 * to [1, 100] (0 → 1). The talk is not checked: an unknown one has no runs.
 */
export function listRuns(db: DatabaseHandle, projectId: string, limit?: number | null): RunSummary[] {
  return db.all(runsOfProject, { projectId, limit: runListLimit(limit) }).map(toRunSummary);
}

export function runListLimit(limit: number | null | undefined): number {
  if (limit === undefined || limit === null) return RUN_LIST_DEFAULT_LIMIT;
  if (!Number.isInteger(limit)) throw new DomainError(TalkErrorCode.RUN_LIST_LIMIT_INVALID);
  return Math.min(RUN_LIST_MAX_LIMIT, Math.max(1, limit));
}

/**
 * The run side of `run_analyze`, first step: its transcript and feedback links. An unknown run
 * is `run_not_found` (the previous app: `run_lookup: Query returned no rows`).
 */
export function getRunAnalysisLinks(db: DatabaseHandle, runId: string): RunAnalysisLinks {
  const row = db.get(runById, { id: runId });
  if (!row) throw new DomainError(TalkErrorCode.RUN_NOT_FOUND);
  return { transcript_id: row.transcript_id, feedback_id: row.feedback_id };
}

/**
 * The run side of `run_analyze`, last step: links the feedback just inserted. Meant to run in
 * the same transaction as that insert; a run that vanished meanwhile is `run_update_missing`,
 * which rolls the whole unit back (no feedback row without its run).
 */
export function linkRunFeedback(db: DatabaseHandle, runId: string, feedbackId: string): void {
  db.transaction(() => {
    const result = db.run(setRunFeedback, { runId, feedbackId });
    if (result.changes !== 1) throw new DomainError(TalkErrorCode.RUN_UPDATE_MISSING);
  });
}
