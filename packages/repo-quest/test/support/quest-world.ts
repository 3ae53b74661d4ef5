import {
  ArtifactStore,
  defineQuery,
  openDatabase,
  profileQueryBuilder as qb,
  type DatabaseHandle,
  type QueryParams,
} from '@lepupitre/db-core';
import { formatUtcTimestamp, newId } from '@lepupitre/domain-primitives';
import { seedProfile } from '@lepupitre/fixtures';
import type { FaultWorld } from '@lepupitre/testing';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_SAFEGUARDS } from '@lepupitre/testing';

/**
 * A profile folder for the quest tests: a migrated profile database (so the seeded catalogue is
 * the migration's), one talk, the training project, and audio and transcript artifacts with
 * their files. The talks are seeded with the kit before the handle opens; the feedback rows
 * another context owns, which tests write inside their own units, go through a test-only
 * builder on the handle, because this package may not depend on that context's repository.
 */
export interface QuestWorld extends FaultWorld {
  readonly talkId: string;
  readonly otherTalkId: string;
  readonly trainingId: string;
  readonly audioIds: readonly [string, string, string];
  readonly transcriptIds: readonly [string, string];
  readonly feedbackArtifactId: string;
}

const insertFeedback = defineQuery(
  (p: QueryParams<{ id: string; subjectId: string; artifactId: string; at: string }>) =>
    qb.insertInto('auto_feedback').values({
      id: p.id,
      subject_type: 'quest_attempt',
      subject_id: p.subjectId,
      created_at: p.at,
      feedback_json_artifact_id: p.artifactId,
      overall_score: 80,
    }),
);

const folders: string[] = [];
let template: { folder: string; world: Omit<QuestWorld, 'db' | 'databasePath' | 'folder'> } | undefined;

/** Removes every folder made by this module; call from `afterAll`. */
export function removeWorlds(): void {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  template = undefined;
}

export function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'lepupitre-quest-'));
  folders.push(folder);
  return folder;
}

/** A fresh copy of the template world: migrating once and copying keeps fault replays fast. */
export function questWorld(): QuestWorld {
  const base = template ?? (template = buildTemplate());
  const folder = tempFolder();
  cpSync(base.folder, folder, { recursive: true });
  const databasePath = join(folder, 'profile.db');
  const { db } = openDatabase(databasePath, 'profile', { safeguards: TEST_SAFEGUARDS });
  return { ...base.world, db, databasePath, folder };
}

function buildTemplate(): NonNullable<typeof template> {
  const folder = tempFolder();
  const databasePath = join(folder, 'profile.db');
  const at = '2026-01-01T09:00:00+00:00';
  openDatabase(databasePath, 'profile', { safeguards: TEST_SAFEGUARDS }).db.close();
  const talks = seedProfile(
    databasePath,
    (kit) => ({
      talkId: kit.newTalk({ id: newId('proj'), title: 'Talk one', talk_number: 1 }).id,
      otherTalkId: kit.newTalk({ id: newId('proj'), title: 'Talk two', talk_number: 2 }).id,
      trainingId: kit.newTalk({ id: newId('proj'), title: 'Training', is_training: 1 }).id,
    }),
    { clock: at },
  );
  const { db } = openDatabase(databasePath, 'profile', { safeguards: TEST_SAFEGUARDS });
  try {
    const store = new ArtifactStore(db, folder, () => at);
    const world = db.transaction(() => {
      const audio = () => store.store({ type: 'audio', ext: 'wav', bytes: Buffer.from('RIFF-audio'), metadata: { format: 'wav' } }).id;
      const transcript = () => store.store({ type: 'transcript', ext: 'json', bytes: Buffer.from('{"segments":[]}'), metadata: {} }).id;
      const audioIds = [audio(), audio(), audio()] as const;
      const transcriptIds = [transcript(), transcript()] as const;
      const feedbackArtifactId = store.store({ type: 'feedback', ext: 'json', bytes: Buffer.from('{}'), metadata: {} }).id;
      return { ...talks, audioIds, transcriptIds, feedbackArtifactId };
    });
    return { folder, world };
  } finally {
    db.close();
  }
}

/** An `auto_feedback` row for an attempt, as the feedback context writes it. */
export function addFeedbackRow(db: DatabaseHandle, attemptId: string, artifactId: string): string {
  const id = newId('fb');
  db.run(insertFeedback, { id, subjectId: attemptId, artifactId, at: '2026-01-01T10:00:00+00:00' });
  return id;
}

/** A clock that advances one millisecond per call, from a fixed start. */
export function steppingClock(start = Date.UTC(2026, 1, 1, 8, 0, 0)): () => string {
  let t = start;
  return () => formatUtcTimestamp(new Date(t++));
}

const attemptRowById = defineQuery((p: QueryParams<{ id: string }>) =>
  qb.selectFrom('quest_attempts').selectAll().where('id', '=', p.id),
);
const attemptCount = defineQuery(() => qb.selectFrom('quest_attempts').select((eb) => eb.fn.countAll<number>().as('n')));

/** The stored row, to check what a write left (the repository has no raw-row read). */
export function attemptRow(db: DatabaseHandle, id: string) {
  return db.get(attemptRowById, { id });
}

export function countAttempts(db: DatabaseHandle): number {
  return db.get(attemptCount)?.n ?? 0;
}
