/**
 * Repository functions of the quest context (the quest catalogue, the daily quest, attempts) on the profile database: execute the
 * queries of `queries.ts`, map rows to domain types, check affected rows, raise typed domain
 * errors. No SQL text here.
 */
import { artifactNotFound, isDbError, type DatabaseHandle } from '@lepupitre/db-core';
import { DomainError, newId, utcNow } from '@lepupitre/domain-primitives';
import {
  artifactTypeById,
  attemptByAudioArtifact,
  attemptForAnalysis,
  attemptsOfProject,
  firstQuestByCode,
  insertAttempt,
  projectIdById,
  questByCode,
  questReport,
  questsInListOrder,
  setAttemptFeedback,
  setAttemptTranscript,
} from './queries';
import {
  QuestErrorCode,
  type AttemptAnalysisInput,
  type AttemptForAnalysis,
  type Quest,
  type QuestAttemptSummary,
  type QuestDaily,
  type QuestReportItem,
  type QuestRow,
  type SubmitAudioInput,
  type SubmitOptions,
  type SubmitTextInput,
} from './types';

export const DEFAULT_ATTEMPTS_LIMIT = 6;
export const MAX_ATTEMPTS_LIMIT = 100;

// Catalogue

/** quest_list: every quest, by category then code. */
export function listQuests(db: DatabaseHandle): Quest[] {
  return db.all(questsInListOrder).map(toQuest);
}

/** quest_get_by_code: exact, case-sensitive match. */
export function getQuestByCode(db: DatabaseHandle, code: string): Quest {
  const row = db.get(questByCode, { code });
  if (!row) throw new DomainError(QuestErrorCode.QUEST_NOT_FOUND);
  return toQuest(row);
}

/**
 * quest_get_daily, kept as the previous app's fixed rule: the smallest code, a `why` naming the
 * raw project id and "draft" whatever the stage, never a boss run due. The project id is not
 * checked and nothing depends on the date or on past attempts.
 */
export function getDailyQuest(db: DatabaseHandle, projectId: string): QuestDaily {
  const row = db.get(firstQuestByCode);
  if (!row) throw new DomainError(QuestErrorCode.NO_QUEST_SEEDED);
  return { quest: toQuest(row), why: `Project ${projectId} is in draft`, due_boss_run: false };
}

// Attempts: reads

/** quest_attempts_list: newest first; limit absent → 6, otherwise clamped to [1, 100]. */
export function listAttempts(db: DatabaseHandle, projectId: string, limit?: number | null): QuestAttemptSummary[] {
  return db.all(attemptsOfProject, { projectId, limit: clampLimit(limit) }).map((row) => ({
    id: row.id,
    quest_code: row.quest_code,
    quest_title: row.quest_title,
    output_type: row.output_type,
    created_at: row.created_at,
    has_audio: row.audio_artifact_id !== null,
    has_transcript: row.transcript_id !== null,
    has_feedback: row.feedback_id !== null,
    feedback_id: row.feedback_id,
  }));
}

/** quest_report: one item per catalogue quest (by code) with its latest attempt in the project. */
export function getQuestReport(db: DatabaseHandle, projectId: string): QuestReportItem[] {
  return db.all(questReport, { projectId }).map((row) => ({
    quest_code: row.quest_code,
    quest_title: row.quest_title,
    quest_prompt: row.quest_prompt,
    output_type: row.output_type,
    category: row.category,
    estimated_sec: row.estimated_sec,
    attempt_id: row.attempt_id ?? null,
    attempt_created_at: row.attempt_created_at ?? null,
    has_audio: (row.audio_artifact_id ?? null) !== null,
    has_transcript: (row.transcript_id ?? null) !== null,
    has_feedback: (row.feedback_id ?? null) !== null,
    feedback_id: row.feedback_id ?? null,
  }));
}

// Attempts: writes

/**
 * quest_submit_text: the quest is checked first (`quest_not_found`), then the project
 * (`project_not_found`), where the previous app let a foreign key fail. The text is stored
 * verbatim. Returns the new attempt id.
 */
export function submitTextAttempt(db: DatabaseHandle, input: SubmitTextInput, options: SubmitOptions = {}): string {
  const now = options.now ?? utcNow;
  return db.transaction(() => {
    requireQuest(db, input.questCode);
    requireProject(db, input.projectId);
    const id = newId('att');
    db.run(insertAttempt, {
      id,
      projectId: input.projectId,
      questCode: input.questCode,
      createdAt: now(),
      outputText: input.text,
      audioArtifactId: null,
      transcriptId: null,
    });
    return id;
  });
}

/**
 * quest_submit_audio. One recording makes at most one attempt, whatever project or quest a later
 * call names: the UI submits once after recording and again once transcribed, and the second
 * call must land on the same attempt. A given transcript that differs from the stored one
 * replaces it; a missing one never clears it. Checks run in the previous app's order (quest,
 * audio, transcript), and the project is checked only when a new attempt is about to be made.
 * Returns the attempt id, new or existing.
 *
 * The lookup and the insert share one write transaction, so two processes submitting the same
 * recording cannot both insert.
 */
export function submitAudioAttempt(db: DatabaseHandle, input: SubmitAudioInput, options: SubmitOptions = {}): string {
  const now = options.now ?? utcNow;
  const transcriptId = input.transcriptId ?? null;
  return db.transaction(() => {
    requireQuest(db, input.questCode);
    requireArtifactOfType(db, input.audioArtifactId, 'audio', QuestErrorCode.ARTIFACT_NOT_AUDIO);
    if (transcriptId !== null) {
      requireArtifactOfType(db, transcriptId, 'transcript', QuestErrorCode.ARTIFACT_NOT_TRANSCRIPT);
    }
    const existing = db.get(attemptByAudioArtifact, { audioArtifactId: input.audioArtifactId });
    if (existing) {
      const id = existing.id;
      if (transcriptId !== null && transcriptId !== existing.transcript_id) {
        const { changes } = db.run(setAttemptTranscript, { id, transcriptId });
        if (changes !== 1) throw new DomainError(QuestErrorCode.ATTEMPT_UPDATE_MISSING);
      }
      return id;
    }
    requireProject(db, input.projectId);
    const id = newId('att');
    db.run(insertAttempt, {
      id,
      projectId: input.projectId,
      questCode: input.questCode,
      createdAt: now(),
      outputText: null,
      audioArtifactId: input.audioArtifactId,
      transcriptId,
    });
    return id;
  });
}

// Analysis (the feedback context composes these with its own writes)

/** The attempt side of analyze_attempt: its text, transcript, current feedback and quest duration. */
export function getAttemptForAnalysis(db: DatabaseHandle, attemptId: string): AttemptForAnalysis {
  const row = db.get(attemptForAnalysis, { id: attemptId });
  if (!row) throw new DomainError(QuestErrorCode.ATTEMPT_NOT_FOUND);
  return row;
}

/**
 * The input an analysis reads: the text whenever the column is set (an empty string counts),
 * else the transcript; an attempt with neither cannot be analysed.
 */
export function analysisInputOf(attempt: AttemptForAnalysis): AttemptAnalysisInput {
  if (attempt.output_text !== null) return { source: 'text', text: attempt.output_text };
  if (attempt.transcript_id !== null) return { source: 'transcript', transcript_id: attempt.transcript_id };
  throw new DomainError(QuestErrorCode.ATTEMPT_MISSING_TEXT);
}

/**
 * Points an attempt at its newest feedback. Meant to run inside the caller's transaction, after
 * the `auto_feedback` insert: an attempt that is gone fails with `attempt_update_missing` and a
 * feedback id that does not exist with `feedback_not_found`, and either rolls the whole unit
 * back.
 */
export function linkAttemptFeedback(db: DatabaseHandle, attemptId: string, feedbackId: string): void {
  db.transaction(() => {
    let changes: number;
    try {
      ({ changes } = db.run(setAttemptFeedback, { id: attemptId, feedbackId }));
    } catch (error) {
      if (isDbError(error) && error.details['sqliteCode'] === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
        throw new DomainError(QuestErrorCode.FEEDBACK_NOT_FOUND, QuestErrorCode.FEEDBACK_NOT_FOUND, { cause: error });
      }
      throw error;
    }
    if (changes !== 1) throw new DomainError(QuestErrorCode.ATTEMPT_UPDATE_MISSING);
  });
}

/**
 * The quest side of `voice_memo_delete`: an audio that an attempt plays is not a memo to throw
 * away (`audio_in_use`); deleting it would silently unlink the attempt's recording.
 */
export function assertAudioUnusedByAttempts(db: DatabaseHandle, artifactId: string): void {
  if (db.get(attemptByAudioArtifact, { audioArtifactId: artifactId })) throw new DomainError(QuestErrorCode.AUDIO_IN_USE);
}

// Checks and mapping

function requireQuest(db: DatabaseHandle, code: string): void {
  if (!db.get(questByCode, { code })) throw new DomainError(QuestErrorCode.QUEST_NOT_FOUND);
}

function requireProject(db: DatabaseHandle, id: string): void {
  if (!db.get(projectIdById, { id })) throw new DomainError(QuestErrorCode.PROJECT_NOT_FOUND);
}

function requireArtifactOfType(db: DatabaseHandle, id: string, type: string, wrongType: QuestErrorCode): void {
  const row = db.get(artifactTypeById, { id });
  if (!row) throw artifactNotFound();
  if (row.type !== type) throw new DomainError(wrongType);
}

function toQuest(row: QuestRow): Quest {
  return {
    code: row.code,
    title: row.title,
    category: row.category,
    estimated_sec: row.estimated_sec,
    prompt: row.prompt,
    output_type: row.output_type,
    targets_issues: parseTargets(row.targets_issues_json),
  };
}

/** The column holds a JSON array of strings; anything else is a damaged row, reported without its content. */
function parseTargets(json: string): string[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new DomainError(QuestErrorCode.TARGETS_PARSE, QuestErrorCode.TARGETS_PARSE, { cause: error });
  }
  if (!Array.isArray(value) || !value.every((item): item is string => typeof item === 'string')) {
    throw new DomainError(QuestErrorCode.TARGETS_PARSE);
  }
  return value;
}

function clampLimit(limit: number | null | undefined): number {
  if (limit === undefined || limit === null || Number.isNaN(limit)) return DEFAULT_ATTEMPTS_LIMIT;
  return Math.min(MAX_ATTEMPTS_LIMIT, Math.max(1, Math.trunc(limit)));
}
