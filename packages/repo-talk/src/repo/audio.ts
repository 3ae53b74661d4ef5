import { ArtifactStore, type Artifact, type DatabaseHandle } from '@lepupitre/db-core';
import { DomainError, TranscriptErrorCode } from '@lepupitre/domain-primitives';
import { resolve } from 'node:path';
import { TalkErrorCode, type AudioTrimInput, type StoredAudio, type WriteOptions } from '../types';
import { requireArtifactOfKind } from './artifact-checks';
import { decodeWav, durationMs, encodeWav, pcmSlice, sampleRange, SAMPLE_RATE_HZ } from './wav';

const AUDIO_METADATA = { channels: 1, format: 'wav', sample_rate_hz: SAMPLE_RATE_HZ } as const;

/**
 * Audio import (the previous `recording_stop`'s registration, for audio that arrives as
 * bytes): a WAV that passes the reader rules becomes an audio artifact, interchangeable with a
 * recording for runs, quests, trim, transcripts and packs. Other WAV flavours are refused with
 * the reader's codes rather than converted. The stored file is the canonical form of the
 * samples (extra trailing bytes dropped), and `sha256`/`bytes` describe that file.
 */
export function importAudio(db: DatabaseHandle, profileDir: string, wavBytes: Uint8Array, options: WriteOptions = {}): StoredAudio {
  const audio = decodeWav(wavBytes);
  const file = encodeWav(audio.data);
  const artifact = db.transaction(() =>
    new ArtifactStore(db, profileDir, options.now).store({
      type: 'audio',
      ext: 'wav',
      bytes: file,
      metadata: { ...AUDIO_METADATA, source: 'upload' },
    }),
  );
  return storedAudio(profileDir, artifact, audio.sampleCount);
}

/** The pace a take without a recording is estimated at: a steady speaking pace. */
export const ESTIMATED_WORDS_PER_MINUTE = 130;
/** The silence made for one lasts one second to five minutes (9.6 MB): a longer text is estimated faster. */
const ESTIMATED_AUDIO_MS = { min: 1_000, max: 300_000 };

/**
 * The audio of a take that has only its text (typed, or imported from a file): silence as long
 * as saying `words` words takes at `ESTIMATED_WORDS_PER_MINUTE`, so that the analysis has a
 * duration, stored as an audio artifact whose metadata says it is an estimate. Returns it with
 * the pace that silence stands for, for the run to say its pace is an estimate. No word is
 * `transcript_empty`, before anything is written.
 */
export function importEstimatedAudio(db: DatabaseHandle, profileDir: string, words: number, options: WriteOptions = {}): { audio: StoredAudio; estimatedPaceWpm: number } {
  if (words <= 0) throw new DomainError(TranscriptErrorCode.EMPTY);
  const ms = Math.min(ESTIMATED_AUDIO_MS.max, Math.max(ESTIMATED_AUDIO_MS.min, Math.round((words / ESTIMATED_WORDS_PER_MINUTE) * 60_000)));
  const sampleCount = Math.round((ms * SAMPLE_RATE_HZ) / 1000);
  const artifact = db.transaction(() =>
    new ArtifactStore(db, profileDir, options.now).store({
      type: 'audio',
      ext: 'wav',
      bytes: encodeWav(Buffer.alloc(sampleCount * 2)),
      metadata: { ...AUDIO_METADATA, source: 'estimate' },
    }),
  );
  return { audio: storedAudio(profileDir, artifact, sampleCount), estimatedPaceWpm: Math.max(1, Math.round(words / (ms / 60_000))) };
}

/**
 * `audio_trim_wav`: a new audio artifact holding a range of an existing one; the source is
 * untouched. The range is clamped to the audio; the source is read through the store's
 * contained path resolution (the previous app read it without that check).
 */
export function trimAudio(db: DatabaseHandle, profileDir: string, input: AudioTrimInput, options: WriteOptions = {}): StoredAudio {
  if (!Number.isSafeInteger(input.startMs) || !Number.isSafeInteger(input.endMs)) throw new DomainError(TalkErrorCode.TRIM_RANGE_INVALID);
  return db.transaction(() => {
    requireArtifactOfKind(db, input.audioArtifactId, 'audio');
    const store = new ArtifactStore(db, profileDir, options.now);
    const source = decodeWav(store.read(input.audioArtifactId));
    const total = durationMs(source.sampleCount);
    if (total <= 0) throw new DomainError(TalkErrorCode.TRIM_SOURCE_EMPTY);
    const start = clamp(input.startMs, total);
    const end = clamp(input.endMs, total);
    if (end <= start) throw new DomainError(TalkErrorCode.TRIM_RANGE_INVALID);
    const range = sampleRange(start, end, source.sampleCount);
    if (range.end <= range.start) throw new DomainError(TalkErrorCode.TRIM_TOO_SHORT);
    const artifact = store.store({
      type: 'audio',
      ext: 'wav',
      bytes: encodeWav(pcmSlice(source, range.start, range.end)),
      metadata: {
        ...AUDIO_METADATA,
        source_audio_artifact_id: input.audioArtifactId,
        trim_kind: 'range_ms',
        trim_start_ms: start,
        trim_end_ms: end,
      },
    });
    return storedAudio(profileDir, artifact, range.end - range.start);
  });
}

function clamp(ms: number, total: number): number {
  return Math.min(Math.max(ms, 0), total);
}

function storedAudio(profileDir: string, artifact: Artifact, sampleCount: number): StoredAudio {
  return {
    path: resolve(profileDir, artifact.localRelpath),
    artifactId: artifact.id,
    bytes: artifact.bytes,
    sha256: artifact.sha256,
    durationMs: durationMs(sampleCount),
  };
}

/**
 * `audio_read_wav`: the bytes of an audio artifact, for playing it back (the page's voice
 * memos). Read through the store's contained path resolution, like every artifact read, and
 * refused with `audio_too_large_to_play` above `maxBytes` (checked on the row before the file
 * is read), since the whole file crosses the IPC as one string.
 */
export function readAudio(db: DatabaseHandle, profileDir: string, artifactId: string, maxBytes: number): Buffer {
  requireArtifactOfKind(db, artifactId, 'audio');
  const store = new ArtifactStore(db, profileDir);
  const artifact = store.get(artifactId);
  if (artifact && artifact.bytes > maxBytes) throw new DomainError(TalkErrorCode.AUDIO_TOO_LARGE_TO_PLAY);
  const bytes = store.read(artifactId);
  if (bytes.length > maxBytes) throw new DomainError(TalkErrorCode.AUDIO_TOO_LARGE_TO_PLAY);
  return bytes;
}
