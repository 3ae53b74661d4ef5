import { ArtifactStore, openDatabase, type DatabaseHandle } from '@lepupitre/db-core';
import { newId } from '@lepupitre/domain-primitives';
import { seedProfile } from '@lepupitre/fixtures';
import type { FaultWorld } from '@lepupitre/testing';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DAMAGE_SQL, insertRun } from './queries';
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

/**
 * A talk with an outline and one run with audio and transcript artifacts: the files through
 * the artifact store, then the talk-side rows with the seeding kit (the talk gets the next
 * free number, as repo-talk gives it).
 */
export function seedRun(world: ProfileWorld, options: SeedOptions = {}): SeededRun {
  const { db, profileDir, databasePath } = world;
  const store = new ArtifactStore(db, profileDir, fixedNow);
  const { audioId, transcriptId } = db.transaction(() => ({
    audioId: store.store({ type: 'audio', ext: 'wav', bytes: options.audio ?? noiseWav(4096), metadata: { format: 'wav' } }).id,
    transcriptId: store.store({ type: 'transcript', ext: 'json', bytes: options.transcript ?? SAMPLE_TRANSCRIPT, metadata: {} }).id,
  }));
  return seedProfile(
    databasePath,
    (kit) => {
      const projectId = kit.newTalk({ id: newId('proj'), title: options.title ?? 'Rust & <Kubernetes> "live"', stage: 'train' }).id;
      if (options.outline !== null) kit.newOutline({ project_id: projectId, outline_md: options.outline ?? '# Mon talk\n\n## Plan\n- déjà vu\n' });
      const runId = kit.newRun({ id: newId('run'), project_id: projectId, audio_artifact_id: audioId, transcript_id: transcriptId }).id;
      return { projectId, runId, audioId, transcriptId };
    },
    { clock: FIXED_NOW },
  );
}

/**
 * The run of an imported review, written inside the import's unit through the handle: it
 * names the audio and transcript artifacts that same unit stores, so it cannot be seeded
 * before it.
 */
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
