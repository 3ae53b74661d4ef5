import { recordAutoFeedback, runAnalysisInput } from '@lepupitre/repo-feedback';
import { getAttemptForAnalysis, linkAttemptFeedback, submitAudioAttempt, submitTextAttempt } from '@lepupitre/repo-quest';
import {
  createProject,
  createRun,
  finishRun,
  getRunAnalysisLinks,
  importAudio,
  importTranscript,
  linkRunFeedback,
  setRunTranscriptId,
} from '@lepupitre/repo-talk';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { ProfileSession } from '../../src/commands/command-context';
import type { CommandWorld } from './command-world';

/**
 * Rows and artifacts the quest and feedback commands read, made with the other contexts'
 * repositories directly on the profile session the host keeps open (the commands that make
 * them through the router are tested elsewhere).
 */

export interface ProfileFixture {
  readonly profileId: string;
  readonly session: ProfileSession;
  readonly projectId: string;
}

/** A new profile (through the router, as the UI makes it) with one talk. */
export async function profileWithProject(world: CommandWorld, title = 'Kubernetes at scale'): Promise<ProfileFixture> {
  const profileId = await world.createProfile();
  const session = world.host.connections.profile(profileId);
  return { profileId, session, projectId: addProject(session, title) };
}

export function addProject(session: ProfileSession, title = 'Another talk'): string {
  return createProject(session.db, { title });
}

/** A canonical 16 kHz mono PCM16 WAV of `ms` milliseconds (a ramp, so files differ by length). */
export function wavBytes(ms = 1000): Buffer {
  const samples = Math.round((ms * 16_000) / 1000);
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) data.writeInt16LE(i % 30_000, i * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8, 'latin1');
  header.write('fmt ', 12, 'latin1');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(16_000, 24);
  header.writeUInt32LE(32_000, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'latin1');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

/** An audio artifact id. */
export function storeAudio(session: ProfileSession, ms = 1000): string {
  return importAudio(session.db, session.dir, wavBytes(ms)).artifactId;
}

/** A transcript artifact of `audioId`, one segment per text, 1 s each. */
export function storeTranscript(session: ProfileSession, audioId: string, texts: readonly string[]): string {
  const segments = texts.map((text, i) => ({ t_start_ms: i * 1000, t_end_ms: (i + 1) * 1000, text, confidence: null }));
  const document = { schema_version: '1.0.0', language: 'en', model_id: null, duration_ms: null, segments };
  return importTranscript(session.db, session.dir, { kind: 'json', audioArtifactId: audioId, document }).transcriptId;
}

/** `createdAt` fixes the attempt's time where a test depends on the order of attempts. */
export function textAttempt(session: ProfileSession, projectId: string, text: string, questCode = 'A01', createdAt?: string): string {
  return submitTextAttempt(session.db, { projectId, questCode, text }, clock(createdAt));
}

/** An audio attempt, with a transcript of `texts` unless none are given. */
export function audioAttempt(
  session: ProfileSession,
  projectId: string,
  texts: readonly string[] | null,
  questCode = 'D01',
  createdAt?: string,
): { attemptId: string; audioId: string; transcriptId: string | null } {
  const audioId = storeAudio(session);
  const transcriptId = texts === null ? null : storeTranscript(session, audioId, texts);
  const attemptId = submitAudioAttempt(session.db, { projectId, questCode, audioArtifactId: audioId, transcriptId }, clock(createdAt));
  return { attemptId, audioId, transcriptId };
}

/** A fixed time as `2026-03-01T10:00:<ss>.000+00:00`, for rows whose order a test checks. */
export function at(second: number): string {
  return `2026-03-01T10:00:${String(second).padStart(2, '0')}.000+00:00`;
}

function clock(time: string | undefined): { now?: () => string } {
  return time === undefined ? {} : { now: () => time };
}

/** A finished run with a transcript of `texts`. */
export function runWithTranscript(session: ProfileSession, projectId: string, texts: readonly string[]): string {
  const runId = createRun(session.db, projectId);
  const audioId = storeAudio(session);
  finishRun(session.db, runId, audioId);
  setRunTranscriptId(session.db, runId, storeTranscript(session, audioId, texts));
  return runId;
}

/** A run's feedback recorded as run analysis records it, at a chosen time. */
export function runFeedback(session: ProfileSession, runId: string, createdAt: string): string {
  const { db, dir } = session;
  return db.transaction(() => {
    const input = runAnalysisInput(db, dir, getRunAnalysisLinks(db, runId).transcript_id);
    const { feedbackId } = recordAutoFeedback(db, dir, { subjectType: 'run', subjectId: runId, ...input }, { now: () => createdAt });
    linkRunFeedback(db, runId, feedbackId);
    return feedbackId;
  });
}

/** An attempt's feedback (written answer only) at a chosen time, as `analyze_attempt` records it. */
export function attemptFeedback(session: ProfileSession, attemptId: string, createdAt: string): string {
  const { db, dir } = session;
  return db.transaction(() => {
    const attempt = getAttemptForAnalysis(db, attemptId);
    const { feedbackId } = recordAutoFeedback(
      db,
      dir,
      { subjectType: 'quest_attempt', subjectId: attemptId, source: 'text', text: attempt.output_text ?? '', estimatedSec: attempt.estimated_sec },
      { now: () => createdAt },
    );
    linkAttemptFeedback(db, attemptId, feedbackId);
    return feedbackId;
  });
}

/**
 * Writes to the profile database through a connection of its own, for states no command
 * produces (a damaged row, a subject deleted behind a feedback).
 */
export function tamper(session: ProfileSession, sql: string, ...params: unknown[]): void {
  const db = new Database(join(session.dir, 'profile.db'));
  try {
    db.pragma('foreign_keys = ON');
    db.prepare(sql).run(...params);
  } finally {
    db.close();
  }
}

/** The artifact's file, for tests that damage or remove it. */
export function artifactPath(session: ProfileSession, artifactId: string): string {
  const db = new Database(join(session.dir, 'profile.db'), { readonly: true });
  try {
    const row = db.prepare('SELECT local_relpath FROM artifacts WHERE id = ?').get(artifactId) as { local_relpath: string } | undefined;
    if (!row) throw new Error(`no artifact ${artifactId}`);
    return join(session.dir, row.local_relpath);
  } finally {
    db.close();
  }
}

/** The artifact id of a feedback's JSON document. */
export function feedbackArtifactId(session: ProfileSession, feedbackId: string): string {
  const db = new Database(join(session.dir, 'profile.db'), { readonly: true });
  try {
    const row = db.prepare('SELECT feedback_json_artifact_id AS id FROM auto_feedback WHERE id = ?').get(feedbackId) as { id: string } | undefined;
    if (!row) throw new Error(`no feedback ${feedbackId}`);
    return row.id;
  } finally {
    db.close();
  }
}
