import {
  ArtifactStore,
  defineQuery,
  openDatabase,
  profileQueryBuilder as qb,
  type DatabaseHandle,
  type QueryParams,
} from '@lepupitre/db-core';
import { newId } from '@lepupitre/domain-primitives';
import type { FaultWorld } from '@lepupitre/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_SAFEGUARDS } from '@lepupitre/testing';

/**
 * A profile folder in a fresh temporary directory, with its migrated `profile.db`, and the
 * rows the other contexts would have written (talks, runs, attempts), inserted through typed
 * builders: these tests own no SQL text.
 */
export interface ProfileWorld extends FaultWorld {
  readonly db: DatabaseHandle;
  readonly databasePath: string;
  /** The profile folder: artifacts live under it. */
  readonly folder: string;
}

const folders: string[] = [];

export function openProfileWorld(): ProfileWorld {
  const folder = mkdtempSync(join(tmpdir(), 'lepupitre-feedback-'));
  folders.push(folder);
  const databasePath = join(folder, 'profile.db');
  const { db } = openDatabase(databasePath, 'profile', { safeguards: TEST_SAFEGUARDS });
  return { db, databasePath, folder };
}

/** Removes every folder opened so far (call from `afterAll`). */
export function removeWorlds(): void {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
}

const insertProject = defineQuery((p: QueryParams<{ id: string; title: string; number: number; at: string }>) =>
  qb.insertInto('talk_projects').values({
    id: p.id,
    title: p.title,
    talk_number: p.number,
    stage: 'draft',
    created_at: p.at,
    updated_at: p.at,
    is_training: 0,
  }),
);

const insertRun = defineQuery(
  (p: QueryParams<{ id: string; projectId: string; at: string; transcriptId: string | null }>) =>
    qb.insertInto('runs').values({ id: p.id, project_id: p.projectId, created_at: p.at, transcript_id: p.transcriptId }),
);

const insertAttempt = defineQuery(
  (
    p: QueryParams<{
      id: string;
      projectId: string;
      questCode: string;
      at: string;
      outputText: string | null;
      transcriptId: string | null;
    }>,
  ) =>
    qb.insertInto('quest_attempts').values({
      id: p.id,
      project_id: p.projectId,
      quest_code: p.questCode,
      created_at: p.at,
      output_text: p.outputText,
      transcript_id: p.transcriptId,
    }),
);

export const runById = defineQuery((p: QueryParams<{ id: string }>) =>
  qb.selectFrom('runs').selectAll().where('id', '=', p.id),
);

export const attemptById = defineQuery((p: QueryParams<{ id: string }>) =>
  qb.selectFrom('quest_attempts').selectAll().where('id', '=', p.id),
);

export const attemptForAnalysis = defineQuery((p: QueryParams<{ id: string }>) =>
  qb
    .selectFrom('quest_attempts as qa')
    .innerJoin('quests as q', 'q.code', 'qa.quest_code')
    .select(['qa.output_text', 'qa.transcript_id', 'q.estimated_sec'])
    .where('qa.id', '=', p.id),
);

export const linkRunFeedback = defineQuery((p: QueryParams<{ id: string; feedbackId: string }>) =>
  qb.updateTable('runs').set({ feedback_id: p.feedbackId }).where('id', '=', p.id),
);

export const linkAttemptFeedback = defineQuery((p: QueryParams<{ id: string; feedbackId: string }>) =>
  qb.updateTable('quest_attempts').set({ feedback_id: p.feedbackId }).where('id', '=', p.id),
);

export const artifactRow = defineQuery((p: QueryParams<{ id: string }>) =>
  qb.selectFrom('artifacts').selectAll().where('id', '=', p.id),
);

export const feedbackRow = defineQuery((p: QueryParams<{ id: string }>) =>
  qb.selectFrom('auto_feedback').selectAll().where('id', '=', p.id),
);

export const noteRow = defineQuery((p: QueryParams<{ id: string }>) =>
  qb.selectFrom('feedback_notes').selectAll().where('feedback_id', '=', p.id),
);

const deleteRunRow = defineQuery((p: QueryParams<{ id: string }>) => qb.deleteFrom('runs').where('id', '=', p.id));
const deleteAttemptRow = defineQuery((p: QueryParams<{ id: string }>) =>
  qb.deleteFrom('quest_attempts').where('id', '=', p.id),
);

const insertArtifactRow = defineQuery(
  (p: QueryParams<{ id: string; type: string; relpath: string; at: string }>) =>
    qb.insertInto('artifacts').values({
      id: p.id,
      type: p.type,
      local_relpath: p.relpath,
      sha256: '0'.repeat(64),
      bytes: 0,
      created_at: p.at,
      metadata_json: '{}',
    }),
);

const insertFeedbackRow = defineQuery(
  (p: QueryParams<{ id: string; subjectType: string; subjectId: string; at: string; artifactId: string; score: number }>) =>
    qb.insertInto('auto_feedback').values({
      id: p.id,
      subject_type: p.subjectType,
      subject_id: p.subjectId,
      created_at: p.at,
      feedback_json_artifact_id: p.artifactId,
      overall_score: p.score,
    }),
);

const BASE_TIME = '2026-03-01T10:00:00+00:00';

export function addProject(db: DatabaseHandle, title = 'Talk', number = 1): string {
  const id = newId('proj');
  db.run(insertProject, { id, title, number, at: BASE_TIME });
  return id;
}

export function addRun(
  db: DatabaseHandle,
  projectId: string,
  options: { transcriptId?: string | null; at?: string } = {},
): string {
  const id = newId('run');
  db.run(insertRun, { id, projectId, at: options.at ?? BASE_TIME, transcriptId: options.transcriptId ?? null });
  return id;
}

export function addAttempt(
  db: DatabaseHandle,
  projectId: string,
  options: { questCode?: string; outputText?: string | null; transcriptId?: string | null } = {},
): string {
  const id = newId('att');
  db.run(insertAttempt, {
    id,
    projectId,
    questCode: options.questCode ?? 'A01',
    at: BASE_TIME,
    outputText: options.outputText ?? null,
    transcriptId: options.transcriptId ?? null,
  });
  return id;
}

export function deleteRun(db: DatabaseHandle, id: string): void {
  db.run(deleteRunRow, { id });
}

export function deleteAttempt(db: DatabaseHandle, id: string): void {
  db.run(deleteAttemptRow, { id });
}

/** A stored artifact with real bytes, committed, as the transcription flow would leave it. */
export function storeArtifact(world: ProfileWorld, type: string, bytes: string | Uint8Array, ext = 'json'): string {
  const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
  return world.db.transaction(() => new ArtifactStore(world.db, world.folder).store({ type, ext, bytes: data, metadata: {} })).id;
}

/** A TranscriptV1 document in its stored, compact form. */
export function transcriptJson(
  segments: readonly { t_start_ms?: number; t_end_ms: number; text: string }[],
  durationMs: number | null = null,
): string {
  return JSON.stringify({
    schema_version: '1.0.0',
    language: 'en',
    model_id: 'tiny',
    duration_ms: durationMs,
    segments: segments.map((s) => ({ t_start_ms: s.t_start_ms ?? 0, t_end_ms: s.t_end_ms, text: s.text, confidence: null })),
  });
}

/** An artifact row with no file: enough for rows that only reference it. */
export function addArtifactRow(db: DatabaseHandle, type = 'feedback', relpath?: string): string {
  const id = newId('art');
  db.run(insertArtifactRow, { id, type, relpath: relpath ?? `artifacts/${type}/${id}.json`, at: BASE_TIME });
  return id;
}

/** An auto feedback row written directly, with chosen time and score (timeline ordering). */
export function addFeedbackRow(
  db: DatabaseHandle,
  subjectType: string,
  subjectId: string,
  options: { at?: string; score?: number; id?: string; artifactId?: string } = {},
): string {
  const id = options.id ?? newId('fb');
  db.run(insertFeedbackRow, {
    id,
    subjectType,
    subjectId,
    at: options.at ?? BASE_TIME,
    artifactId: options.artifactId ?? addArtifactRow(db),
    score: options.score ?? 50,
  });
  return id;
}
