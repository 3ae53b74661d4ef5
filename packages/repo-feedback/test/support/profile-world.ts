import {
  ArtifactStore,
  defineQuery,
  openDatabase,
  profileQueryBuilder as qb,
  type DatabaseHandle,
  type QueryParams,
} from '@lepupitre/db-core';
import { newId } from '@lepupitre/domain-primitives';
import { seedProfile, type ProfileSeeder } from '@lepupitre/fixtures';
import type { FaultWorld } from '@lepupitre/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_SAFEGUARDS } from '@lepupitre/testing';

/**
 * A profile folder in a fresh temporary directory, with its migrated `profile.db`, and the
 * rows the other contexts would have written (talks, runs, attempts, artifact and feedback
 * rows), seeded on the file with the kit while the world's handle stays open and idle.
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

const BASE_TIME = '2026-03-01T10:00:00+00:00';

/** A world's database file, which the seeding kit writes while the world's handle stays open. */
type SeededWorld = Pick<ProfileWorld, 'databasePath'>;

export function addProject(world: SeededWorld, title = 'Talk', number = 1): string {
  return seedProfile(world.databasePath, (kit) => kit.newTalk({ id: newId('proj'), title, talk_number: number, created_at: BASE_TIME }).id);
}

export function addRun(world: SeededWorld, projectId: string, options: { transcriptId?: string | null; at?: string } = {}): string {
  return seedProfile(world.databasePath, (kit) =>
    kit.newRun({ id: newId('run'), project_id: projectId, created_at: options.at ?? BASE_TIME, transcript_id: options.transcriptId ?? null }).id,
  );
}

export function addAttempt(
  world: SeededWorld,
  projectId: string,
  options: { questCode?: string; outputText?: string | null; transcriptId?: string | null } = {},
): string {
  return seedProfile(world.databasePath, (kit) =>
    kit.newQuestAttempt({
      id: newId('att'),
      project_id: projectId,
      quest_code: options.questCode ?? 'A01',
      created_at: BASE_TIME,
      output_text: options.outputText ?? null,
      transcript_id: options.transcriptId ?? null,
    }).id,
  );
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
export function addArtifactRow(world: SeededWorld, type = 'feedback', relpath?: string): string {
  return seedProfile(world.databasePath, (kit) => newArtifactRow(kit, type, relpath));
}

/** An auto feedback row written directly, with chosen time and score (timeline ordering). */
export function addFeedbackRow(
  world: SeededWorld,
  subjectType: string,
  subjectId: string,
  options: { at?: string; score?: number; id?: string; artifactId?: string } = {},
): string {
  return seedProfile(world.databasePath, (kit) =>
    kit.newFeedback({
      id: options.id ?? newId('fb'),
      subject_type: subjectType,
      subject_id: subjectId,
      created_at: options.at ?? BASE_TIME,
      feedback_json_artifact_id: options.artifactId ?? newArtifactRow(kit, 'feedback'),
      overall_score: options.score ?? 50,
    }).id,
  );
}

function newArtifactRow(kit: ProfileSeeder, type: string, relpath?: string): string {
  const id = newId('art');
  return kit.newArtifact({ id, type, local_relpath: relpath ?? `artifacts/${type}/${id}.json`, sha256: '0'.repeat(64), bytes: 0, created_at: BASE_TIME }).id;
}
