import Database from 'better-sqlite3';
import { createProject } from '@lepupitre/repo-talk';
import type { FaultWorld } from '@lepupitre/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandContext, ProfileSession } from '../../src/commands/command-context';
import type { CommandWorld } from './command-world';
import { recordedRun, transcriptV1, type Segment } from './media-fixtures';
import { openGuardedDatabase } from '@lepupitre/db-ops';

/*
 * Helpers for the talk commands' tests: the profile session the host has open, a run ready for
 * analysis outside any host (fault injection), and states no command produces.
 */

/** The profile's open database and folder, as the commands see them. */
export function sessionOf(world: CommandWorld, profileId: string): ProfileSession {
  return world.host.connections.profile(profileId);
}

/**
 * A profile folder with its migrated database outside any host, holding one talk and one
 * finished run with a transcript: the starting point of `run_analyze` for fault injection,
 * which needs to build a fresh world synchronously for every replay.
 */
export interface AnalyzableRunWorld extends FaultWorld {
  readonly runId: string;
  readonly transcriptId: string;
}

const folders: string[] = [];

export function openAnalyzableRunWorld(segments: readonly Segment[]): AnalyzableRunWorld {
  const folder = mkdtempSync(join(tmpdir(), 'lepupitre-run-analyze-'));
  folders.push(folder);
  const databasePath = join(folder, 'profile.db');
  const { db } = openGuardedDatabase(databasePath, 'profile');
  const projectId = createProject(db, { title: 'Keynote' });
  const { runId, transcriptId } = recordedRun({ db, dir: folder }, projectId, { document: transcriptV1(segments) });
  return { db, databasePath, folder, runId, transcriptId };
}

/** Removes every folder `openAnalyzableRunWorld` made (call from `afterAll`). */
export function removeAnalyzableRunWorlds(): void {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
}

/** A command context over one already open profile, for calling a handler directly. */
export function singleProfileContext(profileId: string, world: FaultWorld): CommandContext {
  return {
    dataDir: world.folder,
    appVersion: '0.0.0-test',
    globalDatabasePath: join(world.folder, 'global.db'),
    global: () => {
      throw new Error('this context has no global database');
    },
    profile: (id) => {
      if (id !== profileId) throw new Error(`unexpected profile ${id}`);
      return { id, db: world.db, dir: world.folder };
    },
    heldProfileDatabase: (id) => {
      return id === profileId ? world.db : null;
    },
    releaseProfile: () => undefined,
  };
}

/**
 * Runs SQL on a profile's database through a connection of its own, to put it in a state no
 * command produces (a cleared active talk, a trigger that makes a write miss its row).
 */
export function execOnProfile(world: CommandWorld, profileId: string, sqlText: string): void {
  const db = new Database(join(sessionOf(world, profileId).dir, 'profile.db'));
  try {
    db.exec(sqlText);
  } finally {
    db.close();
  }
}

/** Lets the clock move past the last written millisecond, so `updated_at` orders are strict. */
export function nextMillisecond(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 3));
}
