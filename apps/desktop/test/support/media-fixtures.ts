import { createProject, createRun, finishRun, importAudio, importTranscript, setRunTranscriptId, type StoredAudio } from '@lepupitre/repo-talk';
import { readFileSync, writeFileSync } from 'node:fs';
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import type { ProfileSession } from '../../src/commands/command-context';
import type { CommandWorld } from './command-world';
import { samplesIn, wavBytes } from './wav-bytes';

/**
 * Media for command tests: audio, transcripts and runs that carry both, stored through the talk
 * repositories on a profile's open connection (the commands that make them through the router
 * are tested elsewhere), and a small zip reader/writer to open an exported pack and write it
 * back, as a reviewer's tool would after filling the review.
 */

/** What the repositories need of a profile: its open database and its folder. */
export type ProfileFiles = Pick<ProfileSession, 'db' | 'dir'>;

export interface Segment {
  readonly t_start_ms: number;
  readonly t_end_ms: number;
  readonly text: string;
}

/** One segment a second per text, in order. */
export function timedSegments(texts: readonly string[]): Segment[] {
  return texts.map((text, i) => ({ t_start_ms: i * 1000, t_end_ms: (i + 1) * 1000, text }));
}

/** A TranscriptV1 document of these segments; the model and duration are unknown unless given. */
export function transcriptV1(
  segments: readonly Segment[],
  { modelId = null, durationMs = null }: { modelId?: string | null; durationMs?: number | null } = {},
): Record<string, unknown> {
  return {
    schema_version: '1.0.0',
    language: 'en',
    model_id: modelId,
    duration_ms: durationMs,
    segments: segments.map((s) => ({ t_start_ms: s.t_start_ms, t_end_ms: s.t_end_ms, text: s.text, confidence: null })),
  };
}

/** A TranscriptV1 document as a speech tool would hand it over. */
export function transcriptDocument(texts: readonly string[] = ['Hello everyone.', 'Today: the API.']): Record<string, unknown> {
  return transcriptV1(timedSegments(texts), { modelId: 'tiny', durationMs: texts.length * 1000 });
}

/** An audio artifact of `durationMs` milliseconds, as `audio_import_wav` stores it. */
export function storeAudio(session: ProfileFiles, durationMs = 1000): StoredAudio {
  return importAudio(session.db, session.dir, wavBytes({ samples: samplesIn(durationMs) }));
}

/** A transcript artifact of that audio holding `document` (TranscriptV1); returns its id. */
export function storeTranscriptDocument(session: ProfileFiles, audioId: string, document: Record<string, unknown>): string {
  return importTranscript(session.db, session.dir, { kind: 'json', audioArtifactId: audioId, document }).transcriptId;
}

/** A transcript artifact of that audio with these segments; returns its id. */
export function storeTranscript(session: ProfileFiles, audioId: string, segments: readonly Segment[]): string {
  return storeTranscriptDocument(session, audioId, transcriptV1(segments));
}

export interface RecordedRun {
  readonly runId: string;
  readonly audio: StoredAudio;
  readonly transcriptId: string;
}

/**
 * A finished run of the talk with its audio and a transcript, as the UI leaves it before asking
 * for feedback.
 */
export function recordedRun(
  session: ProfileFiles,
  projectId: string,
  { document = transcriptDocument(), durationMs = 1000 }: { document?: Record<string, unknown>; durationMs?: number } = {},
): RecordedRun {
  const audio = storeAudio(session, durationMs);
  const transcriptId = storeTranscriptDocument(session, audio.artifactId, document);
  const runId = createRun(session.db, projectId);
  finishRun(session.db, runId, audio.artifactId);
  setRunTranscriptId(session.db, runId, transcriptId);
  return { runId, audio, transcriptId };
}

export interface MediaRun {
  readonly projectId: string;
  readonly runId: string;
  readonly audioArtifactId: string;
  readonly audioPath: string;
  readonly transcriptId: string;
}

/** A new talk with one recorded run (two seconds of audio, the default transcript). */
export function seedMediaRun(world: CommandWorld, profileId: string, title = 'Cache talk'): MediaRun {
  const session = world.host.connections.profile(profileId);
  const projectId = createProject(session.db, { title });
  const { runId, audio, transcriptId } = recordedRun(session, projectId, { durationMs: 2000 });
  return { projectId, runId, audioArtifactId: audio.artifactId, audioPath: audio.path, transcriptId };
}

export interface ZipEntry {
  readonly name: string;
  readonly data: Buffer;
  /** 0 stored, 8 deflate. */
  readonly method: number;
}

/** Every entry of a zip without zip64 (what the app writes), read through its central directory. */
export function readZip(bytes: Buffer): ZipEntry[] {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip');
  const count = bytes.readUInt16LE(end + 10);
  let offset = bytes.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    const method = bytes.readUInt16LE(offset + 10);
    const compressedSize = bytes.readUInt32LE(offset + 20);
    const nameLength = bytes.readUInt16LE(offset + 28);
    const skipped = bytes.readUInt16LE(offset + 30) + bytes.readUInt16LE(offset + 32);
    const local = bytes.readUInt32LE(offset + 42);
    const name = bytes.toString('utf8', offset + 46, offset + 46 + nameLength);
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const raw = bytes.subarray(start, start + compressedSize);
    entries.push({ name, method, data: method === 8 ? inflateRawSync(raw) : Buffer.from(raw) });
    offset += 46 + nameLength + skipped;
  }
  return entries;
}

/** A plain zip: entries in order, regular-file mode, no zip64, no data descriptors. */
export function writeZip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const payload = entry.method === 8 ? deflateRawSync(entry.data) : entry.data;
    const crc = crc32(entry.data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt16LE(0x5a21, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(payload.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, payload);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(entry.method, 10);
    central.writeUInt16LE(0x5a21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(payload.length, 20);
    central.writeUInt32LE(entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + payload.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

export const REVIEW_ENTRY = 'review/review_template.json';

/** A review as a reviewer sends it back; keys deliberately not in alphabetical order. */
export const FILLED_REVIEW = {
  schema_version: '1.0.0',
  rubric_id: 'tech_talk_internal.v1',
  reviewer_tag: '  Alice ',
  scores: { structure: 4, clarity: 5, pacing: 2, audience_fit: 3, examples: 4 },
  free_text: { strengths: 'Clear demo', improvements: 'Slow down' },
  timestamps: [{ t_ms: 1200, note: 'nice hook' }],
};

/**
 * Copies an exported pack to `target` with its review entry replaced (the reviewer edits only
 * that file, which the manifest does not verify).
 */
export function withReview(packPath: string, target: string, review: unknown = FILLED_REVIEW): string {
  const entries = readZip(readFileSync(packPath)).map((entry) =>
    entry.name === REVIEW_ENTRY ? { ...entry, data: Buffer.from(JSON.stringify(review, null, 2), 'utf8') } : entry,
  );
  writeFileSync(target, writeZip(entries));
  return target;
}
