import { openDatabase } from '@lepupitre/db-core';
import { globalSeeder, profileSeeder } from '@lepupitre/fixtures';
import Database from 'better-sqlite3';
import { TEST_SAFEGUARDS } from '@lepupitre/testing';

export interface StoredProfile {
  id: string;
  name: string;
  created_at: string;
  last_opened_at: string | null;
  is_active: number;
}

/** The committed rows, read through a separate connection as the next process would see them. */
export function storedProfiles(globalDbPath: string): StoredProfile[] {
  const raw = new Database(globalDbPath, { readonly: true, fileMustExist: true });
  try {
    return raw.prepare('SELECT id, name, created_at, last_opened_at, is_active FROM profiles ORDER BY created_at, id').all() as StoredProfile[];
  } finally {
    raw.close();
  }
}

/** A row written directly, as an older app, another process or a hand edit could leave it. */
export function insertRawProfile(globalDbPath: string, row: StoredProfile): void {
  const kit = globalSeeder(globalDbPath);
  try {
    kit.newProfile(row);
  } finally {
    kit.close();
  }
}

export interface TalkSeed {
  id: string;
  isTraining?: boolean;
}

/** Talks in a profile database, written as another context would (this one only reads them). */
export function insertTalks(profileDbPath: string, talks: readonly TalkSeed[]): void {
  openDatabase(profileDbPath, 'profile', { safeguards: TEST_SAFEGUARDS }).db.close();
  const kit = profileSeeder(profileDbPath, { clock: '2026-03-01T10:00:00+00:00' });
  try {
    for (const talk of talks) kit.newTalk({ id: talk.id, title: `Talk ${talk.id}`, is_training: talk.isTraining ? 1 : 0 });
  } finally {
    kit.close();
  }
}
