import { ArtifactStore, openDatabase, type DatabaseHandle } from '@lepupitre/db-core';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_SAFEGUARDS } from '@lepupitre/testing';

/** A profile folder with a migrated `profile.db`, in a fresh temporary directory. */
export interface TestProfile {
  readonly db: DatabaseHandle;
  readonly databasePath: string;
  readonly folder: string;
}

const folders: string[] = [];

export function newProfile(): TestProfile {
  const folder = mkdtempSync(join(tmpdir(), 'lepupitre-talk-'));
  folders.push(folder);
  const databasePath = join(folder, 'profile.db');
  const { db } = openDatabase(databasePath, 'profile', { safeguards: TEST_SAFEGUARDS });
  return { db, databasePath, folder };
}

/** A copy of a closed profile folder (database and files) in a fresh temporary directory. */
export function copyProfile(source: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'lepupitre-talk-'));
  folders.push(folder);
  cpSync(source, folder, { recursive: true });
  return folder;
}

/** Removes every folder made by `newProfile`; call from `afterAll`. */
export function removeProfiles(): void {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
}

/**
 * A clock that advances one millisecond per call from a fixed start, in the stored form
 * (`+00:00`, milliseconds): rows get distinct, ordered times without sleeping.
 */
export function steppingClock(start = Date.UTC(2026, 2, 1, 10, 0, 0, 1)): () => string {
  let t = start;
  return () => {
    const iso = new Date(t).toISOString();
    t += 1;
    return `${iso.slice(0, 23)}+00:00`;
  };
}

/** Stores an artifact through the shared store, as the recorder or an import would. */
export function storeArtifact(db: DatabaseHandle, folder: string, type: string, bytes: Uint8Array = Buffer.from('x')): string {
  const ext = type === 'audio' ? 'wav' : 'json';
  return db.transaction(() => new ArtifactStore(db, folder).store({ type, ext, bytes, metadata: {} }).id);
}
