import { openDatabase } from '@lepupitre/db-core';
import Database from 'better-sqlite3';
import { createProject, createRun, finishRun, importAudio, importTranscript, setRunTranscriptId } from '@lepupitre/repo-talk';
import type { FaultWorld } from '@lepupitre/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandContext, ProfileSession } from '../../src/commands/command-context';
import type { IpcError } from '../../src/ipc/ipc-result';
import type { CommandWorld } from './command-world';

/*
 * Audio and transcripts for the talk commands' tests, stored through the talk repository on
 * the profile the host has open (the commands that import them are tested elsewhere).
 */

const SAMPLE_RATE_HZ = 16_000;

/** A canonical PCM WAV (16-bit, mono, 16 kHz, 44-byte header) of silence. */
export function silentWav(durationMs: number): Buffer {
  const data = Buffer.alloc(Math.round((durationMs * SAMPLE_RATE_HZ) / 1000) * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8, 'latin1');
  header.write('fmt ', 12, 'latin1');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(SAMPLE_RATE_HZ, 24);
  header.writeUInt32LE(SAMPLE_RATE_HZ * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'latin1');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

export interface Segment {
  readonly t_start_ms: number;
  readonly t_end_ms: number;
  readonly text: string;
}

/** The profile's open database and folder, as the commands see them. */
export function sessionOf(world: CommandWorld, profileId: string): ProfileSession {
  return world.host.connections.profile(profileId);
}

/** A stored audio artifact (a short silent recording); returns its id. */
export function storeAudio(session: Pick<ProfileSession, 'db' | 'dir'>, durationMs = 1000): string {
  return importAudio(session.db, session.dir, silentWav(durationMs)).artifactId;
}

/** A stored transcript artifact of that audio with these segments; returns its id. */
export function storeTranscript(session: Pick<ProfileSession, 'db' | 'dir'>, audioId: string, segments: readonly Segment[]): string {
  const document = {
    schema_version: '1.0.0',
    language: 'en',
    model_id: null,
    duration_ms: null,
    segments: segments.map((s) => ({ ...s, confidence: null })),
  };
  return importTranscript(session.db, session.dir, { kind: 'json', audioArtifactId: audioId, document }).transcriptId;
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
  const { db } = openDatabase(databasePath, 'profile');
  const session = { db, dir: folder };
  const projectId = createProject(db, { title: 'Keynote' });
  const audioId = storeAudio(session);
  const transcriptId = storeTranscript(session, audioId, segments);
  const runId = createRun(db, projectId);
  finishRun(db, runId, audioId);
  setRunTranscriptId(db, runId, transcriptId);
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
    releaseProfile: () => undefined,
  };
}

/** The timestamps this app writes: UTC RFC 3339 with milliseconds and `+00:00`. */
export const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+00:00$/;

/** `IPC_INVALID_PAYLOAD` naming this field path (`payload.title`, `(payload)` for the whole). */
export function invalidPayload(field: string): { code: string; message: unknown } {
  return { code: 'IPC_INVALID_PAYLOAD', message: expect.stringContaining(`: ${field}: `) };
}

/** The error of a call that must fail and leave every database row and file as it was. */
export async function rejectsUnchanged(world: CommandWorld, name: string, payload: unknown): Promise<IpcError> {
  const before = world.snapshot();
  const error = await world.fail(name, payload);
  expect(world.snapshot()).toEqual(before);
  return error;
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
