import { ArtifactStore, openDatabase, type DatabaseHandle } from '@lepupitre/db-core';
import { newId } from '@lepupitre/domain-primitives';
import type { FaultWorld } from '@lepupitre/testing';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DAMAGE_SQL, insertOutline, insertProject, insertRun, maxTalkNumber } from './queries';
import { noiseWav } from './wav-file';
import { TEST_SAFEGUARDS } from '@lepupitre/testing';

export const FIXED_NOW = '2026-03-11T20:58:38.123+00:00';
export const fixedNow = (): string => FIXED_NOW;

/** A fresh temporary folder per call, all removed after each test (or after the file). */
export function useTempDirs(scope: 'each' | 'all' = 'each'): (prefix?: string) => string {
  const made: string[] = [];
  const clean = (): void => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  };
  if (scope === 'each') afterEach(clean);
  else afterAll(clean);
  return (prefix = 'lepupitre-pack-') => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    made.push(dir);
    return dir;
  };
}

export interface ProfileWorld extends FaultWorld {
  readonly profileDir: string;
}

/** A profile folder with its database, as the command layer opens it. */
export function openProfile(parent: string): ProfileWorld {
  const profileDir = join(parent, 'profile');
  const databasePath = join(profileDir, 'profile.db');
  const { db } = openDatabase(databasePath, 'profile', { safeguards: TEST_SAFEGUARDS });
  return { db, databasePath, folder: profileDir, profileDir };
}

export const SAMPLE_TRANSCRIPT = Buffer.from(
  '{"schema_version":"1.0.0","language":"fr","model_id":"tiny","duration_ms":3210,"segments":[{"t_start_ms":0,"t_end_ms":3210,"text":"bonjour","confidence":null}]}',
);

export interface SeededRun {
  readonly projectId: string;
  readonly runId: string;
  readonly audioId: string;
  readonly transcriptId: string;
}

export interface SeedOptions {
  readonly title?: string;
  readonly outline?: string | null;
  readonly audio?: Buffer;
  readonly transcript?: Buffer;
}

/** A talk with an outline and one run with audio and transcript artifacts. */
export function seedRun(world: ProfileWorld, options: SeedOptions = {}): SeededRun {
  const { db, profileDir } = world;
  const store = new ArtifactStore(db, profileDir, fixedNow);
  return db.transaction(() => {
    const audioId = store.store({ type: 'audio', ext: 'wav', bytes: options.audio ?? noiseWav(4096), metadata: { format: 'wav' } }).id;
    const transcriptId = store.store({ type: 'transcript', ext: 'json', bytes: options.transcript ?? SAMPLE_TRANSCRIPT, metadata: {} }).id;
    const projectId = createProject(db, options.title ?? 'Rust & <Kubernetes> "live"', 'train', FIXED_NOW);
    if (options.outline !== null) {
      db.run(insertOutline, { projectId, outline: options.outline ?? '# Mon talk\n\n## Plan\n- déjà vu\n', now: FIXED_NOW });
    }
    const runId = createRun(db, projectId, FIXED_NOW, audioId, transcriptId);
    return { projectId, runId, audioId, transcriptId };
  });
}

/** What repo-talk does for a new talk: next number inside the transaction. */
export function createProject(db: DatabaseHandle, title: string, stage: string, now: string): string {
  const id = newId('proj');
  const next = (db.get(maxTalkNumber)?.max_number ?? 0) + 1;
  db.run(insertProject, { id, title, talkNumber: next, stage, now });
  return id;
}

export function createOutline(db: DatabaseHandle, projectId: string, outline: string, now: string): void {
  db.run(insertOutline, { projectId, outline, now });
}

export function createRun(db: DatabaseHandle, projectId: string, createdAt: string, audioId: string | null, transcriptId: string | null): string {
  const id = newId('run');
  db.run(insertRun, { id, projectId, createdAt, audioId, transcriptId });
  return id;
}

/** Damages a world through a second connection with foreign keys off (as a downgrade could). */
export function damage(world: ProfileWorld, statement: keyof typeof DAMAGE_SQL, ...args: string[]): void {
  const raw = new Database(world.databasePath);
  try {
    raw.pragma('foreign_keys = OFF');
    raw.prepare(DAMAGE_SQL[statement]).run(...args);
  } finally {
    raw.close();
  }
}
